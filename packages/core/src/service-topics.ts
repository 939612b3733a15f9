import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { awsContext, requireAccountContext } from './aws-context';
import { configError, formatValue } from './config-error';
import { EncryptionKey } from './encryption-key';
import { policyDocument } from './policy-document';
import { requireArn } from './aws/arn';
import { isUnresolved, requireOneOf } from './validate';

// SNS topics an AWS service publishes to (alarms, endpoint connection events), and who receives them.

/** A topic one AWS service publishes to. */
export interface ServiceTopicProps {
  /** The topic's name, also its key's alias. */
  readonly topicName: string;
  /** The publishing service, for example `cloudwatch.amazonaws.com`. */
  readonly servicePrincipal: string;
  /** The Sid of the topic policy's statement. */
  readonly statementId: string;
  /** ARNs (ArnLike) the publishing resources have: the topic takes messages from them only, in this account. */
  readonly sourceArns: readonly string[];
  /** @default - a new key with rotation that the service may use */
  readonly kmsKeyArn?: string;
}

/**
 * A KMS-encrypted SNS topic (`Key`, `Topic` and `TopicPolicy` in `scope`) that only the given
 * service, acting for these sources of this account, may publish to.
 */
export function serviceTopic(scope: Construct, props: ServiceTopicProps): { topic: SnsTopic; policy: SnsTopicPolicy; kmsKeyArn: string } {
  const { accountId } = requireAccountContext(scope);
  // The service publishes as its principal, which needs the key to encrypt.
  const kmsKeyArn =
    props.kmsKeyArn ??
    new EncryptionKey(scope, 'Key', { alias: props.topicName, description: `Encrypts the SNS topic ${props.topicName}`, servicePrincipals: [props.servicePrincipal] }).keyArn;
  const topic = new SnsTopic(scope, 'Topic', { name: props.topicName, kmsMasterKeyId: kmsKeyArn });
  const policy = new SnsTopicPolicy(scope, 'TopicPolicy', {
    arn: topic.arn,
    // Stryker disable next-line StringLiteral: the field names a statement error, and the statement built here always passes policyDocument's checks
    policy: policyDocument(scope, 'topicPolicy', [
      {
        sid: props.statementId,
        principals: { Service: [props.servicePrincipal] },
        actions: ['sns:Publish'],
        resources: [topic.arn],
        conditions: [
          { test: 'StringEquals', variable: 'aws:SourceAccount', values: [accountId] },
          { test: 'ArnLike', variable: 'aws:SourceArn', values: [...props.sourceArns] },
        ],
      },
    ]),
  });
  return { topic, policy, kmsKeyArn };
}

/** Shared by every subscription kind. */
interface SubscriptionBase {
  /**
   * Names the subscription's resources; give it when the endpoint is an unresolved value (a queue
   * or function created in the same stack). @default - derived from the endpoint
   */
  readonly key?: string;
}

/**
 * Who receives a topic's messages. Every kind is delivered encrypted in transit; the topic itself
 * is encrypted at rest with its KMS key.
 */
export type TopicSubscription =
  /** An address that receives each message by email, once its owner confirms the subscription. */
  | (SubscriptionBase & { readonly type: 'email'; readonly address: string })
  /** An HTTPS endpoint (for example a chat or paging webhook); it must confirm the subscription. */
  | (SubscriptionBase & {
      readonly type: 'https';
      readonly url: string;
      /** The endpoint confirms the subscription by itself (PagerDuty, Opsgenie). @default false */
      readonly autoConfirms?: boolean;
      /** Deliver the message body without the SNS envelope. @default false */
      readonly rawMessageDelivery?: boolean;
    })
  /**
   * An SQS queue. Its queue policy must let `sns.amazonaws.com` send messages with
   * `aws:SourceArn` of the topic (and its KMS key, if encrypted, must let SNS use it): the queue's
   * owner adds both, since this stack does not own the queue.
   */
  | (SubscriptionBase & { readonly type: 'sqs'; readonly queueArn: string; /** @default false */ readonly rawMessageDelivery?: boolean })
  /**
   * A Lambda function. In this stack's account, a `aws_lambda_permission` lets the topic invoke it;
   * a function in another account needs that permission from its owner.
   */
  | (SubscriptionBase & { readonly type: 'lambda'; readonly functionArn: string });

export type TopicSubscriptionType = TopicSubscription['type'];
export const TOPIC_SUBSCRIPTION_TYPES: readonly TopicSubscriptionType[] = ['email', 'https', 'sqs', 'lambda'];

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
const KEY = /^[A-Za-z0-9][A-Za-z0-9@._+-]{0,127}$/;

/**
 * Subscribes each endpoint to the topic, checked the way SNS checks it, each addressed by its
 * endpoint (or key) so adding or removing one never touches another.
 */
export function subscribeToTopic(scope: Construct, field: string, topicArn: string, subscriptions: readonly TopicSubscription[] | undefined): SnsTopicSubscription[] {
  if (subscriptions === undefined) return [];
  if (!Array.isArray(subscriptions)) configError(scope, field, `is ${formatValue(subscriptions)}`, "give a list such as [{ type: 'email', address: 'ops@example.com' }]");
  const created: SnsTopicSubscription[] = [];
  subscriptions.forEach((subscription, index) => {
    const at = `${field}[${index}]`;
    const { protocol, endpoint, key } = checkSubscription(scope, at, subscription);
    const id = `Subscription-${key}`;
    if (scope.node.tryFindChild(id)) configError(scope, field, `lists ${formatValue(key)} twice`, 'subscribe each endpoint once');
    const resource = new SnsTopicSubscription(scope, id, {
      topicArn,
      protocol,
      endpoint,
      endpointAutoConfirms: subscription.type === 'https' && subscription.autoConfirms ? true : undefined,
      rawMessageDelivery: 'rawMessageDelivery' in subscription && subscription.rawMessageDelivery ? true : undefined,
    });
    if (subscription.type === 'lambda' && sameAccount(scope, endpoint)) {
      new LambdaPermission(scope, `Invoke-${key}`, {
        action: 'lambda:InvokeFunction',
        functionName: endpoint,
        principal: 'sns.amazonaws.com',
        sourceArn: topicArn,
      });
    }
    created.push(resource);
  });
  return created;
}

function checkSubscription(scope: Construct, field: string, subscription: TopicSubscription): { protocol: string; endpoint: string; key: string } {
  if (subscription === null || typeof subscription !== 'object') {
    configError(scope, field, `is ${formatValue(subscription)}`, "give { type: 'email' | 'https' | 'sqs' | 'lambda', ... }");
  }
  requireOneOf(scope, `${field}.type`, subscription.type, TOPIC_SUBSCRIPTION_TYPES);
  let protocol: string;
  let endpoint: string;
  switch (subscription.type) {
    case 'email':
      endpoint = requireText(scope, `${field}.address`, subscription.address, 'give the address that receives the messages, for example ops@example.com');
      if (!isUnresolved(endpoint) && !EMAIL.test(endpoint)) configError(scope, `${field}.address`, `is ${formatValue(endpoint)}, which is not an email address`, 'give an address such as ops@example.com');
      protocol = 'email';
      break;
    case 'https':
      endpoint = requireText(scope, `${field}.url`, subscription.url, 'give the https:// URL that receives the messages');
      if (!isUnresolved(endpoint)) requireHttpsUrl(scope, `${field}.url`, endpoint);
      protocol = 'https';
      break;
    case 'sqs':
      endpoint = requireArn(scope, `${field}.queueArn`, requireText(scope, `${field}.queueArn`, subscription.queueArn, 'give the queue ARN, for example arn:aws:sqs:ap-northeast-1:123456789012:alarms'), { service: 'sqs' });
      protocol = 'sqs';
      break;
    default:
      endpoint = requireArn(scope, `${field}.functionArn`, requireText(scope, `${field}.functionArn`, subscription.functionArn, 'give the function ARN, for example arn:aws:lambda:ap-northeast-1:123456789012:function:notify'), { service: 'lambda' });
      if (!isUnresolved(endpoint) && endpoint.split(':')[5] !== 'function') {
        configError(scope, `${field}.functionArn`, `is ${formatValue(endpoint)}, which is not a function ARN`, 'give arn:aws:lambda:<region>:<account>:function:<name>');
      }
      protocol = 'lambda';
  }
  const key = subscription.key ?? (isUnresolved(endpoint) ? undefined : `${subscription.type}-${endpoint.replace(/^https:\/\//, '')}`);
  if (key === undefined) configError(scope, `${field}.key`, 'is missing while the endpoint is an unresolved value', 'give a key such as alarms-queue: it names the subscription and must not change');
  const safeKey = key.replace(/[^A-Za-z0-9@._+-]+/g, '-').slice(0, 128);
  if (!KEY.test(safeKey)) configError(scope, `${field}.key`, `is ${formatValue(key)}`, 'use letters, digits and . _ + - @, starting with a letter or digit');
  return { protocol, endpoint, key: safeKey };
}

function requireText(scope: Construct, field: string, value: unknown, fix: string): string {
  if (typeof value !== 'string' || value.length === 0) configError(scope, field, value === undefined ? 'is missing' : `is ${formatValue(value)}`, fix);
  return value;
}

function requireHttpsUrl(scope: Construct, field: string, url: string): void {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (parsed?.protocol === 'http:') configError(scope, field, `is ${formatValue(url)}, a plain HTTP URL`, 'use https://: SNS would send the messages unencrypted over http');
  // An https: URL that parses always has a host.
  if (parsed?.protocol !== 'https:') configError(scope, field, `is ${formatValue(url)}, which is not an https:// URL`, 'give a URL such as https://hooks.example.com/alarms');
}

function sameAccount(scope: Construct, functionArn: string): boolean {
  if (isUnresolved(functionArn)) return true;
  return functionArn.split(':')[4] === awsContext(scope).accountId;
}
