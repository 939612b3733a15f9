import type { DedicatedSecurityGroup } from '@privatelink-cdktf/core';
import type { ITerraformDependable } from 'cdktf';

/**
 * What a Network Load Balancer listener forwards to: one target group and the way to open the
 * path to it. {@link AlbTarget}, {@link IpTargets} and {@link InstanceTargets} are targets.
 */
export interface NlbTarget {
  /** `alb`, `ip` or `instance`: an ALB target only accepts TCP listeners. */
  readonly targetType: 'alb' | 'ip' | 'instance';
  readonly targetGroupArn: string;
  /** The port the targets listen on. */
  readonly port: number;
  /** What a listener forwarding here must wait for (an ALB target waits for the ALB listener). */
  readonly dependables: readonly ITerraformDependable[];
  /**
   * Lets the load balancer's security group reach the targets: egress from it on the target and
   * health check ports, and ingress on the backend's security group from it alone.
   */
  admit(loadBalancerId: string, securityGroup: DedicatedSecurityGroup): void;
}
