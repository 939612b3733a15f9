import { s3BucketAccessStatements } from '@privatelink-cdktf/consumer';
import type { PolicyStatement } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';
import { requireBucketName } from './bucket';

/**
 * Endpoint policy statements that let anyone whose IAM permissions allow it use the named buckets
 * through the endpoint, and nothing else: the endpoint cannot carry data to other buckets.
 */
export function s3EndpointStatements(scope: IConstruct, field: string, partition: string, bucketNames: readonly string[]): PolicyStatement[] {
  bucketNames.forEach((name) => requireBucketName(scope, field, name));
  return s3BucketAccessStatements(bucketNames, ['s3:*'], { partition, sid: 'NamedBuckets' });
}

/** The Amazon Linux 2023 package repositories of a region, which are S3 buckets. */
export function amazonLinuxRepositoryStatement(partition: string, region: string): PolicyStatement {
  return { sid: 'AmazonLinuxRepositories', principals: '*', actions: ['s3:GetObject'], resources: [`arn:${partition}:s3:::al2023-repos-${region}-de612dc2/*`] };
}
