import { EncryptedLogGroup, LOG_RETENTION_DAYS, requireLogRetentionDays } from '../src/encrypted-log-group';
import { devStack, onlyResource, synthJson, widget } from './helpers';

describe('EncryptedLogGroup', () => {
  it('keeps logs 365 days under a new key that CloudWatch Logs of the region may use', () => {
    const stack = devStack();
    new EncryptedLogGroup(stack, 'Logs', { logGroupName: '/privatelink/dev/app' });
    const json = synthJson(stack);
    const group = onlyResource(json, 'aws_cloudwatch_log_group');
    expect(group).toMatchObject({ name: '/privatelink/dev/app', retention_in_days: 365 });
    expect(group.kms_key_id).toMatch(/^\$\{aws_kms_key\.Logs_Key_/);
    const policy = JSON.parse(String(onlyResource(json, 'aws_kms_key').policy)) as { Statement: Array<{ Principal: unknown }> };
    expect(policy.Statement[1].Principal).toEqual({ Service: ['logs.ap-northeast-1.amazonaws.com'] });
    expect(onlyResource(json, 'aws_kms_alias').name).toBe('alias/logs/privatelink/dev/app');
  });

  it('uses a given key and retention instead', () => {
    const stack = devStack();
    const key = 'arn:aws:kms:ap-northeast-1:111111111111:key/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f';
    new EncryptedLogGroup(stack, 'Logs', { logGroupName: '/privatelink/dev/app', retentionDays: 30, kmsKeyArn: key });
    const json = synthJson(stack);
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toMatchObject({ retention_in_days: 30, kms_key_id: key });
    expect(json.resource.aws_kms_key).toBeUndefined();
  });

  it('refuses names, retentions and keys CloudWatch Logs refuses', () => {
    const make = (props: Partial<ConstructorParameters<typeof EncryptedLogGroup>[2]>) => new EncryptedLogGroup(devStack(), 'Logs', { logGroupName: '/privatelink/dev/app', ...props });
    expect(() => make({ logGroupName: '/privatelink/dev app' })).toThrow(/'logGroupName' is '\/privatelink\/dev app', which has characters a log group name may not contain; a log group name is at most 512 characters/);
    expect(() => make({ logGroupName: 'aws/lambda/app' })).toThrow(/starts with 'aws\/'/);
    expect(() => make({ retentionDays: 10 })).toThrow(/'retentionDays' is 10; use one of the periods CloudWatch Logs accepts, for example 14/);
    expect(() => make({ retentionDays: 0 })).toThrow(/'retentionDays' is 0/);
    expect(() => make({ kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d' })).toThrow(/'kmsKeyArn' is .* in us-east-1, but the stack deploys to ap-northeast-1/);
    expect(() => make({ logGroupName: undefined as never })).toThrow(/'logGroupName' is missing/);
  });
});

describe('requireLogRetentionDays', () => {
  it('takes exactly the periods CloudWatch Logs accepts', () => {
    for (const days of LOG_RETENTION_DAYS) expect(requireLogRetentionDays(widget(), 'retentionDays', days)).toBe(days);
    expect(() => requireLogRetentionDays(widget(), 'retentionDays', NaN)).toThrow(/'retentionDays' is NaN/);
    expect(() => requireLogRetentionDays(widget(), 'retentionDays', 4000)).toThrow(/for example 3653/);
  });
});
