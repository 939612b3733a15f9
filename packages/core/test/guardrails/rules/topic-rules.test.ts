import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { describeRule, findingsOf, guardedStack } from '../helpers';

describeRule('PL-SNS-1', {
  compliant: [{ name: 'a topic with a KMS key', build: (stack) => new SnsTopic(stack, 'Topic', { name: 'events', kmsMasterKeyId: 'alias/events' }) }],
  nonCompliant: [
    { name: 'a topic without a key', path: 'Topic', problem: /kms_master_key_id/, build: (stack) => new SnsTopic(stack, 'Topic', { name: 'events' }) },
    { name: 'a topic with an empty key', path: 'Topic', build: (stack) => new SnsTopic(stack, 'Topic', { name: 'events', kmsMasterKeyId: '' }) },
  ],
});

describe('PL-SNS-1 findings', () => {
  it('say what is wrong and how to fix it', () => {
    const stack = guardedStack();
    new SnsTopic(stack, 'Topic', { name: 'events' });
    expect(findingsOf(stack, 'PL-SNS-1').map((f) => [f.problem, f.fix])).toEqual([
      ["'kms_master_key_id' is not set, so messages are stored unencrypted", 'give the topic a customer managed KMS key that the publishing services may use'],
    ]);
  });
});
