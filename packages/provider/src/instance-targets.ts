import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { requireKeys, requireNonEmpty, requirePort, type DedicatedSecurityGroup } from '@privatelink-cdktf/core';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { NlbTarget } from './nlb-target';
import { admitLoadBalancer, createTargetGroup, type TargetGroupBaseProps } from './target-group';

/** An EC2 instance, keyed so that its attachment keeps its address when others come and go. */
export interface InstanceTarget {
  /** A stable key, for example `app-1`. */
  readonly key: string;
  readonly instanceId: string;
}

export interface InstanceTargetsProps extends TargetGroupBaseProps {
  /** @default 443 */
  readonly port?: number;
  readonly instances: readonly InstanceTarget[];
  /**
   * The instances' security group: it gets ingress from the NLB's group only.
   * @default - none; the NLB may reach the VPC's CIDR blocks on the port
   */
  readonly instanceSecurityGroupId?: string;
}

/** EC2 instances in the load balancer's VPC as targets of a Network Load Balancer. */
export class InstanceTargets extends Construct implements NlbTarget {
  public readonly targetType = 'instance';
  public readonly targetGroupArn: string;
  public readonly port: number;
  public readonly dependables: readonly ITerraformDependable[];
  private readonly props: InstanceTargetsProps;
  private readonly healthCheckPort?: number;

  constructor(scope: Construct, id: string, props: InstanceTargetsProps) {
    super(scope, id);
    this.props = props;
    this.port = requirePort(this, 'port', props.port ?? 443);
    const instances = requireNonEmpty(this, 'instances', props.instances, 'give at least one { key, instanceId }');
    requireKeys(this, 'instances', instances.map((i) => i.key));
    const { group, healthCheckPort } = createTargetGroup(this, props, { targetType: 'instance', port: this.port, healthProtocol: 'TCP' });
    this.healthCheckPort = healthCheckPort;
    this.dependables = instances.map(
      (instance) =>
        new LbTargetGroupAttachment(this, `Target-${instance.key}`, { targetGroupArn: group.arn, targetId: instance.instanceId, port: this.port }),
    );
    this.targetGroupArn = group.arn;
  }

  public admit(loadBalancerId: string, securityGroup: DedicatedSecurityGroup): void {
    admitLoadBalancer(this, loadBalancerId, securityGroup, {
      ports: [this.port, ...(this.healthCheckPort ? [this.healthCheckPort] : [])],
      securityGroupId: this.props.instanceSecurityGroupId,
      cidrs: this.props.vpc.cidrBlocks,
      description: 'the instances',
    });
  }
}
