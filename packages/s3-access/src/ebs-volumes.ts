import { configError, formatValue, isUnresolved, requireInteger, requireOneOf } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/** The EBS volume types the instances of this package use (SSD only). */
export type EbsVolumeType = 'gp3' | 'io1' | 'io2';
export const EBS_VOLUME_TYPES: readonly EbsVolumeType[] = ['gp3', 'io1', 'io2'];

/** What EC2 accepts per volume type, as the EBS user guide states it. */
export interface EbsVolumeLimits {
  readonly minGiB: number;
  readonly maxGiB: number;
  readonly minIops: number;
  readonly maxIops: number;
  /** Provisioned IOPS per GiB of size, at most. */
  readonly iopsPerGiB: number;
  /** io1 and io2 volumes must be given their IOPS; gp3 has a 3,000 IOPS baseline. */
  readonly iopsRequired: boolean;
}

export const EBS_VOLUME_LIMITS: Readonly<Record<EbsVolumeType, EbsVolumeLimits>> = {
  gp3: { minGiB: 1, maxGiB: 16384, minIops: 3000, maxIops: 16000, iopsPerGiB: 500, iopsRequired: false },
  io1: { minGiB: 4, maxGiB: 16384, minIops: 100, maxIops: 64000, iopsPerGiB: 50, iopsRequired: true },
  io2: { minGiB: 4, maxGiB: 65536, minIops: 100, maxIops: 256000, iopsPerGiB: 1000, iopsRequired: true },
};

/** Field names of one volume's settings, as the user wrote them (type and IOPS only where the user can set them). */
export interface VolumeFields {
  readonly size: string;
  /** @default - the size field */
  readonly type?: string;
  /** @default - the size field */
  readonly iops?: string;
}

/**
 * Fails unless the size, type and IOPS make a volume EC2 creates: the type's size range (never 0),
 * IOPS within the type's range and per-GiB ratio, IOPS given for io1/io2. `minGiB` raises the
 * floor for volumes an AMI or appliance needs larger (the Storage Gateway root needs 80 GiB).
 */
export function requireVolume(
  scope: IConstruct,
  fields: VolumeFields,
  volume: { readonly sizeGiB: number; readonly volumeType?: EbsVolumeType; readonly iops?: number },
  options: { readonly minGiB?: number; readonly why?: string } = {},
): void {
  const typeField = fields.type ?? fields.size;
  const iopsField = fields.iops ?? fields.size;
  const type = requireOneOf(scope, typeField, volume.volumeType ?? 'gp3', EBS_VOLUME_TYPES);
  const limits = EBS_VOLUME_LIMITS[type] ?? EBS_VOLUME_LIMITS.gp3;
  const min = Math.max(limits.minGiB, options.minGiB ?? 0);
  const size = requireInteger(scope, fields.size, volume.sizeGiB, { min, max: limits.maxGiB, unit: `GiB (${options.why ?? `a ${type} volume`})` });
  const iops = volume.iops;
  if (iops === undefined) {
    if (limits.iopsRequired) configError(scope, iopsField, `is missing for an ${type} volume`, `give the provisioned IOPS, from ${limits.minIops} to ${limits.maxIops}`);
    return;
  }
  requireInteger(scope, iopsField, iops, { min: limits.minIops, max: limits.maxIops, unit: `IOPS (a ${type} volume)` });
  // The type's minimum (gp3's 3,000 baseline) is allowed at every size; above it the per-GiB ratio applies.
  const allowed = Math.max(limits.minIops, size * limits.iopsPerGiB);
  if (!isUnresolved(iops) && !isUnresolved(size) && iops > allowed) {
    configError(scope, iopsField, `is ${formatValue(iops)} for ${size} GiB, more than the ${limits.iopsPerGiB} IOPS per GiB a ${type} volume allows`, `give at most ${allowed} IOPS, or a volume of at least ${Math.ceil(iops / limits.iopsPerGiB)} GiB`);
  }
}
