import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DefaultTokenResolver, StringConcat, Testing, Tokenization } from 'cdktf';
import { EncryptionKey, type EncryptionKeyProps } from '../src/encryption-key';
import { assertBadInput, type BadInputCase } from '../src/testing';
import { devStack, onlyResource, synthJson } from './helpers';

const props = (extra: Partial<EncryptionKeyProps> = {}): EncryptionKeyProps => ({ alias: 'privatelink/dev/events', description: 'Encrypts events', ...extra });

describe('EncryptionKey', () => {
  const stack = devStack();
  const key = new EncryptionKey(stack, 'Key', props({ servicePrincipals: ['logs.ap-northeast-1.amazonaws.com', 'sns.amazonaws.com'] }));
  const json = synthJson(stack);
  const kms = onlyResource(json, 'aws_kms_key');
  const policy = JSON.parse(String(kms.policy)) as { Statement: Array<Record<string, unknown>> };

  it('rotates yearly, waits 30 days before deletion and has an alias', () => {
    expect(kms).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30, description: 'Encrypts events' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(KmsAlias, { name: 'alias/privatelink/dev/events' });
    expect(key.keyArn).toMatch(/TOKEN/);
  });

  it('is administered by the account root', () => {
    expect(policy.Statement[0]).toMatchObject({ Sid: 'AccountAdministers', Principal: { AWS: ['arn:aws:iam::111111111111:root'] }, Action: ['kms:*'] });
  });

  it('lets CloudWatch Logs use it only for log groups of the account, and other services only for the account', () => {
    expect(policy.Statement[1]).toMatchObject({
      Principal: { Service: ['logs.ap-northeast-1.amazonaws.com'] },
      Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': ['arn:aws:logs:ap-northeast-1:111111111111:log-group:*'] } },
    });
    expect(policy.Statement[2]).toMatchObject({ Principal: { Service: ['sns.amazonaws.com'] }, Condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] } } });
    expect(policy.Statement[2].Action).not.toContain('kms:*');
  });

  it('takes a deletion window from 7 to 30 days', () => {
    const window = (days: number) => onlyResource(synthJson(withKey(props({ deletionWindowDays: days }))), 'aws_kms_key').deletion_window_in_days;
    expect(window(7)).toBe(7);
    expect(() => withKey(props({ deletionWindowDays: 6 }))).toThrow("EncryptionKey 'unit-dev/Key': 'deletionWindowDays' is 6; use a whole number from 7 to 30 days");
    expect(() => withKey(props({ deletionWindowDays: 31 }))).toThrow(/'deletionWindowDays' is 31/);
  });

  it('refuses aliases KMS refuses and principals that are not service principals', () => {
    expect(() => withKey(props({ alias: 'alias/events' }))).toThrow(/leave out the 'alias\/' prefix: 'events'/);
    expect(() => withKey(props({ alias: 'aws/events' }))).toThrow(/'alias' is 'alias\/aws\/events', which starts with 'alias\/aws\/', which AWS reserves/);
    expect(() => withKey(props({ alias: 'events key' }))).toThrow(/which has characters a KMS alias may not contain/);
    expect(() => withKey(props({ servicePrincipals: ['logs'] }))).toThrow(/'servicePrincipals' has 'logs', which is not an IAM principal/);
  });
});

function withKey(keyProps: EncryptionKeyProps) {
  const stack = devStack();
  new EncryptionKey(stack, 'Key', keyProps);
  return stack;
}

describe('EncryptionKey statements, region and account', () => {
  const stack = devStack();
  const key = new EncryptionKey(stack, 'Key', props({ servicePrincipals: ['sns.amazonaws.com', 'logs.us-east-1.amazonaws.com'], region: 'us-east-1', accountId: '222222222222' }));
  const json = synthJson(stack);
  const policy = JSON.parse(String(onlyResource(json, 'aws_kms_key').policy)) as { Statement: Array<Record<string, unknown>> };
  const resolved = (value: string) => Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }) as string;

  it('gives each service its own numbered statement with the encryption actions only', () => {
    const actions = ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'];
    expect(policy.Statement).toEqual([
      { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::222222222222:root'] }, Action: ['kms:*'], Resource: ['*'] },
      { Sid: 'Service1', Effect: 'Allow', Principal: { Service: ['sns.amazonaws.com'] }, Action: actions, Resource: ['*'], Condition: { StringEquals: { 'aws:SourceAccount': ['222222222222'] } } },
      {
        Sid: 'Service2',
        Effect: 'Allow',
        Principal: { Service: ['logs.us-east-1.amazonaws.com'] },
        Action: actions,
        Resource: ['*'],
        Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': ['arn:aws:logs:us-east-1:222222222222:log-group:*'] } },
      },
    ]);
  });

  it('points its alias at the key and exposes the key', () => {
    expect(onlyResource(json, 'aws_kms_alias')).toMatchObject({ target_key_id: expect.stringMatching(/^\$\{aws_kms_key\.Key_\w+\.key_id\}$/) });
    expect(resolved(key.keyArn)).toMatch(/^\$\{aws_kms_key\.Key_\w+\.arn\}$/);
    expect(resolved(key.keyId)).toMatch(/^\$\{aws_kms_key\.Key_\w+\.key_id\}$/);
  });

  it('follows the region of its provider unless given one', () => {
    const other = devStack();
    const provider = new AwsProvider(other, 'Us', { region: 'us-west-2', alias: 'us' });
    new EncryptionKey(other, 'Key', props({ servicePrincipals: ['logs.us-west-2.amazonaws.com'], provider }));
    expect(String(onlyResource(synthJson(other), 'aws_kms_key').policy)).toContain('arn:aws:logs:us-west-2:111111111111:log-group:*');
  });

  it('takes a description of 8192 characters', () => {
    expect(() => withKey(props({ description: 'd'.repeat(8192) }))).not.toThrow();
  });
});

describe('EncryptionKey bad input', () => {
  const key = (extra: Partial<EncryptionKeyProps>) => () => withKey(props(extra));
  const cases: BadInputCase[] = [
    { name: 'alias missing (untyped JS)', run: key({ alias: undefined }), field: 'alias', value: 'is missing', fix: /^give the alias without 'alias\/', for example 'privatelink\/prod\/logs'$/ },
    { name: 'alias as a number (untyped JS)', run: key({ alias: 5 as never }), field: 'alias', value: 'the number 5', fix: /^give the alias without 'alias\/', for example 'privatelink\/prod\/logs'$/ },
    { name: 'description longer than KMS allows', run: key({ description: 'd'.repeat(8193) }), field: 'description', value: 'has 8193 characters', fix: /^use at most 8192 characters$/ },
    { name: 'description missing (untyped JS)', run: key({ description: undefined }), field: 'description', value: 'is missing', fix: /say what the key encrypts, for example "Encrypts the flow logs of prod"/ },
    { name: 'service principals not a list (untyped JS)', run: key({ servicePrincipals: 'sns.amazonaws.com' as never }), field: 'servicePrincipals', value: "the string 'sns.amazonaws.com'", fix: /give service principals as a list, for example \["logs\.ap-northeast-1\.amazonaws\.com"\]/ },
    { name: 'account ID of 11 digits', run: key({ accountId: '22222222222' }), field: 'accountId', value: "'22222222222'", fix: /12 digits/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
