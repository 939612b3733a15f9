import type { IConstruct } from 'constructs';
import { requireZone } from './aws/availability-zones';
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
