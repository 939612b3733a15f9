import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { applyConstructContract, configError, describeKind, requireKeys, requireNonEmpty, requireResourceId, requireUnique } from '@privatelink-cdktf/core';
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
    applyConstructContract(this, props);
    this.props = props;
    this.requireBaseProps(props);
    const instances = requireNonEmpty(this, 'instances', props.instances, "give at least one { key: 'app-1', instanceId: 'i-0123456789abcdef0' }");
    instances.forEach((instance, index) => {
      if (typeof instance !== 'object' || instance === null) configError(this, `instances[${index}]`, `is ${describeKind(instance)}`, "give { key: 'app-1', instanceId: 'i-0123456789abcdef0' }");
      requireResourceId(this, `instances[${index}].instanceId`, instance.instanceId, 'instance');
    });
    requireKeys(this, 'instances', instances.map((i) => i.key));
    // The same instance twice on one port is one target: AWS would register it once and Terraform fight over it.
    requireUnique(this, 'instances.instanceId', instances.map((i) => i.instanceId), 'list each instance once');
    if (props.instanceSecurityGroupId !== undefined) requireResourceId(this, 'instanceSecurityGroupId', props.instanceSecurityGroupId, 'securityGroup');
    const port = props.port ?? 443;
    const group = this.createTargetGroup(props, { port, portField: 'port', healthProtocol: 'TCP' });
    for (const instance of instances) {
      this.addDependable(new LbTargetGroupAttachment(this, `Target-${instance.key}`, { targetGroupArn: group.arn, targetId: instance.instanceId, port }));
    }
  }

  protected backend(): TargetBackend {
    return { securityGroupId: this.props.instanceSecurityGroupId, cidrs: this.props.vpc.cidrBlocks, description: 'the instances' };
  }
}
