import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { describeRule } from '../helpers';

describeRule('PL-SNS-1', {
  compliant: [{ name: 'a topic with a KMS key', build: (stack) => new SnsTopic(stack, 'Topic', { name: 'events', kmsMasterKeyId: 'alias/events' }) }],
  nonCompliant: [{ name: 'a topic without a key', path: 'Topic', problem: /kms_master_key_id/, build: (stack) => new SnsTopic(stack, 'Topic', { name: 'events' }) }],
});
