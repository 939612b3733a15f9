import { Route53ResolverEndpoint } from '@cdktf/provider-aws/lib/route53-resolver-endpoint';
import {
  configError,
  DedicatedSecurityGroup,
  dependsOnOf,
  type MetaArguments,
  nameTags,
  physicalName,
  requireNarrowCidrs,
  requireNonEmpty,
  requireOneOf,
  requireTimeouts,
  requireUnique,
  type ResourceTimeouts,
  type SubnetRef,
  useProvider,
  requireSubnetPlacement,
  type VpcRef,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { subnetConfiguration } from './endpoint-placement';

/** DNS protocols a Resolver endpoint answers on. */
export type ResolverProtocol = 'Do53' | 'DoH' | 'DoH-FIPS';
const PROTOCOLS: readonly ResolverProtocol[] = ['Do53', 'DoH', 'DoH-FIPS'];

export interface ResolverInboundEndpointProps extends MetaArguments {
  readonly vpc: VpcRef;
  /** Subnets in at least two Availability Zones, one each; each gets one resolver address. */
  readonly subnets: readonly SubnetRef[];
  /**
   * The networks whose DNS servers forward queries here (on-premises forwarders over Direct
   * Connect or VPN), admitted on TCP and UDP 53 (and 443 for DoH).
   */
  readonly allowedCidrs: readonly string[];
  /**
   * A fixed IPv4 address per subnet, keyed by subnet ID or zone, so on-premises forwarders can
   * be configured before apply and never change.
   * @default {} - AWS picks the addresses (read them from the endpoint after apply)
   */
  readonly ipAddresses?: Readonly<Record<string, string>>;
  /** Names the endpoint and its security group, for example `tenant-consumer-prod-inbound-dns`. */
  readonly name: string;
  /** @default ['Do53'] */
  readonly protocols?: readonly ResolverProtocol[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** How long Terraform waits to create, update or delete the endpoint. @default - the provider's (10m each) */
  readonly timeouts?: ResourceTimeouts;
}

/**
 * A Route 53 Resolver inbound endpoint with its own security group, so clients that arrive over
 * Direct Connect or VPN resolve the VPC's private names, including the private DNS names of
 * interface endpoints (which are only answered inside the VPC).
 */
export class ResolverInboundEndpoint extends Construct {
  public readonly resolverEndpointId: string;
  public readonly resolverEndpointArn: string;
  public readonly securityGroupId: string;
  public readonly securityGroup: DedicatedSecurityGroup;
  /** The fixed addresses, in subnet order; empty when AWS picks them. */
  public readonly fixedIpAddresses: readonly string[];

  constructor(scope: Construct, id: string, props: ResolverInboundEndpointProps) {
    super(scope, id);
    if (!props.name) configError(this, 'name', 'is empty', 'give a name such as tenant-consumer-prod-inbound-dns');
    if (props.vpc.dnsSupport === false) configError(this, 'vpc', 'has DNS support off', 'turn on enable_dns_support on the VPC; the resolver answers only there');
    // AWS needs at least two addresses; two zones keep DNS up when one zone fails.
    const subnets = requireSubnetPlacement(this, 'subnets', props.subnets, 2);
    const cidrs = requireNarrowCidrs(this, 'allowedCidrs', requireNonEmpty(this, 'allowedCidrs', props.allowedCidrs, 'give the CIDR blocks of the DNS servers that forward queries here, for example ["192.168.0.0/24"]'), {
      name: 'allowOpenIngress',
      given: false,
    });
    const protocols = props.protocols ?? ['Do53'];
    requireNonEmpty(this, 'protocols', protocols, "give at least one protocol, for example ['Do53']");
    protocols.forEach((protocol) => requireOneOf(this, 'protocols', protocol, PROTOCOLS));
    requireUnique(this, 'protocols', protocols, 'list each protocol once');

    const timeouts = requireTimeouts(this, 'timeouts', props.timeouts);
    const ports = protocols.some((p) => p !== 'Do53') ? [53, 443] : [53];
    this.securityGroup = new DedicatedSecurityGroup(this, 'SecurityGroup', {
      vpcId: props.vpc.vpcId,
      name: props.name,
      description: `DNS queries to the Resolver inbound endpoint ${props.name}`,
      ingress: [
        { ports, protocol: 'tcp', cidrs, description: 'DNS over TCP from forwarders' },
        { ports: [53], protocol: 'udp', cidrs, description: 'DNS over UDP from forwarders' },
      ],
    });
    const fixed = subnetConfiguration(this, 'ipAddresses', subnets, Object.fromEntries(Object.entries(props.ipAddresses ?? {}).map(([key, ipv4]) => [key, { ipv4 }])));
    const endpoint = new Route53ResolverEndpoint(this, 'Endpoint', {
      name: physicalName([props.name], 64),
      direction: 'INBOUND',
      securityGroupIds: [this.securityGroup.securityGroupId],
      ipAddress: subnets.map((subnet) => ({ subnetId: subnet.subnetId, ip: fixed?.find((f) => f.subnetId === subnet.subnetId)?.ipv4 })),
      protocols: [...protocols],
      tags: nameTags(props.name, props.tags),
      dependsOn: dependsOnOf(props),
      timeouts,
    });
    useProvider(this, props.provider);
    this.resolverEndpointId = endpoint.id;
    this.resolverEndpointArn = endpoint.arn;
    this.securityGroupId = this.securityGroup.securityGroupId;
    this.fixedIpAddresses = subnets.flatMap((subnet) => fixed?.find((f) => f.subnetId === subnet.subnetId)?.ipv4 ?? []);
  }
}
