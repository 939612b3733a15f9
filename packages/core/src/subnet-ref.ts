import type { IConstruct } from 'constructs';
import { configError, show } from './config-error';
import { isUnresolved } from './validate';

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

/** Checks one subnet per Availability Zone and at least `minZones` zones. */
export function validateSubnetPlacement(scope: IConstruct, field: string, subnets: readonly SubnetRef[] | undefined, minZones: number): SubnetRef[] {
  if (!subnets || subnets.length === 0) {
    configError(scope, field, 'is empty', `give one subnet in each of at least ${minZones} Availability Zone${minZones > 1 ? 's' : ''}`);
  }
  const byZone = new Map<string, string>();
  for (const subnet of subnets) {
    const zone = zoneOf(subnet);
    if (zone === undefined) {
      configError(scope, field, `has subnet ${show(subnet.subnetId)} without a zone`, 'give its availabilityZone or availabilityZoneId');
    }
    if (isUnresolved(zone)) continue;
    const other = byZone.get(zone);
    if (other !== undefined) {
      configError(scope, field, `has two subnets in ${zone} (${show(other)} and ${show(subnet.subnetId)})`, 'give one subnet per Availability Zone');
    }
    byZone.set(zone, subnet.subnetId);
  }
  if (subnets.length < minZones) {
    configError(scope, field, `has ${subnets.length} subnet${subnets.length === 1 ? '' : 's'}`, `give subnets in at least ${minZones} Availability Zones`);
  }
  return [...subnets];
}
