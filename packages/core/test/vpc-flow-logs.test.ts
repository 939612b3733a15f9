import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';
import { assertBadInput, type BadInputCase } from '../src/testing';
import { VpcFlowLogs, type VpcFlowLogsProps } from '../src/vpc-flow-logs';
import { devStack, onlyResource, synthJson } from './helpers';

describe('VpcFlowLogs', () => {
  const stack = devStack();
  const logs = new VpcFlowLogs(stack, 'FlowLogs', { vpcId: 'vpc-0a1b2c3d4e5f60718', name: 'unit-dev' });
  const json = synthJson(stack);

  it('records all traffic every minute to an encrypted log group with retention', () => {
    expect(onlyResource(json, 'aws_flow_log')).toMatchObject({ vpc_id: 'vpc-0a1b2c3d4e5f60718', traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs', max_aggregation_interval: 60 });
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toMatchObject({ name: '/privatelink/unit-dev/flow-logs', retention_in_days: 365 });
    expect(logs.logGroupName).toMatch(/TOKEN/);
  });

  it("lets only this account's flow logs in this region assume its role (confused-deputy guard)", () => {
    const role = onlyResource(json, 'aws_iam_role');
    expect(role.name).toBe('unit-dev-flow-logs');
    const trust = JSON.parse(String(role.assume_role_policy)) as { Statement: Array<Record<string, unknown>> };
    expect(trust.Statement).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: ['vpc-flow-logs.amazonaws.com'] },
        Action: ['sts:AssumeRole'],
        Resource: ['*'],
        Condition: {
          StringEquals: { 'aws:SourceAccount': ['111111111111'] },
          ArnLike: { 'aws:SourceArn': ['arn:aws:ec2:ap-northeast-1:111111111111:vpc-flow-log/*'] },
        },
      },
    ]);
  });

  it('writes only to its own log group', () => {
    const policy = JSON.parse(String(onlyResource(json, 'aws_iam_role_policy').policy)) as { Statement: Array<{ Action: string[]; Resource: string[] }> };
    expect(policy.Statement[0].Action).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams']);
    expect(policy.Statement[0].Resource).toEqual([expect.stringMatching(/aws_cloudwatch_log_group\..*\.arn/), expect.stringMatching(/aws_cloudwatch_log_group\..*\.arn\}:\*$/)]);
  });

  it('takes the traffic type and retention', () => {
    const other = devStack();
    new VpcFlowLogs(other, 'FlowLogs', { vpcId: 'vpc-1', name: 'unit-dev', trafficType: 'REJECT', retentionDays: 90 });
    const otherJson = synthJson(other);
    expect(onlyResource(otherJson, 'aws_flow_log').traffic_type).toBe('REJECT');
    expect(onlyResource(otherJson, 'aws_cloudwatch_log_group').retention_in_days).toBe(90);
  });

  it('refuses traffic types, retentions and names AWS refuses, naming its own fields', () => {
    const make = (props: Partial<ConstructorParameters<typeof VpcFlowLogs>[2]>) => new VpcFlowLogs(devStack(), 'FlowLogs', { vpcId: 'vpc-1', name: 'unit-dev', ...props });
    expect(() => make({ trafficType: 'all' as never })).toThrow("VpcFlowLogs 'unit-dev/FlowLogs': 'trafficType' is 'all'; write it as 'ALL'");
    expect(() => make({ retentionDays: 10 })).toThrow(/VpcFlowLogs 'unit-dev\/FlowLogs': 'retentionDays' is 10/);
    expect(() => make({ name: 'unit dev' })).toThrow(/'name' is 'unit dev', which has characters a name may not contain/);
    expect(() => make({ vpcId: undefined as never })).toThrow(/'vpcId' is missing/);
  });
});

describe('VpcFlowLogs wiring', () => {
  const stack = devStack({ region: 'cn-north-1' });
  const key = 'arn:aws-cn:kms:cn-north-1:111111111111:key/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f';
  const name = `n${'a'.repeat(63)}`;
  const logs = new VpcFlowLogs(stack, 'FlowLogs', { vpcId: 'vpc-1', name, kmsKeyArn: key });
  const json = synthJson(stack);
  const resolved = (value: string) => Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }) as string;

  it('sends the flow log to its log group through its role', () => {
    expect(onlyResource(json, 'aws_flow_log')).toMatchObject({
      log_destination: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.FlowLogs_LogGroup_\w+\.arn\}$/),
      iam_role_arn: expect.stringMatching(/^\$\{aws_iam_role\.FlowLogs_Role_\w+\.arn\}$/),
    });
    expect(onlyResource(json, 'aws_iam_role_policy')).toMatchObject({ name: 'write-flow-logs', role: expect.stringMatching(/^\$\{aws_iam_role\.FlowLogs_Role_\w+\.name\}$/) });
  });

  it('encrypts with the key it was given, and keeps logs a year by default', () => {
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toMatchObject({ kms_key_id: key, retention_in_days: 365, name: `/privatelink/${name}/flow-logs` });
    expect(json.resource.aws_kms_key).toBeUndefined();
  });

  it('keeps the role name within 64 characters and trusts flow logs of the partition and region', () => {
    const role = onlyResource(json, 'aws_iam_role');
    expect(String(role.name)).toMatch(/^naaaa+-[0-9a-f]{8}$/);
    expect(String(role.name)).toHaveLength(64);
    expect(String(role.assume_role_policy)).toContain('arn:aws-cn:ec2:cn-north-1:111111111111:vpc-flow-log/*');
  });

  it('exposes the log group name, the flow log and the role', () => {
    expect(resolved(logs.logGroupName)).toMatch(/^\$\{aws_cloudwatch_log_group\.FlowLogs_LogGroup_\w+\.name\}$/);
    expect(resolved(logs.flowLogId)).toMatch(/^\$\{aws_flow_log\.FlowLogs_FlowLog_\w+\.id\}$/);
    expect(resolved(logs.roleArn)).toMatch(/^\$\{aws_iam_role\.FlowLogs_Role_\w+\.arn\}$/);
  });

  it('follows the region of its provider, also for the key of its log group', () => {
    const other = devStack();
    const provider = new AwsProvider(other, 'Us', { region: 'us-east-1', alias: 'us' });
    new VpcFlowLogs(other, 'FlowLogs', { vpcId: 'vpc-1', name: 'unit-dev', provider });
    const otherJson = synthJson(other);
    expect(String(onlyResource(otherJson, 'aws_iam_role').assume_role_policy)).toContain('arn:aws:ec2:us-east-1:111111111111:vpc-flow-log/*');
    const keyPolicy = JSON.parse(String(onlyResource(otherJson, 'aws_kms_key').policy)) as { Statement: Array<{ Principal: unknown }> };
    expect(keyPolicy.Statement[1].Principal).toEqual({ Service: ['logs.us-east-1.amazonaws.com'] });
    const withKey = devStack();
    const us = new AwsProvider(withKey, 'Us', { region: 'us-east-1', alias: 'us' });
    const key = 'arn:aws:kms:us-east-1:111111111111:key/0a1b2c3d';
    new VpcFlowLogs(withKey, 'FlowLogs', { vpcId: 'vpc-1', name: 'unit-dev', provider: us, kmsKeyArn: key });
    expect(onlyResource(synthJson(withKey), 'aws_cloudwatch_log_group')).toMatchObject({ kms_key_id: key, provider: 'aws.us' });
  });
});

describe('VpcFlowLogs bad input', () => {
  const flowLogs = (props: Partial<VpcFlowLogsProps>) => () => new VpcFlowLogs(devStack(), 'FlowLogs', { vpcId: 'vpc-1', name: 'unit-dev', ...props });
  const cases: BadInputCase[] = [
    { name: 'name missing (untyped JS)', run: flowLogs({ name: undefined }), field: 'name', value: 'is missing', fix: /^give a name such as 'tenant-consumer-prod'$/ },
    { name: 'VPC ID empty', run: flowLogs({ vpcId: '' }), field: 'vpcId', value: 'is empty', fix: /give the VPC's ID, for example network\.vpcId/ },
    { name: 'retention of 0', run: flowLogs({ retentionDays: 0 }), field: 'retentionDays', value: 'is 0', fix: /for example 1 / },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
