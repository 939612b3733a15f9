import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';
import { familiesCoveredBy, parseCidr, requireCidr, type IpFamily } from './cidr';

// The one place that decides whether something amounts to "everything": the whole internet, any
// principal, every action, every resource. Every opt-in check and every guardrail rule asks here,
// so the same grant cannot pass by being spelled another way.

/** What a set of CIDR blocks opens to the whole internet, and which blocks do it. */
export interface OpenCidrs {
  readonly families: readonly IpFamily[];
  /** The blocks of those families, as written. */
  readonly cidrs: readonly string[];
}

/**
 * Whether the blocks together admit the whole IPv4 or IPv6 internet, in any spelling: `0.0.0.0/0`,
 * `::/0`, `0::/0`, `0.0.0.0/1` + `128.0.0.0/1`, ... `undefined` when they do not.
 */
export function openCidrs(cidrs: readonly string[]): OpenCidrs | undefined {
  // Unresolved and malformed values never parse as blocks, so they cover nothing and open nothing.
  const families = familiesCoveredBy(cidrs);
  if (families.length === 0) return undefined;
  const blocks = cidrs.map((cidr) => ({ cidr, block: parseCidr(cidr) })).filter((b) => b.block !== undefined && families.includes(b.block.family));
  // Name the blocks that do the opening, not narrower ones they contain (10.0.0.0/8 inside 0.0.0.0/1).
  const widest = blocks.filter(({ block }) => !blocks.some((other) => other.block!.family === block!.family && other.block!.first <= block!.first && block!.last <= other.block!.last && other.block!.last - other.block!.first > block!.last - block!.first));
  return { families, cidrs: widest.map((b) => b.cidr) };
}

/** The words for an {@link OpenCidrs}: `'0.0.0.0/1', '128.0.0.0/1', which together admit the whole internet`. */
export function describeOpenCidrs(open: OpenCidrs): string {
  const blocks = open.cidrs.map(formatValue).join(', ');
  return `${blocks}, which ${open.cidrs.length > 1 ? 'together admit' : 'admits'} the whole internet`;
}

/** A named opt-in of a construct, for example `{ name: 'allowOpenIngress', given: props.allowOpenIngress === true }`. */
export interface OptIn {
  readonly name: string;
  readonly given: boolean;
}

/**
 * Fails when the blocks together admit the whole internet (in any spelling) unless the caller
 * opted in by name; without an `optIn` the construct has no such option and the whole internet is
 * always refused. Checks each block first (see requireCidr).
 */
export function requireNarrowCidrs(scope: IConstruct, field: string, cidrs: readonly string[], optIn?: OptIn): string[] {
  cidrs.forEach((cidr) => requireCidr(scope, field, cidr));
  const open = openCidrs(cidrs);
  if (open && !optIn?.given) {
    configError(scope, field, `includes ${describeOpenCidrs(open)}`, optIn ? `list the client CIDR blocks, or set '${optIn.name}: true' if that is really intended` : 'list the client CIDR blocks; the whole internet is never admitted here');
  }
  return [...cidrs];
}

const ANY_ACCOUNT_ARN = /^arn:[a-z-]*\*?[a-z-]*:iam::\*:/i;
const IAM_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):(.+)$/;
const WHOLE_TYPE = /^(\*|[a-z-]+\/(?:[^*?]*\/)?\*)$/i;

/**
 * How much of AWS an IAM principal value grants:
 * - `anyone`: `*`, `{ AWS: '*' }`, `arn:aws:iam::*:root` and other ARNs for any account;
 * - `account`: every principal of one account (`123456789012`, `arn:aws:iam::123456789012:root`,
 *   `arn:aws:iam::123456789012:*`, `.../role/*`);
 * - `pattern`: some principals of an account picked by a wildcard (`.../role/app-*`);
 * - `named`: one named principal (a role, a user, a service principal).
 */
export type PrincipalBreadth = 'anyone' | 'account' | 'pattern' | 'named';

/** The breadth of one principal string (an ARN, an account ID, `*` or a service principal). */
export function principalBreadth(principal: string): PrincipalBreadth {
  const value = principal.trim();
  if (value === '*' || ANY_ACCOUNT_ARN.test(value)) return 'anyone';
  if (/^\d{12}$/.test(value)) return 'account';
  const arn = IAM_ARN.exec(value);
  if (arn) {
    const resource = arn[3];
    if (resource === 'root' || WHOLE_TYPE.test(resource)) return 'account';
    if (resource.includes('*') || resource.includes('?')) return 'pattern';
  }
  return 'named';
}

/**
 * The principal strings of a policy's `Principal` in any spelling: `'*'`, `{ AWS: '*' }`,
 * `{ AWS: ['arn:...'] }`, `{ Service: [...] }`, `{ Federated: ... }`, `{ CanonicalUser: ... }`.
 */
export function principalValues(principal: unknown): string[] {
  if (typeof principal === 'string') return [principal];
  // A list is an object too: its values are its items.
  if (typeof principal === 'object' && principal !== null) return Object.values(principal).flatMap(principalValues);
  return [];
}

/** True when a policy `Principal` (or a list of principal strings) lets anyone in, in any spelling. */
export function isAnyPrincipal(principal: unknown): boolean {
  return principalValues(principal).some((value) => principalBreadth(value) === 'anyone');
}

/** True when a principal covers every principal of an account or of every account (`anyone` or `account`). */
export function coversWholeAccount(principal: string): boolean {
  const breadth = principalBreadth(principal);
  return breadth === 'anyone' || breadth === 'account';
}

function lower(values: unknown): string[] {
  return (Array.isArray(values) ? values : [values]).filter((v): v is string => typeof v === 'string').map((v) => v.trim().toLowerCase());
}

/**
 * True when the actions include every action, of every service (`*`, `*:*`) or of `service`
 * (`s3:*`). Without `service`, any `<service>:*` counts.
 */
export function isAllActions(actions: unknown, service?: string): boolean {
  return lower(actions).some((action) => {
    if (action === '*' || action === '*:*') return true;
    const [prefix, name] = action.split(':');
    return name === '*' && (service === undefined || prefix === service.toLowerCase());
  });
}

/** True when the resources include every resource: `*`, `arn:*`, or every resource of a service (`arn:aws:s3:::*`). */
export function isAllResources(resources: unknown): boolean {
  return lower(resources).some((resource) => resource === '*' || /^arn:[^:]*:[^:]*:[^:]*:[^:]*:\*(\/\*)?$/.test(resource) || resource === 'arn:*');
}

/** One statement of an IAM policy as written in JSON (the parts "open" looks at). */
export interface OpenableStatement {
  readonly Effect?: unknown;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: unknown;
  readonly NotAction?: unknown;
  readonly Resource?: unknown;
  readonly NotResource?: unknown;
  readonly Condition?: unknown;
}

/**
 * True when an Allow statement grants everything it could: any principal (or `NotPrincipal`),
 * every action of `service` (or any `NotAction`), every resource (or any `NotResource`), and no
 * condition narrows it.
 */
export function isOpenStatement(statement: OpenableStatement, service?: string): boolean {
  if (statement.Effect !== 'Allow') return false;
  const anyone = statement.NotPrincipal !== undefined || isAnyPrincipal(statement.Principal);
  const everything = statement.NotAction !== undefined || isAllActions(statement.Action, service);
  const everywhere = statement.NotResource !== undefined || isAllResources(statement.Resource);
  const conditions = typeof statement.Condition === 'object' && statement.Condition !== null && Object.keys(statement.Condition).length > 0;
  return anyone && everything && everywhere && !conditions;
}

/** True when a path or name holds an IAM wildcard (`*` or `?`), which widens a scope to everything it matches. */
export function hasWildcard(text: string): boolean {
  return /[*?]/.test(text);
}
