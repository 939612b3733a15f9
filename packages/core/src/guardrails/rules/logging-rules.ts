import type { GuardrailRule, ResourceProblem } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';

export const VPC_FLOW_LOGS: GuardrailRule = resourceRule(
  'PL-VPC-1',
  'Every VPC records flow logs: refused PrivateLink connections show up there first.',
  ['aws_vpc'],
  (vpc, context) => {
    if (context.ofType('aws_flow_log').some((log) => context.refersTo(log.attributes.vpc_id, vpc))) return undefined;
    return { problem: "no aws_flow_log has a 'vpc_id' that refers to this VPC", fix: 'add flow logs (core VpcFlowLogs, or PrivateNetwork, which has them on by default)' };
  },
);

export const LOG_GROUP_RETENTION_AND_KEY: GuardrailRule = resourceRule(
  'PL-LOG-1',
  'Log groups keep logs for a known time and encrypt them with a customer managed key.',
  ['aws_cloudwatch_log_group'],
  (group) => {
    const problems: ResourceProblem[] = [];
    const retention = group.attributes.retention_in_days;
    if (retention === undefined || retention === 0) {
      problems.push({ problem: "'retention_in_days' is not set, so logs are kept forever", fix: 'set retention_in_days (core EncryptedLogGroup defaults to 365)' });
    }
    const key = group.attributes.kms_key_id;
    if (typeof key !== 'string' || key === '') {
      problems.push({ problem: "'kms_key_id' is not set, so logs are encrypted only with an AWS owned key", fix: 'give a customer managed KMS key (core EncryptedLogGroup creates one)' });
    }
    return problems;
  },
);
