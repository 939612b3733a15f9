import { openCidrs } from '../../aws/open';
import type { GuardrailContext, GuardrailRule, GuardrailViolation } from '../guardrail-rule';
import { blocksOf, isExpression, referencesIn, stringsOf, type SynthesizedResource } from '../synthesized-resource';

const GROUP_TYPES = ['aws_security_group', 'aws_default_security_group'];
const VPC_TYPES = ['aws_vpc', 'aws_default_vpc'];

/**
 * Keys that identify the security groups a value names: the address of a group in the stack, the
 * VPC whose default group it is (`aws_vpc.X.default_security_group_id`, also of an aws_default_vpc),
 * or a literal `sg-...` ID.
 */
export function securityGroupKeys(value: unknown): string[] {
  const keys = referencesIn(value).flatMap((reference) => {
    const type = reference.address.split('.')[0];
    if (GROUP_TYPES.includes(type)) return [reference.address];
    if (VPC_TYPES.includes(type) && reference.attribute === 'default_security_group_id') return [`default-of:${reference.address}`];
    return [];
  });
  const literals = stringsOf(value).filter((id) => !isExpression(id)).map((id) => `id:${id}`);
  return [...keys, ...literals];
}

/** The keys a security group resource is known by (see {@link securityGroupKeys}). */
function ownKeys(group: SynthesizedResource, context: GuardrailContext): string[] {
  if (group.type !== 'aws_default_security_group') return [group.address];
  return [group.address, ...context.referenced(group.attributes.vpc_id, ...VPC_TYPES).map((vpc) => `default-of:${vpc.address}`)];
}

/** Security groups of endpoints, load balancers and Transfer servers, keyed as above, with who uses them. */
function guardedGroups(context: GuardrailContext): Map<string, string> {
  const users = new Map<string, string>();
  const use = (value: unknown, user: SynthesizedResource) => securityGroupKeys(value).forEach((key) => users.set(key, users.get(key) ?? user.address));
  context.ofType('aws_vpc_endpoint').forEach((endpoint) => use(endpoint.attributes.security_group_ids, endpoint));
  context.ofType('aws_vpc_endpoint_security_group_association').forEach((association) => {
    const endpoint = context.referenced(association.attributes.vpc_endpoint_id, 'aws_vpc_endpoint')[0];
    use(association.attributes.security_group_id, endpoint ?? association);
  });
  context.ofType('aws_lb', 'aws_alb').forEach((lb) => use(lb.attributes.security_groups, lb));
  context.ofType('aws_transfer_server').forEach((server) => blocksOf(server.attributes.endpoint_details).forEach((details) => use(details.security_group_ids, server)));
  return users;
}

/** One ingress grant: the resource that writes it and its literal CIDR blocks. */
interface IngressGrant {
  readonly rule: SynthesizedResource;
  readonly cidrs: string[];
}

/** The ingress grants of the stack, by the keys of the groups they open. */
function ingressByGroup(context: GuardrailContext): Map<string, IngressGrant[]> {
  const byGroup = new Map<string, IngressGrant[]>();
  const add = (rule: SynthesizedResource, groupKeys: string[], cidrs: unknown) => {
    const literal = stringsOf(cidrs).filter((cidr) => !isExpression(cidr));
    // Stryker disable next-line ConditionalExpression: a grant without literal CIDRs opens nothing, so keeping it changes no finding
    if (literal.length === 0) return;
    for (const key of groupKeys) {
      const grants = byGroup.get(key) ?? [];
      const same = grants.find((grant) => grant.rule.address === rule.address);
      if (same) same.cidrs.push(...literal);
      else byGroup.set(key, [...grants, { rule, cidrs: [...literal] }]);
    }
  };
  for (const group of context.ofType(...GROUP_TYPES)) {
    const keys = ownKeys(group, context);
    blocksOf(group.attributes.ingress).forEach((block) => add(group, keys, [block.cidr_blocks, block.ipv6_cidr_blocks]));
  }
  for (const rule of context.ofType('aws_security_group_rule')) {
    if (rule.attributes.type === 'ingress') add(rule, securityGroupKeys(rule.attributes.security_group_id), [rule.attributes.cidr_blocks, rule.attributes.ipv6_cidr_blocks]);
  }
  for (const rule of context.ofType('aws_vpc_security_group_ingress_rule')) {
    add(rule, securityGroupKeys(rule.attributes.security_group_id), [rule.attributes.cidr_ipv4, rule.attributes.cidr_ipv6]);
  }
  return byGroup;
}

export const NO_OPEN_INGRESS: GuardrailRule = {
  id: 'PL-SG-1',
  rationale: 'Private endpoints, load balancers and SFTP servers admit named networks, never the whole internet.',
  check: (context) => {
    const users = guardedGroups(context);
    const violations = new Map<string, GuardrailViolation>();
    for (const [key, grants] of ingressByGroup(context)) {
      const user = users.get(key);
      // The whole internet in any spelling, across all the rules of the group: 0.0.0.0/0, ::/0, 0::/0, 0.0.0.0/1 + 128.0.0.0/1.
      const open = user ? openCidrs(grants.flatMap((grant) => grant.cidrs)) : undefined;
      if (!open) continue;
      const internet = open.families.map((family) => (family === 'ipv4' ? 'IPv4' : 'IPv6')).join(' and ');
      for (const grant of grants) {
        const opening = grant.cidrs.filter((cidr) => open.cidrs.includes(cidr));
        if (opening.length === 0 || violations.has(grant.rule.address)) continue;
        const others = open.cidrs.filter((cidr) => !opening.includes(cidr));
        violations.set(grant.rule.address, {
          resource: grant.rule,
          problem: `admits ingress from ${opening.map((c) => `'${c}'`).join(', ')} into a security group used by ${user}${others.length > 0 ? `, which with ${others.map((c) => `'${c}'`).join(', ')}` : ', which'} opens it to the whole ${internet} internet`,
          fix: 'admit only the client CIDR blocks, security groups or prefix lists that need the service',
        });
      }
    }
    return [...violations.values()];
  },
};
