import { Route53ResolverEndpoint } from '@cdktf/provider-aws/lib/route53-resolver-endpoint';
import {
  applyConstructContract,
  configError,
  DedicatedSecurityGroup,
  formatValue,
  knownAwsContext,
  type MetaArguments,
  NAME_RULES,
  nameTags,
  physicalName,
  requireAddressInSubnet,
  requireArray,
  requireName,
  requireNarrowCidrs,
  requireNonEmpty,
  requireOneOf,
  requireString,
  requireSubnetPlacement,
  requireTimeouts,
  requireUnique,
  requireVpcRef,
  reportAs,
  type ResourceTimeouts,
  type SubnetRef,
  type VpcRef,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { requireSubnetAddresses } from './endpoint-placement';

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
   * be configured before apply and never change. With the subnet's `cidrBlock` known (core
   * PrivateNetwork subnets carry it), each must lie inside the subnet and not be one of the five
   * addresses AWS reserves in every subnet.
   * @default {} - AWS picks the addresses (read them from the endpoint after apply)
   */
  readonly ipAddresses?: Readonly<Record<string, string>>;
  /** Names the endpoint and its security group, for example `tenant-consumer-prod-inbound-dns`. */
  readonly name: string;
  /** `Do53`, `DoH` or `DoH-FIPS` alone, or `Do53` with one of the others. @default ['Do53'] */
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
    const { dependsOn } = applyConstructContract(this, props);
    requireString(this, 'name', props.name, 'give a name such as tenant-consumer-prod-inbound-dns', { nonEmpty: true });
    const endpointName = physicalName([props.name], 64);
    // The name is cleaned into the endpoint's; one that cleans to nothing is shown as it was given.
    if (endpointName === '') configError(this, 'name', `is ${formatValue(props.name)}, which has no letter or digit to name the endpoint`, 'give a name such as tenant-consumer-prod-inbound-dns');
    requireName(this, 'name', endpointName, NAME_RULES.resolverEndpoint);
    requireVpcRef(this, 'vpc', props.vpc);
    if (props.vpc.dnsSupport === false) configError(this, 'vpc', 'has DNS support off', 'turn on enable_dns_support on the VPC; the resolver answers only there');
    // AWS needs at least two addresses; two zones keep DNS up when one zone fails.
    // Zones are checked against the region the endpoint deploys to: its own provider's, else the stack's.
    const subnets = requireSubnetPlacement(this, 'subnets', props.subnets, 2, { region: knownAwsContext(this, { provider: props.provider }).region });
    // No option admits the whole internet here: a resolver open to it answers anyone's queries.
    const cidrs = requireNarrowCidrs(this, 'allowedCidrs', requireNonEmpty(this, 'allowedCidrs', props.allowedCidrs, 'give the CIDR blocks of the DNS servers that forward queries here, for example ["192.168.0.0/24"]'));
    const protocols = requireArray(this, 'protocols', props.protocols ?? ['Do53'], "give the protocols as a list, for example ['Do53']");
    requireNonEmpty(this, 'protocols', protocols, "give at least one protocol, for example ['Do53']");
    protocols.forEach((protocol) => requireOneOf(this, 'protocols', protocol, PROTOCOLS));
    requireUnique(this, 'protocols', protocols, 'list each protocol once');
    // An inbound endpoint takes Do53, DoH or DoH-FIPS alone, or Do53 with one of the others (the provider allows 2 at most).
    if (protocols.includes('DoH') && protocols.includes('DoH-FIPS')) {
      configError(this, 'protocols', `is ${formatValue(protocols)}`, "use DoH or DoH-FIPS, not both: an inbound endpoint takes one of them, alone or with 'Do53'");
    }
    // `??` has turned null into {} already.
    const addresses = props.ipAddresses ?? {};
    if (typeof addresses !== 'object' || Array.isArray(addresses)) {
      configError(this, 'ipAddresses', `is ${formatValue(addresses)}`, "key the addresses by subnet ID or zone, for example { 'apne1-az1': '10.0.0.53' }");
    }
    for (const [key, address] of Object.entries(addresses)) {
      const subnet = subnets.find((s) => s.subnetId === key || s.availabilityZoneId === key || s.availabilityZone === key);
      if (subnet) requireAddressInSubnet(this, `ipAddresses.${key}`, address, subnet);
    }

    const timeouts = requireTimeouts(this, 'timeouts', props.timeouts);
    const ports = protocols.some((p) => p !== 'Do53') ? [53, 443] : [53];
    // The group can fail only on what it takes from allowedCidrs or name: requireVpcRef has checked vpc.vpcId.
    this.securityGroup = reportAs(this, (field) => (field.startsWith('ingress') ? 'allowedCidrs' : 'name'), () =>
      new DedicatedSecurityGroup(this, 'SecurityGroup', {
        vpcId: props.vpc.vpcId,
        name: props.name,
        description: `DNS queries to the Resolver inbound endpoint ${props.name}`,
        ingress: [
          { ports, protocol: 'tcp', cidrs, description: 'DNS over TCP from forwarders' },
          { ports: [53], protocol: 'udp', cidrs, description: 'DNS over UDP from forwarders' },
        ],
      }),
    );
    const fixed = requireSubnetAddresses(this, 'ipAddresses', subnets, Object.fromEntries(Object.entries(addresses).map(([key, ipv4]) => [key, { ipv4 }])));
    const endpoint = new Route53ResolverEndpoint(this, 'Endpoint', {
      name: endpointName,
      direction: 'INBOUND',
      securityGroupIds: [this.securityGroup.securityGroupId],
      ipAddress: subnets.map((subnet) => ({ subnetId: subnet.subnetId, ip: fixed?.find((f) => f.subnetId === subnet.subnetId)?.ipv4 })),
      protocols: [...protocols],
      tags: nameTags(props.name, props.tags),
      dependsOn,
      timeouts,
    });
    this.resolverEndpointId = endpoint.id;
    this.resolverEndpointArn = endpoint.arn;
    this.securityGroupId = this.securityGroup.securityGroupId;
    this.fixedIpAddresses = subnets.flatMap((subnet) => fixed?.find((f) => f.subnetId === subnet.subnetId)?.ipv4 ?? []);
  }
}
