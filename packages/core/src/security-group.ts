import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { DefaultTokenResolver, StringConcat, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { parseCidr, requireCidr } from './aws/cidr';
import { NAME_RULES, requireName } from './aws/names';
import { describeOpenCidrs, openCidrs } from './aws/open';
import { configError, formatValue } from './config-error';
import { Guardrails } from './guardrails/guardrails';
import { NO_OPEN_INGRESS } from './guardrails/rules/security-group-rules';
import { applyConstructContract, type MetaArguments } from './meta-arguments';
import { nameTags } from './tags';
import { isUnresolved, requireArray, requireBoolean, requireInteger, requireOneOf, requirePort, requireString } from './validate';

/** Where traffic may come from (ingress) or go to (egress). Give at least one kind of peer. */
export interface TrafficRule {
  /** Ports, each opened on its own. */
  readonly ports: readonly number[];
  /** @default 'tcp' */
  readonly protocol?: 'tcp' | 'udp';
  /** IPv4 or IPv6 CIDR blocks. @default [] */
  readonly cidrs?: readonly string[];
  /** Security group IDs. @default [] */
  readonly securityGroupIds?: readonly string[];
  /** Managed prefix list IDs (for example S3's `pl-...`). @default [] */
  readonly prefixListIds?: readonly string[];
  /** @default - generated from protocol and port */
  readonly description?: string;
  /**
   * Names the rules of peers known only at apply time (security groups or prefix lists created in
   * the same stack), so their Terraform addresses never depend on the order rules were added.
   * @default - the Terraform reference of the peer (`aws_security_group.Alb_...`); literal peers are keyed by themselves
   */
  readonly key?: string;
}

/** The rules a security group may hold per direction by default (the "inbound or outbound rules per security group" quota). */
export const DEFAULT_SECURITY_GROUP_RULE_QUOTA = 60;

export interface DedicatedSecurityGroupProps extends MetaArguments {
  readonly vpcId: string;
  /**
   * The group's name and Name tag, for example `tenant-consumer-prod-endpoint-saas`: at most 255
   * characters, not starting with `sg-`. The name is kept as deployed groups have it (a switch to
   * `name_prefix` would replace every group and every Resolver endpoint using one). A change that
   * replaces the group (its description or VPC) needs a new name with it: the replacement is created
   * before the old group is destroyed, and two groups of a VPC cannot share a name.
   */
  readonly name: string;
  readonly description: string;
  /** @default [] - nothing may connect */
  readonly ingress?: readonly TrafficRule[];
  /** @default [] - no outbound traffic (responses to admitted connections still flow) */
  readonly egress?: readonly TrafficRule[];
  /** Permit the whole internet in ingress, in any spelling (`0.0.0.0/0`, `::/0`, `0.0.0.0/1` + `128.0.0.0/1`, ...). @default false */
  readonly allowOpenIngress?: boolean;
  /**
   * The rules per direction your account's quota allows (one rule per peer and port). Raise it
   * only after raising the "inbound or outbound rules per security group" quota.
   * @default 60
   */
  readonly rulesPerDirectionQuota?: number;
}

/**
 * A security group of one endpoint, load balancer or server, never shared and never the VPC
 * default, whose rules are separate resources keyed by peer and port: adding a CIDR adds one rule
 * and leaves the others untouched. Terraform removes AWS's default allow-all egress rule.
 */
export class DedicatedSecurityGroup extends Construct {
  public readonly securityGroupId: string;
  public readonly securityGroupArn: string;
  private readonly ingressCidrs: string[] = [];
  private readonly ruleCount = { ingress: 0, egress: 0 };
  private readonly quota: number;

  constructor(scope: Construct, id: string, props: DedicatedSecurityGroupProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    requireString(this, 'vpcId', props.vpcId, "give the VPC's ID, for example network.vpcId");
    requireName(this, 'name', props.name, NAME_RULES.securityGroup);
    requireName(this, 'description', props.description, NAME_RULES.securityGroupDescription);
    const allowOpenIngress = requireBoolean(this, 'allowOpenIngress', props.allowOpenIngress) ?? false;
    this.quota = requireInteger(this, 'rulesPerDirectionQuota', props.rulesPerDirectionQuota ?? DEFAULT_SECURITY_GROUP_RULE_QUOTA, { min: 1, max: 1000, unit: 'rules' });
    const group = new SecurityGroup(this, 'SecurityGroup', {
      // create_before_destroy: a group still attached to an ENI cannot be destroyed first. With a fixed
      // name the replacement then needs a new name (terraform-aws-modules/terraform-aws-security-group#231).
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      tags: nameTags(props.name),
      lifecycle: { createBeforeDestroy: true },
      dependsOn,
    });
    this.securityGroupId = group.id;
    this.securityGroupArn = group.arn;
    const ingress = requireArray(this, 'ingress', props.ingress ?? [], 'give a list of rules, for example [{ ports: [443], cidrs: ["10.0.0.0/16"] }]');
    const egress = requireArray(this, 'egress', props.egress ?? [], 'give a list of rules, for example [{ ports: [443], prefixListIds: ["pl-61a54008"] }]');
    ingress.forEach((rule, index) => this.addRules('ingress', rule, `ingress[${index}]`, allowOpenIngress));
    egress.forEach((rule, index) => this.addRules('egress', rule, `egress[${index}]`));
    if (openCidrs(this.ingressCidrs)) {
      Guardrails.acknowledge(this, NO_OPEN_INGRESS, `allowOpenIngress: true was set on the security group ${props.name} to admit the whole internet`);
    }
  }

  /** Admits more traffic, for example from a security group created later. */
  public addIngress(rule: TrafficRule): void {
    this.addRules('ingress', rule, 'addIngress()');
  }

  /** Allows more outbound traffic. */
  public addEgress(rule: TrafficRule): void {
    this.addRules('egress', rule, 'addEgress()');
  }

  /** A stable key for a peer known only at apply time: the rule's key, else the peer's Terraform reference. */
  private peerKey(field: string, rule: TrafficRule, kind: 'sg' | 'pl', peer: string, index: number): string {
    if (!isUnresolved(peer)) return peer;
    if (rule.key !== undefined) return `${kind}${rule.key}-${index}`;
    let reference: unknown;
    try {
      // Stryker disable next-line BooleanLiteral: a resource reference resolves to the same string while preparing
      reference = Tokenization.resolve(peer, { scope: this, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
    } catch {
      // A token that cannot be resolved here has no plain reference: the rule needs a key.
    }
    const match = typeof reference === 'string' ? /^\$\{([A-Za-z0-9_.-]+)\}$/.exec(reference) : null;
    if (!match) configError(this, `${field}.key`, 'is missing for a peer known only at apply time', 'give the rule a stable key, for example the name of the peer');
    return `${kind}-${match[1]}`;
  }

  /** `allowOpen` (ingress only): the whole internet may be admitted. */
  private addRules(direction: 'ingress' | 'egress', rule: TrafficRule, field: string, allowOpen = false): void {
    if (typeof rule !== 'object' || rule === null) configError(this, field, `is ${formatValue(rule)}`, 'give { ports: [443], cidrs: ["10.0.0.0/16"] } or another peer');
    const protocol = requireOneOf(this, `${field}.protocol`, rule.protocol ?? 'tcp', ['tcp', 'udp']);
    const ports = requireArray(this, `${field}.ports`, rule.ports, 'give the ports as a list, for example [443]');
    const cidrs = requireArray(this, `${field}.cidrs`, rule.cidrs ?? [], 'give CIDR blocks as a list, for example ["10.0.0.0/16"]');
    const groups = requireArray(this, `${field}.securityGroupIds`, rule.securityGroupIds ?? [], 'give security group IDs as a list');
    const prefixLists = requireArray(this, `${field}.prefixListIds`, rule.prefixListIds ?? [], 'give prefix list IDs as a list');
    if (rule.description !== undefined) requireName(this, `${field}.description`, rule.description, NAME_RULES.securityGroupDescription);
    if (rule.key !== undefined && (typeof rule.key !== 'string' || !/^[A-Za-z0-9-]{1,63}$/.test(rule.key))) {
      configError(this, `${field}.key`, `is ${formatValue(rule.key)}`, 'use 1-63 letters, digits and hyphens that never change');
    }
    const peers = [
      ...cidrs.map((cidr) => ({ key: cidr, config: parseCidr(cidr)?.family === 'ipv6' ? { cidrIpv6: cidr } : { cidrIpv4: cidr } })),
      ...groups.map((sg, i) => ({ key: this.peerKey(field, rule, 'sg', sg, i), config: { referencedSecurityGroupId: sg } })),
      ...prefixLists.map((pl, i) => ({ key: this.peerKey(field, rule, 'pl', pl, i), config: { prefixListId: pl } })),
    ];
    if (peers.length === 0) configError(this, field, 'has no peers', 'give cidrs, securityGroupIds or prefixListIds');
    if (ports.length === 0) configError(this, `${field}.ports`, 'is empty', 'give at least one port, for example [443]');
    for (const cidr of cidrs) {
      requireCidr(this, `${field}.cidrs`, cidr);
      if (isUnresolved(cidr)) configError(this, `${field}.cidrs`, 'has an unresolved value', 'give literal CIDR blocks: each one names its rule');
    }
    if (direction === 'ingress') {
      const open = openCidrs([...this.ingressCidrs, ...cidrs]);
      if (open && !allowOpen) {
        configError(this, `${field}.cidrs`, `includes ${describeOpenCidrs(open)}`, "list the client CIDR blocks instead, or set 'allowOpenIngress: true' in the props if that is really intended");
      }
      this.ingressCidrs.push(...cidrs);
    }
    const Rule = direction === 'ingress' ? VpcSecurityGroupIngressRule : VpcSecurityGroupEgressRule;
    for (const port of ports) {
      requirePort(this, `${field}.ports`, port);
      for (const peer of peers) {
        // Keyed by peer and port, never by list position: adding a peer adds one rule and renames none.
        const id = `${direction === 'ingress' ? 'In' : 'Out'}-${protocol}-${port}-${peer.key.replace(/[^A-Za-z0-9-]/g, '-')}`;
        if (this.node.tryFindChild(id)) continue;
        this.ruleCount[direction] += 1;
        if (this.ruleCount[direction] > this.quota) {
          configError(
            this,
            field,
            `makes ${this.ruleCount[direction]} ${direction} rules (one per peer and port), more than the ${this.quota} a security group holds`,
            'group the CIDR blocks in a managed prefix list and give prefixListIds, or raise the quota with AWS and set rulesPerDirectionQuota',
          );
        }
        new Rule(this, id, {
          securityGroupId: this.securityGroupId,
          ipProtocol: protocol,
          fromPort: port,
          toPort: port,
          description: rule.description ?? `${protocol.toUpperCase()} ${port}`,
          ...peer.config,
        });
      }
    }
  }
}
