import {
  ConfigError,
  configError,
  Connections,
  constructKey,
  DedicatedSecurityGroup,
  DEFAULT_SECURITY_GROUP_RULE_QUOTA,
  formatValue,
  isUnresolved,
  requireArray,
  requireBoolean,
  requireNarrowCidrs,
  requirePorts,
  requireResourceId,
  requireUnique,
  reportAs,
  type ResourceIdKind,
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
  /** Permit the whole internet (`0.0.0.0/0`, `::/0` or blocks that together cover it) in allowedCidrs. @default false */
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

// Security groups per network interface: 5 by default, 16 at most with a raised quota.
const MAX_GROUPS = 16;

/** The security group an endpoint uses: the one given, or a new dedicated group named after the endpoint. */
export function endpointSecurityGroup(
  scope: Construct,
  props: EndpointAccessProps & { readonly vpc: VpcRef; readonly name: string },
  description: string,
): EndpointSecurityGroups {
  const ports = requirePorts(scope, 'ports', props.ports ?? [443]);
  const allowOpenIngress = requireBoolean(scope, 'allowOpenIngress', props.allowOpenIngress) ?? false;
  const additional = requireIds(scope, 'additionalSecurityGroupIds', props.additionalSecurityGroupIds, 'securityGroup');
  const allowedGroups = props.allowedSecurityGroupIds === undefined ? undefined : requireIds(scope, 'allowedSecurityGroupIds', props.allowedSecurityGroupIds, 'securityGroup');
  const allowedPrefixLists = props.allowedPrefixListIds === undefined ? undefined : requireIds(scope, 'allowedPrefixListIds', props.allowedPrefixListIds, 'prefixList');
  const key = constructKey(scope);
  const given = { allowedCidrs: props.allowedCidrs, allowedSecurityGroupIds: allowedGroups, allowedPrefixListIds: allowedPrefixLists };
  if (props.securityGroupId !== undefined) {
    requireResourceId(scope, 'securityGroupId', props.securityGroupId, 'securityGroup');
    if (additional.includes(props.securityGroupId)) {
      configError(scope, 'additionalSecurityGroupIds', `has ${formatValue(props.securityGroupId)}, which is already the endpoint's securityGroupId`, 'list it once');
    }
    const field = Object.entries(given).find(([, value]) => value !== undefined)?.[0];
    if (field) configError(scope, field, 'is set together with securityGroupId', 'add the rule to your own security group, or leave securityGroupId out to get a dedicated group');
    if (allowOpenIngress) configError(scope, 'allowOpenIngress', 'is true together with securityGroupId', 'leave it out: the rules of your own security group are yours');
    const connections = new Connections(scope, {
      securityGroupId: props.securityGroupId,
      defaultPorts: ports,
      key,
      unmanagedFix: 'the endpoint uses the security group you gave as securityGroupId: add the rule there, or leave securityGroupId out to get a dedicated group',
    });
    return { securityGroupId: props.securityGroupId, securityGroupIds: [props.securityGroupId, ...additional], connections };
  }
  const noPeers = Object.values(given).every((value) => value === undefined);
  const allowedCidrs = noPeers ? props.vpc.cidrBlocks : requireArray(scope, 'allowedCidrs', props.allowedCidrs ?? [], 'give the client CIDR blocks as a list, for example ["10.0.0.0/16"]');
  const cidrs = requireNarrowCidrs(scope, 'allowedCidrs', allowedCidrs, { name: 'allowOpenIngress', given: allowOpenIngress });
  const peers = cidrs.length + (allowedGroups?.length ?? 0) + (allowedPrefixLists?.length ?? 0);
  // One rule per peer and port; a security group holds 60 inbound rules unless the quota was raised.
  if (peers * ports.length > DEFAULT_SECURITY_GROUP_RULE_QUOTA) {
    configError(
      scope,
      'allowedCidrs',
      `and the other peers make ${peers * ports.length} inbound rules (one per peer and port), more than the ${DEFAULT_SECURITY_GROUP_RULE_QUOTA} a security group holds`,
      'group the CIDR blocks in a managed prefix list and give allowedPrefixListIds, or admit fewer ports',
    );
  }
  const rule = { ports, cidrs, securityGroupIds: allowedGroups, prefixListIds: allowedPrefixLists, description: `Clients of ${props.name}` };
  // The group's name and description come from the endpoint's `name`; report its errors under the fields the caller wrote.
  const securityGroup = reportAs(scope, innerField, () => {
    try {
      return new DedicatedSecurityGroup(scope, 'SecurityGroup', { vpcId: props.vpc.vpcId, name: props.name, description, ingress: peers > 0 ? [rule] : [], allowOpenIngress });
    } catch (error) {
      // A peer known only at apply time that is no resource reference needs a key, which only allowFrom takes;
      // the group has only the ingress rule built here, so the key is that rule's.
      if (error instanceof ConfigError && error.field.endsWith('.key')) {
        const field = allowedGroups?.some(isUnresolved) ? 'allowedSecurityGroupIds' : 'allowedPrefixListIds';
        configError(scope, field, error.problem.replace('is missing for', 'has'), "admit it with allowFrom({ securityGroupId, key: 'workers' }) (or { prefixListId, key }) instead, so its rule keeps a stable name");
      }
      throw error;
    }
  });
  const connections = new Connections(scope, { securityGroupId: securityGroup.securityGroupId, rules: securityGroup, defaultPorts: ports, key });
  return { securityGroupId: securityGroup.securityGroupId, securityGroup, securityGroupIds: [securityGroup.securityGroupId, ...additional], connections };
}

/**
 * The endpoint's field behind a field of its dedicated security group. The VPC ID, the ports and
 * the group and prefix list IDs were checked under the endpoint's own fields before the group is
 * built, so only the CIDR blocks of the rule and the name (or description) can fail in there.
 */
function innerField(field: string): string {
  return field.startsWith('ingress') ? 'allowedCidrs' : 'name';
}

function requireIds(scope: Construct, field: string, value: readonly string[] | undefined, kind: ResourceIdKind): string[] {
  const ids = requireArray(scope, field, value ?? [], `give a list of IDs, for example ["${kind === 'prefixList' ? 'pl-61a54008' : 'sg-0123456789abcdef0'}"]`);
  ids.forEach((id) => requireResourceId(scope, field, id, kind));
  requireUnique(scope, field, ids.filter((id) => !isUnresolved(id)), 'list each ID once');
  if (field === 'additionalSecurityGroupIds' && ids.length + 1 > MAX_GROUPS) {
    configError(scope, field, `has ${ids.length} groups`, `an endpoint's network interfaces take at most ${MAX_GROUPS} security groups including its own (5 unless the quota was raised)`);
  }
  return ids;
}
