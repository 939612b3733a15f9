import type { LbTargetGroupHealthCheck } from '@cdktf/provider-aws/lib/lb-target-group';
import { configError, requireOneOf, requirePort, formatValue } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/** How the load balancer decides that a target can take connections. */
export interface HealthCheckConfig {
  /**
   * @default 'TCP' for IP and instance targets; for an ALB target 'HTTPS' when its listener is
   * HTTPS and 'HTTP' otherwise (ALB targets only accept HTTP and HTTPS checks)
   */
  readonly protocol?: 'TCP' | 'HTTP' | 'HTTPS';
  /** The port probed. @default - the target port ('traffic-port') */
  readonly port?: number;
  /** Path of HTTP and HTTPS checks. @default '/' */
  readonly path?: string;
  /** HTTP codes that count as healthy. @default '200-399' */
  readonly matcher?: string;
  /** @default 30 */
  readonly intervalSeconds?: number;
  /** @default 10 */
  readonly timeoutSeconds?: number;
  /** Successes before a target is healthy. @default 3 */
  readonly healthyThreshold?: number;
  /** Failures before a target is unhealthy. @default 3 */
  readonly unhealthyThreshold?: number;
}

const PROTOCOLS = ['TCP', 'HTTP', 'HTTPS'] as const;

/** Renders a health check with safe defaults, failing on values the load balancer would reject. */
export function renderHealthCheck(
  scope: IConstruct,
  field: string,
  config: HealthCheckConfig = {},
  defaults: { protocol: 'TCP' | 'HTTP' | 'HTTPS'; allowed?: readonly ('TCP' | 'HTTP' | 'HTTPS')[] },
): LbTargetGroupHealthCheck {
  const protocol = requireOneOf(scope, `${field}.protocol`, config.protocol ?? defaults.protocol, defaults.allowed ?? PROTOCOLS);
  const interval = inRange(scope, `${field}.intervalSeconds`, config.intervalSeconds ?? 30, 5, 300);
  const timeout = inRange(scope, `${field}.timeoutSeconds`, config.timeoutSeconds ?? 10, 2, 120);
  if (timeout >= interval) {
    configError(scope, `${field}.timeoutSeconds`, `is ${timeout}, not shorter than the interval of ${interval}`, 'use a timeout shorter than intervalSeconds');
  }
  if (config.port !== undefined) requirePort(scope, `${field}.port`, config.port);
  const http = protocol !== 'TCP';
  if (!http && (config.path !== undefined || config.matcher !== undefined)) {
    configError(scope, `${field}.path`, 'is set on a TCP health check', "use protocol 'HTTP' or 'HTTPS' to check a path");
  }
  return {
    enabled: true,
    protocol,
    port: config.port === undefined ? 'traffic-port' : String(config.port),
    interval,
    timeout,
    healthyThreshold: inRange(scope, `${field}.healthyThreshold`, config.healthyThreshold ?? 3, 2, 10),
    unhealthyThreshold: inRange(scope, `${field}.unhealthyThreshold`, config.unhealthyThreshold ?? 3, 2, 10),
    ...(http ? { path: config.path ?? '/', matcher: config.matcher ?? '200-399' } : {}),
  };
}

function inRange(scope: IConstruct, field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) configError(scope, field, `is ${formatValue(value)}`, `use a whole number from ${min} to ${max}`);
  return value;
}
