import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Testing } from 'cdktf';
import { EnvironmentStack, type EnvironmentStackProps } from '../src/environment-stack';
import { resourceRule } from '../src/guardrails/guardrail-rule';
import { Guardrails } from '../src/guardrails/guardrails';
import { isProduction } from '../src/production';
import { synthesizeToFile } from './guardrails/helpers';
import { configErrorOf, devStack, synthJson } from './helpers';

describe('EnvironmentStack', () => {
  it('names the stack <application>-<environment> and keeps dev state local', () => {
    const stack = devStack();
    expect(stack.node.id).toBe('unit-dev');
    const json = synthJson(stack);
    expect(json.terraform.backend).toEqual({ local: { path: 'terraform.unit-dev.tfstate' } });
  });

  it('configures the AWS provider with region, account guard and default tags', () => {
    const provider = synthJson(devStack()).provider.aws[0];
    expect(provider.region).toBe('ap-northeast-1');
    expect(provider.allowed_account_ids).toEqual(['111111111111']);
    expect(provider.default_tags).toEqual([{ tags: { application: 'unit', environment: 'dev', 'managed-by': 'privatelink-cdktf' } }]);
    expect(provider.assume_role).toBeUndefined();
  });

  it('assumes the environment role when one is given', () => {
    const provider = synthJson(devStack({ assumeRoleArn: 'arn:aws:iam::111111111111:role/deploy' })).provider.aws[0];
    expect(provider.assume_role).toEqual([{ role_arn: 'arn:aws:iam::111111111111:role/deploy', session_name: 'unit-dev-terraform' }]);
  });

  it('uses an encrypted S3 backend with one key per stack and S3 lockfile locking', () => {
    const stack = new EnvironmentStack(Testing.app(), {
      application: 'unit',
      environment: { name: 'prod', accountId: '222222222222', region: 'us-east-1', backend: { type: 's3', bucket: 'acme-terraform-state' } },
    });
    expect(synthJson(stack).terraform.backend.s3).toEqual({
      bucket: 'acme-terraform-state',
      key: 'privatelink/unit-prod.tfstate',
      region: 'us-east-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('rejects a bad account, region, role, state bucket or application at synth time', () => {
    expect(() => devStack({ accountId: '1234' })).toThrow(/EnvironmentStack 'unit-dev': 'environment.accountId' is '1234'/);
    expect(() => devStack({ region: 'tokyo' })).toThrow(/'environment.region' has unknown region 'tokyo'/);
    expect(() => devStack({ assumeRoleArn: 'deploy' })).toThrow(/'environment.assumeRoleArn'/);
    expect(() => devStack({ assumeRoleArn: 'arn:aws:iam::999999999999:role/deploy' })).toThrow(/of account 999999999999, but the stack deploys to account 111111111111/);
    expect(() => devStack({ backend: { type: 's3', bucket: 'Bad_Bucket' } })).toThrow(/'environment.backend.bucket' is 'Bad_Bucket'/);
    expect(() => new EnvironmentStack(Testing.app(), { application: 'Unit App', environment: { name: 'dev', accountId: '111111111111' } })).toThrow(/'application' is 'Unit App'/);
  });
});

describe('EnvironmentStack production posture', () => {
  const stack = (environment: Partial<EnvironmentStackProps['environment']>) =>
    new EnvironmentStack(Testing.app(), { application: 'unit', environment: { name: 'dev', accountId: '111111111111', ...environment } });

  it('is production for the environment named prod, unless told otherwise', () => {
    expect(stack({ name: 'prod' }).isProduction).toBe(true);
    expect(stack({ name: 'stg' }).isProduction).toBe(false);
    expect(stack({ name: 'stg', production: true }).isProduction).toBe(true);
    expect(stack({ name: 'prod', production: false }).isProduction).toBe(false);
  });

  it('tells constructs in the stack through isProduction(scope)', () => {
    const prod = stack({ name: 'prod' });
    expect(isProduction(new SnsTopic(prod, 'Topic', { name: 'events' }))).toBe(true);
    expect(isProduction(stack({ name: 'dev' }))).toBe(false);
    expect(Guardrails.of(prod).production).toBe(true);
  });

  it('refuses a production flag that is not a boolean', () => {
    expect(() => stack({ production: 'yes' as never })).toThrow(/'environment.production' is the string 'yes'; use true or false/);
  });
});

describe('EnvironmentStack guardrails', () => {
  function guarded(guardrails?: EnvironmentStackProps['guardrails']): EnvironmentStack {
    return new EnvironmentStack(Testing.app(), { application: 'unit', environment: { name: 'stg', accountId: '222222222222' }, guardrails });
  }

  it('applies the pack to every stack without being asked', () => {
    const s = guarded();
    new SnsTopic(s, 'Topic', { name: 'events' });
    expect(() => synthesizeToFile(s)).toThrow(/\[PL-SNS-1\] unit-stg\/Topic/);
  });

  it('takes suppressions and rules of your own through its props', () => {
    const s = guarded({
      rules: [resourceRule('ACME-1', 'Topics are named with a team prefix.', ['aws_sns_topic'], (t) => (String(t.attributes.name).startsWith('team-') ? undefined : { problem: "'name' has no team prefix", fix: 'prefix it with team-' }))],
      suppressions: [{ ruleId: 'PL-SNS-1', path: 'Topic', reason: 'Public status feed, no customer data' }],
    });
    new SnsTopic(s, 'Topic', { name: 'events' });
    expect(() => synthesizeToFile(s)).toThrow(/\[ACME-1\] unit-stg\/Topic/);
    expect(() => synthesizeToFile(s)).not.toThrow(/PL-SNS-1/);
    expect(Guardrails.of(s).rules.map((r) => r.id)).toContain('ACME-1');
  });

  it('writes the suppressions given in props to cdk.tf.json', () => {
    const s = guarded({ suppressions: [{ ruleId: 'PL-VPC-1', path: 'Vpc', reason: 'Flow logs are collected centrally by the network team' }] });
    new Vpc(s, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    expect(synthesizeToFile(s)['//'].guardrails.suppressions).toEqual([
      { ruleId: 'PL-VPC-1', path: 'unit-stg/Vpc', reason: 'Flow logs are collected centrally by the network team', source: 'stack', suppressed: ['aws_vpc.Vpc'] },
    ]);
  });

  it('refuses a suppression without a reason when the stack is built', () => {
    expect(() => guarded({ suppressions: [{ ruleId: 'PL-VPC-1', path: 'Vpc', reason: '' }] })).toThrow(/EnvironmentStack 'unit-stg': 'guardrails\.suppressions\[0\]\.reason'/);
  });
});

describe('EnvironmentStack settings', () => {
  const stack = new EnvironmentStack(Testing.app(), {
    application: 'web',
    environment: {
      name: 'stg',
      accountId: '222222222222',
      region: 'eu-west-1',
      backend: { type: 's3', bucket: 'acme-terraform-state', region: 'us-east-1', keyPrefix: 'teams/web', kmsKeyId: 'alias/terraform-state' },
    },
    tags: { team: 'payments', environment: 'staging' },
  });
  const json = synthJson(stack);

  it('exposes what it was built with', () => {
    expect(stack.application).toBe('web');
    expect(stack.environment.name).toBe('stg');
    expect(stack.region).toBe('eu-west-1');
    expect(stack.accountId).toBe('222222222222');
    expect(stack.awsProvider.region).toBe('eu-west-1');
  });

  it('adds extra tags to the default tags, where they win', () => {
    expect(json.provider.aws[0].region).toBe('eu-west-1');
    expect(json.provider.aws[0].default_tags).toEqual([{ tags: { application: 'web', environment: 'staging', 'managed-by': 'privatelink-cdktf', team: 'payments' } }]);
  });

  it('keeps state under the key prefix, in the bucket region, with the given key', () => {
    expect(json.terraform.backend).toEqual({
      s3: { bucket: 'acme-terraform-state', key: 'teams/web/web-stg.tfstate', region: 'us-east-1', encrypt: true, kms_key_id: 'alias/terraform-state', use_lockfile: true },
    });
  });

  it('keeps local state where it is told', () => {
    const local = devStack({ backend: { type: 'local', path: 'state/dev.tfstate' } });
    expect(synthJson(local).terraform.backend).toEqual({ local: { path: 'state/dev.tfstate' } });
    expect(devStack().region).toBe('ap-northeast-1');
  });
});

describe('EnvironmentStack props from untyped callers', () => {
  // The stack is not there yet, so the message names the app it was given to (whose path is empty).
  const build = (props: unknown) => () => new EnvironmentStack(Testing.app(), props as EnvironmentStackProps);
  const PROPS_FIX = "pass { application: 'my-app', environment: { name: 'dev', accountId: '123456789012' } }";
  const ENVIRONMENT_FIX = "give { name: 'dev' | 'stg' | 'prod', accountId: '123456789012' }";
  it.each([
    ['no props', undefined, `App '': 'props' is missing; ${PROPS_FIX}`],
    ['null props', null, `App '': 'props' is null; ${PROPS_FIX}`],
    ['a string for props', 'web', `App '': 'props' is the string 'web'; ${PROPS_FIX}`],
    ['a number for the application', { application: 7, environment: { name: 'dev', accountId: '111111111111' } }, "App '': 'application' is 7; name the app in lower-case letters, digits and hyphens, for example 'saas-provider'"],
    ['no environment', { application: 'web' }, `App '': 'environment' is missing; ${ENVIRONMENT_FIX}`],
    ['a null environment', { application: 'web', environment: null }, `App '': 'environment' is null; ${ENVIRONMENT_FIX}`],
    ['an environment given by name', { application: 'web', environment: 'dev' }, `App '': 'environment' is the string 'dev'; ${ENVIRONMENT_FIX}`],
  ])('refuses %s', (_name, props, message) => {
    expect(configErrorOf(build(props)).message).toBe(message);
  });
});
