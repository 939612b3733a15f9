import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct } from 'constructs';
import { requireArn } from './aws/arn';
import { NAME_RULES, requireName } from './aws/names';
import { awsContext } from './aws-context';
import { configError, formatValue } from './config-error';
import { EncryptionKey } from './encryption-key';
import { applyConstructContract, type MetaArguments, providerRegion } from './meta-arguments';
import { dnsSuffixOf } from './regions';
import { isUnresolved } from './validate';
import type { IConstruct } from 'constructs';

/** Retention periods CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** Fails unless `days` is a retention period CloudWatch Logs accepts (never "forever": logs need a retention). */
export function requireLogRetentionDays(scope: IConstruct, field: string, days: number): number {
  if (isUnresolved(days)) return days;
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(days)) {
    // Stryker disable next-line EqualityOperator: days is no accepted period here, so no d equals it and >= finds what > finds
    const near = Number.isFinite(days) ? LOG_RETENTION_DAYS.find((d) => d >= days) ?? 3653 : 365;
    configError(scope, field, `is ${formatValue(days)}`, `use one of the periods CloudWatch Logs accepts, for example ${near} (${LOG_RETENTION_DAYS.join(', ')})`);
  }
  return days;
}

export interface EncryptedLogGroupProps extends MetaArguments {
  /** The log group name, for example `/privatelink/prod/flow-logs`. */
  readonly logGroupName: string;
  /** @default 365 */
  readonly retentionDays?: number;
  /** A KMS key to encrypt with, in the log group's region. @default - a new key with rotation, usable by CloudWatch Logs */
  readonly kmsKeyArn?: string;
}

/** A CloudWatch log group that always has a retention period and a customer managed key. */
export class EncryptedLogGroup extends Construct {
  public readonly logGroupName: string;
  public readonly logGroupArn: string;
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    if (props.logGroupName === undefined) configError(this, 'logGroupName', 'is missing', `give a name such as '${NAME_RULES.logGroup.example}'`);
    requireName(this, 'logGroupName', props.logGroupName, NAME_RULES.logGroup);
    const retentionDays = requireLogRetentionDays(this, 'retentionDays', props.retentionDays ?? 365);
    const { region } = awsContext(this, { region: providerRegion(provider) });
    // CloudWatch Logs uses only a key of its own region.
    if (props.kmsKeyArn !== undefined) requireArn(this, 'kmsKeyArn', props.kmsKeyArn, { service: 'kms', resourceTypes: ['key'], region });
    this.kmsKeyArn =
      props.kmsKeyArn ??
      new EncryptionKey(this, 'Key', {
        alias: `logs${props.logGroupName.replace(/[^A-Za-z0-9/_-]/g, '-')}`,
        description: `Encrypts the log group ${props.logGroupName}`,
        servicePrincipals: [`logs.${region}.${dnsSuffixOf(region)}`],
        region,
      }).keyArn;
    const group = new CloudwatchLogGroup(this, 'LogGroup', {
      name: props.logGroupName,
      retentionInDays: retentionDays,
      kmsKeyId: this.kmsKeyArn,
      dependsOn,
    });
    this.logGroupName = group.name;
    this.logGroupArn = group.arn;
  }
}
