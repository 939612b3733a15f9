import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { nameTags, requirePort, type DedicatedSecurityGroup, type VpcRef } from '@privatelink-cdktf/core';
import type { Construct } from 'constructs';
import type { HealthCheckConfig } from './health-check';
import { renderHealthCheck } from './health-check';

/** Props every target kind shares. */
export interface TargetGroupBaseProps {
  /** The VPC of the load balancer (and of the targets, unless they are IPs outside it). */
  readonly vpc: VpcRef;
  /** Name tag of the target group. @default - the construct path */
  readonly name?: string;
  /** @default - safe defaults per target kind, see HealthCheckConfig */
  readonly healthCheck?: HealthCheckConfig;
  /** Seconds a deregistering target keeps its connections. @default 300 */
  readonly deregistrationDelaySeconds?: number;
}

/** Creates a TCP target group; the physical name is left to Terraform so a replacement never clashes. */
export function createTargetGroup(
  scope: Construct,
  props: TargetGroupBaseProps,
  target: { targetType: 'alb' | 'ip' | 'instance'; port: number; healthProtocol: 'TCP' | 'HTTP' | 'HTTPS'; allowedHealth?: readonly ('TCP' | 'HTTP' | 'HTTPS')[] },
): { group: LbTargetGroup; healthCheckPort?: number } {
  requirePort(scope, 'port', target.port);
  const healthCheck = renderHealthCheck(scope, 'healthCheck', props.healthCheck, { protocol: target.healthProtocol, allowed: target.allowedHealth });
  const group = new LbTargetGroup(scope, 'TargetGroup', {
    targetType: target.targetType,
    protocol: 'TCP',
    port: target.port,
    vpcId: props.vpc.vpcId,
    deregistrationDelay: String(props.deregistrationDelaySeconds ?? 300),
    healthCheck,
    tags: nameTags(props.name ?? scope.node.path),
    lifecycle: { createBeforeDestroy: true },
  });
  const healthCheckPort = props.healthCheck?.port;
  return { group, healthCheckPort: healthCheckPort !== undefined && healthCheckPort !== target.port ? healthCheckPort : undefined };
}

/**
 * Opens the path from a load balancer's security group to the targets: egress from the load
 * balancer to the backend (its security group when known, else the given CIDR blocks), and
 * ingress on the backend's security group from the load balancer's group only.
 */
export function admitLoadBalancer(
  scope: Construct,
  loadBalancerId: string,
  securityGroup: DedicatedSecurityGroup,
  backend: { ports: readonly number[]; securityGroupId?: string; cidrs: readonly string[]; description: string },
): void {
  const peer = backend.securityGroupId !== undefined ? { securityGroupIds: [backend.securityGroupId] } : { cidrs: backend.cidrs };
  securityGroup.addEgress({ ports: backend.ports, ...peer, description: `To ${backend.description}` });
  if (backend.securityGroupId === undefined) return;
  for (const port of backend.ports) {
    new VpcSecurityGroupIngressRule(scope, `IngressFrom-${loadBalancerId}-${port}`, {
      securityGroupId: backend.securityGroupId,
      referencedSecurityGroupId: securityGroup.securityGroupId,
      ipProtocol: 'tcp',
      fromPort: port,
      toPort: port,
      description: `TCP ${port} from the Network Load Balancer ${loadBalancerId}`,
    });
  }
}
