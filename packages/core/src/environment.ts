import type { IConstruct } from 'constructs';
import { configError, show } from './config-error';
import { requireRegion } from './regions';
import { isUnresolved, requireAccountId, requireArn } from './validate';

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
}

export const DEFAULT_REGION = 'ap-northeast-1';

/** Fails at synth time on an environment that could not deploy. */
export function validateEnvironment(scope: IConstruct, config: EnvironmentConfig): void {
  if (!(ENVIRONMENT_NAMES as readonly string[]).includes(config.name)) {
    configError(scope, 'environment.name', `is ${show(config.name)}`, `use one of ${ENVIRONMENT_NAMES.join(', ')}`);
  }
  requireAccountId(scope, 'environment.accountId', config.accountId);
  requireRegion(scope, 'environment.region', config.region ?? DEFAULT_REGION);
  if (config.assumeRoleArn !== undefined) requireArn(scope, 'environment.assumeRoleArn', config.assumeRoleArn, 'iam');
  const backend = config.backend;
  if (backend?.type === 's3') {
    if (!isUnresolved(backend.bucket) && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(backend.bucket)) {
      configError(scope, 'environment.backend.bucket', `is ${show(backend.bucket)}`, 'use the name of an existing S3 bucket for Terraform state');
    }
    if (backend.region !== undefined) requireRegion(scope, 'environment.backend.region', backend.region);
  }
}
