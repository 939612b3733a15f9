import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { requireAccountContext } from './aws-context';
import { configError, formatValue } from './config-error';
import { applyConstructContract, type MetaArguments, providerRegion } from './meta-arguments';
import { physicalName } from './naming';
import { serviceTopic, subscribeToTopic, type TopicSubscription } from './service-topics';
import { requireArn } from './aws/arn';
import { isUnresolved } from './validate';

/**
 * How one alarm judges its metric and whom it tells. Each alarm documents its own defaults; a
 * field left out keeps the default. `false` instead of settings turns the alarm off.
 */
export interface AlarmSettings {
  /** The value the statistic is compared with. @default - the alarm's documented threshold */
  readonly threshold?: number;
  /** How many periods are judged. @default - the alarm's documented number */
  readonly evaluationPeriods?: number;
  /** How many of those periods must breach. @default - evaluationPeriods */
  readonly datapointsToAlarm?: number;
  /** Seconds per period: 10, 20, 30 or a multiple of 60. @default 60 */
  readonly periodSeconds?: number;
  /** ARNs told when the alarm fires and when it clears (SNS topics). @default - the actions of the alarm set */
  readonly actions?: readonly string[];
}

/** What an alarm watches, fixed by the construct that defines it. */
export interface MetricAlarmDefinition {
  /** Construct ID and alarm name suffix, for example `nlb-healthy-hosts`. */
  readonly key: string;
  /** Why it matters and what to do: the alarm description operators read. */
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
  readonly statistic: 'Minimum' | 'Maximum' | 'Sum' | 'Average' | 'SampleCount';
  readonly comparison: 'LessThanThreshold' | 'LessThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'GreaterThanOrEqualToThreshold';
  /** What a period without data counts as. */
  readonly treatMissingData: 'breaching' | 'notBreaching' | 'missing' | 'ignore';
  readonly defaults: { readonly threshold: number; readonly evaluationPeriods: number; readonly datapointsToAlarm?: number };
}

const DAY_SECONDS = 86_400;

/**
 * A CloudWatch alarm from its definition and the user's settings (`field` names them in errors),
 * telling `actions` when it fires and clears, after `dependsOn` (the calling construct's). Returns
 * undefined when the settings are `false`.
 */
export function metricAlarm(
  scope: Construct,
  field: string,
  namePrefix: string,
  definition: MetricAlarmDefinition,
  settings: AlarmSettings | false | undefined,
  actions: readonly string[],
  dependsOn?: readonly ITerraformDependable[],
): CloudwatchMetricAlarm | undefined {
  if (settings === false) return undefined;
  if (settings !== undefined && (settings === null || typeof settings !== 'object' || Array.isArray(settings))) {
    configError(scope, field, `is ${formatValue(settings)}`, 'give { threshold, evaluationPeriods, datapointsToAlarm, periodSeconds, actions }, or false to turn the alarm off');
  }
  const threshold = settings?.threshold ?? definition.defaults.threshold;
  if (!Number.isFinite(threshold)) configError(scope, `${field}.threshold`, `is ${formatValue(threshold)}`, 'give a number');
  const evaluationPeriods = wholeNumber(scope, `${field}.evaluationPeriods`, settings?.evaluationPeriods ?? definition.defaults.evaluationPeriods);
  const datapointsToAlarm = wholeNumber(scope, `${field}.datapointsToAlarm`, settings?.datapointsToAlarm ?? definition.defaults.datapointsToAlarm ?? evaluationPeriods);
  if (datapointsToAlarm > evaluationPeriods) {
    configError(scope, `${field}.datapointsToAlarm`, `is ${datapointsToAlarm}, more than evaluationPeriods (${evaluationPeriods})`, `use at most ${evaluationPeriods}, or raise evaluationPeriods`);
  }
  const period = wholeNumber(scope, `${field}.periodSeconds`, settings?.periodSeconds ?? 60);
  if (![10, 20, 30].includes(period) && period % 60 !== 0) configError(scope, `${field}.periodSeconds`, `is ${period}`, 'CloudWatch takes 10, 20, 30 or a multiple of 60 seconds');
  // CloudWatch judges at most one day of periods, or seven days of periods of an hour or more.
  const limit = period >= 3600 ? 7 * DAY_SECONDS : DAY_SECONDS;
  if (period * evaluationPeriods > limit) {
    configError(scope, `${field}.evaluationPeriods`, `covers ${period * evaluationPeriods} seconds (${evaluationPeriods} × ${period})`, `keep evaluationPeriods × periodSeconds within ${limit} seconds`);
  }
  const alarmActions = requireAlarmActions(scope, `${field}.actions`, settings?.actions ?? actions);
  return new CloudwatchMetricAlarm(scope, definition.key, {
    alarmName: physicalName([namePrefix, definition.key], 255),
    alarmDescription: definition.description,
    namespace: definition.namespace,
    metricName: definition.metricName,
    dimensions: { ...definition.dimensions },
    statistic: definition.statistic,
    comparisonOperator: definition.comparison,
    threshold,
    evaluationPeriods,
    datapointsToAlarm,
    period,
    treatMissingData: definition.treatMissingData,
    alarmActions,
    okActions: alarmActions,
    dependsOn: dependsOn && dependsOn.length > 0 ? [...dependsOn] : undefined,
  });
}

/** Alarm actions: at least one, each an ARN, none twice. */
export function requireAlarmActions(scope: Construct, field: string, actions: readonly string[] | undefined): string[] {
  if (!Array.isArray(actions) || actions.length === 0) {
    configError(scope, field, actions === undefined ? 'is missing' : 'is empty', 'give the ARN of at least one SNS topic to tell, for example an AlarmTopic\'s topicArn: an alarm nobody receives is noise');
  }
  actions.forEach((arn) => requireArn(scope, field, arn));
  const literal = actions.filter((arn) => !isUnresolved(arn));
  if (new Set(literal).size !== literal.length) configError(scope, field, 'lists an ARN twice', 'list each action once');
  return [...actions];
}

function wholeNumber(scope: Construct, field: string, value: unknown): number {
  // Number.isInteger is false for anything but a number.
  if (!Number.isInteger(value) || (value as number) < 1) configError(scope, field, `is ${formatValue(value)}`, 'give a whole number of at least 1');
  return value as number;
}

export interface AlarmTopicProps extends MetaArguments {
  /** Names the topic and its key, for example `saas-provider-prod` (the topic is `<name>-alarms`). */
  readonly name: string;
  /** Who receives the alarms. @default [] - subscribe later, or pass the topic ARN to your paging tool */
  readonly subscriptions?: readonly TopicSubscription[];
  /** A KMS key for the topic; its policy must let cloudwatch.amazonaws.com use it. @default - a new key with rotation that CloudWatch may use */
  readonly kmsKeyArn?: string;
}

/**
 * Where alarms go: a KMS-encrypted SNS topic that only CloudWatch alarms of this account may
 * publish to, with typed subscriptions (email, HTTPS, SQS, Lambda).
 */
export class AlarmTopic extends Construct {
  public readonly topicArn: string;
  public readonly kmsKeyArn: string;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    applyConstructContract(this, props);
    if (typeof props.name !== 'string' || props.name.length === 0) configError(this, 'name', `is ${formatValue(props.name)}`, 'give a name such as saas-provider-prod');
    // The alarms that publish are in the topic's region: its provider's, else the stack's.
    const { partition, region, accountId } = requireAccountContext(this, { region: providerRegion(props.provider) });
    if (props.kmsKeyArn !== undefined) requireArn(this, 'kmsKeyArn', props.kmsKeyArn, { service: 'kms' });
    const { topic, kmsKeyArn } = serviceTopic(this, {
      topicName: physicalName([props.name, 'alarms'], 256),
      servicePrincipal: 'cloudwatch.amazonaws.com',
      statementId: 'AlarmsOfThisAccountPublish',
      sourceArns: [`arn:${partition}:cloudwatch:${region}:${accountId}:alarm:*`],
      kmsKeyArn: props.kmsKeyArn,
    });
    this.kmsKeyArn = kmsKeyArn;
    subscribeToTopic(this, 'subscriptions', topic.arn, props.subscriptions);
    this.topicArn = topic.arn;
  }
}
