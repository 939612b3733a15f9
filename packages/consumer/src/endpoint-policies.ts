import { partitionOf, type PolicyCondition, type PolicyStatement } from '@privatelink-cdktf/core';

/** Narrows who may use what an endpoint policy statement allows. */
export interface EndpointStatementOptions {
  /**
   * Only principals of these accounts may call through the endpoint (`aws:PrincipalAccount`),
   * so stolen credentials of another account cannot carry data out.
   * @default - any principal that IAM allows
   */
  readonly principalAccountIds?: readonly string[];
  /** The ARN partition for bucket names. @default 'aws' */
  readonly partition?: string;
  /** @default - no Sid */
  readonly sid?: string;
}

/** Read objects and list buckets. */
export const S3_READ_ACTIONS: readonly string[] = ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation'];
/** Read and write objects, including multipart uploads. */
export const S3_READ_WRITE_ACTIONS: readonly string[] = [...S3_READ_ACTIONS, 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'];
/** Read items and query tables and their indexes. */
export const DYNAMODB_READ_ACTIONS: readonly string[] = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:DescribeTable'];
/** Read and write items. */
export const DYNAMODB_READ_WRITE_ACTIONS: readonly string[] = [...DYNAMODB_READ_ACTIONS, 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

function accountCondition(options: EndpointStatementOptions): PolicyCondition[] {
  const accounts = options.principalAccountIds;
  return accounts && accounts.length > 0 ? [{ test: 'StringEquals', variable: 'aws:PrincipalAccount', values: accounts }] : [];
}

/**
 * An endpoint policy statement that allows `actions` on the named buckets and their objects only.
 * Buckets are names (`tenant-data`) or ARNs.
 */
export function s3BucketAccessStatements(buckets: readonly string[], actions: readonly string[] = S3_READ_ACTIONS, options: EndpointStatementOptions = {}): PolicyStatement[] {
  const partition = options.partition ?? 'aws';
  const arns = buckets.map((bucket) => (bucket.startsWith('arn:') ? bucket : `arn:${partition}:s3:::${bucket}`));
  return [
    {
      sid: options.sid,
      principals: '*',
      actions,
      resources: arns.flatMap((arn) => [arn, `${arn}/*`]),
      conditions: accountCondition(options),
    },
  ];
}

/** An endpoint policy statement that allows `actions` on the given tables and their indexes only. */
export function dynamoDbTableAccessStatements(tableArns: readonly string[], actions: readonly string[] = DYNAMODB_READ_ACTIONS, options: EndpointStatementOptions = {}): PolicyStatement[] {
  return [
    {
      sid: options.sid,
      principals: '*',
      actions,
      resources: tableArns.flatMap((arn) => [arn, `${arn}/index/*`]),
      conditions: accountCondition(options),
    },
  ];
}

/**
 * Read access to the AWS-owned buckets Systems Manager Agent downloads updates, documents and
 * patch baselines from. Add it to an S3 gateway endpoint policy in a VPC whose instances are
 * managed with SSM, or agent updates and patching fail behind a least-privilege policy.
 */
export function ssmAgentBucketStatements(region: string): PolicyStatement[] {
  const buckets = [
    `aws-ssm-${region}`,
    `aws-windows-downloads-${region}`,
    `amazon-ssm-${region}`,
    `amazon-ssm-packages-${region}`,
    `${region}-birdwatcher-prod`,
    `aws-ssm-distributor-file-${region}`,
    `aws-ssm-document-attachments-${region}`,
    `patch-baseline-snapshot-${region}`,
  ];
  return [
    {
      sid: 'SsmAgentBuckets',
      principals: '*',
      actions: ['s3:GetObject'],
      resources: buckets.map((bucket) => `arn:${partitionOf(region)}:s3:::${bucket}/*`),
    },
  ];
}
