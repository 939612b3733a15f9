import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';
import { isUnresolved } from '../validate';
import { principalBreadth } from './open';

/** The parts of an ARN: `arn:partition:service:region:account:resource`. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  /** Empty for global services (IAM, S3 buckets). */
  readonly region: string;
  /** Empty where the ARN names no account (S3 buckets). */
  readonly account: string;
  /** Everything after the account. */
  readonly resource: string;
  /** The resource's type (`loadbalancer`, `role`, `listener`), when it names one. */
  readonly resourceType?: string;
  /** The resource after its type (`app/my-alb/50dc6c495c0c9188`). */
  readonly resourceId: string;
}

const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'];
const ARN = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}|aws)?:(.+)$/;
// Services whose resource part is a bare name, not `type/id` or `type:id` (an S3 bucket, an SNS topic).
const UNTYPED_SERVICES = new Set(['s3', 'sns', 'sqs']);

/** Parses an ARN; `undefined` when the text is not one. */
export function parseArn(text: string): Arn | undefined {
  const match = typeof text === 'string' ? ARN.exec(text) : null;
  if (!match || !PARTITIONS.includes(match[1])) return undefined;
  const [, partition, service, region, account = '', resource] = match;
  const separator = resource.search(/[/:]/);
  const typed = separator > 0 && !UNTYPED_SERVICES.has(service);
  return {
    partition,
    service,
    region,
    account,
    resource,
    ...(typed ? { resourceType: resource.slice(0, separator) } : {}),
    resourceId: typed ? resource.slice(separator + 1) : resource,
  };
}

/** What an ARN must be, for {@link requireArn}. Every field is optional. */
export interface ArnExpectation {
  /** The service, for example `elasticloadbalancing` or `iam`. */
  readonly service?: string;
  /** Resource types accepted, for example `['loadbalancer']`. */
  readonly resourceTypes?: readonly string[];
  /** The region it must be in: the stack's, for resources used in the same region. */
  readonly region?: string;
  /** The account it must belong to. */
  readonly accountId?: string;
  /** An example for the fix. @default - built from the other fields */
  readonly example?: string;
}

/**
 * Fails unless `arn` is an ARN of the service and resource type, in the region and account given.
 * Unresolved values pass; so do parts of the ARN that are unresolved.
 */
export function requireArn(scope: IConstruct, field: string, arn: string, expected: ArnExpectation = {}): string {
  if (isUnresolved(arn)) return arn;
  const what = `${expected.service ? `an ${expected.service}` : 'an'}${expected.resourceTypes ? ` ${expected.resourceTypes.join(' or ')}` : ''} ARN`;
  const example = expected.example ?? exampleArn(expected);
  const parsed = parseArn(arn);
  if (!parsed) configError(scope, field, `is ${formatValue(arn)}, which is not ${what}`, `use the full ARN, for example ${example}`);
  if ((expected.service && parsed.service !== expected.service) || (expected.resourceTypes && !expected.resourceTypes.includes(parsed.resourceType ?? ''))) {
    configError(scope, field, `is ${formatValue(arn)}, which is not ${what}`, `use the full ARN, for example ${example}`);
  }
  if (expected.region && !isUnresolved(expected.region) && parsed.region !== expected.region) {
    configError(scope, field, `is ${formatValue(arn)}, in ${parsed.region || 'no region'}, but the stack deploys to ${expected.region}`, `use ${what} of ${expected.region}, or create the construct with a provider for ${parsed.region || 'that region'}`);
  }
  if (expected.accountId && !isUnresolved(expected.accountId) && parsed.account !== expected.accountId) {
    configError(scope, field, `is ${formatValue(arn)}, of account ${parsed.account || 'none'}, but the stack deploys to account ${expected.accountId}`, `use ${what} of account ${expected.accountId}`);
  }
  return arn;
}

function exampleArn(expected: ArnExpectation): string {
  const service = expected.service ?? 'iam';
  const global = service === 'iam' || service === 's3';
  const region = global ? '' : (expected.region ?? 'ap-northeast-1');
  const account = service === 's3' ? '' : (expected.accountId ?? '123456789012');
  const resource = expected.resourceTypes?.[0] ? `${expected.resourceTypes[0]}/...` : '...';
  return `arn:aws:${service}:${region}:${account}:${resource}`;
}

/** The load balancer a listener ARN belongs to: `.../listener/app/<name>/<lb-id>/<id>` → `.../loadbalancer/app/<name>/<lb-id>`. */
export function loadBalancerOfListener(listenerArn: string): string | undefined {
  const listener = parseArn(listenerArn);
  if (!listener || listener.service !== 'elasticloadbalancing' || listener.resourceType !== 'listener') return undefined;
  const parts = listener.resourceId.split('/');
  if (parts.length !== 4) return undefined;
  return `arn:${listener.partition}:elasticloadbalancing:${listener.region}:${listener.account}:loadbalancer/${parts.slice(0, 3).join('/')}`;
}

/** Fails unless the listener belongs to the load balancer (both literal; unresolved values pass). */
export function requireListenerOfLoadBalancer(scope: IConstruct, field: string, listenerArn: string, loadBalancerArn: string): string {
  if (isUnresolved(listenerArn) || isUnresolved(loadBalancerArn)) return listenerArn;
  const owner = loadBalancerOfListener(listenerArn);
  if (!owner) {
    configError(scope, field, `is ${formatValue(listenerArn)}, which is not a listener ARN`, 'use the listener ARN, for example arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/my-alb/50dc6c495c0c9188/f2f7dc8efc522ab2');
  }
  if (owner !== loadBalancerArn) {
    configError(scope, field, `is ${formatValue(listenerArn)}, a listener of ${formatValue(owner)}, not of ${formatValue(loadBalancerArn)}`, 'use a listener of the same load balancer');
  }
  return listenerArn;
}

/** Kinds of IAM principals. */
export type PrincipalKind = 'account' | 'role' | 'user' | 'service' | 'any' | 'wildcard';

const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;

/** True for an AWS service principal such as `lambda.amazonaws.com` or `logs.ap-northeast-1.amazonaws.com`. */
export function isServicePrincipal(value: string): boolean {
  return typeof value === 'string' && SERVICE_PRINCIPAL.test(value);
}

/**
 * The kind of an IAM principal string: an account (`123456789012` or its `:root` ARN), a role, a
 * user, a service principal, anyone (`*` in any spelling), a wildcard pattern; `undefined` when
 * it is none of these.
 */
export function principalKind(value: string): PrincipalKind | undefined {
  if (typeof value !== 'string') return undefined;
  const breadth = principalBreadth(value);
  if (breadth === 'anyone') return 'any';
  if (/^\d{12}$/.test(value)) return 'account';
  if (isServicePrincipal(value)) return 'service';
  const arn = parseArn(value);
  // Stryker disable next-line Regex: parseArn gives an account of 12 digits, 'aws' or '', so the anchors change nothing
  if (!arn || arn.service !== 'iam' || arn.region !== '' || !/^\d{12}$/.test(arn.account)) return undefined;
  if (arn.resource === 'root') return 'account';
  if (breadth !== 'named') return 'wildcard';
  if (arn.resourceType === 'role' && arn.resourceId !== '') return 'role';
  if (arn.resourceType === 'user' && arn.resourceId !== '') return 'user';
  return undefined;
}

const PRINCIPAL_EXAMPLES: Record<PrincipalKind, string> = {
  account: 'arn:aws:iam::123456789012:root',
  role: 'arn:aws:iam::123456789012:role/consumer',
  user: 'arn:aws:iam::123456789012:user/operator',
  service: 'elasticloadbalancing.amazonaws.com',
  any: "'*'",
  wildcard: 'arn:aws:iam::123456789012:role/app-*',
};

/** Fails unless `value` is a principal of one of the `allowed` kinds. Unresolved values pass. */
export function requirePrincipal(scope: IConstruct, field: string, value: string, allowed: readonly PrincipalKind[]): string {
  if (isUnresolved(value)) return value;
  const kind = principalKind(value);
  if (!allowed.some((k) => k === kind)) {
    const names = allowed.map((k) => (k === 'account' ? 'account roots' : k === 'service' ? 'service principals' : `${k}s`)).join(', ');
    const problem = kind === undefined ? 'which is not an IAM principal' : `which is ${kind === 'any' ? 'every principal' : `a ${kind} principal`}`;
    configError(scope, field, `has ${formatValue(value)}, ${problem}`, `give ${names}, for example ${allowed.map((k) => PRINCIPAL_EXAMPLES[k]).join(' or ')}`);
  }
  return value;
}

/** Fails unless `value` is a service principal (`<name>.amazonaws.com`). */
export function requireServicePrincipal(scope: IConstruct, field: string, value: string): string {
  return requirePrincipal(scope, field, value, ['service']);
}
