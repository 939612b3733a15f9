import { DefaultTokenResolver, StringConcat, Token, Tokenization } from 'cdktf';
import { EncryptedLogGroup, LOG_RETENTION_DAYS, requireLogRetentionDays } from '../src/encrypted-log-group';
import { assertBadInput, type BadInputCase } from '../src/testing';
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

describe('EncryptedLogGroup key and outputs', () => {
  const stack = devStack({ region: 'cn-north-1' });
  const logs = new EncryptedLogGroup(stack, 'Logs', { logGroupName: '/privatelink/dev/app.v2#1', retentionDays: 3653 });
  const json = synthJson(stack);
  const resolved = (value: string) => Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }) as string;

  it('names the key after the log group, alias-safe, and says what it encrypts', () => {
    expect(onlyResource(json, 'aws_kms_alias').name).toBe('alias/logs/privatelink/dev/app-v2-1');
    expect(onlyResource(json, 'aws_kms_key').description).toBe('Encrypts the log group /privatelink/dev/app.v2#1');
  });

  it('lets CloudWatch Logs of the region and partition use the key', () => {
    const policy = JSON.parse(String(onlyResource(json, 'aws_kms_key').policy)) as { Statement: Array<{ Principal: unknown; Condition?: unknown }> };
    expect(policy.Statement[1]).toMatchObject({
      Principal: { Service: ['logs.cn-north-1.amazonaws.com.cn'] },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': ['arn:aws-cn:logs:cn-north-1:111111111111:log-group:*'] } },
    });
  });

  it('exposes the name, ARN and key of the log group', () => {
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toMatchObject({ retention_in_days: 3653 });
    expect(resolved(logs.logGroupName)).toMatch(/^\$\{aws_cloudwatch_log_group\.Logs_LogGroup_\w+\.name\}$/);
    expect(resolved(logs.logGroupArn)).toMatch(/^\$\{aws_cloudwatch_log_group\.Logs_LogGroup_\w+\.arn\}$/);
    expect(resolved(logs.kmsKeyArn)).toMatch(/^\$\{aws_kms_key\.Logs_Key_\w+\.arn\}$/);
  });
});

describe('EncryptedLogGroup bad input', () => {
  const logGroup = (props: Record<string, unknown>) => () => new EncryptedLogGroup(devStack(), 'Logs', { logGroupName: '/unit/app', ...props } as never);
  const cases: BadInputCase[] = [
    { name: 'name missing (untyped JS)', run: logGroup({ logGroupName: undefined }), field: 'logGroupName', value: 'is missing', fix: /^give a name such as '\/privatelink\/prod\/flow-logs'$/ },
    { name: 'key of another service', run: logGroup({ kmsKeyArn: 'arn:aws:sns:ap-northeast-1:111111111111:topic' }), field: 'kmsKeyArn', value: "'arn:aws:sns:ap-northeast-1:111111111111:topic'", fix: /kms/ },
    { name: 'retention as a string (untyped JS)', run: logGroup({ retentionDays: '30' }), field: 'retentionDays', value: "is '30'", fix: /for example 365 \(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653\)$/ },
    { name: 'retention of infinity', run: logGroup({ retentionDays: Infinity }), field: 'retentionDays', value: 'is Infinity', fix: /for example 365 / },
    { name: 'retention between two periods', run: logGroup({ retentionDays: 2 }), field: 'retentionDays', value: 'is 2', fix: /for example 3 / },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));

  it('passes a retention known only at apply time', () => {
    const days = Token.asNumber({ Ref: 'days' });
    expect(requireLogRetentionDays(widget(), 'retentionDays', days)).toBe(days);
  });
});
