import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { VpcEndpointConnectionNotification } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-notification';
import {
  applyConstructContract,
  configError,
  EncryptionKey,
  type MetaArguments,
  physicalName,
  policyDocument,
  requireAccountContext,
  requireArn,
  requireArray,
  requireNonEmpty,
  requireResourceId,
  requireString,
  requireOneOf,
  requireUnique,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

/** Events of an interface endpoint's connection: the provider accepted or rejected it, it was requested or deleted. */
export type EndpointConnectionEvent = 'Accept' | 'Reject' | 'Connect' | 'Delete';
const EVENTS: readonly EndpointConnectionEvent[] = ['Accept', 'Reject', 'Connect', 'Delete'];

/** Where an endpoint's connection events go. */
export interface EndpointConnectionNotificationOptions {
  /**
   * The events to notify. Accept and Reject are the provider's decisions, which the consumer
   * cannot see otherwise; Connect and Delete are the consumer's own actions.
   * @default ['Accept', 'Reject']
   */
  readonly events?: readonly EndpointConnectionEvent[];
  /**
   * An SNS topic of your own; its policy must let `vpce.amazonaws.com` publish (and its key, if
   * encrypted, let it encrypt).
   * @default - a new topic encrypted with a new key, which only VPC endpoints of this account may publish to
   */
  readonly topicArn?: string;
  /** The key of the new topic; its policy must let vpce.amazonaws.com use it. Not with topicArn. @default - a new key with rotation */
  readonly kmsKeyArn?: string;
}

export interface EndpointConnectionNotificationsProps extends EndpointConnectionNotificationOptions, MetaArguments {
  /** The interface endpoint (`vpce-...`), usually `InterfaceEndpoint.endpointId`. */
  readonly endpointId: string;
  /** Names the topic and key, for example `tenant-consumer-prod-saas`. */
  readonly name: string;
}

/**
 * Tells the consumer when the provider accepts or rejects its interface endpoint: a connection
 * notification on the endpoint itself (`vpc_endpoint_id`), to an SNS topic this construct
 * creates encrypted, or to one given.
 */
export class EndpointConnectionNotifications extends Construct {
  public readonly topicArn: string;
  /** @default - undefined when topicArn was given */
  public readonly kmsKeyArn?: string;
  public readonly notificationId: string;

  constructor(scope: Construct, id: string, props: EndpointConnectionNotificationsProps) {
    super(scope, id);
    const contract = applyConstructContract(this, props);
    requireResourceId(this, 'endpointId', props.endpointId, 'vpcEndpoint');
    requireString(this, 'name', props.name, 'give a name such as tenant-consumer-prod-saas', { nonEmpty: true });
    const events = requireNonEmpty(this, 'events', requireArray(this, 'events', props.events ?? ['Accept', 'Reject'], "give the events as a list, for example ['Accept', 'Reject']"), "give at least one of 'Accept', 'Reject', 'Connect', 'Delete'");
    events.forEach((event) => requireOneOf(this, 'events', event, EVENTS));
    requireUnique(this, 'events', events, 'list each event once');
    if (props.topicArn !== undefined) requireArn(this, 'topicArn', props.topicArn, { service: 'sns' });
    if (props.kmsKeyArn !== undefined) requireArn(this, 'kmsKeyArn', props.kmsKeyArn, { service: 'kms' });
    if (props.topicArn !== undefined && props.kmsKeyArn !== undefined) {
      configError(this, 'kmsKeyArn', 'is set together with topicArn', 'encrypt your own topic with your key, or leave topicArn out to get a new topic');
    }
    let topicArn = props.topicArn;
    const dependsOn = [...(contract.dependsOn ?? [])];
    if (topicArn === undefined) {
      const { accountId } = requireAccountContext(this);
      const topicName = physicalName([props.name, 'endpoint-connection'], 256);
      // VPC endpoints publish as vpce.amazonaws.com, which needs the key to encrypt.
      this.kmsKeyArn =
        props.kmsKeyArn ??
        new EncryptionKey(this, 'Key', { alias: topicName, description: `Encrypts the SNS topic ${topicName}`, servicePrincipals: ['vpce.amazonaws.com'] }).keyArn;
      const topic = new SnsTopic(this, 'Topic', { name: topicName, kmsMasterKeyId: this.kmsKeyArn });
      const policy = new SnsTopicPolicy(this, 'TopicPolicy', {
        arn: topic.arn,
        // Stryker disable next-line StringLiteral: the field names only errors of bad statements, and this fixed statement is always valid
        policy: policyDocument(this, 'topicPolicy', [
          {
            sid: 'EndpointsOfThisAccountPublish',
            principals: { Service: ['vpce.amazonaws.com'] },
            actions: ['sns:Publish'],
            resources: [topic.arn],
            conditions: [{ test: 'StringEquals', variable: 'aws:SourceAccount', values: [accountId] }],
          },
        ]),
      });
      // AWS checks that it may publish when the notification is created.
      dependsOn.push(policy);
      topicArn = topic.arn;
    }
    const notification = new VpcEndpointConnectionNotification(this, 'Notification', {
      vpcEndpointId: props.endpointId,
      connectionNotificationArn: topicArn,
      connectionEvents: [...events],
      dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    });
    this.topicArn = topicArn;
    this.notificationId = notification.id;
  }
}
