import { VpcEndpointConnectionNotification } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-notification';
import {
  applyConstructContract,
  knownAwsContext,
  type MetaArguments,
  NAME_RULES,
  requireArn,
  requireName,
  requireResourceId,
  requireString,
  physicalName,
  requireNonEmpty,
  requireOneOf,
  requireUnique,
  serviceTopic,
  subscribeToTopic,
  type TopicSubscription,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

/** Endpoint connection events an endpoint service can notify. */
export const CONNECTION_EVENTS = ['Connect', 'Accept', 'Reject', 'Delete'] as const;
export type ConnectionEvent = (typeof CONNECTION_EVENTS)[number];

export interface ConnectionNotificationsProps extends MetaArguments {
  readonly serviceId: string;
  /** Narrows the topic policy to this service. */
  readonly serviceArn: string;
  /** Names the topic and key, for example `saas-provider-prod`. */
  readonly name: string;
  /** @default ['Connect', 'Accept', 'Reject', 'Delete'] */
  readonly events?: readonly ConnectionEvent[];
  /** A KMS key for the topic; its policy must let vpce.amazonaws.com use it. @default - a new key with rotation that it may use */
  readonly kmsKeyArn?: string;
  /**
   * Who is told of each event: email, HTTPS, SQS or Lambda subscriptions of the topic (see
   * core's TopicSubscription for what each needs).
   * @default [] - nobody; subscribe a team before the first tenant connects
   */
  readonly subscriptions?: readonly TopicSubscription[];
}

/**
 * Tells the provider team when a tenant requests, gets, is refused or drops a connection: a
 * KMS-encrypted SNS topic that only this endpoint service may publish to, the notification, and
 * the team's subscriptions.
 */
export class ConnectionNotifications extends Construct {
  public readonly topicArn: string;
  public readonly kmsKeyArn: string;
  public readonly notificationId: string;

  constructor(scope: Construct, id: string, props: ConnectionNotificationsProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireString(this, 'name', props.name, "give a name such as 'saas-provider-prod'");
    requireName(this, 'name', props.name, NAME_RULES.namePrefix);
    requireResourceId(this, 'serviceId', props.serviceId, 'endpointService');
    const { region, accountId } = knownAwsContext(this, { provider });
    requireString(this, 'serviceArn', props.serviceArn, "give the endpoint service's ARN (EndpointService.serviceArn)");
    requireArn(this, 'serviceArn', props.serviceArn, { service: 'ec2', resourceTypes: ['vpc-endpoint-service'], region, accountId });
    // The topic's key must be usable by the topic: same region.
    if (props.kmsKeyArn !== undefined) requireArn(this, 'kmsKeyArn', props.kmsKeyArn, { service: 'kms', resourceTypes: ['key', 'alias'], region });
    const events = requireNonEmpty(this, 'events', props.events ?? CONNECTION_EVENTS, "give at least one of 'Connect', 'Accept', 'Reject', 'Delete'");
    events.forEach((event) => requireOneOf(this, 'events', event, CONNECTION_EVENTS));
    requireUnique(this, 'events', events, 'list each event once');

    // Only this endpoint service (vpce.amazonaws.com, for its ARN) publishes to the topic.
    const { topic, policy, kmsKeyArn } = serviceTopic(this, {
      topicName: physicalName([props.name, 'endpoint-connections'], 256),
      servicePrincipal: 'vpce.amazonaws.com',
      statementId: 'EndpointServicePublishes',
      sourceArns: [props.serviceArn],
      kmsKeyArn: props.kmsKeyArn,
    });
    this.kmsKeyArn = kmsKeyArn;
    const notification = new VpcEndpointConnectionNotification(this, 'Notification', {
      vpcEndpointServiceId: props.serviceId,
      connectionNotificationArn: topic.arn,
      connectionEvents: [...events],
      // AWS checks that it may publish when the notification is created.
      // Stryker disable next-line ArrayDeclaration: cdktf leaves out a dependsOn entry that is no construct, so a junk default synthesizes the same
      dependsOn: [policy, ...(dependsOn ?? [])],
    });
    subscribeToTopic(this, 'subscriptions', topic.arn, props.subscriptions);
    this.topicArn = topic.arn;
    this.notificationId = notification.id;
  }
}
