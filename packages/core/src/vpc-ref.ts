import type { IConstruct } from 'constructs';
import { requireCidr } from './aws/cidr';
import { requireResourceId } from './aws/resource-ids';
import { configError } from './config-error';
import { describeKind, isUnresolved, requireBoolean, requireNonEmpty } from './validate';

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

/**
 * Fails unless `vpc` is a VpcRef: a VPC ID and its IPv4 CIDR blocks (at least one), with the DNS
 * settings true or false when given. For untyped callers and hand-written references to existing
 * VPCs; values known only at apply time pass.
 */
export function requireVpcRef(scope: IConstruct, field: string, vpc: VpcRef): VpcRef {
  const fix = "give a core PrivateNetwork, or { vpcId: 'vpc-...', cidrBlocks: ['10.0.0.0/16'] } for an existing VPC";
  if (typeof vpc !== 'object' || vpc === null || Array.isArray(vpc)) configError(scope, field, `is ${describeKind(vpc)}`, fix);
  requireResourceId(scope, `${field}.vpcId`, vpc.vpcId, 'vpc');
  if (!isUnresolved(vpc.cidrBlocks)) {
    requireNonEmpty(scope, `${field}.cidrBlocks`, vpc.cidrBlocks, "list the VPC's IPv4 CIDR blocks, for example ['10.0.0.0/16']");
    vpc.cidrBlocks.forEach((cidr) => requireCidr(scope, `${field}.cidrBlocks`, cidr, { family: 'ipv4' }));
  }
  requireBoolean(scope, `${field}.dnsSupport`, vpc.dnsSupport);
  requireBoolean(scope, `${field}.dnsHostnames`, vpc.dnsHostnames);
  return vpc;
}
