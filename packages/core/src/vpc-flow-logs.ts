import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { NAME_RULES, requireName } from './aws/names';
import { requireAccountContext } from './aws-context';
import { configError } from './config-error';
import { EncryptedLogGroup, requireLogRetentionDays } from './encrypted-log-group';
import { applyConstructContract, type MetaArguments, providerRegion } from './meta-arguments';
import { physicalName } from './naming';
import { policyDocument } from './policy-document';
import { requireOneOf, requireString } from './validate';

/** The traffic a flow log records. */
export const FLOW_LOG_TRAFFIC_TYPES = ['ALL', 'ACCEPT', 'REJECT'] as const;

export interface VpcFlowLogsProps extends MetaArguments {
  readonly vpcId: string;
  /** Used in the log group and role names, for example `saas-provider-prod`. */
  readonly name: string;
  /** @default 365 */
  readonly retentionDays?: number;
  /** @default 'ALL' */
  readonly trafficType?: (typeof FLOW_LOG_TRAFFIC_TYPES)[number];
  /** A KMS key of the stack's region for the log group. @default - a new key with rotation */
  readonly kmsKeyArn?: string;
}

/**
 * VPC flow logs to an encrypted CloudWatch log group with retention: the first place to look when
 * a PrivateLink connection is refused (security groups show up as REJECT records).
 */
export class VpcFlowLogs extends Construct {
  public readonly logGroupName: string;
  public readonly flowLogId: string;
  /** The role VPC Flow Logs assumes to write to the log group. */
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireString(this, 'vpcId', props.vpcId, "give the VPC's ID, for example network.vpcId", { nonEmpty: true });
    if (props.name === undefined) configError(this, 'name', 'is missing', `give a name such as '${NAME_RULES.namePrefix.example}'`);
    requireName(this, 'name', props.name, NAME_RULES.namePrefix);
    const trafficType = requireOneOf(this, 'trafficType', props.trafficType ?? 'ALL', FLOW_LOG_TRAFFIC_TYPES);
    requireLogRetentionDays(this, 'retentionDays', props.retentionDays ?? 365);
    const { accountId, partition, region } = requireAccountContext(this, { region: providerRegion(provider) });
    // On the same provider, so the log group's key is of the region the logs are written in.
    const logs = new EncryptedLogGroup(this, 'Logs', {
      logGroupName: `/privatelink/${props.name}/flow-logs`,
      retentionDays: props.retentionDays,
      kmsKeyArn: props.kmsKeyArn,
      provider,
    });
    const role = new IamRole(this, 'Role', {
      name: physicalName([props.name, 'flow-logs'], 64),
      assumeRolePolicy: policyDocument(this, 'assumeRolePolicy', [
        {
          principals: { Service: ['vpc-flow-logs.amazonaws.com'] },
          actions: ['sts:AssumeRole'],
          // Confused-deputy guard: only flow logs of this account and region may use the role.
          conditions: [
            { test: 'StringEquals', variable: 'aws:SourceAccount', values: [accountId] },
            { test: 'ArnLike', variable: 'aws:SourceArn', values: [`arn:${partition}:ec2:${region}:${accountId}:vpc-flow-log/*`] },
          ],
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
      trafficType,
      logDestinationType: 'cloud-watch-logs',
      logDestination: logs.logGroupArn,
      iamRoleArn: role.arn,
      maxAggregationInterval: 60,
      dependsOn,
    });
    this.logGroupName = logs.logGroupName;
    this.flowLogId = flowLog.id;
    this.roleArn = role.arn;
  }
}
