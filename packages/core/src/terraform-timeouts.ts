import type { IConstruct } from 'constructs';
import { configError, formatValue } from './config-error';
import { isUnresolved } from './validate';

/**
 * How long Terraform waits for a resource to be created, updated or deleted before it gives up,
 * as Go durations (`'10m'`, `'1h30m'`). Raise them where an apply regularly outlives the
 * provider's defaults (an endpoint waiting for a busy service, a large deletion).
 */
export interface ResourceTimeouts {
  /** @default - the provider's default (10m for VPC endpoints) */
  readonly create?: string;
  /** @default - the provider's default (10m for VPC endpoints) */
  readonly update?: string;
  /** @default - the provider's default (10m for VPC endpoints) */
  readonly delete?: string;
}

/** The `timeouts` prop of a construct whose main resource has them. */
export interface TimeoutsProps {
  /** How long Terraform waits for the main resource. @default - the provider's defaults */
  readonly timeouts?: ResourceTimeouts;
}

export type TimeoutOperation = 'create' | 'update' | 'delete' | 'read';

// What Terraform's timeouts accept: Go's time.ParseDuration, for example 90s, 10m, 1h30m.
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/**
 * Checks a `timeouts` prop and returns the block to give the resource, or undefined when nothing
 * is set. `operations` are the timeouts the resource has in both provider versions.
 */
export function requireTimeouts<T extends Partial<Record<TimeoutOperation, string>>>(
  scope: IConstruct,
  field: string,
  timeouts: T | undefined,
  operations: readonly TimeoutOperation[] = ['create', 'update', 'delete'],
): T | undefined {
  if (timeouts === undefined) return undefined;
  if (typeof timeouts !== 'object' || timeouts === null || Array.isArray(timeouts)) {
    configError(scope, field, `is ${formatValue(timeouts)}`, `give an object such as { create: '20m', delete: '20m' }`);
  }
  const entries = Object.entries(timeouts).filter(([, value]) => value !== undefined);
  for (const [operation, value] of entries) {
    if (!operations.includes(operation as TimeoutOperation)) {
      configError(scope, `${field}.${operation}`, 'is not a timeout of this resource', `use ${operations.map((o) => `'${o}'`).join(', ')}`);
    }
    if (isUnresolved(value)) continue;
    if (typeof value !== 'string' || !GO_DURATION.test(value) || !/[1-9]/.test(value)) {
      configError(scope, `${field}.${operation}`, `is ${formatValue(value)}`, "give a positive duration such as '30s', '20m' or '1h30m'");
    }
  }
  return entries.length > 0 ? timeouts : undefined;
}
