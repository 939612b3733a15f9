import { configError, describeKind, requireResourceId } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/**
 * An S3 gateway endpoint as the EC2 patterns need it: the AWS-managed prefix list of S3's
 * addresses, which their security groups allow on port 443. {@link S3GatewayEndpoint} is one;
 * for an existing endpoint, give its `prefixListId` (`pl-...`).
 */
export interface S3PrefixListRef {
  readonly prefixListId: string;
}

/** Fails unless `ref` carries a prefix list ID (`pl-...`, or an unresolved one). */
export function requirePrefixListRef(scope: IConstruct, field: string, ref: S3PrefixListRef): S3PrefixListRef {
  if (typeof ref !== 'object' || ref === null) {
    configError(scope, field, `is ${describeKind(ref)}`, "give the S3GatewayEndpoint of the VPC, or { prefixListId: 'pl-...' } for an existing one");
  }
  requireResourceId(scope, `${field}.prefixListId`, ref.prefixListId, 'prefixList');
  return ref;
}
