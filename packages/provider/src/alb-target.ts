import type { AlbListener } from '@cdktf/provider-aws/lib/alb-listener';
import type { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import {
  applyConstructContract,
  configError,
  describeKind,
  formatValue,
  isUnresolved,
  knownAwsContext,
  requireArn,
  requireListenerOfLoadBalancer,
  requireOneOf,
  requirePort,
  requireResourceId,
  requireString,
} from '@privatelink-cdktf/core';
import { TerraformResource } from 'cdktf';
import type { Construct } from 'constructs';
import { NlbTargetGroup, type TargetBackend, type TargetGroupBaseProps } from './target-group';

/** An ALB listener that exists outside this stack. */
export interface AlbListenerRef {
  /** A listener of `albArn`, in the stack's region and account. */
  readonly listenerArn: string;
  /** The listener's port; the target group uses the same one. */
  readonly port: number;
  /** Decides the default health check protocol. @default 'HTTPS' when the port is 443, else 'HTTP' */
  readonly protocol?: 'HTTP' | 'HTTPS';
}

export interface AlbTargetProps extends TargetGroupBaseProps {
  /** The Application Load Balancer to put behind the NLB (same VPC, so the stack's region and account). */
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
    const { provider } = applyConstructContract(this, props);
    this.props = props;
    this.requireBaseProps(props);
    // An NLB registers an ALB of its own VPC only: same region, same account.
    const { region, accountId } = knownAwsContext(this, { provider });
    requireString(this, 'albArn', props.albArn, 'give the ARN of the Application Load Balancer');
    requireArn(this, 'albArn', props.albArn, {
      service: 'elasticloadbalancing',
      resourceTypes: ['loadbalancer'],
      region,
      accountId,
      example: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188',
    });
    if (!isUnresolved(props.albArn) && !props.albArn.includes(':loadbalancer/app/')) {
      configError(this, 'albArn', `is ${formatValue(props.albArn)}, which is not an Application Load Balancer`, 'give the ARN of an ALB (arn:aws:elasticloadbalancing:...:loadbalancer/app/...)');
    }
    if (props.albSecurityGroupId !== undefined) requireResourceId(this, 'albSecurityGroupId', props.albSecurityGroupId, 'securityGroup');
    const listener = describeListener(this, props.albListener, props.albArn, { region, accountId });
    const group = this.createTargetGroup(props, {
      port: listener.port,
      portField: 'albListener.port',
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

function describeListener(
  scope: Construct,
  listener: AlbTargetProps['albListener'],
  albArn: string,
  context: { region?: string; accountId?: string },
): { port: number; protocol?: string; resource?: TerraformResource } {
  if (listener instanceof TerraformResource) {
    const resource = listener as LbListener;
    const port = resource.portInput;
    if (port === undefined) configError(scope, 'albListener.port', 'is not set on the ALB listener', 'give the listener an explicit port, for example 443');
    return { port, protocol: resource.protocolInput ?? defaultProtocol(port), resource: listener };
  }
  if (typeof listener !== 'object' || listener === null || Array.isArray(listener)) {
    configError(scope, 'albListener', `is ${describeKind(listener)}`, "give the ALB's LbListener, or { listenerArn, port } of an existing listener");
  }
  requireString(scope, 'albListener.listenerArn', listener.listenerArn, "give the ARN of the ALB's listener");
  requireArn(scope, 'albListener.listenerArn', listener.listenerArn, {
    service: 'elasticloadbalancing',
    resourceTypes: ['listener'],
    ...context,
    example: 'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/my-alb/50dc6c495c0c9188/f2f7dc8efc522ab2',
  });
  if (!isUnresolved(listener.listenerArn) && !listener.listenerArn.includes(':listener/app/')) {
    configError(scope, 'albListener.listenerArn', `is ${formatValue(listener.listenerArn)}, which is not an Application Load Balancer listener`, 'give the ARN of a listener of the ALB (arn:aws:elasticloadbalancing:...:listener/app/...)');
  }
  // The attachment registers albArn; a listener of another ALB would leave it without one on this port.
  requireListenerOfLoadBalancer(scope, 'albListener.listenerArn', listener.listenerArn, albArn);
  requirePort(scope, 'albListener.port', listener.port);
  const protocol = requireOneOf(scope, 'albListener.protocol', listener.protocol ?? defaultProtocol(listener.port), ['HTTP', 'HTTPS']);
  return { port: listener.port, protocol };
}

/** The protocol of an ALB listener that names none: HTTPS on 443, else HTTP. */
function defaultProtocol(port: number): 'HTTP' | 'HTTPS' {
  return port === 443 ? 'HTTPS' : 'HTTP';
}
