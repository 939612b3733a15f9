import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue';
import { TerraformOutput, TerraformStack, Testing, Token } from 'cdktf';
import { Construct } from 'constructs';
import { serviceTopic, subscribeToTopic, TOPIC_SUBSCRIPTION_TYPES, type TopicSubscription } from '../src/service-topics';
import { assertBadInput, type BadInputCase } from '../src/testing';
import { devStack, synthJson } from './helpers';

const TOPIC = 'arn:aws:sns:ap-northeast-1:111111111111:ops-alarms';
const LAMBDA = 'arn:aws:lambda:ap-northeast-1:111111111111:function:notify';
const CENTRAL = 'arn:aws:lambda:ap-northeast-1:999999999999:function:central';
const SOURCES = ['arn:aws:cloudwatch:ap-northeast-1:111111111111:alarm:*'];

interface PolicyStatementJson {
  Sid?: string;
  Effect: string;
  Principal: unknown;
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

describe('serviceTopic', () => {
  describe('with a key of its own', () => {
    const stack = devStack();
    const scope = new Construct(stack, 'Alarms');
    const made = serviceTopic(scope, { topicName: 'web-alarms', servicePrincipal: 'cloudwatch.amazonaws.com', statementId: 'AllowAlarms', sourceArns: SOURCES });
    new TerraformOutput(stack, 'key', { value: made.kmsKeyArn });
    const json = synthJson(stack);

    it('encrypts the topic with a new key that the publishing service may use', () => {
      expect(Object.values(json.resource.aws_sns_topic)).toEqual([{ name: 'web-alarms', kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.Alarms_Key_\w+\.arn\}$/) }]);
      const key = Object.values(json.resource.aws_kms_key)[0];
      expect(key.description).toBe('Encrypts the SNS topic web-alarms');
      expect(Object.values(json.resource.aws_kms_alias)[0].name).toBe('alias/web-alarms');
      const keyPolicy = JSON.parse(String(key.policy)) as { Statement: PolicyStatementJson[] };
      expect(keyPolicy.Statement.map((s) => s.Principal)).toContainEqual({ Service: ['cloudwatch.amazonaws.com'] });
      expect((json as unknown as { output: Record<string, { value: string }> }).output.key.value).toBe(Object.values(json.resource.aws_sns_topic)[0].kms_master_key_id);
    });

    it('lets only the service, publishing for the given sources of this account, publish to it', () => {
      const policy = Object.values(json.resource.aws_sns_topic_policy)[0];
      expect(policy.arn).toMatch(/^\$\{aws_sns_topic\.Alarms_Topic_\w+\.arn\}$/);
      expect((JSON.parse(String(policy.policy)) as { Version: string; Statement: PolicyStatementJson[] })).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AllowAlarms',
            Effect: 'Allow',
            Principal: { Service: ['cloudwatch.amazonaws.com'] },
            Action: ['sns:Publish'],
            Resource: [policy.arn],
            Condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] }, ArnLike: { 'aws:SourceArn': SOURCES } },
          },
        ],
      });
      expect(made.policy.node.path).toBe('unit-dev/Alarms/TopicPolicy');
      expect(made.topic.node.path).toBe('unit-dev/Alarms/Topic');
    });
  });

  it('uses a key it is given, and creates none', () => {
    const stack = devStack();
    const kmsKeyArn = 'arn:aws:kms:ap-northeast-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    const made = serviceTopic(new Construct(stack, 'Events'), { topicName: 'events', servicePrincipal: 'events.amazonaws.com', statementId: 'AllowEvents', sourceArns: SOURCES, kmsKeyArn });
    expect(made.kmsKeyArn).toBe(kmsKeyArn);
    const json = synthJson(stack);
    expect(json.resource.aws_kms_key).toBeUndefined();
    expect(Object.values(json.resource.aws_sns_topic)).toEqual([{ name: 'events', kms_master_key_id: kmsKeyArn }]);
  });

  it('needs the account the stack deploys to', () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' });
    expect(() => serviceTopic(new Construct(stack, 'Alarms'), { topicName: 'a', servicePrincipal: 'cloudwatch.amazonaws.com', statementId: 'A', sourceArns: SOURCES })).toThrow(
      /'accountId' is unknown/,
    );
  });
});

describe('subscribeToTopic', () => {
  it('lists the subscription kinds', () => {
    expect(TOPIC_SUBSCRIPTION_TYPES).toEqual(['email', 'https', 'sqs', 'lambda']);
  });

  it('subscribes nothing when no list is given', () => {
    const stack = devStack();
    expect(subscribeToTopic(new Construct(stack, 'S'), 'subscriptions', TOPIC, undefined)).toEqual([]);
  });

  describe('each kind of endpoint', () => {
    const stack = devStack();
    const scope = new Construct(stack, 'S');
    const created = subscribeToTopic(scope, 'subscriptions', TOPIC, [
      { type: 'email', address: 'ops@example.com' },
      { type: 'https', url: 'https://hooks.example.com/alarms', rawMessageDelivery: true, autoConfirms: false },
      { type: 'https', url: 'https://events.pagerduty.com/enqueue', autoConfirms: true, key: 'pager // duty' },
      // Only the scheme at the start of a URL is left out of the name.
      { type: 'email', address: 'alerts.https://x@example.com' },
      // autoConfirms is for HTTPS endpoints only; an untyped caller's on a queue is not passed on.
      { type: 'sqs', queueArn: 'arn:aws:sqs:ap-northeast-1:111111111111:alarms', rawMessageDelivery: false, autoConfirms: true } as unknown as TopicSubscription,
      { type: 'lambda', functionArn: LAMBDA },
      { type: 'lambda', functionArn: CENTRAL },
    ]);
    const json = synthJson(stack);
    const subscriptions = json.resource.aws_sns_topic_subscription;

    it('names each subscription by its kind and endpoint (or key), made address-safe', () => {
      expect(created.map((s) => s.node.id)).toEqual([
        'Subscription-email-ops@example.com',
        'Subscription-https-hooks.example.com-alarms',
        'Subscription-pager-duty',
        'Subscription-email-alerts.https-x@example.com',
        'Subscription-sqs-arn-aws-sqs-ap-northeast-1-111111111111-alarms',
        'Subscription-lambda-arn-aws-lambda-ap-northeast-1-111111111111-function-notify',
        'Subscription-lambda-arn-aws-lambda-ap-northeast-1-999999999999-function-central',
      ]);
    });

    it('subscribes each endpoint with its protocol, and sets delivery options only when asked', () => {
      const byEndpoint = Object.fromEntries(Object.values(subscriptions).map((s) => [s.endpoint, s]));
      expect(byEndpoint).toEqual({
        'ops@example.com': { topic_arn: TOPIC, protocol: 'email', endpoint: 'ops@example.com' },
        'https://hooks.example.com/alarms': { topic_arn: TOPIC, protocol: 'https', endpoint: 'https://hooks.example.com/alarms', raw_message_delivery: true },
        'https://events.pagerduty.com/enqueue': { topic_arn: TOPIC, protocol: 'https', endpoint: 'https://events.pagerduty.com/enqueue', endpoint_auto_confirms: true },
        'alerts.https://x@example.com': { topic_arn: TOPIC, protocol: 'email', endpoint: 'alerts.https://x@example.com' },
        'arn:aws:sqs:ap-northeast-1:111111111111:alarms': { topic_arn: TOPIC, protocol: 'sqs', endpoint: 'arn:aws:sqs:ap-northeast-1:111111111111:alarms' },
        [LAMBDA]: { topic_arn: TOPIC, protocol: 'lambda', endpoint: LAMBDA },
        [CENTRAL]: { topic_arn: TOPIC, protocol: 'lambda', endpoint: CENTRAL },
      });
    });

    it('lets the topic invoke a function of this account only', () => {
      expect(Object.keys(json.resource.aws_lambda_permission)).toEqual([expect.stringMatching(/^S_Invoke-lambda-arn-aws-lambda-ap-northeast-1-111111111111-function-notify_\w+$/)]);
      expect(Object.values(json.resource.aws_lambda_permission)).toEqual([{ action: 'lambda:InvokeFunction', function_name: LAMBDA, principal: 'sns.amazonaws.com', source_arn: TOPIC }]);
    });
  });

  describe('endpoints known only at apply time', () => {
    const stack = devStack();
    const scope = new Construct(stack, 'S');
    const address = Token.asString({ Ref: 'address' });
    const url = Token.asString({ Ref: 'url' });
    const queueArn = new SqsQueue(stack, 'Queue', { name: 'alarms' }).arn;
    const functionArn = Token.asString({ Ref: 'function' });
    const created = subscribeToTopic(scope, 'subscriptions', TOPIC, [
      { type: 'email', address, key: 'ops-mail' },
      { type: 'https', url, key: 'hook' },
      { type: 'sqs', queueArn, key: 'alarms-queue' },
      { type: 'lambda', functionArn, key: 'notify' },
    ]);

    it('are named by their keys, unchecked, and a function of unknown account may be invoked by the topic', () => {
      expect(created.map((s) => s.node.id)).toEqual(['Subscription-ops-mail', 'Subscription-hook', 'Subscription-alarms-queue', 'Subscription-notify']);
      expect(scope.node.tryFindChild('Invoke-notify')).toBeInstanceOf(Construct);
    });

    it('need a key', () => {
      const other = new Construct(stack, 'Other');
      expect(() => subscribeToTopic(other, 'subscriptions', TOPIC, [{ type: 'sqs', queueArn }])).toThrow(
        "'subscriptions[0].key' is missing while the endpoint is an unresolved value; give a key such as alarms-queue: it names the subscription and must not change",
      );
    });
  });

  it('cuts a long key to 128 characters', () => {
    const [created] = subscribeToTopic(new Construct(devStack(), 'S'), 'subscriptions', TOPIC, [{ type: 'email', address: 'ops@example.com', key: 'k'.repeat(200) }]);
    expect(created.node.id).toBe(`Subscription-${'k'.repeat(128)}`);
  });

  const subscribe = (subscriptions: unknown, field = 'alarmTopic.subscriptions') => () =>
    subscribeToTopic(new Construct(devStack(), 'S'), field, TOPIC, subscriptions as TopicSubscription[]);
  const cases: BadInputCase[] = [
    { name: 'not a list', run: subscribe('ops@example.com'), field: 'alarmTopic.subscriptions', value: "is 'ops@example.com'", fix: /give a list such as \[\{ type: 'email', address: 'ops@example\.com' \}\]/ },
    { name: 'a null subscription', run: subscribe([null]), field: 'alarmTopic.subscriptions[0]', value: 'is null', fix: /give \{ type: 'email' \| 'https' \| 'sqs' \| 'lambda', \.\.\. \}/ },
    { name: 'a string subscription', run: subscribe(['ops@example.com']), field: 'alarmTopic.subscriptions[0]', value: "is 'ops@example.com'", fix: /give \{ type: 'email'/ },
    { name: 'an unknown type', run: subscribe([{ type: 'sms' }]), field: 'alarmTopic.subscriptions[0].type', value: "'sms'", fix: /use one of 'email', 'https', 'sqs', 'lambda'/ },
    { name: 'an empty address', run: subscribe([{ type: 'email', address: '' }]), field: 'alarmTopic.subscriptions[0].address', value: "is ''", fix: /give the address that receives the messages, for example ops@example\.com/ },
    { name: 'an address that is not a string', run: subscribe([{ type: 'email', address: 42 }]), field: 'alarmTopic.subscriptions[0].address', value: 'is 42', fix: /give the address/ },
    {
      name: 'an address that is not one',
      run: subscribe([{ type: 'email', address: 'ops@example' }]),
      field: 'alarmTopic.subscriptions[0].address',
      value: "is 'ops@example', which is not an email address",
      fix: /give an address such as ops@example\.com/,
    },
    { name: 'a missing URL', run: subscribe([{ type: 'https' }]), field: 'alarmTopic.subscriptions[0].url', value: 'is missing', fix: /give the https:\/\/ URL that receives the messages/ },
    {
      name: 'a plain HTTP URL',
      run: subscribe([{ type: 'https', url: 'http://hooks.example.com' }]),
      field: 'alarmTopic.subscriptions[0].url',
      value: "is 'http://hooks.example.com', a plain HTTP URL",
      fix: /use https:\/\/: SNS would send the messages unencrypted over http/,
    },
    {
      name: 'a URL that does not parse',
      run: subscribe([{ type: 'https', url: 'https://' }]),
      field: 'alarmTopic.subscriptions[0].url',
      value: "is 'https://', which is not an https:// URL",
      fix: /give a URL such as https:\/\/hooks\.example\.com\/alarms/,
    },
    { name: 'a URL of another scheme', run: subscribe([{ type: 'https', url: 'ftp://hooks.example.com' }]), field: 'alarmTopic.subscriptions[0].url', value: 'which is not an https:// URL', fix: /https:\/\/hooks/ },
    { name: 'a missing queue', run: subscribe([{ type: 'sqs' }]), field: 'alarmTopic.subscriptions[0].queueArn', value: 'is missing', fix: /give the queue ARN, for example arn:aws:sqs:ap-northeast-1:123456789012:alarms/ },
    { name: 'a queue ARN of SNS', run: subscribe([{ type: 'sqs', queueArn: TOPIC }]), field: 'alarmTopic.subscriptions[0].queueArn', value: TOPIC, fix: /sqs/ },
    {
      name: 'a missing function',
      run: subscribe([{ type: 'lambda' }]),
      field: 'alarmTopic.subscriptions[0].functionArn',
      value: 'is missing',
      fix: /give the function ARN, for example arn:aws:lambda:ap-northeast-1:123456789012:function:notify/,
    },
    { name: 'a function ARN of S3', run: subscribe([{ type: 'lambda', functionArn: 'arn:aws:s3:::bucket' }]), field: 'alarmTopic.subscriptions[0].functionArn', value: 'arn:aws:s3:::bucket', fix: /lambda/ },
    {
      name: 'a function ARN of another service',
      run: subscribe([{ type: 'lambda', functionArn: 'arn:aws:sqs:ap-northeast-1:111111111111:function:notify' }]),
      field: 'alarmTopic.subscriptions[0].functionArn',
      value: "is 'arn:aws:sqs:ap-northeast-1:111111111111:function:notify', which is not",
      fix: /use the full ARN, for example arn:aws:lambda:/,
    },
    {
      name: 'a layer, not a function',
      run: subscribe([{ type: 'lambda', functionArn: 'arn:aws:lambda:ap-northeast-1:111111111111:layer:x' }]),
      field: 'alarmTopic.subscriptions[0].functionArn',
      value: "is 'arn:aws:lambda:ap-northeast-1:111111111111:layer:x', which is not a function ARN",
      fix: /give arn:aws:lambda:<region>:<account>:function:<name>/,
    },
    {
      name: 'a key that is not address-safe',
      run: subscribe([{ type: 'email', address: 'ops@example.com', key: '-ops' }]),
      field: 'alarmTopic.subscriptions[0].key',
      value: "is '-ops'",
      fix: /use letters, digits and \. _ \+ - @, starting with a letter or digit/,
    },
    {
      name: 'the second of two equal subscriptions',
      run: subscribe([{ type: 'lambda', functionArn: LAMBDA }, { type: 'lambda', functionArn: LAMBDA }]),
      field: 'alarmTopic.subscriptions',
      value: "lists 'lambda-arn-aws-lambda-ap-northeast-1-111111111111-function-notify' twice",
      fix: /subscribe each endpoint once/,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => assertBadInput(c));
});
