import {
  configError,
  Connections,
  constructKey,
  DedicatedSecurityGroup,
  isUnresolved,
  requireNarrowCidrs,
  requirePorts,
  requireUnique,
  formatValue,
  type VpcRef,
} from '@privatelink-cdktf/core';
import type { Construct } from 'constructs';

/** Who may connect to an endpoint's network interfaces. */
export interface EndpointAccessProps {
  /** The ports clients connect to. @default [443] */
  readonly ports?: readonly number[];
  /**
   * Client CIDR blocks admitted on `ports`.
   * @default - every CIDR block of the VPC, unless allowedSecurityGroupIds or allowedPrefixListIds are given
   */
  readonly allowedCidrs?: readonly string[];
  /** Client security groups admitted on `ports`. @default [] */
  readonly allowedSecurityGroupIds?: readonly string[];
  /** Managed prefix lists admitted on `ports`. @default [] */
  readonly allowedPrefixListIds?: readonly string[];
  /** Permit 0.0.0.0/0 or ::/0 in allowedCidrs. @default false */
  readonly allowOpenIngress?: boolean;
  /**
   * An existing security group to attach instead of creating one; you manage its rules, so
   * the allowed* props cannot be combined with it.
   * @default - a new dedicated security group that admits only the allowed clients on `ports`
   */
  readonly securityGroupId?: string;
  /**
   * More security groups for the endpoint's network interfaces, next to the dedicated one (or
   * `securityGroupId`): shared baseline groups your organisation attaches everywhere, for example.
   * Their rules are theirs; the dedicated group still admits only the allowed clients.
   * @default []
   */
  readonly additionalSecurityGroupIds?: readonly string[];
}

/** The security groups of an endpoint and the wiring of its own. */
export interface EndpointSecurityGroups {
  /** The dedicated group, or the one given as securityGroupId. */
  readonly securityGroupId: string;
  readonly securityGroup?: DedicatedSecurityGroup;
  /** Every group the endpoint gets: its own first, then the additional ones. */
  readonly securityGroupIds: string[];
  readonly connections: Connections;
}

const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
// Security groups per network interface: 5 by default, 16 at most with a raised quota.
const MAX_GROUPS = 16;

/** The security group an endpoint uses: the one given, or a new dedicated group. */
export function endpointSecurityGroup(
  scope: Construct,
  props: EndpointAccessProps & { readonly vpc: VpcRef; readonly name: string },
  description: string,
): EndpointSecurityGroups {
  const ports = requirePorts(scope, 'ports', props.ports ?? [443]);
  const additional = additionalGroups(scope, props);
  const key = constructKey(scope);
  const given = { allowedCidrs: props.allowedCidrs, allowedSecurityGroupIds: props.allowedSecurityGroupIds, allowedPrefixListIds: props.allowedPrefixListIds };
  if (props.securityGroupId !== undefined) {
    const field = Object.entries(given).find(([, value]) => value !== undefined)?.[0];
    if (field) configError(scope, field, 'is set together with securityGroupId', 'add the rule to your own security group, or leave securityGroupId out to get a dedicated group');
    const connections = new Connections(scope, {
      securityGroupId: props.securityGroupId,
      defaultPorts: ports,
      key,
      unmanagedFix: 'the endpoint uses the security group you gave as securityGroupId: add the rule there, or leave securityGroupId out to get a dedicated group',
    });
    return { securityGroupId: props.securityGroupId, securityGroupIds: [props.securityGroupId, ...additional], connections };
  }
  const noPeers = Object.values(given).every((value) => value === undefined);
  const cidrs = requireNarrowCidrs(scope, 'allowedCidrs', noPeers ? props.vpc.cidrBlocks : (props.allowedCidrs ?? []), {
    name: 'allowOpenIngress',
    given: props.allowOpenIngress ?? false,
  });
  const rule = { ports, cidrs, securityGroupIds: props.allowedSecurityGroupIds, prefixListIds: props.allowedPrefixListIds, description: `Clients of ${props.name}` };
  const hasPeers = cidrs.length + (rule.securityGroupIds?.length ?? 0) + (rule.prefixListIds?.length ?? 0) > 0;
  const securityGroup = new DedicatedSecurityGroup(scope, 'SecurityGroup', {
    vpcId: props.vpc.vpcId,
    name: props.name,
    description,
    ingress: hasPeers ? [rule] : [],
    allowOpenIngress: props.allowOpenIngress,
  });
  const connections = new Connections(scope, { securityGroupId: securityGroup.securityGroupId, rules: securityGroup, defaultPorts: ports, key });
  return { securityGroupId: securityGroup.securityGroupId, securityGroup, securityGroupIds: [securityGroup.securityGroupId, ...additional], connections };
}

function additionalGroups(scope: Construct, props: EndpointAccessProps): string[] {
  const field = 'additionalSecurityGroupIds';
  const groups = props.additionalSecurityGroupIds ?? [];
  if (!Array.isArray(groups)) configError(scope, field, `is ${formatValue(groups)}`, 'give a list of security group IDs, for example ["sg-0123456789abcdef0"]');
  for (const group of groups) {
    if (isUnresolved(group)) continue;
    if (typeof group !== 'string' || !SECURITY_GROUP_ID.test(group)) configError(scope, field, `has ${formatValue(group)}`, 'give security group IDs such as sg-0123456789abcdef0');
    if (group === props.securityGroupId) configError(scope, field, `has ${formatValue(group)}, which is already the endpoint's securityGroupId`, 'list it once');
  }
  requireUnique(scope, field, groups.filter((group) => !isUnresolved(group)), 'list each group once');
  if (groups.length + 1 > MAX_GROUPS) {
    configError(scope, field, `has ${groups.length} groups`, `an endpoint's network interfaces take at most ${MAX_GROUPS} security groups including its own (5 unless the quota was raised)`);
  }
  return [...groups];
}
