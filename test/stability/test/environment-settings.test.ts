import type { App } from 'cdktf';
import { ENVIRONMENTS as S3_ENVIRONMENTS } from '../../../apps/s3-private-access/src/environments';
import { S3PrivateAccessStack } from '../../../apps/s3-private-access/src/s3-private-access-stack';
import { ENVIRONMENTS as PROVIDER_ENVIRONMENTS } from '../../../apps/saas-provider/src/environments';
import { SaasProviderStack } from '../../../apps/saas-provider/src/saas-provider-stack';
import { ENVIRONMENTS as CONSUMER_ENVIRONMENTS } from '../../../apps/tenant-consumer/src/environments';
import { TenantConsumerStack } from '../../../apps/tenant-consumer/src/tenant-consumer-stack';
import { synthesizeApp } from './synthesize';

// What every app stack gets from its environment: state backend, provider settings and tags.
const APPS: Record<string, (app: App) => void> = {
  'saas-provider': (app) => PROVIDER_ENVIRONMENTS.forEach((config) => new SaasProviderStack(app, config)),
  'tenant-consumer': (app) => CONSUMER_ENVIRONMENTS.forEach((config) => new TenantConsumerStack(app, config)),
  's3-private-access': (app) => S3_ENVIRONMENTS.forEach((config) => new S3PrivateAccessStack(app, config)),
};
const ACCOUNTS = { dev: '111111111111', stg: '222222222222', prod: '333333333333' };

interface StackSettings {
  terraform: { backend: Record<string, Record<string, unknown>> };
  provider: { aws: Array<Record<string, unknown>> };
}

describe.each(Object.entries(APPS))('%s stacks', (app, build) => {
  const stacks = Object.fromEntries(Object.entries(synthesizeApp(build)).map(([name, json]) => [name, JSON.parse(json) as StackSettings]));

  it('keeps dev state on the local disk, so a newcomer plans without a cloud account', () => {
    expect(stacks[`${app}-dev`].terraform.backend).toEqual({ local: { path: `terraform.${app}-dev.tfstate` } });
  });

  it.each(['stg', 'prod'] as const)('keeps %s state in S3: encrypted, one key per stack, locked with an S3 lockfile', (env) => {
    expect(stacks[`${app}-${env}`].terraform.backend).toEqual({
      s3: {
        bucket: `privatelink-cdktf-state-${ACCOUNTS[env]}`,
        key: `privatelink/${app}-${env}.tfstate`,
        region: 'ap-northeast-1',
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  it.each(['dev', 'stg', 'prod'] as const)('gives the %s provider its region, account guard and default tags', (env) => {
    const [provider, ...others] = stacks[`${app}-${env}`].provider.aws;
    expect(others).toEqual([]);
    expect(provider).toMatchObject({
      region: 'ap-northeast-1',
      allowed_account_ids: [ACCOUNTS[env]],
      default_tags: [{ tags: { application: app, environment: env, 'managed-by': 'privatelink-cdktf' } }],
    });
  });
});
