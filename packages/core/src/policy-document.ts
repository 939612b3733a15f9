import type { IConstruct } from 'constructs';
import { configError, formatValue } from './config-error';
import { describeKind } from './validate';

/** Who a statement applies to. `'*'` means anyone; use it only with conditions that narrow it. */
export type PolicyPrincipal = '*' | { readonly AWS?: readonly string[]; readonly Service?: readonly string[] };

/** One condition: `{ test: 'StringEquals', variable: 'aws:SourceVpce', values: ['vpce-...'] }`. */
export interface PolicyCondition {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly string[];
}

/** A typed IAM policy statement. */
export interface PolicyStatement {
  /** @default - no Sid */
  readonly sid?: string;
  /** @default 'Allow' */
  readonly effect?: 'Allow' | 'Deny';
  /** @default - no Principal (identity policies); endpoint and bucket policies need one */
  readonly principals?: PolicyPrincipal;
  /** Actions such as `s3:GetObject`. At least one. */
  readonly actions: readonly string[];
  /** @default ['*'] */
  readonly resources?: readonly string[];
  /** @default [] */
  readonly conditions?: readonly PolicyCondition[];
}

const ACTION = /^(\*|[a-z0-9-]+:[A-Za-z0-9*]+)$/;

/** Renders statements as a policy JSON string, failing at synth time on statements that grant nothing. */
export function policyDocument(scope: IConstruct, field: string, statements: readonly PolicyStatement[]): string {
  if (!Array.isArray(statements)) configError(scope, field, `is ${describeKind(statements)}, not a list of statements`, 'give a list of statements, for example [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::bucket/*"] }]');
  if (statements.length === 0) configError(scope, field, 'has no statements', 'give at least one statement, or leave the policy out');
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: statements.map((statement, index) => statementJson(scope, `${field}[${statement?.sid ?? index}]`, statement)),
  });
}

function statementJson(scope: IConstruct, field: string, statement: PolicyStatement): Record<string, unknown> {
  if (typeof statement !== 'object' || statement === null) configError(scope, field, `is ${describeKind(statement)}`, 'give { actions: [...], resources: [...] }');
  if (!Array.isArray(statement.actions)) configError(scope, `${field}.actions`, `is ${describeKind(statement.actions)}, not a list`, 'name the actions as a list, for example ["s3:GetObject"]');
  if (statement.effect !== undefined && statement.effect !== 'Allow' && statement.effect !== 'Deny') configError(scope, `${field}.effect`, `is ${formatValue(statement.effect)}`, "use 'Allow' or 'Deny'");
  if (statement.resources !== undefined && !Array.isArray(statement.resources)) configError(scope, `${field}.resources`, `is ${describeKind(statement.resources)}, not a list`, 'give resources as a list, for example ["arn:aws:s3:::bucket/*"]');
  if (statement.actions.length === 0) {
    configError(scope, `${field}.actions`, 'is empty', 'name the actions the statement allows or denies, for example ["s3:GetObject"]');
  }
  for (const action of statement.actions) {
    if (!ACTION.test(action)) configError(scope, `${field}.actions`, `has ${formatValue(action)}`, "write actions as service:Action, for example 's3:GetObject'");
  }
  const conditions: Record<string, Record<string, string[]>> = {};
  for (const { test, variable, values } of statement.conditions ?? []) {
    conditions[test] = { ...conditions[test], [variable]: [...values] };
  }
  return {
    ...(statement.sid ? { Sid: statement.sid } : {}),
    Effect: statement.effect ?? 'Allow',
    ...(statement.principals ? { Principal: principalJson(statement.principals) } : {}),
    Action: [...statement.actions],
    Resource: [...(statement.resources ?? ['*'])],
    ...(Object.keys(conditions).length > 0 ? { Condition: conditions } : {}),
  };
}

function principalJson(principal: PolicyPrincipal): unknown {
  if (principal === '*') return '*';
  return {
    ...(principal.AWS ? { AWS: [...principal.AWS] } : {}),
    ...(principal.Service ? { Service: [...principal.Service] } : {}),
  };
}
