import * as ipaddr from 'ipaddr.js';
import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';
import { isUnresolved } from '../validate';

// CIDR arithmetic for both IP families on ipaddr.js: addresses are handled as bigints so IPv4 and
// IPv6 share one code path.

export type IpFamily = 'ipv4' | 'ipv6';

const BITS: Record<IpFamily, number> = { ipv4: 32, ipv6: 128 };
const PREFIX = /^\d{1,3}$/;

/** An IP address as a number of its family. */
export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

/** A CIDR block as written, with its range. */
export interface ParsedCidr {
  readonly family: IpFamily;
  readonly prefixLength: number;
  /** The address as written (`10.0.0.1` in `10.0.0.1/16`). */
  readonly address: bigint;
  /** The first and last address of the block. */
  readonly first: bigint;
  readonly last: bigint;
  /** The block written with its network address: `10.0.0.0/16` for `10.0.0.1/16`. */
  readonly network: string;
  /** True when bits beyond the prefix are set (`10.0.0.1/16`): AWS refuses such a block. */
  readonly hasHostBits: boolean;
}

/** Parses an IPv4 address in dotted-quad form or an IPv6 address; `undefined` when malformed. */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (typeof text !== 'string') return undefined;
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return { family: 'ipv4', value: bytesToBigint(ipaddr.IPv4.parse(text).toByteArray()) };
  // No zone IDs (`fe80::1%eth0`); ipaddr.js takes an IPv6 address only with its colons.
  if (!text.includes('%') && ipaddr.IPv6.isValid(text)) return { family: 'ipv6', value: bytesToBigint(ipaddr.IPv6.parse(text).toByteArray()) };
  return undefined;
}

/** True for a literal IP address (of `family`, when given). */
export function isIpAddress(text: string, family?: IpFamily): boolean {
  const address = parseIpAddress(text);
  return address !== undefined && (family === undefined || address.family === family);
}

/** Writes an address of a family in its usual form (`10.0.0.2`, `2001:db8::1`). */
export function formatIpAddress(address: IpAddress): string {
  const bytes: number[] = [];
  let value = address.value;
  for (let i = 0; i < BITS[address.family] / 8; i += 1) {
    bytes.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  // An IPv6 address writes itself in its RFC 5952 form (`2001:db8::1`).
  return ipaddr.fromByteArray(bytes).toString();
}

/** Parses `address/prefix` for IPv4 or IPv6; `undefined` when malformed. Host bits are allowed here and reported. */
export function parseCidr(text: string): ParsedCidr | undefined {
  if (typeof text !== 'string') return undefined;
  // Without a slash, or with a second one, the prefix is not 1 to 3 digits alone.
  const slash = text.indexOf('/');
  const address = parseIpAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !PREFIX.test(prefixText)) return undefined;
  const prefixLength = Number(prefixText);
  const bits = BITS[address.family];
  if (prefixLength > bits) return undefined;
  const hostMask = (1n << BigInt(bits - prefixLength)) - 1n;
  const first = address.value & ~hostMask;
  return {
    family: address.family,
    prefixLength,
    address: address.value,
    first,
    last: first | hostMask,
    network: `${formatIpAddress({ family: address.family, value: first })}/${prefixLength}`,
    hasHostBits: first !== address.value,
  };
}

/** True for a well-formed IPv4 or IPv6 CIDR block (host bits allowed). */
export function isCidr(text: string): boolean {
  return parseCidr(text) !== undefined;
}

/** True when two CIDR blocks of the same family share at least one address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const pa = parseCidr(a);
  const pb = parseCidr(b);
  if (!pa || !pb || pa.family !== pb.family) return false;
  return pa.first <= pb.last && pb.first <= pa.last;
}

/** True when `inner` lies entirely inside `outer` (same family). */
export function cidrContains(outer: string, inner: string): boolean {
  const po = parseCidr(outer);
  const pi = parseCidr(inner);
  if (!po || !pi || po.family !== pi.family) return false;
  return po.first <= pi.first && pi.last <= po.last;
}

/** True when the address lies inside the CIDR block (same family). */
export function cidrContainsAddress(cidr: string, address: string): boolean {
  const block = parseCidr(cidr);
  const ip = parseIpAddress(address);
  if (!block || !ip || block.family !== ip.family) return false;
  return block.first <= ip.value && ip.value <= block.last;
}

/** The address `offset` places after the block's first address (`10.0.0.0/16`, 2 → `10.0.0.2`), or `undefined` outside it. */
export function addressInCidr(cidr: string, offset: number): string | undefined {
  const block = parseCidr(cidr);
  if (!block || !Number.isInteger(offset) || offset < 0) return undefined;
  const value = block.first + BigInt(offset);
  return value > block.last ? undefined : formatIpAddress({ family: block.family, value });
}

/** The `index`-th block of `prefixLength` inside `cidr` (`10.0.0.0/16`, /20, 2 → `10.0.32.0/20`), or `undefined` when it does not fit. */
export function subnetOfCidr(cidr: string, prefixLength: number, index: number): string | undefined {
  const block = parseCidr(cidr);
  if (!block || !Number.isInteger(prefixLength) || prefixLength < block.prefixLength || prefixLength > BITS[block.family]) return undefined;
  if (!Number.isInteger(index) || index < 0 || BigInt(index) >= 1n << BigInt(prefixLength - block.prefixLength)) return undefined;
  const value = block.first + (BigInt(index) << BigInt(BITS[block.family] - prefixLength));
  return `${formatIpAddress({ family: block.family, value })}/${prefixLength}`;
}

/**
 * The addresses AWS reserves in every IPv4 subnet: the network address, the VPC router (+1), the
 * Amazon DNS server (+2), one for future use (+3) and the last address. Empty for IPv6 blocks and
 * malformed input.
 */
export function awsReservedAddresses(subnetCidr: string): string[] {
  const block = parseCidr(subnetCidr);
  if (!block || block.family !== 'ipv4') return [];
  const values = [0n, 1n, 2n, 3n].map((offset) => block.first + offset).filter((value) => value < block.last);
  values.push(block.last);
  return values.map((value) => formatIpAddress({ family: 'ipv4', value }));
}

/** True when the address is one AWS reserves in the subnet (see {@link awsReservedAddresses}). */
export function isAwsReservedAddress(subnetCidr: string, address: string): boolean {
  const ip = parseIpAddress(address);
  return ip !== undefined && awsReservedAddresses(subnetCidr).includes(formatIpAddress(ip));
}

/**
 * The IP families whose whole address space the blocks cover together, in any spelling:
 * `0.0.0.0/0`, `::/0`, `0::/0`, or unions such as `0.0.0.0/1` + `128.0.0.0/1`. Malformed blocks
 * and unresolved values are ignored.
 */
export function familiesCoveredBy(cidrs: readonly string[]): IpFamily[] {
  const covered: IpFamily[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    const ranges = cidrs
      .map((cidr) => (isUnresolved(cidr) ? undefined : parseCidr(cidr)))
      .filter((block): block is ParsedCidr => block !== undefined && block.family === family)
      // The difference's sign is exact as a number (2^128 is far below Number's range), so this orders by first address.
      .sort((a, b) => Number(a.first - b.first));
    let next = 0n;
    for (const range of ranges) {
      if (range.first > next) break;
      if (range.last >= next) next = range.last + 1n;
    }
    // Only blocks can carry `next` past 0, so an empty list never counts as covering.
    if (next === 1n << BigInt(BITS[family])) covered.push(family);
  }
  return covered;
}

export interface RequireCidrOptions {
  /** Only this family is accepted. @default - IPv4 or IPv6 */
  readonly family?: IpFamily;
  /** Smallest and largest prefix length accepted, for example `{ min: 16, max: 28 }` for a VPC. @default - any */
  readonly prefixLength?: { readonly min?: number; readonly max?: number };
}

/**
 * Fails unless `cidr` is a CIDR block written with its network address (AWS refuses host bits:
 * `10.0.0.1/16` gets the fix "use 10.0.0.0/16"), of the family and prefix range asked for.
 * Unresolved values pass.
 */
export function requireCidr(scope: IConstruct, field: string, cidr: string, options: RequireCidrOptions = {}): string {
  if (isUnresolved(cidr)) return cidr;
  const example = options.family === 'ipv6' ? '2001:db8::/56' : '10.0.0.0/16';
  if (typeof cidr !== 'string') configError(scope, field, `is ${formatValue(cidr)}, which is not a CIDR block`, `write it as address/prefix, for example ${example}`);
  const block = parseCidr(cidr);
  if (!block) configError(scope, field, `has ${formatValue(cidr)}, which is not a CIDR block`, `write it as address/prefix, for example ${example}`);
  if (options.family && block.family !== options.family) {
    configError(scope, field, `has ${formatValue(cidr)}, an ${block.family === 'ipv4' ? 'IPv4' : 'IPv6'} block`, `give an ${options.family === 'ipv4' ? 'IPv4' : 'IPv6'} block, for example ${example}`);
  }
  if (block.hasHostBits) configError(scope, field, `has ${formatValue(cidr)}, which has host bits set`, `use ${block.network}`);
  const min = options.prefixLength?.min ?? 0;
  const max = options.prefixLength?.max ?? BITS[block.family];
  if (block.prefixLength < min || block.prefixLength > max) {
    configError(scope, field, `has ${formatValue(cidr)}, a /${block.prefixLength} block`, `use a prefix from /${min} to /${max}`);
  }
  return cidr;
}

/** Fails unless `address` is a literal IP address (of `family`, when given). Unresolved values pass. */
export function requireIpAddress(scope: IConstruct, field: string, address: string, family?: IpFamily): string {
  if (isUnresolved(address)) return address;
  if (!isIpAddress(address, family)) {
    const kind = family === 'ipv6' ? 'an IPv6 address' : family === 'ipv4' ? 'an IPv4 address' : 'an IP address';
    configError(scope, field, `is ${formatValue(address)}, which is not ${kind}`, `give ${kind} such as ${family === 'ipv6' ? '2001:db8::10' : '10.0.1.10'}`);
  }
  return address;
}

function bytesToBigint(bytes: readonly number[]): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}
