import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import {
  configError,
  type DedicatedSecurityGroup,
  dependsOnOf,
  type MetaArguments,
  NAME_RULES,
  nameTags,
  requireInteger,
  requireName,
  requirePort,
  requireVpcRef,
  type VpcRef,
} from '@privatelink-cdktf/core';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { requireHealthCheck, type HealthCheckConfig } from './health-check';
import type { NlbTarget } from './nlb-target';

/** Props every target kind shares. */
export interface TargetGroupBaseProps extends MetaArguments {
  /** The VPC of the load balancer (and of the targets, unless they are IPs outside it). */
  readonly vpc: VpcRef;
  /**
   * The target group's `Name` tag (at most 256 printable characters). The physical name is left to
   * Terraform, so a replacement never clashes with the group it replaces.
   * @default - the construct path
   */
  readonly name?: string;
  /** @default - safe defaults per target kind, see HealthCheckConfig */
  readonly healthCheck?: HealthCheckConfig;
  /** Seconds a deregistering target keeps its connections, 0 to 3600. @default 300 */
  readonly deregistrationDelaySeconds?: number;
}

/** Where the load balancer's traffic goes: the backend's security group when known, else CIDR blocks. */
export interface TargetBackend {
  readonly securityGroupId?: string;
  readonly cidrs: readonly string[];
  readonly description: string;
}

/**
 * A TCP target group and the path to it, shared by {@link AlbTarget}, {@link IpTargets} and
 * {@link InstanceTargets}. The physical name is left to Terraform so a replacement never clashes.
 */
export abstract class NlbTargetGroup extends Construct implements NlbTarget {
  public abstract readonly targetType: 'alb' | 'ip' | 'instance';
  private created?: { group: LbTargetGroup; port: number; healthCheckPort?: number };
  private readonly attachments: ITerraformDependable[] = [];

  public get targetGroupArn(): string {
    return this.group().group.arn;
  }

  public get port(): number {
    return this.group().port;
  }

  public get dependables(): readonly ITerraformDependable[] {
    return [...this.attachments];
  }

  /** Egress from the load balancer on the target and health check ports, and ingress on the backend's group from it alone. */
  public admit(loadBalancerId: string, securityGroup: DedicatedSecurityGroup): void {
    const { port, healthCheckPort } = this.group();
    const backend = this.backend();
    const ports = [port, ...(healthCheckPort !== undefined ? [healthCheckPort] : [])];
    const peer = backend.securityGroupId !== undefined ? { securityGroupIds: [backend.securityGroupId] } : { cidrs: backend.cidrs };
    securityGroup.addEgress({ ports, ...peer, description: `To ${backend.description}`, key: this.node.id });
    if (backend.securityGroupId === undefined) return;
    for (const to of ports) {
      new VpcSecurityGroupIngressRule(this, `IngressFrom-${loadBalancerId}-${to}`, {
        securityGroupId: backend.securityGroupId,
        referencedSecurityGroupId: securityGroup.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: to,
        toPort: to,
        description: `TCP ${to} from the Network Load Balancer ${loadBalancerId}`,
      });
    }
  }

  /** Where the targets are, for the security group rules. */
  protected abstract backend(): TargetBackend;

  /** Checks the props every target kind shares (call it first in the constructor, after the contract). */
  protected requireBaseProps(props: TargetGroupBaseProps): void {
    requireVpcRef(this, 'vpc', props.vpc);
    if (props.name !== undefined) requireName(this, 'name', props.name, NAME_RULES.tagValue);
    if (props.deregistrationDelaySeconds !== undefined) requireInteger(this, 'deregistrationDelaySeconds', props.deregistrationDelaySeconds, { min: 0, max: 3600, unit: 'seconds' });
  }

  protected createTargetGroup(
    props: TargetGroupBaseProps,
    target: { port: number; portField: string; healthProtocol: 'TCP' | 'HTTP' | 'HTTPS'; allowedHealth?: readonly ('TCP' | 'HTTP' | 'HTTPS')[] },
  ): LbTargetGroup {
    requirePort(this, target.portField, target.port);
    const healthCheck = requireHealthCheck(this, 'healthCheck', props.healthCheck, { protocol: target.healthProtocol, allowed: target.allowedHealth });
    const group = new LbTargetGroup(this, 'TargetGroup', {
      targetType: this.targetType,
      protocol: 'TCP',
      port: target.port,
      vpcId: props.vpc.vpcId,
      deregistrationDelay: String(props.deregistrationDelaySeconds ?? 300),
      healthCheck,
      tags: nameTags(props.name ?? this.node.path),
      lifecycle: { createBeforeDestroy: true },
      dependsOn: dependsOnOf(props),
    });
    const healthCheckPort = props.healthCheck?.port;
    this.created = { group, port: target.port, healthCheckPort: healthCheckPort !== target.port ? healthCheckPort : undefined };
    return group;
  }

  /** Something a listener forwarding here must wait for. */
  protected addDependable(dependable: ITerraformDependable): void {
    this.attachments.push(dependable);
  }

  private group(): NonNullable<NlbTargetGroup['created']> {
    return this.created ?? configError(this, 'targetGroup', 'is used before it was created', 'call createTargetGroup in the constructor');
  }
}
