import { OPEN_CIDRS } from '../../validate';
import type { GuardrailContext, GuardrailRule, GuardrailViolation } from '../guardrail-rule';
import { blocksOf, isExpression, referencesIn, stringsOf, type SynthesizedResource } from '../synthesized-resource';

const GROUP_TYPES = ['aws_security_group', 'aws_default_security_group'];

/**
 * Keys that identify the security groups a value names: the address of a group in the stack, the
 * VPC whose default group it is (`aws_vpc.X.default_security_group_id`), or a literal `sg-...` ID.
 */
export function securityGroupKeys(value: unknown): string[] {
  const keys = referencesIn(value).flatMap((reference) => {
    const type = reference.address.split('.')[0];
    if (GROUP_TYPES.includes(type)) return [reference.address];
    if (type === 'aws_vpc' && reference.attribute === 'default_security_group_id') return [`default-of:${reference.address}`];
    return [];
  });
  const literals = stringsOf(value).filter((id) => !isExpression(id)).map((id) => `id:${id}`);
  return [...keys, ...literals];
}

/** The keys a security group resource is known by (see {@link securityGroupKeys}). */
function ownKeys(group: SynthesizedResource, context: GuardrailContext): string[] {
  if (group.type !== 'aws_default_security_group') return [group.address];
  return [group.address, ...context.referenced(group.attributes.vpc_id, 'aws_vpc').map((vpc) => `default-of:${vpc.address}`)];
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

export const NO_OPEN_INGRESS: GuardrailRule = {
  id: 'PL-SG-1',
  rationale: 'Private endpoints, load balancers and SFTP servers admit named networks, never the whole internet.',
  check: (context) => {
    const users = guardedGroups(context);
    const violations: GuardrailViolation[] = [];
    const judge = (rule: SynthesizedResource, groupKeys: string[], cidrs: unknown) => {
      const user = groupKeys.map((key) => users.get(key)).find((u) => u !== undefined);
      const open = stringsOf(cidrs).find((cidr) => OPEN_CIDRS.includes(cidr));
      if (!user || !open) return;
      violations.push({
        resource: rule,
        problem: `admits ingress from '${open}' into a security group used by ${user}`,
        fix: 'admit only the client CIDR blocks, security groups or prefix lists that need the service',
      });
    };
    for (const group of context.ofType(...GROUP_TYPES)) {
      const keys = ownKeys(group, context);
      blocksOf(group.attributes.ingress).forEach((block) => judge(group, keys, [block.cidr_blocks, block.ipv6_cidr_blocks]));
    }
    for (const rule of context.ofType('aws_security_group_rule')) {
      if (rule.attributes.type !== 'ingress') continue;
      judge(rule, securityGroupKeys(rule.attributes.security_group_id), [rule.attributes.cidr_blocks, rule.attributes.ipv6_cidr_blocks]);
    }
    for (const rule of context.ofType('aws_vpc_security_group_ingress_rule')) {
      judge(rule, securityGroupKeys(rule.attributes.security_group_id), [rule.attributes.cidr_ipv4, rule.attributes.cidr_ipv6]);
    }
    return violations;
  },
};
