import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';
import { describeKind, isUnresolved } from '../validate';

/** The AWS resource and organization IDs constructs take as literals, each with its shape and an example. */
export const RESOURCE_IDS = {
  vpc: { what: 'a VPC ID', pattern: /^vpc-[0-9a-f]{8,17}$/, example: 'vpc-0123456789abcdef0' },
  subnet: { what: 'a subnet ID', pattern: /^subnet-[0-9a-f]{8,17}$/, example: 'subnet-0123456789abcdef0' },
  instance: { what: 'an instance ID', pattern: /^i-[0-9a-f]{8,17}$/, example: 'i-0123456789abcdef0' },
  networkInterface: { what: 'a network interface ID', pattern: /^eni-[0-9a-f]{8,17}$/, example: 'eni-0123456789abcdef0' },
  /** Endpoint services are `vpce-svc-...`; their endpoints `vpce-...`. */
  endpointService: { what: 'an endpoint service ID', pattern: /^vpce-svc-[0-9a-f]{8,17}$/, example: 'vpce-svc-0123456789abcdef0' },
  vpcEndpoint: { what: 'a VPC endpoint ID', pattern: /^vpce-[0-9a-f]{8,17}$/, example: 'vpce-0123456789abcdef0' },
  securityGroup: { what: 'a security group ID', pattern: /^sg-[0-9a-f]{8,17}$/, example: 'sg-0123456789abcdef0' },
  routeTable: { what: 'a route table ID', pattern: /^rtb-[0-9a-f]{8,17}$/, example: 'rtb-0123456789abcdef0' },
  /** Managed prefix lists: AWS's (`pl-61a54008` for S3 in ap-northeast-1) and your own. */
  prefixList: { what: 'a prefix list ID', pattern: /^pl-[0-9a-f]{8,17}$/, example: 'pl-61a54008' },
  ami: { what: 'an AMI ID', pattern: /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/, example: 'ami-0123456789abcdef0' },
  /** A Direct Connect connection or link aggregation group. */
  directConnectConnection: { what: 'a Direct Connect connection or LAG ID', pattern: /^(dxcon|dxlag)-[0-9a-z]{8,}$/, example: 'dxcon-fg5678gh' },
  /** An AWS Organizations organization, for `aws:PrincipalOrgID` and `aws:ResourceOrgID`. */
  organization: { what: 'an AWS Organizations ID', pattern: /^o-[a-z0-9]{10,32}$/, example: 'o-a1b2c3d4e5' },
} as const;

export type ResourceIdKind = keyof typeof RESOURCE_IDS;

/** True when `value` is a literal ID of that kind (`vpce-0123456789abcdef0` for `vpcEndpoint`). */
export function isResourceId(value: string, kind: ResourceIdKind): boolean {
  return typeof value === 'string' && RESOURCE_IDS[kind].pattern.test(value);
}

/** Fails unless `value` is an ID of that kind; unresolved values (an ID from another resource) pass. */
export function requireResourceId(scope: IConstruct, field: string, value: string, kind: ResourceIdKind): string {
  if (isUnresolved(value)) return value;
  const { what, example } = RESOURCE_IDS[kind];
  if (typeof value !== 'string') configError(scope, field, value === undefined ? 'is missing' : `is ${describeKind(value)}, not a string`, `give ${what}, for example ${example}`);
  if (!isResourceId(value, kind)) configError(scope, field, `is ${formatValue(value)}, which is not ${what}`, `give ${what}, for example ${example}`);
  return value;
}
