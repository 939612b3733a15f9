import { Testing } from 'cdktf';
import { EnvironmentStack } from '../src';
import { devStack, synthJson } from './helpers';

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
    expect(stack.isProduction).toBe(true);
    expect(synthJson(stack).terraform.backend.s3).toEqual({
      bucket: 'acme-terraform-state',
      key: 'privatelink/unit-prod.tfstate',
      region: 'us-east-1',
      encrypt: true,
      use_lockfile: true,
    });
  });

  it('rejects a bad account, region, role or state bucket at synth time', () => {
    expect(() => devStack({ accountId: '1234' })).toThrow(/EnvironmentStack 'unit-dev': 'environment.accountId' is '1234'/);
    expect(() => devStack({ region: 'tokyo' })).toThrow(/'environment.region' has unknown region 'tokyo'/);
    expect(() => devStack({ assumeRoleArn: 'deploy' })).toThrow(/'environment.assumeRoleArn'/);
    expect(() => devStack({ backend: { type: 's3', bucket: 'Bad_Bucket' } })).toThrow(/'environment.backend.bucket' is 'Bad_Bucket'/);
  });
});
