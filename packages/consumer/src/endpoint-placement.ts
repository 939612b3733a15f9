import { configError, formatValue, isAzId, isUnresolved, requireSubnetPlacement, type SubnetRef, type VpcRef } from '@privatelink-cdktf/core';
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
  /** One subnet per Availability Zone; each gets a network interface of the endpoint. */
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
   * subnet's zone (`apne1-az1`; use the zone when subnet IDs are not known until apply).
   * @default {} - AWS picks the addresses
   */
  readonly subnetIpAddresses?: Readonly<Record<string, EndpointIpAddresses>>;
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-fA-F:]+$/;

/** Checks one subnet per AZ and, when given, that every subnet sits in a zone the service is offered in. */
export function validateEndpointSubnets(scope: IConstruct, props: EndpointPlacementProps): SubnetRef[] {
  const subnets = requireSubnetPlacement(scope, 'subnets', props.subnets, 1);
  const providerZones = props.providerAvailabilityZoneIds;
  if (providerZones === undefined) return subnets;
  if (providerZones.length === 0) {
    configError(scope, 'providerAvailabilityZoneIds', 'is empty', 'list the AZ IDs the provider publishes for the service, for example ["apne1-az1", "apne1-az4"], or leave it out');
  }
  for (const zone of providerZones) {
    if (!isUnresolved(zone) && !isAzId(zone)) {
      configError(scope, 'providerAvailabilityZoneIds', `has ${formatValue(zone)}, which is not an AZ ID`, 'give AZ IDs such as apne1-az1; AZ names like ap-northeast-1a differ between accounts and cannot be compared');
    }
  }
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

/** Renders `subnet_configuration` blocks from addresses keyed by subnet ID or zone. */
export function subnetConfiguration(scope: IConstruct, field: string, subnets: readonly SubnetRef[], addresses: Readonly<Record<string, EndpointIpAddresses>> | undefined): Array<{ subnetId: string; ipv4?: string; ipv6?: string }> | undefined {
  if (addresses === undefined || Object.keys(addresses).length === 0) return undefined;
  return Object.entries(addresses).map(([key, { ipv4, ipv6 }]) => {
    const keyField = `${field}.${key}`;
    const subnet = subnets.find((s) => s.subnetId === key || s.availabilityZoneId === key || s.availabilityZone === key);
    if (!subnet) configError(scope, field, `has key ${formatValue(key)}, which matches no subnet of the endpoint`, 'key each entry by one of the endpoint subnet IDs or their zones');
    if (ipv4 === undefined && ipv6 === undefined) configError(scope, keyField, 'has no address', 'give ipv4, ipv6 or both, or leave the subnet out');
    if (ipv4 !== undefined && !isUnresolved(ipv4) && !IPV4.test(ipv4)) configError(scope, `${keyField}.ipv4`, `is ${formatValue(ipv4)}`, 'give one IPv4 address inside the subnet, for example 10.0.0.10');
    if (ipv6 !== undefined && !isUnresolved(ipv6) && !(ipv6.includes(':') && IPV6.test(ipv6))) configError(scope, `${keyField}.ipv6`, `is ${formatValue(ipv6)}`, 'give one IPv6 address inside the subnet');
    return { subnetId: subnet.subnetId, ...(ipv4 !== undefined ? { ipv4 } : {}), ...(ipv6 !== undefined ? { ipv6 } : {}) };
  });
}

/** Private DNS names resolve only in a VPC with DNS support and DNS hostnames on. */
export function requireVpcDns(scope: IConstruct, vpc: VpcRef, field = 'privateDns'): void {
  if (vpc.dnsSupport === false || vpc.dnsHostnames === false) {
    configError(scope, field, 'is on but the VPC has DNS support or DNS hostnames off', 'turn on enable_dns_support and enable_dns_hostnames on the VPC, or set privateDns: false and use the endpoint\'s own DNS names');
  }
}
