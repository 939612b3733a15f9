import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';
import { AWS_REGIONS } from '../regions';
import { isUnresolved } from '../validate';

/**
 * The code each region's AZ IDs start with (`apne1-az1` is in ap-northeast-1). AZ IDs name the
 * same physical zone in every account; AZ names (`ap-northeast-1a`) are shuffled per account.
 */
export const AZ_ID_REGION_CODES: Readonly<Record<string, string>> = {
  'af-south-1': 'afs1',
  'ap-east-1': 'ape1',
  'ap-east-2': 'ape2',
  'ap-northeast-1': 'apne1',
  'ap-northeast-2': 'apne2',
  'ap-northeast-3': 'apne3',
  'ap-south-1': 'aps1',
  'ap-south-2': 'aps2',
  'ap-southeast-1': 'apse1',
  'ap-southeast-2': 'apse2',
  'ap-southeast-3': 'apse3',
  'ap-southeast-4': 'apse4',
  'ap-southeast-5': 'apse5',
  'ap-southeast-6': 'apse6',
  'ap-southeast-7': 'apse7',
  'ca-central-1': 'cac1',
  'ca-west-1': 'caw1',
  'eu-central-1': 'euc1',
  'eu-central-2': 'euc2',
  'eu-north-1': 'eun1',
  'eu-south-1': 'eus1',
  'eu-south-2': 'eus2',
  'eu-west-1': 'euw1',
  'eu-west-2': 'euw2',
  'eu-west-3': 'euw3',
  'il-central-1': 'ilc1',
  'me-central-1': 'mec1',
  'me-south-1': 'mes1',
  'mx-central-1': 'mxc1',
  'sa-east-1': 'sae1',
  'us-east-1': 'use1',
  'us-east-2': 'use2',
  'us-west-1': 'usw1',
  'us-west-2': 'usw2',
  'cn-north-1': 'cnn1',
  'cn-northwest-1': 'cnnw1',
  'us-gov-east-1': 'usge1',
  'us-gov-west-1': 'usgw1',
};

const REGION_BY_CODE = new Map(Object.entries(AZ_ID_REGION_CODES).map(([region, code]) => [code, region]));

/** An AZ ID: `apne1-az1`, or a Local Zone's `usw2-lax1-az1`. The only AZ ID pattern of the repository. */
export const AZ_ID_PATTERN = /^([a-z]+[0-9]+)(-[a-z]+[0-9]+)?-az([0-9]+)$/;
/** An AZ name: `ap-northeast-1a`, or a Local Zone's `us-west-2-lax-1a`. */
export const AZ_NAME_PATTERN = /^([a-z]{2}(?:-gov)?-[a-z]+-[0-9])(-[a-z]+-[0-9])?([a-z])$/;

export function isAzId(zone: string): boolean {
  return typeof zone === 'string' && AZ_ID_PATTERN.test(zone);
}

export function isAzName(zone: string): boolean {
  return typeof zone === 'string' && AZ_NAME_PATTERN.test(zone);
}

/** The region an AZ ID belongs to (`apne1-az1` → `ap-northeast-1`), or `undefined` for an unknown code. */
export function regionOfAzId(zoneId: string): string | undefined {
  const match = typeof zoneId === 'string' ? AZ_ID_PATTERN.exec(zoneId) : null;
  return match ? REGION_BY_CODE.get(match[1]) : undefined;
}

/** The region an AZ name belongs to (`ap-northeast-1a` → `ap-northeast-1`), or `undefined` when it is not an AZ name of a known region. */
export function regionOfAzName(zoneName: string): string | undefined {
  const match = typeof zoneName === 'string' ? AZ_NAME_PATTERN.exec(zoneName) : null;
  return match && AWS_REGIONS.includes(match[1]) ? match[1] : undefined;
}

/** The region of a zone given by ID or by name. */
export function regionOfZone(zone: string): string | undefined {
  return isAzId(zone) ? regionOfAzId(zone) : regionOfAzName(zone);
}

/**
 * The zone's number counted from 1: the digits of an AZ ID (`apne1-az4` → 4) or the letter of an
 * AZ name (`ap-northeast-1c` → 3). Stable keys for carving one subnet per zone.
 */
export function zoneNumber(zone: string): number | undefined {
  const id = typeof zone === 'string' ? AZ_ID_PATTERN.exec(zone) : null;
  if (id) return Number(id[3]);
  const name = typeof zone === 'string' ? AZ_NAME_PATTERN.exec(zone) : null;
  return name ? name[3].charCodeAt(0) - 'a'.charCodeAt(0) + 1 : undefined;
}

/** The AZ ID code of a region (`ap-northeast-1` → `apne1`), for examples in messages. */
export function azIdExample(region: string | undefined): string {
  return `${(region && AZ_ID_REGION_CODES[region]) ?? 'apne1'}-az1`;
}

/** Fails unless `zoneId` is an AZ ID, of `region` when given (`use1-az1` is refused in an ap-northeast-1 stack). */
export function requireAzId(scope: IConstruct, field: string, zoneId: string, options: { region?: string } = {}): string {
  if (isUnresolved(zoneId)) return zoneId;
  if (!isAzId(zoneId)) {
    const hint = isAzName(zoneId) ? ': it is an AZ name, which differs between accounts' : '';
    configError(scope, field, `has ${formatValue(zoneId)}, which is not an AZ ID${hint}`, `give AZ IDs such as ${azIdExample(options.region)}`);
  }
  return requireZoneInRegion(scope, field, zoneId, regionOfAzId(zoneId), options.region);
}

/** Fails unless `zone` is an AZ ID or an AZ name, of `region` when given. */
export function requireZone(scope: IConstruct, field: string, zone: string, options: { region?: string } = {}): string {
  if (isUnresolved(zone)) return zone;
  if (!isAzId(zone) && !isAzName(zone)) {
    const region = options.region ?? 'ap-northeast-1';
    configError(scope, field, `has ${formatValue(zone)}, which is neither an AZ ID nor an AZ name`, `give an AZ ID such as ${azIdExample(options.region)} or an AZ name such as ${region}a`);
  }
  return requireZoneInRegion(scope, field, zone, regionOfZone(zone), options.region);
}

function requireZoneInRegion(scope: IConstruct, field: string, zone: string, zoneRegion: string | undefined, region: string | undefined): string {
  if (zoneRegion === undefined) {
    configError(scope, field, `has ${formatValue(zone)}, which belongs to no known region`, `give a zone of ${region ?? 'the stack\'s region'}, for example ${azIdExample(region)}`);
  }
  if (region !== undefined && !isUnresolved(region) && zoneRegion !== region) {
    configError(scope, field, `has ${formatValue(zone)}, a zone of ${zoneRegion}, but the stack deploys to ${region}`, `give zones of ${region}, for example ${azIdExample(region)}`);
  }
  return zone;
}
