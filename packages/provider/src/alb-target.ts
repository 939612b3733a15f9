import type { AlbListener } from '@cdktf/provider-aws/lib/alb-listener';
import type { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { configError, isUnresolved, requireArn, formatValue } from '@privatelink-cdktf/core';
import { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import { NlbTargetGroup, type TargetBackend, type TargetGroupBaseProps } from './target-group';

/** An ALB listener that exists outside this stack. */
export interface AlbListenerRef {
  readonly listenerArn: string;
  /** The listener's port; the target group uses the same one. */
  readonly port: number;
  /** Decides the default health check protocol. @default 'HTTPS' when the port is 443, else 'HTTP' */
  readonly protocol?: 'HTTP' | 'HTTPS';
}

export interface AlbTargetProps extends TargetGroupBaseProps {
  /** The Application Load Balancer to put behind the NLB (same VPC). */
  readonly albArn: string;
  /**
   * The ALB listener that takes the traffic: an `LbListener`/`AlbListener` of this stack (the
   * attachment then depends on it explicitly, so it never races the listener's creation) or
   * `{ listenerArn, port }` of an existing one.
   */
  readonly albListener: AlbListenerRef | LbListener | AlbListener;
  /**
   * The ALB's security group: it gets one ingress rule from the NLB's security group on the
   * listener port. @default - none; the NLB may then reach the VPC's CIDR blocks on that port and
   * the ALB's own rules must admit it
   */
  readonly albSecurityGroupId?: string;
}

/**
 * An existing Application Load Balancer as the target of a Network Load Balancer
 * (`target_type = "alb"`), the way to publish an ALB-fronted application over PrivateLink.
 */
export class AlbTarget extends NlbTargetGroup {
  public readonly targetType = 'alb';
  private readonly props: AlbTargetProps;

  constructor(scope: Construct, id: string, props: AlbTargetProps) {
    super(scope, id);
    this.props = props;
    requireArn(this, 'albArn', props.albArn, { service: 'elasticloadbalancing' });
    if (!isUnresolved(props.albArn) && !props.albArn.includes(':loadbalancer/app/')) {
      configError(this, 'albArn', `is ${formatValue(props.albArn)}, which is not an Application Load Balancer`, 'give the ARN of an ALB (arn:aws:elasticloadbalancing:...:loadbalancer/app/...)');
    }
    const listener = describeListener(this, props.albListener);
    const group = this.createTargetGroup(props, {
      port: listener.port,
      healthProtocol: listener.protocol === 'HTTPS' ? 'HTTPS' : 'HTTP',
      allowedHealth: ['HTTP', 'HTTPS'],
    });
    // An ALB can only be registered once it has a listener on the target group's port.
    this.addDependable(
      new LbTargetGroupAttachment(this, 'Attachment', {
        targetGroupArn: group.arn,
        targetId: props.albArn,
        port: listener.port,
        dependsOn: listener.resource ? [listener.resource] : undefined,
      }),
    );
    if (listener.resource) this.addDependable(listener.resource);
  }

  protected backend(): TargetBackend {
    return { securityGroupId: this.props.albSecurityGroupId, cidrs: this.props.vpc.cidrBlocks, description: 'the Application Load Balancer' };
  }
}

function describeListener(scope: Construct, listener: AlbTargetProps['albListener']): { port: number; protocol?: string; resource?: TerraformResource } {
  if (listener instanceof TerraformResource) {
    const resource = listener as LbListener;
    const port = resource.portInput;
    if (port === undefined) configError(scope, 'albListener.port', 'is not set on the ALB listener', 'give the listener an explicit port, for example 443');
    return { port, protocol: resource.protocolInput ?? (port === 443 ? 'HTTPS' : 'HTTP'), resource: listener };
  }
  requireArn(scope, 'albListener.listenerArn', listener.listenerArn, { service: 'elasticloadbalancing' });
  if (!isUnresolved(listener.listenerArn) && !listener.listenerArn.includes(':listener/app/')) {
    configError(scope, 'albListener.listenerArn', `is ${formatValue(listener.listenerArn)}, which is not an Application Load Balancer listener`, 'give the ARN of a listener of the ALB (arn:aws:elasticloadbalancing:...:listener/app/...)');
  }
  return { port: listener.port, protocol: listener.protocol ?? (listener.port === 443 ? 'HTTPS' : 'HTTP') };
}
