import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct } from 'constructs';
import { awsContext } from './aws-context';
import { configError, show } from './config-error';
import { EncryptionKey } from './encryption-key';
import { dnsSuffixOf } from './regions';

/** Retention periods CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export interface EncryptedLogGroupProps {
  /** The log group name, for example `/privatelink/prod/flow-logs`. */
  readonly logGroupName: string;
  /** @default 365 */
  readonly retentionDays?: number;
  /** A KMS key to encrypt with. @default - a new key with rotation, usable by CloudWatch Logs */
  readonly kmsKeyArn?: string;
}

/** A CloudWatch log group that always has a retention period and a customer managed key. */
export class EncryptedLogGroup extends Construct {
  public readonly logGroupName: string;
  public readonly logGroupArn: string;
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    const retentionDays = props.retentionDays ?? 365;
    if (!(LOG_RETENTION_DAYS as readonly number[]).includes(retentionDays)) {
      configError(this, 'retentionDays', `is ${show(retentionDays)}`, `use one of ${LOG_RETENTION_DAYS.join(', ')}`);
    }
    const { region } = awsContext(this);
    this.kmsKeyArn =
      props.kmsKeyArn ??
      new EncryptionKey(this, 'Key', {
        alias: `logs${props.logGroupName.replace(/[^A-Za-z0-9/_-]/g, '-')}`,
        description: `Encrypts the log group ${props.logGroupName}`,
        servicePrincipals: [`logs.${region}.${dnsSuffixOf(region)}`],
      }).keyArn;
    const group = new CloudwatchLogGroup(this, 'LogGroup', {
      name: props.logGroupName,
      retentionInDays: retentionDays,
      kmsKeyId: this.kmsKeyArn,
    });
    this.logGroupName = group.name;
    this.logGroupArn = group.arn;
  }
}
