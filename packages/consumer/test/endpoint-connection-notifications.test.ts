import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { VpcEndpointConnectionNotification } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-notification';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Testing } from 'cdktf';
import { EndpointConnectionNotifications, type EndpointConnectionNotificationsProps } from '../src/endpoint-connection-notifications';
import { InterfaceEndpoint, type InterfaceEndpointProps } from '../src/interface-endpoint';
import { CUSTOM_SERVICE, devStack, rendered, resourcesOf, SUBNETS, synthJson, VPC } from './helpers';

function endpoint(props: Partial<InterfaceEndpointProps> = {}, stack = devStack()) {
  const construct = new InterfaceEndpoint(stack, 'Saas', { vpc: VPC, subnets: SUBNETS, service: { serviceName: CUSTOM_SERVICE }, name: 'unit-saas', connectionNotifications: {}, ...props });
  return { stack, construct };
}

describe('connection notifications on the consumer endpoint', () => {
  test('a new encrypted topic hears Accept and Reject of this endpoint, published only by endpoints of this account', () => {
    const { stack, construct } = endpoint();
    const synth = Testing.synth(stack);
    const json = synthJson(stack);
    const notification = Object.values(json.resource.aws_vpc_endpoint_connection_notification)[0];
    expect(notification).toMatchObject({ vpc_endpoint_id: rendered(stack, construct.endpointId), connection_events: ['Accept', 'Reject'] });
    expect(notification).not.toHaveProperty('vpc_endpoint_service_id');
    expect(notification.depends_on).toEqual([expect.stringMatching(/^aws_sns_topic_policy\./)]);
    expect(synth).toHaveResourceWithProperties(SnsTopic, { name: 'unit-saas-endpoint-connection' });
    expect(Object.values(json.resource.aws_sns_topic)[0].kms_master_key_id).toMatch(/aws_kms_key\./);
    const policy = JSON.parse(Object.values(json.resource.aws_sns_topic_policy)[0].policy as string);
    expect(policy.Statement[0]).toMatchObject({ Principal: { Service: ['vpce.amazonaws.com'] }, Action: ['sns:Publish'], Condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] } } });
    expect(construct.notifications?.topicArn).toBeDefined();
  });

  test('a topic of your own gets the notification and nothing else', () => {
    const topicArn = 'arn:aws:sns:ap-northeast-1:111111111111:network-events';
    const { stack } = endpoint({ connectionNotifications: { topicArn, events: ['Accept', 'Reject', 'Delete'] } });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcEndpointConnectionNotification, { connection_notification_arn: topicArn, connection_events: ['Accept', 'Reject', 'Delete'] });
    expect(resourcesOf(stack, 'aws_sns_topic')).toEqual({});
    expect(resourcesOf(stack, 'aws_kms_key')).toEqual({});
  });

  test('no notifications unless asked', () => {
    const { stack, construct } = endpoint({ connectionNotifications: undefined });
    expect(resourcesOf(stack, 'aws_vpc_endpoint_connection_notification')).toEqual({});
    expect(construct.notifications).toBeUndefined();
  });

  test('an existing endpoint can be watched by ID', () => {
    const stack = devStack();
    new EndpointConnectionNotifications(stack, 'Watch', { endpointId: 'vpce-0123456789abcdef0', name: 'unit-existing', kmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/0123' });
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_vpc_endpoint_connection_notification)[0]).toMatchObject({ vpc_endpoint_id: 'vpce-0123456789abcdef0' });
    expect(Object.values(json.resource.aws_sns_topic)[0]).toMatchObject({ kms_master_key_id: 'arn:aws:kms:ap-northeast-1:111111111111:key/0123' });
  });

  test('bad input', () => {
    expect(() => endpoint({ connectionNotifications: { events: ['Accepted' as never] } })).toThrow(/InterfaceEndpoint 'unit-dev\/Saas': 'connectionNotifications.events' is 'Accepted'/);
    expect(() => endpoint({ connectionNotifications: { events: [] } })).toThrow(/'connectionNotifications.events' is empty/);
    expect(() => endpoint({ connectionNotifications: { events: ['Accept', 'Accept'] } })).toThrow(/'connectionNotifications.events' lists 'Accept' twice/);
    expect(() => endpoint({ connectionNotifications: { topicArn: 'network-events' } })).toThrow(/'connectionNotifications.topicArn' is 'network-events', which is not an sns ARN/);
    expect(() => endpoint({ connectionNotifications: { topicArn: 'arn:aws:sns:ap-northeast-1:111111111111:t', kmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/1' } })).toThrow(/'connectionNotifications.kmsKeyArn' is set together with topicArn/);
    expect(() => new EndpointConnectionNotifications(devStack(), 'W', { name: 'x' } as never)).toThrow(/'endpointId' is missing; give a VPC endpoint ID/);
  });
});

describe('EndpointConnectionNotifications on its own', () => {
  const WATCHED = { endpointId: 'vpce-0123456789abcdef0', name: 'unit-watch' };

  describe('with a new topic', () => {
    const stack = devStack();
    new EndpointConnectionNotifications(stack, 'Watch', WATCHED);
    const json = synthJson(stack);
    const [topicName] = Object.keys(json.resource.aws_sns_topic);
    const [keyName] = Object.keys(json.resource.aws_kms_key);

    test('the topic policy lets VPC endpoints of this account publish to this topic only', () => {
      const policy = JSON.parse(Object.values(json.resource.aws_sns_topic_policy)[0].policy as string);
      expect(policy.Statement).toEqual([
        {
          Sid: 'EndpointsOfThisAccountPublish',
          Effect: 'Allow',
          Principal: { Service: ['vpce.amazonaws.com'] },
          Action: ['sns:Publish'],
          Resource: [`\${aws_sns_topic.${topicName}.arn}`],
          Condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] } },
        },
      ]);
    });

    test('the new key lets VPC endpoints encrypt what they publish', () => {
      const policy = JSON.parse(json.resource.aws_kms_key[keyName].policy as string);
      expect(policy.Statement).toContainEqual(expect.objectContaining({ Principal: { Service: ['vpce.amazonaws.com'] }, Action: expect.arrayContaining(['kms:GenerateDataKey*']) }));
      expect(json.resource.aws_sns_topic[topicName].kms_master_key_id).toBe(`\${aws_kms_key.${keyName}.arn}`);
    });
  });

  test('a topic of your own: the notification depends on nothing and the construct has no key', () => {
    const stack = devStack();
    const topicArn = 'arn:aws:sns:ap-northeast-1:111111111111:network-events';
    const watch = new EndpointConnectionNotifications(stack, 'Watch', { ...WATCHED, topicArn });
    const notification = Object.values(resourcesOf(stack, 'aws_vpc_endpoint_connection_notification'))[0];
    expect(notification).toMatchObject({ connection_notification_arn: topicArn, connection_events: ['Accept', 'Reject'] });
    expect(notification).not.toHaveProperty('depends_on');
    expect(watch.topicArn).toBe(topicArn);
    expect(watch.kmsKeyArn).toBeUndefined();
  });

  const build = (props: Partial<EndpointConnectionNotificationsProps>) => () => new EndpointConnectionNotifications(devStack(), 'Watch', { ...WATCHED, ...props } as EndpointConnectionNotificationsProps);
  const BAD: BadInputCase[] = [
    { name: 'no name', run: build({ name: undefined }), field: 'name', value: 'missing', fix: /give a name such as tenant-consumer-prod-saas/ },
    { name: 'a blank name', run: build({ name: '  ' }), field: 'name', value: 'empty', fix: /give a name such as tenant-consumer-prod-saas/ },
    { name: 'no events', run: build({ events: [] }), field: 'events', value: 'empty', fix: /give at least one of 'Accept', 'Reject', 'Connect', 'Delete'/ },
    { name: 'an event twice', run: build({ events: ['Reject', 'Reject'] }), field: 'events', value: "'Reject' twice", fix: /list each event once/ },
    { name: 'a key that is no ARN', run: build({ kmsKeyArn: 'key-1' }), field: 'kmsKeyArn', value: "'key-1', which is not an kms ARN", fix: /use the full ARN, for example arn:aws:kms:/ },
    {
      name: 'a key ARN of another service',
      run: build({ kmsKeyArn: 'arn:aws:sns:ap-northeast-1:111111111111:t' }),
      field: 'kmsKeyArn',
      value: "'arn:aws:sns:ap-northeast-1:111111111111:t', which is not an kms ARN",
      fix: /use the full ARN, for example arn:aws:kms:/,
    },
  ];
  it.each(BAD.map((c) => [c.name, c] as const))('refuses %s', (_, c) => assertBadInput(c));
});
