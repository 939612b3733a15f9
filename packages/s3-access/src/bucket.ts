import { configError, formatValue, hasWildcard, isUnresolved, NAME_RULES, requireName, requireString } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

// Characters S3 calls safe in object keys, less '*' (an IAM wildcard in the ARNs built from the prefix).
const SAFE_PREFIX = /^[A-Za-z0-9!_.'()/-]*$/;

/** Fails unless `name` is given and follows S3's bucket naming rules (core's rule), so a typo never reaches `terraform apply`. */
export function requireBucketName(scope: IConstruct, field: string, name: string): string {
  requireString(scope, field, name, `give the bucket name, for example '${NAME_RULES.s3Bucket.example}'`);
  return requireName(scope, field, name, NAME_RULES.s3Bucket);
}

/**
 * Fails unless `prefix` is a key prefix that scopes IAM policies to what it names: safe
 * characters, no wildcard (`partners/p*` would reach every partner whose name starts with p), no
 * `.` or `..` segment. Returns it without leading and trailing slashes (`/inbound/` → `inbound`).
 */
export function requireBucketPrefix(scope: IConstruct, field: string, prefix: string): string {
  requireString(scope, field, prefix, "give a key prefix such as 'inbound' or 'partners/acme'");
  if (isUnresolved(prefix)) return prefix;
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  if (hasWildcard(trimmed)) {
    configError(scope, field, `is ${formatValue(prefix)}, which holds a wildcard that widens the scope to every prefix it matches`, "name one prefix without '*' or '?', for example 'partners/acme'");
  }
  if (!SAFE_PREFIX.test(trimmed) || trimmed.split('/').some((segment) => segment === '.' || segment === '..' || (segment === '' && trimmed !== ''))) {
    configError(scope, field, `is ${formatValue(prefix)}`, "use letters, digits and !_.'()- in segments separated by single slashes, without '.' or '..' segments, for example 'partners/acme'");
  }
  return trimmed;
}

/** The bucket's ARN and the ARN of its objects (optionally under a prefix). */
export function bucketArns(partition: string, bucketName: string, prefix = ''): { bucket: string; objects: string } {
  const path = prefix.replace(/^\/+|\/+$/g, '');
  return { bucket: `arn:${partition}:s3:::${bucketName}`, objects: `arn:${partition}:s3:::${bucketName}/${path ? `${path}/` : ''}*` };
}
