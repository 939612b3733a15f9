/**
 * The AWS services a workload in a private subnet calls without internet: Kinesis, CloudWatch
 * Logs, KMS, Systems Manager (Session Manager needs ssm, ssmmessages and ec2messages) and STS.
 */
export const AWS_SERVICES: Readonly<Record<string, string>> = {
  kinesis: 'kinesis-streams',
  logs: 'logs',
  kms: 'kms',
  ssm: 'ssm',
  ssmmessages: 'ssmmessages',
  ec2messages: 'ec2messages',
  sts: 'sts',
};
