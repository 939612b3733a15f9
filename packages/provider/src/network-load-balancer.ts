import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import {
  configError,
  DedicatedSecurityGroup,
  dependsOnOf,
  type MetaArguments,
  nameTags,
  physicalName,
  requireNarrowCidrs,
  formatValue,
  type SubnetRef,
  useProvider,
  requireSubnetPlacement,
  type VpcRef,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { DEFAULT_TLS_SECURITY_POLICY, validateListener, type ListenerConfig } from './listener';
import type { NlbTarget } from './nlb-target';

/** Where the load balancer writes access logs (TLS listeners only log). */
export interface NlbAccessLogs {
  /** An existing S3 bucket whose policy lets the ELB log delivery service write. */
  readonly bucket: string;
  /** @default - the bucket root */
  readonly prefix?: string;
}

export interface NetworkLoadBalancerProps extends MetaArguments {
  /** The load balancer's name (at most 32 characters are kept), for example `saas-provider-prod`. */
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
   * seen by their private IPs, so `consumerCidrs` must list them.
   * @default false - PrivateLink traffic is admitted by the endpoint service (allowed principals
   * and acceptance), whatever the consumers' CIDR blocks, which may overlap the VPC's
   */
  readonly enforceInboundRulesOnPrivateLinkTraffic?: boolean;
  /** Client CIDR blocks admitted on the listener ports. @default [] */
  readonly consumerCidrs?: readonly string[];
  /** `dualstack` is needed for an endpoint service that supports IPv6. @default 'ipv4' */
  readonly ipAddressType?: 'ipv4' | 'dualstack';
  /** Adds `lifecycle.prevent_destroy`, so Terraform refuses any plan that destroys the load balancer. @default false */
  readonly preventDestroy?: boolean;
}

/**
 * An internal Network Load Balancer for an endpoint service: subnets in distinct Availability
 * Zones, its own security group attached at creation (one cannot be added later), and deletion
 * protection. Add listeners with {@link addListener}.
 */
export class NetworkLoadBalancer extends Construct {
  public readonly loadBalancerArn: string;
  public readonly dnsName: string;
  public readonly securityGroup: DedicatedSecurityGroup;
  public readonly securityGroupId: string;
  /** The AZ IDs of the subnets, when all of them are known. @default [] */
  public readonly availabilityZoneIds: readonly string[];
  public readonly ipAddressType: 'ipv4' | 'dualstack';
  /** The load balancer resource, for dependencies. */
  public readonly resource: Lb;
  private readonly consumerCidrs: readonly string[];
  private readonly admitted = new Set<NlbTarget>();

  constructor(scope: Construct, id: string, props: NetworkLoadBalancerProps) {
    super(scope, id);
    useProvider(this, props.provider);
    const subnets = requireSubnetPlacement(this, 'subnets', props.subnets, 2);
    const enforce = props.enforceInboundRulesOnPrivateLinkTraffic ?? false;
    this.consumerCidrs = requireNarrowCidrs(this, 'consumerCidrs', props.consumerCidrs ?? [], { name: 'allowOpenIngress', given: false });
    if (enforce && this.consumerCidrs.length === 0) {
      configError(
        this,
        'consumerCidrs',
        'is empty while enforceInboundRulesOnPrivateLinkTraffic is true, so every PrivateLink connection would be dropped',
        "list the consumers' client CIDR blocks, or set enforceInboundRulesOnPrivateLinkTraffic: false to admit PrivateLink traffic by allowed principal",
      );
    }
    if (props.accessLogs && props.accessLogs.bucket.length === 0) configError(this, 'accessLogs.bucket', 'is empty', 'give the name of an S3 bucket for access logs');
    const name = physicalName([props.name], 32);

    this.securityGroup = new DedicatedSecurityGroup(this, 'SecurityGroup', {
      vpcId: props.vpc.vpcId,
      name: `${name}-nlb`,
      description: `Network Load Balancer ${name}: consumers in, targets out`,
    });
    this.ipAddressType = props.ipAddressType ?? 'ipv4';
    this.resource = new Lb(this, 'LoadBalancer', {
      name,
      loadBalancerType: 'network',
      internal: true,
      ipAddressType: this.ipAddressType,
      subnets: subnets.map((s) => s.subnetId),
      securityGroups: [this.securityGroup.securityGroupId],
      enforceSecurityGroupInboundRulesOnPrivateLinkTraffic: enforce ? 'on' : 'off',
      enableCrossZoneLoadBalancing: props.crossZoneLoadBalancing ?? false,
      enableDeletionProtection: props.deletionProtection ?? true,
      accessLogs: props.accessLogs ? { enabled: true, bucket: props.accessLogs.bucket, prefix: props.accessLogs.prefix } : undefined,
      tags: nameTags(name),
      dependsOn: dependsOnOf(props),
      lifecycle: props.preventDestroy ? { preventDestroy: true } : undefined,
    });
    this.loadBalancerArn = this.resource.arn;
    this.dnsName = this.resource.dnsName;
    this.securityGroupId = this.securityGroup.securityGroupId;
    const zoneIds = subnets.map((s) => s.availabilityZoneId);
    this.availabilityZoneIds = zoneIds.every((z): z is string => z !== undefined) ? zoneIds : [];
  }

  /**
   * Listens on a port and forwards to a target. The security groups open on the way: consumers
   * (`consumerCidrs`) to the listener port, the load balancer to the target port only.
   */
  public addListener(listener: ListenerConfig, target: NlbTarget): LbListener {
    const checked = validateListener(this, `listeners[${listener.port}]`, listener);
    const id = `Listener-${checked.port}`;
    if (this.node.tryFindChild(id)) configError(this, 'listeners', `has port ${checked.port} twice`, 'give each listener its own port');
    if (target.targetType === 'alb' && checked.protocol !== 'TCP') {
      configError(this, `listeners[${checked.port}].protocol`, `is ${formatValue(checked.protocol)} for an ALB target`, "an ALB behind an NLB takes TCP listeners only: use protocol 'TCP' and end TLS at the ALB");
    }
    if (!this.admitted.has(target)) {
      target.admit(this.node.id, this.securityGroup);
      this.admitted.add(target);
    }
    if (this.consumerCidrs.length > 0) {
      this.securityGroup.addIngress({ ports: [checked.port], cidrs: this.consumerCidrs, description: `Consumers on ${checked.protocol} ${checked.port}` });
    }
    const tls = checked.protocol === 'TLS';
    return new LbListener(this, id, {
      loadBalancerArn: this.loadBalancerArn,
      port: checked.port,
      protocol: checked.protocol,
      certificateArn: tls ? checked.certificateArn : undefined,
      sslPolicy: tls ? (checked.sslPolicy ?? DEFAULT_TLS_SECURITY_POLICY) : undefined,
      defaultAction: [{ type: 'forward', targetGroupArn: target.targetGroupArn }],
      dependsOn: [...target.dependables],
    });
  }
}
