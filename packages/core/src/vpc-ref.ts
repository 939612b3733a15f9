/**
 * A VPC as the constructs need it: its ID, its CIDR blocks (endpoint security groups admit them by
 * default) and, when known, whether DNS works (private DNS names need both settings on).
 * {@link PrivateNetwork} is one; for an existing VPC, write the literal values.
 */
export interface VpcRef {
  readonly vpcId: string;
  /** Every IPv4 CIDR block of the VPC, primary and secondary. */
  readonly cidrBlocks: readonly string[];
  /** `enable_dns_support`. @default - unknown; not checked */
  readonly dnsSupport?: boolean;
  /** `enable_dns_hostnames`. @default - unknown; not checked */
  readonly dnsHostnames?: boolean;
}
