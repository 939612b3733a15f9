import { VpcFlowLogs } from '../src/vpc-flow-logs';
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
