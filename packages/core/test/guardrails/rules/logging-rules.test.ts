import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { EncryptedLogGroup } from '../../../src/encrypted-log-group';
import { type EnvironmentStack } from '../../../src/environment-stack';
import { PrivateNetwork } from '../../../src/private-network';
import { describeRule, findingsOf, guardedStack } from '../helpers';

const KEY = 'arn:aws:kms:ap-northeast-1:111111111111:key/0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9';

function vpcWithFlowLogTo(stack: EnvironmentStack, target: 'itself' | 'another' | 'none'): void {
  const vpc = new Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  if (target === 'none') return;
  const other = target === 'another' ? new Vpc(stack, 'Other', { cidrBlock: '10.1.0.0/16' }) : vpc;
  new FlowLog(stack, 'FlowLog', { vpcId: other.id, trafficType: 'ALL', logDestinationType: 's3', logDestination: 'arn:aws:s3:::flow-logs-111111111111' });
}

describeRule('PL-VPC-1', {
  compliant: [
    { name: 'a VPC with a flow log', build: (stack) => vpcWithFlowLogTo(stack, 'itself') },
    { name: 'a PrivateNetwork', build: (stack) => new PrivateNetwork(stack, 'Network', { name: 'guard-dev', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2'] }) },
  ],
  nonCompliant: [
    { name: 'a VPC without flow logs', path: 'Vpc', problem: /no aws_flow_log/, build: (stack) => vpcWithFlowLogTo(stack, 'none') },
    { name: "a VPC next to another VPC's flow log", path: 'Vpc', build: (stack) => vpcWithFlowLogTo(stack, 'another') },
    {
      name: 'a PrivateNetwork with flow logs turned off',
      path: 'Network/Vpc',
      build: (stack) => new PrivateNetwork(stack, 'Network', { name: 'guard-dev', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1'], flowLogs: false }),
    },
  ],
});

describeRule('PL-LOG-1', {
  compliant: [
    { name: 'a log group with retention and a key', build: (stack) => new CloudwatchLogGroup(stack, 'Logs', { name: '/app', retentionInDays: 365, kmsKeyId: KEY }) },
    { name: 'an EncryptedLogGroup', build: (stack) => new EncryptedLogGroup(stack, 'Logs', { logGroupName: '/app' }) },
  ],
  nonCompliant: [
    { name: 'a log group kept forever', path: 'Logs', problem: /retention_in_days/, build: (stack) => new CloudwatchLogGroup(stack, 'Logs', { name: '/app', kmsKeyId: KEY }) },
    { name: 'a log group with retention 0 (never expire)', path: 'Logs', build: (stack) => new CloudwatchLogGroup(stack, 'Logs', { name: '/app', retentionInDays: 0, kmsKeyId: KEY }) },
    { name: 'a log group without a key', path: 'Logs', problem: /kms_key_id/, build: (stack) => new CloudwatchLogGroup(stack, 'Logs', { name: '/app', retentionInDays: 30 }) },
    { name: 'a log group with an empty key', path: 'Logs', problem: /kms_key_id/, build: (stack) => new CloudwatchLogGroup(stack, 'Logs', { name: '/app', retentionInDays: 30, kmsKeyId: '' }) },
  ],
});

describe('logging findings', () => {
  it('say what is wrong and how to fix it', () => {
    const stack = guardedStack();
    vpcWithFlowLogTo(stack, 'none');
    new CloudwatchLogGroup(stack, 'Logs', { name: '/app' });
    expect([...findingsOf(stack, 'PL-VPC-1'), ...findingsOf(stack, 'PL-LOG-1')].map((f) => [f.path, f.problem, f.fix])).toEqual([
      ['guard-dev/Vpc', "no aws_flow_log has a 'vpc_id' that refers to this VPC", 'add flow logs (core VpcFlowLogs, or PrivateNetwork, which has them on by default)'],
      ['guard-dev/Logs', "'retention_in_days' is not set, so logs are kept forever", 'set retention_in_days (core EncryptedLogGroup defaults to 365)'],
      ['guard-dev/Logs', "'kms_key_id' is not set, so logs are encrypted only with an AWS owned key", 'give a customer managed KMS key (core EncryptedLogGroup creates one)'],
    ]);
  });
});
