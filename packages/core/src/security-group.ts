import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { configError } from './config-error';
import { Guardrails } from './guardrails/guardrails';
import { nameTags } from './tags';
import { isUnresolved, OPEN_CIDRS, requireCidr, requirePort } from './validate';

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
   * Required for such peers in `addIngress`/`addEgress`.
   * @default - the rule's position in `ingress`/`egress`
   */
  readonly key?: string;
}

export interface DedicatedSecurityGroupProps {
  readonly vpcId: string;
  /** The group's name, for example `tenant-consumer-prod-endpoint-saas`. */
  readonly name: string;
  readonly description: string;
  /** @default [] - nothing may connect */
  readonly ingress?: readonly TrafficRule[];
  /** @default [] - no outbound traffic (responses to admitted connections still flow) */
  readonly egress?: readonly TrafficRule[];
  /** Permit 0.0.0.0/0 or ::/0 in ingress. @default false */
  readonly allowOpenIngress?: boolean;
}

/**
 * A security group of one endpoint, load balancer or server, never shared and never the VPC
 * default, whose rules are separate resources keyed by peer and port: adding a CIDR adds one rule
 * and leaves the others untouched. Terraform removes AWS's default allow-all egress rule.
 */
export class DedicatedSecurityGroup extends Construct {
  public readonly securityGroupId: string;
  public readonly securityGroupArn: string;

  constructor(scope: Construct, id: string, props: DedicatedSecurityGroupProps) {
    super(scope, id);
    const group = new SecurityGroup(this, 'SecurityGroup', {
      name: props.name,
      description: props.description,
      vpcId: props.vpcId,
      tags: nameTags(props.name),
      lifecycle: { createBeforeDestroy: true },
    });
    this.securityGroupId = group.id;
    this.securityGroupArn = group.arn;
    (props.ingress ?? []).forEach((rule, index) => this.addRules('ingress', rule, String(index), props.allowOpenIngress ?? false));
    (props.egress ?? []).forEach((rule, index) => this.addRules('egress', rule, String(index), true));
    const open = (props.ingress ?? []).some((rule) => (rule.cidrs ?? []).some((cidr) => OPEN_CIDRS.includes(cidr)));
    if (open) Guardrails.acknowledge(this, 'PL-SG-1', `allowOpenIngress: true was set on the security group ${props.name} to admit the whole internet`);
  }

  /** Admits more traffic, for example from a security group created later. */
  public addIngress(rule: TrafficRule): void {
    this.addRules('ingress', rule, this.keyOfAdded('addIngress', rule), false);
  }

  /** Allows more outbound traffic. */
  public addEgress(rule: TrafficRule): void {
    this.addRules('egress', rule, this.keyOfAdded('addEgress', rule), true);
  }

  private keyOfAdded(method: string, rule: TrafficRule): string {
    const unresolved = [...(rule.securityGroupIds ?? []), ...(rule.prefixListIds ?? [])].some(isUnresolved);
    if (unresolved && rule.key === undefined) {
      configError(this, `${method}().key`, 'is missing for a peer known only at apply time', 'give the rule a stable key, for example the name of the peer');
    }
    return rule.key ?? 'added';
  }

  private addRules(direction: 'ingress' | 'egress', rule: TrafficRule, position: string, allowOpen: boolean): void {
    const field = `${direction}[${position}]`;
    const peerKey = rule.key ?? position;
    const protocol = rule.protocol ?? 'tcp';
    const peers = [
      ...(rule.cidrs ?? []).map((cidr) => ({ key: cidr, config: cidr.includes(':') ? { cidrIpv6: cidr } : { cidrIpv4: cidr } })),
      ...(rule.securityGroupIds ?? []).map((sg, i) => ({ key: isUnresolved(sg) ? `sg${peerKey}-${i}` : sg, config: { referencedSecurityGroupId: sg } })),
      ...(rule.prefixListIds ?? []).map((pl, i) => ({ key: isUnresolved(pl) ? `pl${peerKey}-${i}` : pl, config: { prefixListId: pl } })),
    ];
    if (peers.length === 0) configError(this, field, 'has no peers', 'give cidrs, securityGroupIds or prefixListIds');
    if (rule.ports.length === 0) configError(this, `${field}.ports`, 'is empty', 'give at least one port, for example [443]');
    for (const cidr of rule.cidrs ?? []) {
      requireCidr(this, `${field}.cidrs`, cidr);
      if (!allowOpen && OPEN_CIDRS.includes(cidr)) {
        configError(this, `${field}.cidrs`, `includes '${cidr}', which admits the whole internet`, 'list the client CIDR blocks instead');
      }
    }
    const Rule = direction === 'ingress' ? VpcSecurityGroupIngressRule : VpcSecurityGroupEgressRule;
    for (const port of rule.ports) {
      requirePort(this, `${field}.ports`, port);
      for (const peer of peers) {
        const id = `${direction === 'ingress' ? 'In' : 'Out'}-${protocol}-${port}-${peer.key.replace(/[^A-Za-z0-9-]/g, '-')}`;
        if (this.node.tryFindChild(id)) continue;
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
