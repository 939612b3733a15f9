import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';

/**
 * A finding a reviewer accepted: which rule, where, and why. Suppressions are written into the
 * synthesized JSON (`"//": { "guardrails": ... }`), so they are reviewed with the plan.
 */
export interface GuardrailSuppression {
  /** The rule, for example `PL-ES-2`. */
  readonly ruleId: string;
  /**
   * A construct path, absolute (`tenant-consumer-prod/Endpoints/Legacy`) or relative to the stack
   * (`Endpoints/Legacy`); the construct and everything under it are covered.
   */
  readonly path: string;
  /** Why this is acceptable, for the reviewer: at least {@link MIN_REASON_LENGTH} characters. */
  readonly reason: string;
}

/** A reason shorter than this explains nothing. */
export const MIN_REASON_LENGTH = 10;

/** Fails at synth time on a suppression without a rule, a path or a real reason. */
export function requireSuppression(scope: IConstruct, field: string, suppression: GuardrailSuppression): void {
  if (typeof suppression !== 'object' || suppression === null) configError(scope, field, `is ${formatValue(suppression)}`, 'give { ruleId, path, reason }');
  if (typeof suppression.ruleId !== 'string' || !suppression.ruleId.trim()) configError(scope, `${field}.ruleId`, 'is empty', "name the rule to suppress, for example 'PL-SNS-1'");
  if (typeof suppression.path !== 'string' || !suppression.path.trim()) configError(scope, `${field}.path`, 'is empty', 'give the construct path (or a prefix of it) the suppression covers');
  const reason = typeof suppression.reason === 'string' ? suppression.reason.trim() : '';
  if (reason.length < MIN_REASON_LENGTH) {
    configError(scope, `${field}.reason`, `is ${formatValue(suppression.reason ?? '')}`, `explain in at least ${MIN_REASON_LENGTH} characters why the finding is acceptable; reviewers read it`);
  }
}

/** The absolute construct path a suppression covers. */
export function absoluteSuppressionPath(stackPath: string, path: string): string {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  return trimmed === stackPath || trimmed.startsWith(`${stackPath}/`) ? trimmed : `${stackPath}/${trimmed}`;
}

/** True when `path` is `prefix` or lies under it. */
export function pathIsUnder(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
