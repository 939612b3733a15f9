import type { GuardrailRule } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';

export const ENCRYPTED_TOPIC: GuardrailRule = resourceRule(
  'PL-SNS-1',
  'SNS topics encrypt messages at rest with a KMS key.',
  ['aws_sns_topic'],
  (topic) => {
    const key = topic.attributes.kms_master_key_id;
    if (typeof key === 'string' && key !== '') return undefined;
    return { problem: "'kms_master_key_id' is not set, so messages are stored unencrypted", fix: 'give the topic a customer managed KMS key that the publishing services may use' };
  },
);
