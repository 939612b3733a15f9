import type { IConstruct } from 'constructs';
import { requireZone } from './aws/availability-zones';
import { awsReservedAddresses, cidrContainsAddress, isAwsReservedAddress, requireCidr, requireIpAddress } from './aws/cidr';
import { configError, formatValue } from './config-error';
import { describeKind, isUnresolved } from './validate';

/**
 * A subnet with the zone it sits in. The zone is needed at synth time to prove that a load
 * balancer or an endpoint spans distinct Availability Zones. Give the AZ ID (`apne1-az1`) when
 * you know it: AZ names map to different zones in different accounts, AZ IDs do not.
 */
export interface SubnetRef {
  readonly subnetId: string;
  /** The AZ name, for example `ap-northeast-1a`. @default - only the AZ ID is known */
  readonly availabilityZone?: string;
  /** The AZ ID, for example `apne1-az1`. @default - only the AZ name is known */
  readonly availabilityZoneId?: string;
  /**
   * The subnet's IPv4 CIDR block, for example `10.0.16.0/20`. With it, fixed addresses given for
   * the subnet are checked at synth time: inside the block and not one AWS reserves.
   * @default - unknown: fixed addresses are checked only for their form
   */
  readonly cidrBlock?: string;
}

/** The zone a subnet sits in, by ID when known. */
export function zoneOf(subnet: SubnetRef): string | undefined {
  return subnet.availabilityZoneId ?? subnet.availabilityZone;
}

/**
 * Checks one subnet per Availability Zone and at least `minZones` zones; with `region`, every
 * zone must belong to it (`use1-az1` is refused in an ap-northeast-1 stack).
 */
export function requireSubnetPlacement(scope: IConstruct, field: string, subnets: readonly SubnetRef[] | undefined, minZones: number, options: { region?: string } = {}): SubnetRef[] {
  const fix = `give one subnet in each of at least ${minZones} Availability Zone${minZones > 1 ? 's' : ''}, for example [{ subnetId: 'subnet-...', availabilityZoneId: 'apne1-az1' }]`;
  if (subnets === undefined || subnets === null) configError(scope, field, subnets === null ? 'is null' : 'is missing', fix);
  if (!Array.isArray(subnets)) configError(scope, field, `is ${describeKind(subnets)}, not a list`, fix);
  if (subnets.length === 0) configError(scope, field, 'is empty', fix);
  const byZone = new Map<string, string>();
  subnets.forEach((subnet, index) => {
    if (typeof subnet !== 'object' || subnet === null || typeof subnet.subnetId !== 'string') {
      configError(scope, `${field}[${index}]`, `is ${formatValue(subnet)}`, "give { subnetId: 'subnet-...', availabilityZoneId: 'apne1-az1' }");
    }
    const zone = zoneOf(subnet);
    if (zone === undefined) {
      configError(scope, field, `has subnet ${formatValue(subnet.subnetId)} without a zone`, 'give its availabilityZone or availabilityZoneId');
    }
    if (subnet.cidrBlock !== undefined) requireCidr(scope, `${field}[${index}].cidrBlock`, subnet.cidrBlock, { family: 'ipv4', prefixLength: { min: 16, max: 28 } });
    if (isUnresolved(zone)) return;
    requireZone(scope, field, zone, options);
    const other = byZone.get(zone);
    if (other !== undefined) {
      configError(scope, field, `has two subnets in ${zone} (${formatValue(other)} and ${formatValue(subnet.subnetId)})`, 'give one subnet per Availability Zone');
    }
    byZone.set(zone, subnet.subnetId);
  });
  if (subnets.length < minZones) {
    configError(scope, field, `has ${subnets.length} subnet${subnets.length === 1 ? '' : 's'}`, `give subnets in at least ${minZones} Availability Zones`);
  }
  return [...subnets];
}

/**
 * Fails unless `address` is an IPv4 address that a network interface in `subnet` can take: inside
 * the subnet's `cidrBlock` (when known) and not one of the five addresses AWS reserves in every
 * subnet (network, router, DNS, future use, broadcast). Unresolved values pass.
 */
export function requireAddressInSubnet(scope: IConstruct, field: string, address: string, subnet: SubnetRef): string {
  requireIpAddress(scope, field, address, 'ipv4');
  const cidr = subnet.cidrBlock;
  if (isUnresolved(address) || cidr === undefined || isUnresolved(cidr)) return address;
  if (!cidrContainsAddress(cidr, address)) {
    configError(scope, field, `is ${formatValue(address)}, outside subnet ${formatValue(subnet.subnetId)} (${cidr})`, `give an address inside ${cidr}`);
  }
  if (isAwsReservedAddress(cidr, address)) {
    configError(scope, field, `is ${formatValue(address)}, which AWS reserves in subnet ${cidr} (${awsReservedAddresses(cidr).join(', ')})`, 'give another address of the subnet');
  }
  return address;
}
