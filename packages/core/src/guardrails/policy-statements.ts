import { isExpression } from './synthesized-resource';

/** One statement of an IAM policy as written in JSON. */
export interface PolicyJsonStatement {
  readonly Effect?: string;
  readonly Principal?: unknown;
  readonly Action?: unknown;
  readonly Resource?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/**
 * The statements of a policy attribute, or `undefined` when Terraform computes the whole document
 * (`${data.aws_iam_policy_document.x.json}`) or it is not JSON: such policies cannot be judged at
 * synth time. References inside JSON string values are fine.
 */
export function policyStatements(policy: unknown): PolicyJsonStatement[] | undefined {
  if (typeof policy !== 'string' || (isExpression(policy) && !policy.trimStart().startsWith('{'))) return undefined;
  let statements: unknown;
  try {
    statements = (JSON.parse(policy) as { Statement?: unknown }).Statement;
  } catch {
    // Not JSON (or JSON null): the policy cannot be judged.
    return undefined;
  }
  if (Array.isArray(statements)) return statements as PolicyJsonStatement[];
  return typeof statements === 'object' && statements !== null ? [statements as PolicyJsonStatement] : [];
}

/**
 * The values a statement's conditions give a key, for operators matching `operator`
 * (case-insensitive, for example /^StringNotEquals/). Keys are case-insensitive in IAM.
 */
export function conditionValues(statement: PolicyJsonStatement, operator: RegExp, key: string): string[] {
  const values: string[] = [];
  for (const [test, entries] of Object.entries(statement.Condition ?? {})) {
    if (!operator.test(test)) continue;
    for (const [variable, value] of Object.entries(entries ?? {})) {
      if (variable.toLowerCase() !== key.toLowerCase()) continue;
      values.push(...(Array.isArray(value) ? value : [value]).map(String));
    }
  }
  return values;
}

/** True when a statement is a Deny. */
export function isDeny(statement: PolicyJsonStatement): boolean {
  return statement.Effect === 'Deny';
}
