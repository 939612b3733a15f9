import { VpcEndpoint, type VpcEndpointDnsEntryList } from '@cdktf/provider-aws/lib/vpc-endpoint';
import {
  applyConstructContract,
  awsContext,
  type Connectable,
  type Connections,
  type DedicatedSecurityGroup,
  type MetaArguments,
  nameTags,
  providerRegion,
  requireBoolean,
  type Peer,
  requireArn,
  requireString,
  requireTimeouts,
  type ResourceTimeouts,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { type EndpointAccessProps, endpointSecurityGroup } from './endpoint-access';
import { type EndpointPlacementProps, requireVpcDns, requireEndpointPlacement } from './endpoint-placement';
import { type DnsRecordIpType, type EndpointIpAddressType, requireIpTypes } from './ip-address-type';

/** What resource and service-network endpoints share. */
export interface LatticeEndpointProps extends Omit<EndpointPlacementProps, 'subnetIpAddresses'>, EndpointAccessProps, MetaArguments {
  /** Names the endpoint and its security group. */
  readonly name: string;
  /** Resolve the resources' custom domain names to the endpoint inside the VPC. @default false */
  readonly privateDns?: boolean;
  /** @default - not set (AWS: 'ipv4') */
  readonly ipAddressType?: EndpointIpAddressType;
  /** @default - not set (AWS: matches ipAddressType) */
  readonly dnsRecordIpType?: DnsRecordIpType;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** How long Terraform waits to create, update or delete the endpoint. @default - the provider's (10m each) */
  readonly timeouts?: ResourceTimeouts;
}

/**
 * A `Resource` or `ServiceNetwork` endpoint: validated placement, a dedicated security group, and
 * the VPC Lattice ARN it connects to. Use {@link ResourceEndpoint} or {@link ServiceNetworkEndpoint}.
 */
export abstract class LatticeEndpoint extends Construct implements Connectable {
  public readonly endpointId: string;
  public readonly endpointArn: string;
  public readonly state: string;
  public readonly dnsEntries: VpcEndpointDnsEntryList;
  public readonly networkInterfaceIds: string[];
  public readonly securityGroupId: string;
  /** @default - undefined when securityGroupId was given */
  public readonly securityGroup?: DedicatedSecurityGroup;
  /** Its own group first, then additionalSecurityGroupIds. */
  public readonly securityGroupIds: readonly string[];
  public readonly connections: Connections;
  public readonly endpoint: VpcEndpoint;

  protected constructor(
    scope: Construct,
    id: string,
    props: LatticeEndpointProps,
    target: { readonly type: 'Resource' | 'ServiceNetwork'; readonly field: string; readonly arn: string },
  ) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireString(this, 'name', props.name, 'give the endpoint a name such as tenant-consumer-prod-orders-db', { nonEmpty: true });
    const { region } = awsContext(this, { region: providerRegion(provider) });
    // A resource configuration or service network may be shared from another account, never from another region.
    requireArn(this, target.field, target.arn, { service: 'vpc-lattice', resourceTypes: [target.type === 'Resource' ? 'resourceconfiguration' : 'servicenetwork'], region });
    const subnets = requireEndpointPlacement(this, props, region);
    const privateDns = requireBoolean(this, 'privateDns', props.privateDns) ?? false;
    if (privateDns) requireVpcDns(this, props.vpc);
    requireIpTypes(this, props.ipAddressType, props.dnsRecordIpType);
    const timeouts = requireTimeouts(this, 'timeouts', props.timeouts);
    const access = endpointSecurityGroup(this, props, `Clients of the ${target.type === 'Resource' ? 'resource' : 'service network'} endpoint ${props.name}`);
    this.endpoint = new VpcEndpoint(this, 'Endpoint', {
      vpcId: props.vpc.vpcId,
      vpcEndpointType: target.type,
      ...(target.type === 'Resource' ? { resourceConfigurationArn: target.arn } : { serviceNetworkArn: target.arn }),
      subnetIds: subnets.map((s) => s.subnetId),
      securityGroupIds: access.securityGroupIds,
      privateDnsEnabled: privateDns,
      ipAddressType: props.ipAddressType,
      dnsOptions: props.dnsRecordIpType ? { dnsRecordIpType: props.dnsRecordIpType } : undefined,
      tags: nameTags(props.name, props.tags),
      dependsOn,
      timeouts,
    });
    this.endpointId = this.endpoint.id;
    this.endpointArn = this.endpoint.arn;
    this.state = this.endpoint.state;
    this.dnsEntries = this.endpoint.dnsEntry;
    this.networkInterfaceIds = this.endpoint.networkInterfaceIds;
    this.securityGroupId = access.securityGroupId;
    this.securityGroup = access.securityGroup;
    this.securityGroupIds = access.securityGroupIds;
    this.connections = access.connections;
  }

  /** Admits `peer` (a CIDR, a group or prefix list, or a construct with a security group) on `ports` (default: the endpoint's). */
  public allowFrom(peer: Peer, ports?: readonly number[]): void {
    this.connections.allowFrom(peer, ports);
  }
}
