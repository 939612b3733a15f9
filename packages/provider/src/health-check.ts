import type { LbTargetGroupHealthCheck } from '@cdktf/provider-aws/lib/lb-target-group';
import { configError, describeKind, formatValue, isUnresolved, requireInteger, requireOneOf, requirePort, requireString } from '@privatelink-cdktf/core';
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
  /** Path of HTTP and HTTPS checks: starts with `/`, at most 1024 characters. @default '/' */
  readonly path?: string;
  /** HTTP codes from 200 to 599 that count as healthy: `200`, `200,302` or `200-399`. @default '200-399' */
  readonly matcher?: string;
  /** Seconds between checks, 5 to 300. @default 30 */
  readonly intervalSeconds?: number;
  /** Seconds a check may take, 2 to 120, shorter than the interval. @default 10 */
  readonly timeoutSeconds?: number;
  /** Successes before a target is healthy, 2 to 10. @default 3 */
  readonly healthyThreshold?: number;
  /** Failures before a target is unhealthy, 2 to 10. @default 3 */
  readonly unhealthyThreshold?: number;
}

const PROTOCOLS = ['TCP', 'HTTP', 'HTTPS'] as const;
// What the load balancer accepts as a path: printable ASCII starting with '/'.
const PATH = /^\/[\x21-\x7e]{0,1023}$/;
const MATCHER = /^\d{3}(-\d{3})?(,\d{3}(-\d{3})?)*$/;

/**
 * Checks a health check the way the load balancer does (ranges, path, matcher) and returns the
 * block with safe defaults.
 */
export function requireHealthCheck(
  scope: IConstruct,
  field: string,
  config: HealthCheckConfig | undefined,
  defaults: { protocol: 'TCP' | 'HTTP' | 'HTTPS'; allowed?: readonly ('TCP' | 'HTTP' | 'HTTPS')[] },
): LbTargetGroupHealthCheck {
  const given = config ?? {};
  // `config ?? {}` has turned null into the defaults already.
  if (typeof given !== 'object' || Array.isArray(given)) {
    configError(scope, field, `is ${describeKind(given)}`, "give { protocol: 'TCP' } or leave healthCheck out for the defaults");
  }
  const protocol = requireOneOf(scope, `${field}.protocol`, given.protocol ?? defaults.protocol, defaults.allowed ?? PROTOCOLS);
  const interval = requireInteger(scope, `${field}.intervalSeconds`, given.intervalSeconds ?? 30, { min: 5, max: 300, unit: 'seconds' });
  const timeout = requireInteger(scope, `${field}.timeoutSeconds`, given.timeoutSeconds ?? 10, { min: 2, max: 120, unit: 'seconds' });
  if (!isUnresolved(timeout) && !isUnresolved(interval) && timeout >= interval) {
    configError(scope, `${field}.timeoutSeconds`, `is ${timeout}, not shorter than the interval of ${interval}`, 'use a timeout shorter than intervalSeconds');
  }
  if (given.port !== undefined) requirePort(scope, `${field}.port`, given.port);
  const http = protocol !== 'TCP';
  if (!http && (given.path !== undefined || given.matcher !== undefined)) {
    configError(scope, `${field}.${given.path !== undefined ? 'path' : 'matcher'}`, `is set on a ${protocol} health check`, "use protocol 'HTTP' or 'HTTPS' to check a path");
  }
  if (given.path !== undefined) requirePath(scope, `${field}.path`, given.path);
  if (given.matcher !== undefined) requireMatcher(scope, `${field}.matcher`, given.matcher);
  return {
    enabled: true,
    protocol,
    port: given.port === undefined ? 'traffic-port' : String(given.port),
    interval,
    timeout,
    healthyThreshold: requireInteger(scope, `${field}.healthyThreshold`, given.healthyThreshold ?? 3, { min: 2, max: 10 }),
    unhealthyThreshold: requireInteger(scope, `${field}.unhealthyThreshold`, given.unhealthyThreshold ?? 3, { min: 2, max: 10 }),
    ...(http ? { path: given.path ?? '/', matcher: given.matcher ?? '200-399' } : {}),
  };
}

function requirePath(scope: IConstruct, field: string, path: string): void {
  requireString(scope, field, path, "give a path that starts with '/', for example '/health'");
  if (!isUnresolved(path) && !PATH.test(path)) {
    configError(scope, field, `is ${formatValue(path)}`, "give a path that starts with '/' (at most 1024 printable characters, no spaces), for example '/health'");
  }
}

function requireMatcher(scope: IConstruct, field: string, matcher: string): void {
  requireString(scope, field, matcher, "give HTTP codes such as '200', '200,302' or '200-399'");
  if (isUnresolved(matcher)) return;
  // Each part is a code or a range low-high; a code is a range of one.
  const ranges = matcher.split(',').map((part) => part.split('-').map(Number));
  if (!MATCHER.test(matcher) || ranges.some(([low, high = low]) => low < 200 || high > 599 || high < low)) {
    configError(scope, field, `is ${formatValue(matcher)}`, "give HTTP codes from 200 to 599 such as '200', '200,302' or '200-399'");
  }
}
