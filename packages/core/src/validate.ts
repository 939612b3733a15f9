import { Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { configError, formatValue } from './config-error';

// Checks that throw a ConfigError are named require*. Checks that need literal values skip
// unresolved tokens: Terraform knows them only at apply time. Every check also refuses what an
// untyped JavaScript caller can pass (undefined, null, a string for a number), so no bad value
// ends in a TypeError.

/** True when the value is (or contains) an unresolved cdktf token. */
export function isUnresolved(value: unknown): boolean {
  if (typeof value === 'string' || typeof value === 'number') return Token.isUnresolved(value);
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some(isUnresolved);
  return false;
}

/** What a value is, in words, for messages about values of the wrong kind. */
export function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (Number.isNaN(value)) return 'NaN';
  switch (typeof value) {
    case 'undefined':
      return 'missing';
    case 'string':
      return `the string ${formatValue(value)}`;
    case 'number':
      return `the number ${formatValue(value)}`;
    case 'boolean':
      return `the boolean ${value}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** Fails when a required value is missing or `null`; returns it otherwise. */
export function requireDefined<T>(scope: IConstruct, field: string, value: T | undefined | null, fix: string): T {
  if (value === undefined || value === null) configError(scope, field, value === null ? 'is null' : 'is missing', fix);
  return value;
}

/** Fails unless the value is a string (a token string passes), or optionally a non-empty one. */
export function requireString(scope: IConstruct, field: string, value: unknown, fix: string, options: { nonEmpty?: boolean } = {}): string {
  if (typeof value !== 'string') configError(scope, field, value === undefined ? 'is missing' : `is ${describeKind(value)}, not a string`, fix);
  if (options.nonEmpty && value.trim() === '') configError(scope, field, 'is empty', fix);
  return value;
}

/** Fails unless the value is `true` or `false` (an optional one may be missing). */
export function requireBoolean(scope: IConstruct, field: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') configError(scope, field, `is ${describeKind(value)}`, 'use true or false');
  return value;
}

/** Fails unless the value is a list (an unresolved list passes), for untyped callers that pass one item or a string. */
export function requireArray<T>(scope: IConstruct, field: string, value: readonly T[] | undefined | null, fix: string): T[] {
  if (!Array.isArray(value)) configError(scope, field, value === undefined ? 'is missing' : `is ${describeKind(value)}, not a list`, fix);
  return [...value];
}

export function requireNonEmpty<T>(scope: IConstruct, field: string, values: readonly T[] | undefined, fix: string): T[] {
  // An untyped caller's missing list reads as empty (the wording every package's messages use); null is named.
  if (values === undefined) configError(scope, field, 'is empty', fix);
  if (values === null) configError(scope, field, 'is null', fix);
  if (!Array.isArray(values)) configError(scope, field, `is ${describeKind(values)}, not a list`, fix);
  if (values.length === 0) configError(scope, field, 'is empty', fix);
  return [...values];
}

export interface IntegerRange {
  /** @default - no lower bound */
  readonly min?: number;
  /** @default - no upper bound */
  readonly max?: number;
  /** The unit shown in the fix, for example `days`. @default '' */
  readonly unit?: string;
}

/** Fails unless the value is a whole number within the range; unresolved numbers pass. */
export function requireInteger(scope: IConstruct, field: string, value: number, range: IntegerRange = {}): number {
  if (isUnresolved(value)) return value;
  const { min, max, unit } = range;
  const bounds =
    min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : max !== undefined ? `of at most ${max}` : '';
  const fix = `use a whole number${bounds ? ` ${bounds}` : ''}${unit ? ` ${unit}` : ''}`;
  if (typeof value !== 'number') configError(scope, field, `is ${describeKind(value)}, not a number`, fix);
  if (!Number.isInteger(value) || (min !== undefined && value < min) || (max !== undefined && value > max)) {
    configError(scope, field, `is ${formatValue(value)}`, fix);
  }
  return value;
}

export function requirePort(scope: IConstruct, field: string, port: number): number {
  if (isUnresolved(port)) return port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    configError(scope, field, `has port ${formatValue(port)}`, 'use a whole number from 1 to 65535');
  }
  return port;
}

export function requirePorts(scope: IConstruct, field: string, ports: readonly number[]): number[] {
  requireNonEmpty(scope, field, ports, 'give at least one port, for example [443]');
  ports.forEach((port) => requirePort(scope, field, port));
  requireUnique(scope, field, ports.map(String), 'list each port once');
  return [...ports];
}

/** Fails unless the value is one of `allowed` (exact spelling); for enumerations untyped callers may misspell. */
export function requireOneOf<T extends string>(scope: IConstruct, field: string, value: T, allowed: readonly T[]): T {
  if (isUnresolved(value)) return value;
  if (!allowed.includes(value)) {
    const close = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
    configError(scope, field, `is ${formatValue(value)}`, close ? `write it as '${close}'` : `use one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
  return value;
}

/** Fails on the first value that appears twice. */
export function requireUnique(scope: IConstruct, field: string, values: readonly string[], fix: string): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) configError(scope, field, `lists ${formatValue(value)} twice`, fix);
    seen.add(value);
  }
}

const ACCOUNT_ID = /^\d{12}$/;
export function requireAccountId(scope: IConstruct, field: string, accountId: string): string {
  if (isUnresolved(accountId)) return accountId;
  if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) {
    configError(scope, field, `is ${formatValue(accountId)}`, "an AWS account ID is exactly 12 digits, written as a string, for example '123456789012'");
  }
  return accountId;
}

const DNS_NAME = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export function requireDnsName(scope: IConstruct, field: string, name: string): string {
  if (isUnresolved(name)) return name;
  if (typeof name !== 'string' || !DNS_NAME.test(name)) {
    configError(scope, field, `is ${formatValue(name)}, which is not a valid DNS name`, 'use lower-case labels of letters, digits and hyphens separated by dots, for example api.example.com');
  }
  return name;
}

const KEY = /^[a-z0-9][a-z0-9-]{0,62}$/;
/**
 * Keys name list items (tenants, endpoints, route tables) and become construct IDs and Terraform
 * addresses, so they must be stable, unique and address-safe.
 */
export function requireKeys(scope: IConstruct, field: string, keys: readonly string[]): void {
  for (const key of keys) {
    if (typeof key !== 'string' || !KEY.test(key)) {
      configError(scope, field, `has key ${formatValue(key)}`, 'keys are 1-63 lower-case letters, digits and hyphens, starting with a letter or digit, and never change once deployed');
    }
  }
  requireUnique(scope, field, keys, 'give every item its own key');
}
