import { Token } from 'cdktf';
import type { IConstruct } from 'constructs';

/**
 * A configuration mistake found at synth time. The message names the construct (type and path),
 * the field, the offending value and the fix, so it can be acted on without reading our code.
 */
export class ConfigError extends Error {
  public readonly constructPath: string;
  public readonly field: string;
  /** What is wrong with the value, for example `has 1 subnet`. */
  public readonly problem: string;
  /** How to fix it. */
  public readonly fix: string;

  constructor(scope: IConstruct, field: string, problem: string, fix: string) {
    super(`${scope.constructor.name} '${scope.node.path}': '${field}' ${problem}; ${fix}`);
    this.name = 'ConfigError';
    this.constructPath = scope.node.path;
    this.field = field;
    this.problem = problem;
    this.fix = fix;
  }
}

/** Throws a {@link ConfigError}; typed `never` so callers can use it in expressions. */
export function configError(scope: IConstruct, field: string, problem: string, fix: string): never {
  throw new ConfigError(scope, field, problem, fix);
}

/**
 * Runs `build` (usually the creation of an inner construct from the caller's props) and reports a
 * ConfigError it throws as the caller's own: on `scope`, under the field the caller wrote, which
 * `field` names from the inner error's field (`service.awsService` of an inner endpoint becomes
 * `services.kinesis.awsService` of the map that built it). Problem and fix stay as they were.
 */
export function reportAs<T>(scope: IConstruct, field: (innerField: string) => string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ConfigError) || error.constructPath === scope.node.path) throw error;
    throw new ConfigError(scope, field(error.field), error.problem, error.fix);
  }
}

/** How an error message shows a value Terraform knows only at apply time. */
export const UNRESOLVED_VALUE = 'an unresolved value';

/**
 * Writes a value the way its user wrote it, for an error message: strings quoted, numbers as
 * numbers (`NaN` as NaN), `undefined` and `null` by name, arrays and objects as JSON, and cdktf
 * tokens (strings, numbers, lists, maps or lazy values) as "an unresolved value" instead of their internal encoding.
 */
export function formatValue(value: unknown): string {
  if (Token.isUnresolved(value)) return UNRESOLVED_VALUE;
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'a function';
  // Booleans and null read the same as JSON; undefined and symbols, which JSON cannot write, by String().
  try {
    const json = JSON.stringify(value, (_key, inner: unknown) => {
      if (Token.isUnresolved(inner)) return UNRESOLVED_VALUE;
      if (typeof inner === 'number' && !Number.isFinite(inner)) return String(inner);
      if (typeof inner === 'bigint') return inner.toString();
      return inner;
    });
    return json ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
