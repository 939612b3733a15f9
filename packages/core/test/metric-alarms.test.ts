import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { DefaultTokenResolver, StringConcat, Token, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { AlarmTopic, type AlarmSettings, metricAlarm, type MetricAlarmDefinition, requireAlarmActions } from '../src/metric-alarms';
import { subscribeToTopic, type TopicSubscription } from '../src/service-topics';
import { assertBadInput, type BadInputCase } from '../src/testing';
import { devStack, onlyResource, synthJson, widget } from './helpers';

const TOPIC = 'arn:aws:sns:ap-northeast-1:111111111111:ops-alarms';
const DEFINITION: MetricAlarmDefinition = {
  key: 'healthy-hosts',
  description: 'Fewer healthy targets than zones',
  namespace: 'AWS/NetworkELB',
  metricName: 'HealthyHostCount',
  dimensions: { LoadBalancer: 'net/web/0123456789abcdef' },
  statistic: 'Minimum',
  comparison: 'LessThanThreshold',
  treatMissingData: 'breaching',
  defaults: { threshold: 2, evaluationPeriods: 3 },
};

function alarm(settings: AlarmSettings | false | undefined, actions: readonly string[] = [TOPIC]) {
  const stack = devStack();
  const scope = new Construct(stack, 'Alarms');
  const created = metricAlarm(scope, 'alarms.healthyHosts', 'web-dev', DEFINITION, settings, actions);
  return { created, json: synthJson(stack) };
}

describe('metricAlarm', () => {
  it('uses the definition and its defaults, and tells the actions when it fires and clears', () => {
    const { json } = alarm(undefined);
    expect(Object.values(json.resource.aws_cloudwatch_metric_alarm)).toEqual([
      expect.objectContaining({
        alarm_name: 'web-dev-healthy-hosts',
        namespace: 'AWS/NetworkELB',
        metric_name: 'HealthyHostCount',
        dimensions: { LoadBalancer: 'net/web/0123456789abcdef' },
        statistic: 'Minimum',
        comparison_operator: 'LessThanThreshold',
        threshold: 2,
        evaluation_periods: 3,
        datapoints_to_alarm: 3,
        period: 60,
        treat_missing_data: 'breaching',
        alarm_actions: [TOPIC],
        ok_actions: [TOPIC],
      }),
    ]);
  });

  it('takes every setting from the user, and false turns the alarm off', () => {
    const other = 'arn:aws:sns:ap-northeast-1:111111111111:pager';
    const { json } = alarm({ threshold: 1, evaluationPeriods: 10, datapointsToAlarm: 4, periodSeconds: 300, actions: [other] });
    expect(Object.values(json.resource.aws_cloudwatch_metric_alarm)[0]).toMatchObject({ threshold: 1, evaluation_periods: 10, datapoints_to_alarm: 4, period: 300, alarm_actions: [other] });
    expect(alarm(false).created).toBeUndefined();
  });

  it("waits for the calling construct's dependsOn, and for nothing otherwise", () => {
    const stack = devStack();
    const queue = new SqsQueue(stack, 'Gate', { name: 'gate' });
    const scope = new Construct(stack, 'Alarms');
    metricAlarm(scope, 'alarms.healthyHosts', 'web-dev', DEFINITION, undefined, [TOPIC], [queue]);
    metricAlarm(scope, 'alarms.other', 'web-dev', { ...DEFINITION, key: 'other' }, undefined, [TOPIC], []);
    const [waiting, free] = Object.values(synthJson(stack).resource.aws_cloudwatch_metric_alarm);
    expect(waiting.depends_on).toEqual([expect.stringMatching(/^aws_sqs_queue\.Gate/)]);
    expect(free).not.toHaveProperty('depends_on');
  });

  it('rejects settings CloudWatch would refuse, naming the field', () => {
    expect(() => alarm({ threshold: Number.NaN })).toThrow(/'alarms.healthyHosts.threshold' is NaN|'alarms.healthyHosts.threshold' is null/);
    expect(() => alarm({ evaluationPeriods: 0 })).toThrow(/'alarms.healthyHosts.evaluationPeriods' is 0; give a whole number of at least 1/);
    expect(() => alarm({ evaluationPeriods: 2, datapointsToAlarm: 3 })).toThrow(/'alarms.healthyHosts.datapointsToAlarm' is 3, more than evaluationPeriods \(2\)/);
    expect(() => alarm({ periodSeconds: 45 })).toThrow(/'alarms.healthyHosts.periodSeconds' is 45; CloudWatch takes 10, 20, 30 or a multiple of 60 seconds/);
    expect(() => alarm({ periodSeconds: 60, evaluationPeriods: 1441 })).toThrow(/'alarms.healthyHosts.evaluationPeriods' covers 86460 seconds/);
    expect(() => alarm({ periodSeconds: 3600, evaluationPeriods: 168 })).not.toThrow();
    expect(() => alarm({ actions: [] })).toThrow(/'alarms.healthyHosts.actions' is empty; give the ARN of at least one SNS topic/);
    expect(() => alarm({ actions: ['ops-alarms'] })).toThrow(/'alarms.healthyHosts.actions' is 'ops-alarms', which is not an ARN/);
    expect(() => alarm(undefined, [TOPIC, TOPIC])).toThrow(/'alarms.healthyHosts.actions' lists an ARN twice/);
    expect(() => alarm('yes' as unknown as AlarmSettings)).toThrow(/'alarms.healthyHosts' is 'yes'; give \{ threshold/);
  });
});

describe('AlarmTopic', () => {
  const build = (subscriptions?: TopicSubscription[]) => {
    const stack = devStack();
    const topic = new AlarmTopic(stack, 'Alarms', { name: 'web-dev', subscriptions });
    return { topic, json: synthJson(stack) };
  };

  it('is an encrypted topic that only CloudWatch alarms of the account may publish to', () => {
    const { json } = build();
    expect(Object.values(json.resource.aws_sns_topic)).toEqual([{ name: 'web-dev-alarms', kms_master_key_id: expect.stringMatching(/aws_kms_key\.Alarms_Key_\w+\.arn/) }]);
    const policy = JSON.parse(String(Object.values(json.resource.aws_sns_topic_policy)[0].policy)) as { Statement: { Principal: unknown; Condition: unknown }[] };
    expect(policy.Statement).toEqual([
      expect.objectContaining({
        Sid: 'AlarmsOfThisAccountPublish',
        Principal: { Service: ['cloudwatch.amazonaws.com'] },
        Condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] }, ArnLike: { 'aws:SourceArn': ['arn:aws:cloudwatch:ap-northeast-1:111111111111:alarm:*'] } },
      }),
    ]);
    const keyPolicy = JSON.parse(String(Object.values(json.resource.aws_kms_key)[0].policy)) as { Statement: { Principal: unknown }[] };
    expect(keyPolicy.Statement.map((s) => s.Principal)).toContainEqual({ Service: ['cloudwatch.amazonaws.com'] });
  });

  it('subscribes email, HTTPS, SQS and Lambda endpoints, and lets the topic invoke a function of this account', () => {
    const { json } = build([
      { type: 'email', address: 'ops@example.com' },
      { type: 'https', url: 'https://events.pagerduty.com/integration/abc/enqueue', autoConfirms: true },
      { type: 'sqs', queueArn: 'arn:aws:sqs:ap-northeast-1:111111111111:alarms', rawMessageDelivery: true },
      { type: 'lambda', functionArn: 'arn:aws:lambda:ap-northeast-1:111111111111:function:notify' },
      { type: 'lambda', functionArn: 'arn:aws:lambda:ap-northeast-1:999999999999:function:central' },
    ]);
    const subscriptions = Object.values(json.resource.aws_sns_topic_subscription);
    expect(subscriptions.map((s) => [s.protocol, s.endpoint]).sort()).toEqual([
      ['email', 'ops@example.com'],
      ['https', 'https://events.pagerduty.com/integration/abc/enqueue'],
      ['lambda', 'arn:aws:lambda:ap-northeast-1:111111111111:function:notify'],
      ['lambda', 'arn:aws:lambda:ap-northeast-1:999999999999:function:central'],
      ['sqs', 'arn:aws:sqs:ap-northeast-1:111111111111:alarms'],
    ]);
    expect(subscriptions.find((s) => s.protocol === 'https')?.endpoint_auto_confirms).toBe(true);
    expect(subscriptions.find((s) => s.protocol === 'sqs')?.raw_message_delivery).toBe(true);
    expect(Object.values(json.resource.aws_lambda_permission)).toEqual([
      expect.objectContaining({ function_name: 'arn:aws:lambda:ap-northeast-1:111111111111:function:notify', principal: 'sns.amazonaws.com', source_arn: expect.stringMatching(/aws_sns_topic\.Alarms_Topic_\w+\.arn/) }),
    ]);
  });

  it('addresses each subscription by its endpoint, so removing one keeps the others', () => {
    const a = { type: 'email', address: 'ops@example.com' } as const;
    const b = { type: 'email', address: 'oncall@example.com' } as const;
    const names = (subscriptions: TopicSubscription[]) => Object.keys(build(subscriptions).json.resource.aws_sns_topic_subscription);
    const [onlyB] = names([b]);
    expect(names([a, b])).toContain(onlyB);
    expect(names([a, b])).toHaveLength(2);
  });

  it('rejects subscriptions SNS would refuse or deliver in the clear', () => {
    expect(() => build([{ type: 'email', address: 'ops' }])).toThrow(/'subscriptions\[0\].address' is 'ops', which is not an email address/);
    expect(() => build([{ type: 'https', url: 'http://hooks.example.com/a' }])).toThrow(/'subscriptions\[0\].url' is 'http:\/\/hooks.example.com\/a', a plain HTTP URL; use https:\/\//);
    expect(() => build([{ type: 'https', url: 'hooks.example.com' }])).toThrow(/'subscriptions\[0\].url' is 'hooks.example.com', which is not an https:\/\/ URL/);
    expect(() => build([{ type: 'sqs', queueArn: 'arn:aws:sns:ap-northeast-1:111111111111:alarms' }])).toThrow(/'subscriptions\[0\].queueArn' is .*which is not an sqs ARN/);
    expect(() => build([{ type: 'lambda', functionArn: 'arn:aws:lambda:ap-northeast-1:111111111111:layer:x' }])).toThrow(/which is not a function ARN/);
    expect(() => build([{ type: 'pager' } as unknown as TopicSubscription])).toThrow(/'subscriptions\[0\].type' is 'pager'; use one of 'email', 'https', 'sqs', 'lambda'/);
    expect(() => build([{ type: 'email' } as unknown as TopicSubscription])).toThrow(/'subscriptions\[0\].address' is missing/);
    expect(() => build([{ type: 'email', address: 'ops@example.com' }, { type: 'email', address: 'ops@example.com' }])).toThrow(/'subscriptions' lists 'email-ops@example.com' twice/);
  });

  it('needs a key for an endpoint known only at apply time', () => {
    const stack = devStack();
    const scope = new Construct(stack, 'S');
    const queue = new SqsQueue(stack, 'Queue', { name: 'alarms' }).arn;
    expect(() => subscribeToTopic(scope, 'subscriptions', TOPIC, [{ type: 'sqs', queueArn: queue }])).toThrow(/'subscriptions\[0\].key' is missing while the endpoint is an unresolved value/);
    expect(subscribeToTopic(scope, 'subscriptions', TOPIC, [{ type: 'sqs', queueArn: queue, key: 'alarms-queue' }])[0].node.id).toBe('Subscription-alarms-queue');
  });
});

describe('metricAlarm settings at their limits', () => {
  const limits = (settings: AlarmSettings, definition: MetricAlarmDefinition = DEFINITION) => {
    const stack = devStack();
    metricAlarm(new Construct(stack, 'Alarms'), 'alarms.healthyHosts', 'web-dev', definition, settings, [TOPIC]);
    return onlyResource(synthJson(stack), 'aws_cloudwatch_metric_alarm');
  };

  it('describes the alarm, keeps a threshold of 0 and takes the datapoints default of the definition', () => {
    expect(limits({ threshold: 0 }, { ...DEFINITION, defaults: { threshold: 2, evaluationPeriods: 5, datapointsToAlarm: 2 } })).toMatchObject({
      alarm_description: 'Fewer healthy targets than zones',
      threshold: 0,
      evaluation_periods: 5,
      datapoints_to_alarm: 2,
    });
  });

  it('takes one period, periods of 10, 20 and 30 seconds or whole minutes, up to one day', () => {
    expect(limits({ evaluationPeriods: 1, periodSeconds: 10 })).toMatchObject({ evaluation_periods: 1, datapoints_to_alarm: 1, period: 10 });
    expect(limits({ periodSeconds: 30 })).toMatchObject({ period: 30 });
    expect(limits({ periodSeconds: 120 })).toMatchObject({ period: 120 });
    expect(limits({ periodSeconds: 60, evaluationPeriods: 1440, datapointsToAlarm: 1 })).toMatchObject({ evaluation_periods: 1440 });
    expect(limits({ periodSeconds: 3600, evaluationPeriods: 25, datapointsToAlarm: 1 })).toMatchObject({ evaluation_periods: 25 });
  });

  it('names the alarm within 255 characters', () => {
    const stack = devStack();
    metricAlarm(new Construct(stack, 'Alarms'), 'alarms.healthyHosts', 'w'.repeat(260), DEFINITION, undefined, [TOPIC]);
    expect(String(onlyResource(synthJson(stack), 'aws_cloudwatch_metric_alarm').alarm_name)).toHaveLength(255);
  });

  it('lets actions known only at apply time repeat, and returns a copy of the actions', () => {
    const scope = widget();
    const topic = Token.asString({ Ref: 'topic' });
    const actions = [topic, topic, TOPIC];
    const checked = requireAlarmActions(scope, 'actions', actions);
    expect(checked).toEqual(actions);
    expect(checked).not.toBe(actions);
  });
});

describe('metricAlarm bad settings', () => {
  const run = (settings: unknown, actions: unknown = [TOPIC]) => () => alarm(settings as AlarmSettings, actions as string[]);
  const cases: BadInputCase[] = [
    { name: 'null settings', run: run(null), field: 'alarms.healthyHosts', value: 'is null', fix: /^give \{ threshold, evaluationPeriods, datapointsToAlarm, periodSeconds, actions \}, or false to turn the alarm off$/ },
    { name: 'a list of settings', run: run([{ threshold: 1 }]), field: 'alarms.healthyHosts', value: 'is [{"threshold":1}]', fix: /or false to turn the alarm off/ },
    { name: 'a threshold as a string', run: run({ threshold: '1' }), field: 'alarms.healthyHosts.threshold', value: "is '1'", fix: /^give a number$/ },
    { name: 'an infinite threshold', run: run({ threshold: Infinity }), field: 'alarms.healthyHosts.threshold', value: 'is Infinity', fix: /^give a number$/ },
    { name: 'a fraction of periods', run: run({ evaluationPeriods: 1.5 }), field: 'alarms.healthyHosts.evaluationPeriods', value: 'is 1.5', fix: /^give a whole number of at least 1$/ },
    { name: 'periods as a string', run: run({ evaluationPeriods: '3' }), field: 'alarms.healthyHosts.evaluationPeriods', value: "is '3'", fix: /at least 1/ },
    { name: 'more datapoints than periods', run: run({ evaluationPeriods: 2, datapointsToAlarm: 3 }), field: 'alarms.healthyHosts.datapointsToAlarm', value: 'is 3, more than evaluationPeriods (2)', fix: /^use at most 2, or raise evaluationPeriods$/ },
    { name: 'a period of 90 seconds', run: run({ periodSeconds: 90 }), field: 'alarms.healthyHosts.periodSeconds', value: 'is 90', fix: /^CloudWatch takes 10, 20, 30 or a multiple of 60 seconds$/ },
    { name: 'a period of 0', run: run({ periodSeconds: 0 }), field: 'alarms.healthyHosts.periodSeconds', value: 'is 0', fix: /whole number/ },
    {
      name: 'more than a day of minutes',
      run: run({ periodSeconds: 60, evaluationPeriods: 1441, datapointsToAlarm: 1 }),
      field: 'alarms.healthyHosts.evaluationPeriods',
      value: 'covers 86460 seconds (1441 × 60)',
      fix: /^keep evaluationPeriods × periodSeconds within 86400 seconds$/,
    },
    { name: 'more than a day of half hours', run: run({ periodSeconds: 1800, evaluationPeriods: 49, datapointsToAlarm: 1 }), field: 'alarms.healthyHosts.evaluationPeriods', value: 'covers 88200 seconds', fix: /within 86400 seconds/ },
    { name: 'more than a week of hours', run: run({ periodSeconds: 3600, evaluationPeriods: 169, datapointsToAlarm: 1 }), field: 'alarms.healthyHosts.evaluationPeriods', value: 'covers 608400 seconds (169 × 3600)', fix: /within 604800 seconds/ },
    {
      name: 'no actions at all',
      run: () => requireAlarmActions(widget(), 'alarmActions', undefined),
      field: 'alarmActions',
      value: 'is missing',
      fix: /^give the ARN of at least one SNS topic to tell, for example an AlarmTopic's topicArn: an alarm nobody receives is noise$/,
    },
    { name: 'actions as a string', run: run({ actions: TOPIC }), field: 'alarms.healthyHosts.actions', value: 'is empty', fix: /at least one SNS topic/ },
    { name: 'the same action twice', run: run({ actions: [TOPIC, TOPIC] }), field: 'alarms.healthyHosts.actions', value: 'lists an ARN twice', fix: /^list each action once$/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});

describe('AlarmTopic settings', () => {
  it('encrypts with a given key instead of a new one', () => {
    const stack = devStack();
    const key = 'arn:aws:kms:ap-northeast-1:111111111111:key/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f';
    const topic = new AlarmTopic(stack, 'Alarms', { name: 'web-dev', kmsKeyArn: key });
    const json = synthJson(stack);
    expect(onlyResource(json, 'aws_sns_topic')).toMatchObject({ kms_master_key_id: key });
    expect(json.resource.aws_kms_key).toBeUndefined();
    expect(topic.kmsKeyArn).toBe(key);
  });

  it('lives on its provider and admits the alarms of its region', () => {
    const stack = devStack();
    const provider = new AwsProvider(stack, 'Us', { region: 'us-east-1', alias: 'us' });
    new AlarmTopic(stack, 'Alarms', { name: 'web-dev', provider });
    const json = synthJson(stack);
    expect(onlyResource(json, 'aws_sns_topic')).toMatchObject({ provider: 'aws.us' });
    expect(String(onlyResource(json, 'aws_sns_topic_policy').policy)).toContain('"arn:aws:cloudwatch:us-east-1:111111111111:alarm:*"');
  });

  it('exposes the topic ARN', () => {
    const stack = devStack();
    const topic = new AlarmTopic(stack, 'Alarms', { name: 'web-dev' });
    expect(Tokenization.resolve(topic.topicArn, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) })).toMatch(/^\$\{aws_sns_topic\.Alarms_Topic_\w+\.arn\}$/);
  });

  const topic = (props: Record<string, unknown>) => () => new AlarmTopic(devStack(), 'Alarms', { name: 'web-dev', ...props } as never);
  const cases: BadInputCase[] = [
    { name: 'an empty name', run: topic({ name: '' }), field: 'name', value: "is ''", fix: /^give a name such as saas-provider-prod$/ },
    { name: 'a name that is a number (untyped JS)', run: topic({ name: 3 }), field: 'name', value: 'is 3', fix: /saas-provider-prod/ },
    { name: 'a key of another service', run: topic({ kmsKeyArn: 'arn:aws:sns:ap-northeast-1:111111111111:topic' }), field: 'kmsKeyArn', value: "'arn:aws:sns:ap-northeast-1:111111111111:topic'", fix: /kms/ },
    { name: 'props missing (untyped JS)', run: () => new AlarmTopic(devStack(), 'Alarms', undefined as never), field: 'props', value: 'is missing', fix: /pass the props object as the third argument: new AlarmTopic\(scope, id, \{ \.\.\. \}\)/ },
    { name: 'a provider that is not one (untyped JS)', run: topic({ provider: 'aws.us' }), field: 'provider', value: "the string 'aws.us'", fix: /AwsProvider/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
