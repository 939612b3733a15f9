/**
 * An S3 gateway endpoint as the EC2 patterns need it: the AWS-managed prefix list of S3's
 * addresses, which their security groups allow on port 443. {@link S3GatewayEndpoint} is one;
 * for an existing endpoint, give its `prefixListId` (`pl-...`).
 */
export interface S3PrefixListRef {
  readonly prefixListId: string;
}
