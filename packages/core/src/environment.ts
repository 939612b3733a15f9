import type { IConstruct } from 'constructs';
import { requireArn } from './aws/arn';
import { NAME_RULES, requireName } from './aws/names';
import { configError, formatValue } from './config-error';
import { requireRegion } from './regions';
import { describeKind, requireAccountId, requireBoolean } from './validate';

export const ENVIRONMENT_NAMES = ['dev', 'stg', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** Where Terraform keeps a stack's state. */
export type StateBackend =
  /** State on the local disk: for dev, so a newcomer needs no cloud account to plan. */
  | { readonly type: 'local'; /** @default 'terraform.<stack>.tfstate' */ readonly path?: string }
  /** State in S3, encrypted, locked with an S3 lockfile, one key per stack. */
  | {
      readonly type: 's3';
      readonly bucket: string;
      /** @default - the environment's region */
      readonly region?: string;
      /** The state key is `<keyPrefix>/<stack>.tfstate`. @default 'privatelink' */
      readonly keyPrefix?: string;
      /** A customer managed KMS key for the state. @default - SSE-S3 */
      readonly kmsKeyId?: string;
    };

/** One deployment environment of an app. */
export interface EnvironmentConfig {
  readonly name: EnvironmentName;
  /** The AWS account the stack deploys into (12 digits). */
  readonly accountId: string;
  /** @default 'ap-northeast-1' */
  readonly region?: string;
  /** A role the AWS provider assumes, for example a deploy role per environment. @default - the caller's credentials */
  readonly assumeRoleArn?: string;
  /** @default { type: 'local' } */
  readonly backend?: StateBackend;
  /**
   * Whether the environment serves customers: production defaults (deletion protection,
   * `prevent_destroy` on endpoint services, load balancers and stateful endpoints) and
   * production-only guardrails (remote state) apply.
   * @default - true for the environment named 'prod'
   */
  readonly production?: boolean;
}

export const DEFAULT_REGION = 'ap-northeast-1';

/** Fails at synth time on an environment that could not deploy. */
export function requireEnvironment(scope: IConstruct, config: EnvironmentConfig): EnvironmentConfig {
  if (config === undefined || config === null || typeof config !== 'object') {
    configError(scope, 'environment', `is ${describeKind(config)}`, "give { name: 'dev' | 'stg' | 'prod', accountId: '123456789012' }");
  }
  if (!(ENVIRONMENT_NAMES as readonly string[]).includes(config.name)) {
    configError(scope, 'environment.name', `is ${formatValue(config.name)}`, `use one of ${ENVIRONMENT_NAMES.join(', ')}`);
  }
  if (config.accountId === undefined) configError(scope, 'environment.accountId', 'is missing', "give the 12-digit AWS account ID as a string, for example '123456789012'");
  requireAccountId(scope, 'environment.accountId', config.accountId);
  requireRegion(scope, 'environment.region', config.region ?? DEFAULT_REGION);
  requireBoolean(scope, 'environment.production', config.production);
  if (config.assumeRoleArn !== undefined) requireArn(scope, 'environment.assumeRoleArn', config.assumeRoleArn, { service: 'iam', resourceTypes: ['role'], accountId: config.accountId });
  const backend = config.backend;
  if (backend !== undefined && backend?.type !== 'local' && backend?.type !== 's3') {
    configError(scope, 'environment.backend.type', `is ${formatValue((backend as { type?: unknown } | null)?.type)}`, "use { type: 'local' } or { type: 's3', bucket }");
  }
  if (backend?.type === 's3') {
    if (backend.bucket === undefined) configError(scope, 'environment.backend.bucket', 'is missing', 'give the name of an existing S3 bucket for Terraform state');
    requireName(scope, 'environment.backend.bucket', backend.bucket, NAME_RULES.s3Bucket);
    if (backend.region !== undefined) requireRegion(scope, 'environment.backend.region', backend.region);
  }
  return config;
}
