import { ConfigError } from '../config-error';

/** One bad input of a table-driven suite: what to run and what its one ConfigError must say. */
export interface BadInputCase {
  readonly name: string;
  /** Builds the construct (or runs the check) with the bad input. */
  readonly run: () => unknown;
  /** The field the message names: the one the user wrote. */
  readonly field: string;
  /** The value as the user wrote it (or the words for a missing one), as the message shows it. */
  readonly value: string;
  /** Words of the fix, which follows the first `; ` of the message. */
  readonly fix: RegExp;
}

/**
 * Asserts that a bad input fails with one ConfigError that names the construct and its path, the
 * field, the value and the fix, and shows no token internals; throws an Error that says what is
 * wrong otherwise. Use it in any test runner: `it.each(cases)('%s', (_, c) => assertBadInput(c))`.
 */
export function assertBadInput(c: BadInputCase): void {
  let error: unknown;
  try {
    c.run();
  } catch (caught) {
    error = caught;
  }
  const fail = (what: string): never => {
    throw new Error(`${c.name}: ${what}`);
  };
  if (!(error instanceof ConfigError)) fail(`gave ${error instanceof Error ? `${error.name}: ${error.message}` : 'no error'}, not a ConfigError`);
  const { message, field } = error as ConfigError;
  if (field !== c.field) fail(`names field '${field}', not '${c.field}': ${message}`);
  if (!/^\w+ '[^']+': '/.test(message)) fail(`does not open with the construct and its path: ${message}`);
  if (!message.includes(`'${c.field}' `)) fail(`does not name '${c.field}' in: ${message}`);
  if (!message.includes(c.value)) fail(`does not show the value ${c.value} in: ${message}`);
  if (!c.fix.test(message.split('; ').slice(1).join('; '))) fail(`has no fix matching ${String(c.fix)} in: ${message}`);
  if (/TfToken|\$\{Token|-1\.8\d*e\+289/.test(message)) fail(`shows a token's internals: ${message}`);
}
