import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { DedicatedSecurityGroup, nameTags, type SubnetRef, type VpcRef } from '@privatelink-cdktf/core';
import { DEFAULT_TLS_SECURITY_POLICY } from '@privatelink-cdktf/provider';
import { Construct } from 'constructs';

export interface DemoApplicationProps {
  readonly name: string;
  readonly vpc: VpcRef;
  readonly subnets: readonly SubnetRef[];
  readonly certificateArn: string;
  /** @default 8080 */
  readonly targetPort?: number;
}

/**
 * The dev stand-in for the vendor's application: an internal ALB with an HTTPS listener and an
 * empty target group (deploy the app into it), in its own security group. stg and prod use the
 * real application's ALB instead.
 */
export class DemoApplication extends Construct {
  public readonly albArn: string;
  public readonly listener: LbListener;
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: DemoApplicationProps) {
    super(scope, id);
    const targetPort = props.targetPort ?? 8080;
    // Ingress comes from the NLB's security group only; AlbTarget adds that rule.
    const securityGroup = new DedicatedSecurityGroup(this, 'SecurityGroup', {
      vpcId: props.vpc.vpcId,
      name: `${props.name}-alb`,
      description: `ALB of ${props.name}: the NLB in, the application out`,
      egress: [{ ports: [targetPort], cidrs: props.vpc.cidrBlocks, description: 'To the application' }],
    });
    const alb = new Lb(this, 'LoadBalancer', {
      name: `${props.name}-alb`.slice(0, 32),
      loadBalancerType: 'application',
      internal: true,
      subnets: props.subnets.map((s) => s.subnetId),
      securityGroups: [securityGroup.securityGroupId],
      dropInvalidHeaderFields: true,
      enableDeletionProtection: false,
      tags: nameTags(`${props.name}-alb`),
    });
    const targetGroup = new LbTargetGroup(this, 'TargetGroup', {
      targetType: 'ip',
      protocol: 'HTTP',
      port: targetPort,
      vpcId: props.vpc.vpcId,
      healthCheck: { enabled: true, protocol: 'HTTP', path: '/health', matcher: '200' },
      tags: nameTags(`${props.name}-app`),
    });
    this.listener = new LbListener(this, 'HttpsListener', {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: 'HTTPS',
      certificateArn: props.certificateArn,
      sslPolicy: DEFAULT_TLS_SECURITY_POLICY,
      defaultAction: [{ type: 'forward', targetGroupArn: targetGroup.arn }],
    });
    this.albArn = alb.arn;
    this.securityGroupId = securityGroup.securityGroupId;
  }
}
