import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { VpcEndpointConnectionNotification } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-notification';
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
