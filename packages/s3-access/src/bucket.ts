import { configError, isUnresolved, formatValue } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

// S3 general purpose bucket naming rules: 3-63 characters, lower-case letters, digits, dots and
// hyphens, starting and ending with a letter or digit, not shaped like an IP address.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d{1,3}(\.\d{1,3}){3}$/;
const RESERVED = [/^xn--/, /^sthree-/, /^amzn-s3-demo-/, /-s3alias$/, /--ol-s3$/, /\.mrap$/, /--x-s3$/, /--table-s3$/];

/** Fails at synth time on a name S3 would reject, so a typo never reaches `terraform apply`. */
export function requireBucketName(scope: IConstruct, field: string, name: string): string {
  if (isUnresolved(name)) return name;
  const problem = !BUCKET_NAME.test(name)
    ? 'which is not a valid S3 bucket name'
    : IP_ADDRESS.test(name)
      ? 'which is formatted like an IP address'
      : name.includes('..') || name.includes('.-') || name.includes('-.')
        ? 'which has adjacent dots or a dot next to a hyphen'
        : RESERVED.some((pattern) => pattern.test(name))
          ? 'which uses a prefix or suffix S3 reserves'
          : undefined;
  if (problem) {
    configError(scope, field, `is ${formatValue(name)}, ${problem}`, 'use 3-63 lower-case letters, digits, hyphens and dots, starting and ending with a letter or digit, for example acme-prod-exchange');
  }
  return name;
}

/** The bucket's ARN and the ARN of its objects (optionally under a prefix). */
export function bucketArns(partition: string, bucketName: string, prefix = ''): { bucket: string; objects: string } {
  const path = prefix.replace(/^\/+|\/+$/g, '');
  return { bucket: `arn:${partition}:s3:::${bucketName}`, objects: `arn:${partition}:s3:::${bucketName}/${path ? `${path}/` : ''}*` };
}
