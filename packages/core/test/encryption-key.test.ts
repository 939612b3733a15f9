import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { Testing } from 'cdktf';
import { EncryptionKey, type EncryptionKeyProps } from '../src/encryption-key';
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
