import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { VpcEndpointConnectionNotification } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-notification';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Testing } from 'cdktf';
import { ConnectionNotifications, type ConnectionNotificationsProps } from '../src/connection-notifications';
import { resourcesOf, synthJson, testStack } from './helpers';

const SERVICE = { serviceId: 'vpce-svc-0123456789abcdef0', serviceArn: 'arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint-service/vpce-svc-0123456789abcdef0' };

function notifications(props: Partial<ConnectionNotificationsProps> = {}) {
  const stack = testStack();
  new ConnectionNotifications(stack, 'Notifications', { name: 'unit-dev', ...SERVICE, ...props });
  return stack;
}

interface Statement {
  Sid?: string;
  Principal?: { Service?: string[]; AWS?: string[] };
  Action: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

describe('ConnectionNotifications', () => {
  it('notifies Connect, Accept, Reject and Delete to a topic encrypted with a rotating key', () => {
    const stack = notifications();
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(VpcEndpointConnectionNotification, {
      vpc_endpoint_service_id: SERVICE.serviceId,
      connection_events: ['Connect', 'Accept', 'Reject', 'Delete'],
      connection_notification_arn: expect.stringMatching(/^\$\{aws_sns_topic\.Notifications_Topic_\w+\.arn\}$/),
      depends_on: [expect.stringMatching(/^aws_sns_topic_policy\.Notifications_TopicPolicy_/)],
    });
    expect(synthesized).toHaveResourceWithProperties(SnsTopic, {
      name: 'unit-dev-endpoint-connections',
      kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.Notifications_Key_\w+\.arn\}$/),
    });
    expect(synthesized).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true });
  });

  it('lets vpce.amazonaws.com use the key and publish to the topic, for this account and service only', () => {
    const json = synthJson(notifications());
    const keyPolicy = JSON.parse(String(Object.values(resourcesOf(json, 'aws_kms_key'))[0].policy)) as { Statement: Statement[] };
    const keyStatement = keyPolicy.Statement.find((s) => s.Principal?.Service?.includes('vpce.amazonaws.com'));
    expect(keyStatement?.Action).toEqual(expect.arrayContaining(['kms:GenerateDataKey*', 'kms:Decrypt*']));
    const topicPolicy = JSON.parse(String(Object.values(resourcesOf(json, 'aws_sns_topic_policy'))[0].policy)) as { Statement: Statement[] };
    expect(topicPolicy.Statement).toHaveLength(1);
    expect(topicPolicy.Statement[0]).toMatchObject({
      Sid: 'EndpointServicePublishes',
      Principal: { Service: ['vpce.amazonaws.com'] },
      Action: ['sns:Publish'],
      Condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] }, ArnLike: { 'aws:SourceArn': [SERVICE.serviceArn] } },
    });
  });

  it('uses a given key and a subset of events', () => {
    const keyArn = 'arn:aws:kms:ap-northeast-1:111111111111:key/0b1c2d3e-1111-2222-3333-444455556666';
    const synthesized = Testing.synth(notifications({ kmsKeyArn: keyArn, events: ['Connect', 'Reject'] }));
    expect(synthesized).not.toHaveResource(KmsKey);
    expect(synthesized).toHaveResourceWithProperties(SnsTopic, { kms_master_key_id: keyArn });
    expect(synthesized).toHaveResourceWithProperties(VpcEndpointConnectionNotification, { connection_events: ['Connect', 'Reject'] });
  });

  it('uses a key given by its alias', () => {
    const aliasArn = 'arn:aws:kms:ap-northeast-1:111111111111:alias/privatelink-notifications';
    expect(Testing.synth(notifications({ kmsKeyArn: aliasArn }))).toHaveResourceWithProperties(SnsTopic, { kms_master_key_id: aliasArn });
  });

  it('creates the notification after the topic policy only, or also after what dependsOn names', () => {
    const dependsOnOf = (json: ReturnType<typeof synthJson>) => Object.values(resourcesOf(json, 'aws_vpc_endpoint_connection_notification'))[0].depends_on;
    expect(dependsOnOf(synthJson(notifications()))).toEqual([expect.stringMatching(/^aws_sns_topic_policy\.Notifications_TopicPolicy_\w+$/)]);
    const stack = testStack();
    const gate = new SnsTopic(stack, 'Gate', { name: 'gate' });
    new ConnectionNotifications(stack, 'Notifications', { name: 'unit-dev', ...SERVICE, dependsOn: [gate] });
    expect(dependsOnOf(synthJson(stack))).toEqual([expect.stringMatching(/^aws_sns_topic_policy\.Notifications_TopicPolicy_\w+$/), 'aws_sns_topic.Gate']);
  });

  it('rejects unknown, duplicate and missing events', () => {
    expect(() => notifications({ events: ['Modify' as 'Connect'] })).toThrow(/ConnectionNotifications 'unit-dev\/Notifications': 'events' is 'Modify'/);
    expect(() => notifications({ events: ['Connect', 'Connect'] })).toThrow(/'events' lists 'Connect' twice/);
    expect(() => notifications({ events: [] })).toThrow(/'events' is empty/);
  });
});

describe('ConnectionNotifications subscriptions', () => {
  it('tells the subscribed team of every event, each subscription addressed by its endpoint', () => {
    const json = synthJson(notifications({ subscriptions: [{ type: 'email', address: 'privatelink-ops@saas.example.com' }, { type: 'https', url: 'https://chat.example.com/hooks/privatelink' }] }));
    const subscriptions = resourcesOf(json, 'aws_sns_topic_subscription');
    expect(Object.values(subscriptions).map((s) => [s.protocol, s.endpoint]).sort()).toEqual([
      ['email', 'privatelink-ops@saas.example.com'],
      ['https', 'https://chat.example.com/hooks/privatelink'],
    ]);
    for (const subscription of Object.values(subscriptions)) expect(subscription.topic_arn).toMatch(/^\$\{aws_sns_topic\.Notifications_Topic_\w+\.arn\}$/);
    expect(Object.keys(subscriptions)).toEqual(expect.arrayContaining([expect.stringMatching(/^Notifications_Subscription-email-privatelink-opssaasexamplecom_/)]));
  });

  it('subscribes nobody by default, and refuses a subscription SNS would refuse', () => {
    expect(resourcesOf(synthJson(notifications()), 'aws_sns_topic_subscription')).toEqual({});
    expect(() => notifications({ subscriptions: [{ type: 'https', url: 'http://chat.example.com/hooks' }] })).toThrow(/ConnectionNotifications 'unit-dev\/Notifications': 'subscriptions\[0\].url' is 'http:\/\/chat.example.com\/hooks', a plain HTTP URL/);
  });
});

describe('ConnectionNotifications with a provider of another region', () => {
  const stack = testStack();
  const osaka = new AwsProvider(stack, 'osaka', { region: 'ap-northeast-3', alias: 'osaka' });
  const osakaArn = SERVICE.serviceArn.replace('ap-northeast-1', 'ap-northeast-3');
  new ConnectionNotifications(stack, 'Notifications', { name: 'unit-dev', serviceId: SERVICE.serviceId, serviceArn: osakaArn, provider: osaka });
  const json = synthJson(stack);

  it("notifies for an endpoint service of the provider's region, with the provider's resources", () => {
    expect(Object.values(resourcesOf(json, 'aws_vpc_endpoint_connection_notification')).map((n) => n.provider)).toEqual(['aws.osaka']);
    const topicPolicy = JSON.parse(String(Object.values(resourcesOf(json, 'aws_sns_topic_policy'))[0].policy)) as { Statement: Statement[] };
    expect(topicPolicy.Statement[0].Condition?.ArnLike).toEqual({ 'aws:SourceArn': [osakaArn] });
  });

  it("refuses an endpoint service of the stack's region", () => {
    expect(() => new ConnectionNotifications(stack, 'Tokyo', { name: 'unit-dev', ...SERVICE, provider: osaka })).toThrow(
      /ConnectionNotifications 'unit-dev\/Tokyo': 'serviceArn' is '[^']+', in ap-northeast-1, but the stack deploys to ap-northeast-3/,
    );
  });
});

const build = (props: Record<string, unknown>) => () => notifications(props as Partial<ConnectionNotificationsProps>);
const KEY_ARN = 'arn:aws:kms:ap-northeast-1:111111111111:key/0b1c2d3e-1111-2222-3333-444455556666';

const BAD: readonly BadInputCase[] = [
  { name: 'name missing (untyped JS)', run: build({ name: undefined }), field: 'name', value: 'is missing', fix: /give a name such as 'saas-provider-prod'/ },
  { name: 'name a number (untyped JS)', run: build({ name: 7 }), field: 'name', value: 'is the number 7, not a string', fix: /give a name such as 'saas-provider-prod'/ },
  { name: 'service ARN missing (untyped JS)', run: build({ serviceArn: undefined }), field: 'serviceArn', value: 'is missing', fix: /give the endpoint service's ARN \(EndpointService\.serviceArn\)/ },
  {
    name: 'service ARN of another service',
    run: build({ serviceArn: SERVICE.serviceArn.replace(':ec2:', ':sns:') }),
    field: 'serviceArn',
    value: 'which is not an ec2 vpc-endpoint-service ARN',
    fix: /arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint-service\//,
  },
  { name: 'key ARN of another service', run: build({ kmsKeyArn: KEY_ARN.replace(':kms:', ':sns:') }), field: 'kmsKeyArn', value: 'which is not an kms key or alias ARN', fix: /arn:aws:kms:ap-northeast-1:/ },
  { name: 'key ARN of a grant', run: build({ kmsKeyArn: KEY_ARN.replace(':key/', ':grant/') }), field: 'kmsKeyArn', value: 'which is not an kms key or alias ARN', fix: /arn:aws:kms:ap-northeast-1:/ },
];

describe('ConnectionNotifications bad input', () => {
  it.each(BAD.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));
});
