import { Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { configError, show } from './config-error';

// Checks that need literal values skip unresolved tokens: Terraform knows them only at apply time.

/** True when the value is (or contains) an unresolved cdktf token. */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some(isUnresolved);
  return false;
}

export function requireNonEmpty<T>(scope: IConstruct, field: string, values: readonly T[] | undefined, fix: string): T[] {
  if (values === undefined || values.length === 0) configError(scope, field, 'is empty', fix);
  return [...values];
}

export function requirePort(scope: IConstruct, field: string, port: number): number {
  if (isUnresolved(port)) return port;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    configError(scope, field, `has port ${show(port)}`, 'use a whole number from 1 to 65535');
  }
  return port;
}

export function requirePorts(scope: IConstruct, field: string, ports: readonly number[]): number[] {
  requireNonEmpty(scope, field, ports, 'give at least one port, for example [443]');
  ports.forEach((port) => requirePort(scope, field, port));
  requireUnique(scope, field, ports.map(String), 'list each port once');
  return [...ports];
}

export function requireOneOf<T extends string>(scope: IConstruct, field: string, value: T, allowed: readonly T[]): T {
  if (isUnresolved(value)) return value;
  if (!allowed.includes(value)) configError(scope, field, `is ${show(value)}`, `use one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  return value;
}

/** Fails on the first value that appears twice. */
export function requireUnique(scope: IConstruct, field: string, values: readonly string[], fix: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) configError(scope, field, `lists ${show(value)} twice`, fix);
    seen.add(value);
  }
}

const ACCOUNT_ID = /^\d{12}$/;
export function requireAccountId(scope: IConstruct, field: string, accountId: string): string {
  if (isUnresolved(accountId)) return accountId;
  if (!ACCOUNT_ID.test(accountId)) configError(scope, field, `is ${show(accountId)}`, 'an AWS account ID is exactly 12 digits, for example 123456789012');
  return accountId;
}

const CIDR_V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const CIDR_V6 = /^[0-9a-fA-F:]+\/(\d{1,3})$/;

/** Parses an IPv4 CIDR into [first address as a number, prefix length], or undefined if malformed. */
export function parseIpv4Cidr(cidr: string): [number, number] | undefined {
  const match = CIDR_V4.exec(cidr);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  return [address - (address % size), prefix];
}

export function isCidr(cidr: string): boolean {
  if (parseIpv4Cidr(cidr)) return true;
  const v6 = CIDR_V6.exec(cidr);
  return v6 !== null && cidr.includes(':') && Number(v6[1]) <= 128;
}

/** True when two IPv4 CIDR blocks share at least one address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const pa = parseIpv4Cidr(a);
  const pb = parseIpv4Cidr(b);
  if (!pa || !pb) return false;
  const end = ([start, prefix]: [number, number]) => start + 2 ** (32 - prefix) - 1;
  return pa[0] <= end(pb) && pb[0] <= end(pa);
}

export function requireCidr(scope: IConstruct, field: string, cidr: string): string {
  if (isUnresolved(cidr)) return cidr;
  if (!isCidr(cidr)) configError(scope, field, `has ${show(cidr)}, which is not a CIDR block`, 'write it as address/prefix, for example 10.0.0.0/16');
  return cidr;
}

/** CIDR blocks that admit the whole internet. */
export const OPEN_CIDRS: readonly string[] = ['0.0.0.0/0', '::/0'];

/** Rejects 0.0.0.0/0 and ::/0 unless the caller opted in by name. */
export function requireNarrowCidrs(scope: IConstruct, field: string, cidrs: readonly string[], optIn: { name: string; given: boolean }): string[] {
  cidrs.forEach((cidr) => requireCidr(scope, field, cidr));
  const open = cidrs.find((cidr) => OPEN_CIDRS.includes(cidr));
  if (open && !optIn.given) {
    configError(scope, field, `includes ${show(open)}, which admits the whole internet`, `list the client CIDR blocks, or set '${optIn.name}: true' if that is really intended`);
  }
  return [...cidrs];
}

const DNS_NAME = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export function requireDnsName(scope: IConstruct, field: string, name: string): string {
  if (isUnresolved(name)) return name;
  if (!DNS_NAME.test(name)) configError(scope, field, `is ${show(name)}, which is not a valid DNS name`, 'use lower-case labels of letters, digits and hyphens separated by dots, for example api.example.com');
  return name;
}

const ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b):[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/;
export function requireArn(scope: IConstruct, field: string, arn: string, service?: string): string {
  if (isUnresolved(arn)) return arn;
  const match = ARN.test(arn) && (service === undefined || arn.split(':')[2] === service);
  if (!match) configError(scope, field, `is ${show(arn)}, which is not ${service ? `an ${service} ARN` : 'an ARN'}`, `use the full ARN, for example arn:aws:${service ?? 'iam'}:ap-northeast-1:123456789012:...`);
  return arn;
}

const KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;
/**
 * Keys name list items (tenants, endpoints, route tables) and become construct IDs and Terraform
 * addresses, so they must be stable, unique and address-safe.
 */
export function requireKeys(scope: IConstruct, field: string, keys: readonly string[]): void {
  for (const key of keys) {
    if (!KEY.test(key)) configError(scope, field, `has key ${show(key)}`, 'keys are 1-63 lower-case letters, digits and hyphens, starting with a letter or digit, and never change once deployed');
  }
  requireUnique(scope, field, keys, 'give every item its own key');
}
