import {
  configError,
  formatValue,
  isUnresolved,
  requireAddressInSubnet,
  requireAzId,
  requireIpAddress,
  requireNonEmpty,
  requireSubnetPlacement,
  requireVpcRef,
  type SubnetRef,
  type VpcRef,
} from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/** Fixed addresses for an endpoint's network interface in one subnet. */
export interface EndpointIpAddresses {
  /** An IPv4 address inside the subnet. @default - AWS picks one */
  readonly ipv4?: string;
  /** An IPv6 address inside the subnet. @default - AWS picks one */
  readonly ipv6?: string;
}

/** Where an endpoint's network interfaces go. */
export interface EndpointPlacementProps {
  /** The consumer VPC, for example a core `PrivateNetwork`, or `{ vpcId, cidrBlocks }` for an existing one. */
  readonly vpc: VpcRef;
  /** One subnet per Availability Zone of the endpoint's region; each gets a network interface of the endpoint. */
  readonly subnets: readonly SubnetRef[];
  /**
   * The AZ IDs the service is offered in (`apne1-az1`), as its provider publishes them. Every
   * subnet must then carry its `availabilityZoneId` and sit in one of them. AZ IDs, not names:
   * `ap-northeast-1a` is a different zone in the provider's account than in yours.
   * @default - not checked (AWS rejects a subnet in an unsupported zone at apply time)
   */
  readonly providerAvailabilityZoneIds?: readonly string[];
  /**
   * Fixed IP addresses per subnet (`subnet_configuration`), keyed by subnet ID or by the
   * subnet's zone (`apne1-az1`; use the zone when subnet IDs are not known until apply). With a
   * subnet's `cidrBlock` known, each IPv4 address must lie inside it and not be one of the five
   * addresses AWS reserves in every subnet.
   * @default {} - AWS picks the addresses
   */
  readonly subnetIpAddresses?: Readonly<Record<string, EndpointIpAddresses>>;
}

/**
 * Checks the VPC, one subnet per AZ of `region` and, when given, that every subnet sits in a zone
 * the service is offered in.
 */
export function requireEndpointPlacement(scope: IConstruct, props: EndpointPlacementProps, region: string): SubnetRef[] {
  requireVpcRef(scope, 'vpc', props.vpc);
  const subnets = requireSubnetPlacement(scope, 'subnets', props.subnets, 1, { region });
  const providerZones = props.providerAvailabilityZoneIds;
  if (providerZones === undefined) return subnets;
  requireNonEmpty(scope, 'providerAvailabilityZoneIds', providerZones, `list the AZ IDs the provider publishes for the service, for example ["apne1-az1", "apne1-az4"], or leave it out`);
  providerZones.forEach((zone) => requireAzId(scope, 'providerAvailabilityZoneIds', zone, { region }));
  for (const subnet of subnets) {
    const zoneId = subnet.availabilityZoneId;
    if (zoneId === undefined) {
      configError(
        scope,
        'subnets',
        `has subnet ${formatValue(subnet.subnetId)} with only an AZ name (${formatValue(subnet.availabilityZone)})`,
        "give its availabilityZoneId (for example 'apne1-az1'): AZ names map to different zones in the provider's account, so only AZ IDs can be checked against providerAvailabilityZoneIds",
      );
    }
    if (isUnresolved(zoneId) || providerZones.some(isUnresolved)) continue;
    if (!providerZones.includes(zoneId)) {
      configError(
        scope,
        'subnets',
        `has subnet ${formatValue(subnet.subnetId)} in ${zoneId}, where the service is not offered (${providerZones.join(', ')})`,
        'place the endpoint only in subnets of those zones, or ask the provider to add a load balancer in that zone',
      );
    }
  }
  return subnets;
}

/**
 * Checks fixed addresses keyed by subnet ID or zone (each inside its subnet, none of the five AWS
 * reserves) and renders them as `subnet_configuration` blocks.
 */
export function requireSubnetAddresses(scope: IConstruct, field: string, subnets: readonly SubnetRef[], addresses: Readonly<Record<string, EndpointIpAddresses>> | undefined): Array<{ subnetId: string; ipv4?: string; ipv6?: string }> | undefined {
  if (addresses === undefined) return undefined;
  if (typeof addresses !== 'object' || addresses === null || Array.isArray(addresses)) {
    configError(scope, field, `is ${formatValue(addresses)}`, "key the addresses by subnet ID or zone, for example { 'apne1-az1': ... }");
  }
  if (Object.keys(addresses).length === 0) return undefined;
  return Object.entries(addresses).map(([key, entry]) => {
    const keyField = `${field}.${key}`;
    const subnet = subnets.find((s) => s.subnetId === key || s.availabilityZoneId === key || s.availabilityZone === key);
    if (!subnet) configError(scope, field, `has key ${formatValue(key)}, which matches no subnet of the endpoint`, 'key each entry by one of the endpoint subnet IDs or their zones');
    const { ipv4, ipv6 } = (typeof entry === 'object' && entry !== null ? entry : {}) as EndpointIpAddresses;
    if (ipv4 === undefined && ipv6 === undefined) configError(scope, keyField, 'has no address', 'give ipv4, ipv6 or both, or leave the subnet out');
    if (ipv4 !== undefined) requireAddressInSubnet(scope, `${keyField}.ipv4`, ipv4, subnet);
    if (ipv6 !== undefined) requireIpAddress(scope, `${keyField}.ipv6`, ipv6, 'ipv6');
    return { subnetId: subnet.subnetId, ...(ipv4 !== undefined ? { ipv4 } : {}), ...(ipv6 !== undefined ? { ipv6 } : {}) };
  });
}

/** Private DNS names resolve only in a VPC with DNS support and DNS hostnames on. */
export function requireVpcDns(scope: IConstruct, vpc: VpcRef, field = 'privateDns'): void {
  if (vpc.dnsSupport === false || vpc.dnsHostnames === false) {
    configError(scope, field, 'is on but the VPC has DNS support or DNS hostnames off', 'turn on enable_dns_support and enable_dns_hostnames on the VPC, or set privateDns: false and use the endpoint\'s own DNS names');
  }
}
