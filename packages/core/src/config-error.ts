import type { IConstruct } from 'constructs';

/**
 * A configuration mistake found at synth time. The message names the construct (type and path),
 * the field, the offending value and the fix, so it can be acted on without reading our code.
 */
export class ConfigError extends Error {
  public readonly constructPath: string;
  public readonly field: string;

  constructor(scope: IConstruct, field: string, problem: string, fix: string) {
    super(`${scope.constructor.name} '${scope.node.path}': '${field}' ${problem}; ${fix}`);
    this.name = 'ConfigError';
    this.constructPath = scope.node.path;
    this.field = field;
  }
}

/** Throws a {@link ConfigError}; typed `never` so callers can use it in expressions. */
export function configError(scope: IConstruct, field: string, problem: string, fix: string): never {
  throw new ConfigError(scope, field, problem, fix);
}

/** Renders a value for an error message: strings quoted, everything else as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  return JSON.stringify(value) ?? String(value);
}
