import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import {
  applyConstructContract,
  type Connectable,
  Connections,
  configError,
  constructKey,
  DedicatedSecurityGroup,
  describeKind,
  formatValue,
  knownAwsContext,
  type MetaArguments,
  NAME_RULES,
  type Peer,
  nameTags,
  physicalName,
  requireBoolean,
  requireName,
  requireNarrowCidrs,
  requireOneOf,
  requirePreventDestroy,
  requireString,
  requireSubnetPlacement,
  requireVpcRef,
  type SubnetRef,
  type VpcRef,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { requireListener, type ListenerConfig } from './listener';
import type { NlbTarget } from './nlb-target';

/** Where the load balancer writes access logs (TLS listeners only log). */
export interface NlbAccessLogs {
  /** An existing S3 bucket whose policy lets the ELB log delivery service write. */
  readonly bucket: string;
  /** A key prefix without a leading or trailing `/` and without `AWSLogs`. @default - the bucket root */
  readonly prefix?: string;
}

export interface NetworkLoadBalancerProps extends MetaArguments {
  /**
   * The load balancer's name, for example `saas-provider-prod`: 1 to 32 letters, digits and
   * hyphens, no hyphen at either end, not starting with `internal-` (AWS's rules). It is written
   * in lower case.
   */
  readonly name: string;
  readonly vpc: VpcRef;
  /** One subnet in each of at least two Availability Zones; consumers can use only these zones. */
  readonly subnets: readonly SubnetRef[];
  /** Spread connections over the targets of every zone. @default false */
  readonly crossZoneLoadBalancing?: boolean;
  /** Refuse deletion through the API. @default true */
  readonly deletionProtection?: boolean;
  /** @default - no access logs */
  readonly accessLogs?: NlbAccessLogs;
  /**
   * Judge PrivateLink traffic by the security group's inbound rules
   * (`enforce_security_group_inbound_rules_on_private_link_traffic = "on"`). Consumers are then
   * seen by their private IPs, so `consumerCidrs` must list them. Without it `consumerCidrs` would
   * filter nothing and is refused.
   * @default false - PrivateLink traffic is admitted by the endpoint service (allowed principals
   * and acceptance), whatever the consumers' CIDR blocks, which may overlap the VPC's
   */
  readonly enforceInboundRulesOnPrivateLinkTraffic?: boolean;
  /**
   * Client CIDR blocks admitted on the listener ports when `enforceInboundRulesOnPrivateLinkTraffic`
   * is on; never the whole internet, in any spelling. @default []
   */
  readonly consumerCidrs?: readonly string[];
  /** `dualstack` is needed for an endpoint service that supports IPv6. @default 'ipv4' */
  readonly ipAddressType?: 'ipv4' | 'dualstack';
  /**
   * Adds `lifecycle.prevent_destroy`, so Terraform refuses any plan that destroys the load
   * balancer. An explicit `false` in production acknowledges PL-PROD-2.
   * @default - true in a production stack, false elsewhere
   */
  readonly preventDestroy?: boolean;
}

/**
 * An internal Network Load Balancer for an endpoint service: subnets in distinct Availability
 * Zones, its own security group attached at creation (one cannot be added later), and deletion
 * protection. Add listeners with {@link addListener}.
 */
export class NetworkLoadBalancer extends Construct implements Connectable {
  public readonly loadBalancerArn: string;
  public readonly dnsName: string;
  public readonly securityGroup: DedicatedSecurityGroup;
  public readonly securityGroupId: string;
  /** The AZ IDs of the subnets, when all of them are known. @default [] */
  public readonly availabilityZoneIds: readonly string[];
  public readonly ipAddressType: 'ipv4' | 'dualstack';
  /** The load balancer resource, for dependencies. */
  public readonly resource: Lb;
  /**
   * The security group wiring: `allowFrom(peer)` admits a CIDR block, a security group or a
   * connectable construct on the listener ports (see {@link allowFrom}).
   */
  public readonly connections: Connections;
  private readonly consumerCidrs: readonly string[];
  /** Where the load balancer deploys, as far as known: listeners' certificates must be there. */
  private readonly deployment: { region?: string; accountId?: string };
  /** The listener ports so far: what allowFrom admits a peer on by default. */
  private readonly listenerPorts: number[] = [];
  private readonly admitted = new Set<NlbTarget>();

  constructor(scope: Construct, id: string, props: NetworkLoadBalancerProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    this.deployment = knownAwsContext(this, { provider });
    requireString(this, 'name', props.name, "give a name such as 'saas-provider-prod'");
    requireName(this, 'name', props.name, NAME_RULES.loadBalancer);
    requireVpcRef(this, 'vpc', props.vpc);
    const subnets = requireSubnetPlacement(this, 'subnets', props.subnets, 2, { region: this.deployment.region });
    const enforce = requireBoolean(this, 'enforceInboundRulesOnPrivateLinkTraffic', props.enforceInboundRulesOnPrivateLinkTraffic) ?? false;
    const crossZone = requireBoolean(this, 'crossZoneLoadBalancing', props.crossZoneLoadBalancing) ?? false;
    const deletionProtection = requireBoolean(this, 'deletionProtection', props.deletionProtection) ?? true;
    if (props.consumerCidrs !== undefined && !Array.isArray(props.consumerCidrs)) {
      configError(this, 'consumerCidrs', `is ${describeKind(props.consumerCidrs)}, not a list`, "list the consumers' client CIDR blocks, for example ['10.100.0.0/16']");
    }
    // One notion of 'open' (core): 0.0.0.0/0, ::/0 and unions such as 0.0.0.0/1 + 128.0.0.0/1 alike.
    this.consumerCidrs = requireNarrowCidrs(this, 'consumerCidrs', props.consumerCidrs ?? []);
    if (enforce && this.consumerCidrs.length === 0) {
      configError(
        this,
        'consumerCidrs',
        'is empty while enforceInboundRulesOnPrivateLinkTraffic is true, so every PrivateLink connection would be dropped',
        "list the consumers' client CIDR blocks, or set enforceInboundRulesOnPrivateLinkTraffic: false to admit PrivateLink traffic by allowed principal",
      );
    }
    if (!enforce && this.consumerCidrs.length > 0) {
      configError(
        this,
        'consumerCidrs',
        `has ${this.consumerCidrs.map(formatValue).join(', ')} while enforceInboundRulesOnPrivateLinkTraffic is off, so PrivateLink traffic skips these rules and the filter does nothing`,
        'set enforceInboundRulesOnPrivateLinkTraffic: true to admit only these blocks, or leave consumerCidrs out',
      );
    }
    if (props.accessLogs !== undefined) requireAccessLogs(this, props.accessLogs);
    this.ipAddressType = requireOneOf(this, 'ipAddressType', props.ipAddressType ?? 'ipv4', ['ipv4', 'dualstack']);
    const preventDestroy = requirePreventDestroy(this, 'preventDestroy', props.preventDestroy, 'the network load balancer');
    const name = physicalName([props.name], 32);

    this.securityGroup = new DedicatedSecurityGroup(this, 'SecurityGroup', {
      vpcId: props.vpc.vpcId,
      name: `${name}-nlb`,
      description: `Network Load Balancer ${name}: consumers in, targets out`,
    });
    this.resource = new Lb(this, 'LoadBalancer', {
      name,
      loadBalancerType: 'network',
      internal: true,
      ipAddressType: this.ipAddressType,
      subnets: subnets.map((s) => s.subnetId),
      securityGroups: [this.securityGroup.securityGroupId],
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: enforce ? 'on' : 'off',
      enableCrossZoneLoadBalancing: crossZone,
      enableDeletionProtection: deletionProtection,
      accessLogs: props.accessLogs ? { enabled: true, bucket: props.accessLogs.bucket, prefix: props.accessLogs.prefix } : undefined,
      tags: nameTags(name),
      dependsOn,
      lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.loadBalancerArn = this.resource.arn;
    this.dnsName = this.resource.dnsName;
    this.securityGroupId = this.securityGroup.securityGroupId;
    this.connections = new Connections(this, {
      securityGroupId: this.securityGroupId,
      rules: this.securityGroup,
      defaultPorts: this.listenerPorts,
      key: constructKey(this),
      openIngressFix: 'admit the client CIDR blocks; the load balancer of an endpoint service never admits the whole internet',
    });
    const zoneIds = subnets.map((s) => s.availabilityZoneId);
    this.availabilityZoneIds = zoneIds.every((z): z is string => z !== undefined) ? zoneIds : [];
  }

  /**
   * Admits `peer` (a CIDR block, `{ securityGroupId, key }`, a security group or connectable
   * construct of this stack) on `ports`, by default every listener port added so far, one rule per
   * peer and port. The rules judge traffic that reaches the load balancer directly (for example
   * clients in the VPC) and, with `enforceInboundRulesOnPrivateLinkTraffic`, PrivateLink traffic too.
   */
  public allowFrom(peer: Peer, ports?: readonly number[]): void {
    this.connections.allowFrom(peer, ports);
  }

  /**
   * Listens on a port and forwards to a target. The security groups open on the way: consumers
   * (`consumerCidrs`) to the listener port, the load balancer to the target port only.
   */
  public addListener(listener: ListenerConfig, target: NlbTarget): LbListener {
    const checked = requireListener(this, `listeners[${formatValue(listener?.port)}]`, listener, this.deployment);
    const id = `Listener-${checked.port}`;
    if (this.node.tryFindChild(id)) configError(this, 'listeners', `has port ${checked.port} twice`, 'give each listener its own port');
    if (target.targetType === 'alb' && checked.protocol !== 'TCP') {
      configError(this, `listeners[${checked.port}].protocol`, `is ${formatValue(checked.protocol)} for an ALB target`, "an ALB behind an NLB takes TCP listeners only: use protocol 'TCP' and end TLS at the ALB");
    }
    if (!this.admitted.has(target)) {
      target.admit(this.node.id, this.securityGroup);
      this.admitted.add(target);
    }
    this.listenerPorts.push(checked.port);
    if (this.consumerCidrs.length > 0) {
      this.securityGroup.addIngress({ ports: [checked.port], cidrs: this.consumerCidrs, description: `Consumers on ${checked.protocol} ${checked.port}` });
    }
    // requireListener refuses a certificate or policy on a TCP listener, so only TLS listeners have them.
    return new LbListener(this, id, {
      loadBalancerArn: this.loadBalancerArn,
      port: checked.port,
      protocol: checked.protocol,
      certificateArn: checked.certificateArn,
      sslPolicy: checked.sslPolicy,
      defaultAction: [{ type: 'forward', targetGroupArn: target.targetGroupArn }],
      dependsOn: [...target.dependables],
    });
  }
}

// What ELB accepts as an access log prefix: no leading or trailing '/', and not 'AWSLogs' (ELB adds it).
function requireAccessLogs(scope: Construct, accessLogs: NlbAccessLogs): void {
  if (typeof accessLogs !== 'object' || accessLogs === null || Array.isArray(accessLogs)) {
    configError(scope, 'accessLogs', `is ${describeKind(accessLogs)}`, "give { bucket: 'my-elb-logs' }, or leave accessLogs out");
  }
  requireString(scope, 'accessLogs.bucket', accessLogs.bucket, 'give the name of an S3 bucket for access logs', { nonEmpty: true });
  requireName(scope, 'accessLogs.bucket', accessLogs.bucket, NAME_RULES.s3Bucket);
  const prefix = accessLogs.prefix;
  if (prefix === undefined) return;
  requireString(scope, 'accessLogs.prefix', prefix, "give a key prefix such as 'nlb', or leave it out");
  if (prefix.startsWith('/') || prefix.endsWith('/') || prefix.includes('AWSLogs')) {
    configError(scope, 'accessLogs.prefix', `is ${formatValue(prefix)}`, "give a prefix without a leading or trailing '/' and without 'AWSLogs' (ELB adds it), for example 'nlb'");
  }
}
