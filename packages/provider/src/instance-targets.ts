import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { requireKeys, requireNonEmpty } from '@privatelink-cdktf/core';
import type { Construct } from 'constructs';
import { NlbTargetGroup, type TargetBackend, type TargetGroupBaseProps } from './target-group';

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
export class InstanceTargets extends NlbTargetGroup {
  public readonly targetType = 'instance';
  private readonly props: InstanceTargetsProps;

  constructor(scope: Construct, id: string, props: InstanceTargetsProps) {
    super(scope, id);
    this.props = props;
    const instances = requireNonEmpty(this, 'instances', props.instances, 'give at least one { key, instanceId }');
    requireKeys(this, 'instances', instances.map((i) => i.key));
    const port = props.port ?? 443;
    const group = this.createTargetGroup(props, { port, healthProtocol: 'TCP' });
    for (const instance of instances) {
      this.addDependable(new LbTargetGroupAttachment(this, `Target-${instance.key}`, { targetGroupArn: group.arn, targetId: instance.instanceId, port }));
    }
  }

  protected backend(): TargetBackend {
    return { securityGroupId: this.props.instanceSecurityGroupId, cidrs: this.props.vpc.cidrBlocks, description: 'the instances' };
  }
}
