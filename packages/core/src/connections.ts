import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct, type IConstruct } from 'constructs';
import { requireCidr } from './aws/cidr';
import { describeOpenCidrs, openCidrs } from './aws/open';
import { configError, formatValue } from './config-error';
import { DedicatedSecurityGroup, type TrafficRule } from './security-group';
import { isUnresolved, requirePorts } from './validate';

/** A security group whose rules this stack adds, one resource per peer and port (DedicatedSecurityGroup, ExistingSecurityGroup). */
export interface SecurityGroupRules extends IConstruct {
  readonly securityGroupId: string;
  addIngress(rule: TrafficRule): void;
  addEgress(rule: TrafficRule): void;
}

/** Something with a security group that others connect to or from: an endpoint, a load balancer, a workload group. */
export interface Connectable {
  readonly connections: Connections;
}

/**
 * Who may connect:
 * - a CIDR block, as a string or `{ cidr }`;
 * - a security group or managed prefix list by ID, `{ securityGroupId, key }` or `{ prefixListId, key }`
 *   (the key names the rule and is required when the ID is known only at apply time);
 * - a security group of this stack (`DedicatedSecurityGroup`, `ExistingSecurityGroup`), or anything
 *   `Connectable` (an endpoint, ...): its group is admitted, and a group this stack created also
 *   gets the matching egress rule, since dedicated groups send nothing by default.
 */
export type Peer =
  | string
  | { readonly cidr: string }
  | { readonly securityGroupId: string; readonly key?: string }
  | { readonly prefixListId: string; readonly key?: string }
  | SecurityGroupRules
  | Connectable;

export interface ConnectionsProps {
  /** The group's ID; '' when it is not known (a reference made without one). */
  readonly securityGroupId: string;
  /** Where rules are added. @default - none: the group belongs to someone else and allowFrom fails with `unmanagedFix` */
  readonly rules?: SecurityGroupRules;
  /** Ports a peer is admitted on when allowFrom names none. */
  readonly defaultPorts: readonly number[];
  /** Names the rules other groups get for this one (a peer's egress rule): stable, address-safe. */
  readonly key: string;
  /** @default 'give the construct a security group it manages' */
  readonly unmanagedFix?: string;
  /**
   * The fix when a peer is the whole internet: the way this construct admits everything, if it
   * has one. @default 'admit the client CIDR blocks; to open an endpoint to everything, set allowedCidrs with allowOpenIngress: true on the construct'
   */
  readonly openIngressFix?: string;
}

const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;
const PREFIX_LIST_ID = /^pl-[0-9a-f]{8,17}$/;
const KEY = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;

/**
 * The security group wiring of a construct, after the AWS CDK's `Connections`: `allowFrom(peer)`
 * instead of raw IDs. Every rule is its own resource keyed by the peer (its CIDR, its ID or its
 * key) and port, so admitting a peer never touches another rule, and the same call twice adds
 * nothing. The open internet is never admitted this way.
 */
export class Connections {
  public readonly securityGroupId: string;
  public readonly defaultPorts: readonly number[];
  public readonly key: string;
  /** Where rules go. @default - none: the group is someone else's */
  public readonly rules?: SecurityGroupRules;

  constructor(
    private readonly owner: IConstruct,
    private readonly props: ConnectionsProps,
  ) {
    this.securityGroupId = props.securityGroupId;
    this.defaultPorts = props.defaultPorts;
    this.key = props.key;
    this.rules = props.rules;
  }

  /** Admits `peer` on `ports` (default: the construct's service ports). */
  public allowFrom(peer: Peer, ports?: readonly number[]): void {
    const field = 'allowFrom';
    const unmanaged = this.securityGroupId === '' ? 'cannot add rules: the security group is not known' : `cannot add rules to the security group ${formatValue(this.securityGroupId)}, which this construct does not manage`;
    const rules = this.rules ?? configError(this.owner, field, unmanaged, this.props.unmanagedFix ?? 'give the construct a security group it manages');
    const checkedPorts = requirePorts(this.owner, `${field}.ports`, ports ?? this.defaultPorts);
    const resolved = resolvePeer(this.owner, field, peer, this.props.openIngressFix ?? OPEN_INGRESS_FIX);
    rules.addIngress({ ports: checkedPorts, ...resolved.rule, key: resolved.key, description: `From ${resolved.label}` });
    if (resolved.ownedGroup) {
      resolved.ownedGroup.addEgress({ ports: checkedPorts, securityGroupIds: [this.securityGroupId], key: this.key, description: `To ${this.owner.node.path}` });
    }
  }
}

interface ResolvedPeer {
  readonly rule: Pick<TrafficRule, 'cidrs' | 'securityGroupIds' | 'prefixListIds'>;
  readonly key?: string;
  readonly label: string;
  /** A group this stack created, which needs the matching egress rule. */
  readonly ownedGroup?: DedicatedSecurityGroup;
}

const OPEN_INGRESS_FIX = 'admit the client CIDR blocks; to open an endpoint to everything, set allowedCidrs with allowOpenIngress: true on the construct';

function resolvePeer(scope: IConstruct, field: string, peer: Peer, openIngressFix: string): ResolvedPeer {
  if (peer === undefined || peer === null) configError(scope, field, 'has no peer', "give a CIDR block, { securityGroupId, key }, { prefixListId, key } or a construct with a security group");
  if (typeof peer === 'string' || (typeof peer === 'object' && 'cidr' in peer)) {
    const cidr = typeof peer === 'string' ? peer : peer.cidr;
    if (typeof cidr !== 'string') configError(scope, `${field}.cidr`, `is ${formatValue(cidr)}`, 'give a CIDR block such as 10.0.0.0/16');
    requireCidr(scope, field, cidr);
    const open = openCidrs([cidr]);
    if (open) {
      configError(scope, field, `has ${describeOpenCidrs(open)}`, openIngressFix);
    }
    return { rule: { cidrs: [cidr] }, label: cidr };
  }
  if (typeof peer !== 'object') return notAPeer(scope, field, peer);
  if (isConnectable(peer)) {
    const connections = peer.connections;
    if (connections.securityGroupId === '') configError(scope, field, `has ${peer instanceof Construct ? peer.node.path : 'a construct'}, whose security group is not known`, 'give that construct its security group ID, or admit the peer by CIDR');
    const owned = connections.rules instanceof DedicatedSecurityGroup ? connections.rules : undefined;
    return { rule: { securityGroupIds: [connections.securityGroupId] }, key: connections.key, label: peer instanceof Construct ? peer.node.path : connections.key, ownedGroup: owned };
  }
  if (isSecurityGroupRules(peer)) {
    return {
      rule: { securityGroupIds: [peer.securityGroupId] },
      key: constructKey(peer),
      label: peer.node.path,
      ownedGroup: peer instanceof DedicatedSecurityGroup ? peer : undefined,
    };
  }
  if ('securityGroupId' in peer) {
    const key = keyOf(scope, field, peer.securityGroupId, peer.key, SECURITY_GROUP_ID, 'securityGroupId', 'sg-0123456789abcdef0');
    return { rule: { securityGroupIds: [peer.securityGroupId] }, key, label: key };
  }
  if ('prefixListId' in peer) {
    const key = keyOf(scope, field, peer.prefixListId, peer.key, PREFIX_LIST_ID, 'prefixListId', 'pl-0123456789abcdef0');
    return { rule: { prefixListIds: [peer.prefixListId] }, key, label: key };
  }
  return notAPeer(scope, field, peer);
}

function notAPeer(scope: IConstruct, field: string, peer: unknown): never {
  return configError(scope, field, `has ${formatValue(peer)}, which is not a peer`, "give a CIDR block, { securityGroupId, key }, { prefixListId, key } or a construct with a security group");
}

/** The rule key of a peer given by ID: the literal ID, or the key the caller gave. */
function keyOf(scope: IConstruct, field: string, id: unknown, key: string | undefined, pattern: RegExp, name: string, example: string): string {
  if (typeof id !== 'string') configError(scope, `${field}.${name}`, `is ${formatValue(id)}`, `give an ID such as ${example}`);
  if (key !== undefined && (typeof key !== 'string' || !KEY.test(key))) {
    configError(scope, `${field}.key`, `is ${formatValue(key)}`, 'keys are 1-63 letters, digits and hyphens and never change once deployed');
  }
  if (isUnresolved(id)) {
    return key ?? configError(scope, `${field}.key`, `is missing for a ${name} known only at apply time`, "give a stable key that names the peer, for example { securityGroupId: workers.id, key: 'workers' }");
  }
  if (!pattern.test(id)) configError(scope, `${field}.${name}`, `is ${formatValue(id)}`, `give an ID such as ${example}`);
  return key ?? id;
}

function isConnectable(peer: object): peer is Connectable {
  return 'connections' in peer && (peer as Connectable).connections instanceof Connections;
}

function isSecurityGroupRules(peer: object): peer is SecurityGroupRules {
  return peer instanceof Construct && typeof (peer as Partial<SecurityGroupRules>).securityGroupId === 'string' && typeof (peer as Partial<SecurityGroupRules>).addIngress === 'function';
}

/** A construct's path below its stack as an ID part: `Team/Workers` becomes `Team-Workers`. */
export function constructKey(construct: IConstruct): string {
  return construct.node.scopes
    .slice(2)
    .map((scope) => scope.node.id)
    .join('-')
    .replace(/[^A-Za-z0-9-]/g, '-');
}

export interface ExistingSecurityGroupProps {
  /** The group's ID, `sg-...`, literal or from another stack's output. */
  readonly securityGroupId: string;
  /** Ports a peer is admitted on when allowFrom names none. @default [443] */
  readonly defaultPorts?: readonly number[];
}

/**
 * A typed reference to a security group that exists already (no data source: the ID is given).
 * As a peer it is admitted by ID; `allowFrom` on it adds ingress rules to it as separate resources
 * of this stack, one per peer and port, leaving the group's other rules alone.
 */
export class ExistingSecurityGroup extends Construct implements SecurityGroupRules, Connectable {
  public readonly securityGroupId: string;
  public readonly connections: Connections;

  constructor(scope: Construct, id: string, props: ExistingSecurityGroupProps) {
    super(scope, id);
    const groupId = props?.securityGroupId;
    if (typeof groupId !== 'string' || groupId === '') configError(this, 'securityGroupId', `is ${formatValue(groupId)}`, 'give the ID of the existing group, for example sg-0123456789abcdef0');
    if (!isUnresolved(groupId) && !SECURITY_GROUP_ID.test(groupId)) configError(this, 'securityGroupId', `is ${formatValue(groupId)}`, 'give a security group ID such as sg-0123456789abcdef0');
    this.securityGroupId = groupId;
    const defaultPorts = requirePorts(this, 'defaultPorts', props.defaultPorts ?? [443]);
    this.connections = new Connections(this, { securityGroupId: groupId, rules: this, defaultPorts, key: constructKey(this) });
  }

  public allowFrom(peer: Peer, ports?: readonly number[]): void {
    this.connections.allowFrom(peer, ports);
  }

  public addIngress(rule: TrafficRule): void {
    this.addRules('ingress', rule);
  }

  public addEgress(rule: TrafficRule): void {
    // Stryker disable next-line StringLiteral: addRules tells the directions apart by === 'ingress' alone, so any other string is egress
    this.addRules('egress', rule);
  }

  private addRules(direction: 'ingress' | 'egress', rule: TrafficRule): void {
    const protocol = rule.protocol ?? 'tcp';
    const groups = rule.securityGroupIds ?? [];
    const prefixLists = rule.prefixListIds ?? [];
    const method = direction === 'ingress' ? 'addIngress()' : 'addEgress()';
    if ([...groups, ...prefixLists].some(isUnresolved) && rule.key === undefined) {
      configError(this, `${method}.key`, 'is missing for a peer known only at apply time', 'give the rule a stable key, for example the name of the peer');
    }
    requirePorts(this, `${method}.ports`, rule.ports);
    const peers = [
      ...(rule.cidrs ?? []).map((cidr) => ({ key: cidr, config: cidr.includes(':') ? { cidrIpv6: cidr } : { cidrIpv4: cidr } })),
      ...groups.map((sg) => ({ key: isUnresolved(sg) ? `sg${rule.key}` : sg, config: { referencedSecurityGroupId: sg } })),
      ...prefixLists.map((pl) => ({ key: isUnresolved(pl) ? `pl${rule.key}` : pl, config: { prefixListId: pl } })),
    ];
    const Rule = direction === 'ingress' ? VpcSecurityGroupIngressRule : VpcSecurityGroupEgressRule;
    for (const port of rule.ports) {
      for (const peer of peers) {
        const id = `${direction === 'ingress' ? 'In' : 'Out'}-${protocol}-${port}-${peer.key.replace(/[^A-Za-z0-9-]/g, '-')}`;
        if (this.node.tryFindChild(id)) continue;
        new Rule(this, id, { securityGroupId: this.securityGroupId, ipProtocol: protocol, fromPort: port, toPort: port, description: rule.description ?? `${protocol.toUpperCase()} ${port}`, ...peer.config });
      }
    }
  }
}
