import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { requireAccountContext } from './aws-context';
import { EncryptedLogGroup } from './encrypted-log-group';
import { physicalName } from './naming';
import { policyDocument } from './policy-document';

export interface VpcFlowLogsProps {
  readonly vpcId: string;
  /** Used in the log group and role names, for example `saas-provider-prod`. */
  readonly name: string;
  /** @default 365 */
  readonly retentionDays?: number;
  /** @default 'ALL' */
  readonly trafficType?: 'ALL' | 'ACCEPT' | 'REJECT';
  /** @default - a new key with rotation */
  readonly kmsKeyArn?: string;
}

/**
 * VPC flow logs to an encrypted CloudWatch log group with retention: the first place to look when
 * a PrivateLink connection is refused (security groups show up as REJECT records).
 */
export class VpcFlowLogs extends Construct {
  public readonly logGroupName: string;
  public readonly flowLogId: string;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const { accountId } = requireAccountContext(this);
    const logs = new EncryptedLogGroup(this, 'Logs', {
      logGroupName: `/privatelink/${props.name}/flow-logs`,
      retentionDays: props.retentionDays,
      kmsKeyArn: props.kmsKeyArn,
    });
    const role = new IamRole(this, 'Role', {
      name: physicalName([props.name, 'flow-logs'], 64),
      assumeRolePolicy: policyDocument(this, 'assumeRolePolicy', [
        {
          principals: { Service: ['vpc-flow-logs.amazonaws.com'] },
          actions: ['sts:AssumeRole'],
          // Confused-deputy guard: only flow logs of this account may use the role.
          conditions: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [accountId] }],
        },
      ]),
    });
    new IamRolePolicy(this, 'Policy', {
      role: role.name,
      name: 'write-flow-logs',
      policy: policyDocument(this, 'policy', [
        {
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [logs.logGroupArn, `${logs.logGroupArn}:*`],
        },
      ]),
    });
    const flowLog = new FlowLog(this, 'FlowLog', {
      vpcId: props.vpcId,
      trafficType: props.trafficType ?? 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: logs.logGroupArn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
    });
    this.logGroupName = logs.logGroupName;
    this.flowLogId = flowLog.id;
  }
}
