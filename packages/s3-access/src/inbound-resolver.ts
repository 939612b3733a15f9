import { Route53ResolverEndpoint } from '@cdktf/provider-aws/lib/route53-resolver-endpoint';
import { useProvider } from '@privatelink-cdktf/consumer';
import { DedicatedSecurityGroup, nameTags, type SubnetRef, validateSubnetPlacement, zoneOf } from '@privatelink-cdktf/core';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { requireClientCidrs } from './client-cidrs';

export interface InboundResolverProps {
  /** Names the endpoint and its security group. */
  readonly name: string;
  readonly vpcId: string;
  /** Subnets in at least two Availability Zones; one resolver address each. */
  readonly subnets: readonly SubnetRef[];
  /** The on-premises DNS servers (or networks) that forward queries to the endpoint. */
  readonly clientCidrs: readonly string[];
  /** Fixed resolver addresses keyed by zone, to write into on-premises forwarders. @default - AWS picks them */
  readonly ipAddresses?: Readonly<Record<string, string>>;
  /** @default - the default provider */
  readonly provider?: TerraformProvider;
}

/**
 * A Route 53 Resolver inbound endpoint: on-premises DNS servers forward `s3.<region>.amazonaws.com`
 * (conditional forwarder) to its addresses and get the private addresses of the VPC's S3
 * interface endpoint. Admits DNS (TCP and UDP 53) from the given networks only. Costs an hourly
 * fee per address (at least two) and per million queries.
 */
export class InboundResolver extends Construct {
  public readonly resolverEndpointId: string;
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: InboundResolverProps) {
    super(scope, id);
    useProvider(this, props.provider);
    const subnets = validateSubnetPlacement(this, 'subnets', props.subnets, 2);
    const clientCidrs = requireClientCidrs(this, 'clientCidrs', props.clientCidrs, 'list the on-premises DNS servers that forward to the endpoint, for example ["192.168.0.10/32"]');
    const securityGroup = new DedicatedSecurityGroup(this, 'SecurityGroup', {
      vpcId: props.vpcId,
      name: `${props.name}-inbound-resolver`,
      description: `DNS from on-premises to ${props.name}`,
      ingress: [
        { ports: [53], protocol: 'udp', cidrs: clientCidrs, description: 'DNS from on-premises' },
        { ports: [53], protocol: 'tcp', cidrs: clientCidrs, description: 'DNS from on-premises' },
      ],
    });
    const endpoint = new Route53ResolverEndpoint(this, 'Endpoint', {
      name: `${props.name}-inbound`,
      direction: 'INBOUND',
      securityGroupIds: [securityGroup.securityGroupId],
      ipAddress: subnets.map((subnet) => {
        const ip = props.ipAddresses?.[zoneOf(subnet) ?? ''];
        return { subnetId: subnet.subnetId, ...(ip ? { ip } : {}) };
      }),
      protocols: ['Do53'],
      tags: nameTags(`${props.name}-inbound`),
    });
    this.resolverEndpointId = endpoint.id;
    this.securityGroupId = securityGroup.securityGroupId;
  }
}
