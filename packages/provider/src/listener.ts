import { configError, isUnresolved, requireArn, requirePort, requireUnique } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/**
 * The security policy of TLS listeners unless one is given: TLS 1.3 and 1.2 with hybrid
 * post-quantum key exchange, the policy AWS recommends for new listeners.
 */
export const DEFAULT_TLS_SECURITY_POLICY = 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09';

/** One front port of the Network Load Balancer. */
export interface ListenerConfig {
  /** The port consumers connect to. */
  readonly port: number;
  /**
   * `TCP` passes the bytes through (TLS ends at the target, for example at the ALB); `TLS` ends
   * TLS at the NLB with `certificateArn`.
   * @default 'TCP'
   */
  readonly protocol?: 'TCP' | 'TLS';
  /** ACM certificate of a TLS listener. Required for `TLS`, refused for `TCP`. @default - none */
  readonly certificateArn?: string;
  /** Security policy of a TLS listener. @default DEFAULT_TLS_SECURITY_POLICY */
  readonly sslPolicy?: string;
}

/** The listeners when none are given: TCP 443. */
export const DEFAULT_LISTENERS: readonly ListenerConfig[] = [{ port: 443 }];

/** A listener with its protocol decided. */
export type CheckedListener = ListenerConfig & { readonly protocol: 'TCP' | 'TLS' };

/** Checks one listener's port, protocol and certificate; returns it with its protocol filled in. */
export function validateListener(scope: IConstruct, field: string, listener: ListenerConfig): CheckedListener {
  requirePort(scope, `${field}.port`, listener.port);
  const protocol = listener.protocol ?? 'TCP';
  if (!isUnresolved(protocol) && protocol !== 'TCP' && protocol !== 'TLS') {
    configError(scope, `${field}.protocol`, `is '${protocol}'`, "a Network Load Balancer in front of an endpoint service listens on 'TCP' or 'TLS'");
  }
  if (protocol === 'TLS') {
    if (listener.certificateArn === undefined) configError(scope, `${field}.certificateArn`, 'is missing for a TLS listener', 'give the ARN of an ACM certificate for the service name, or use protocol TCP');
    requireArn(scope, `${field}.certificateArn`, listener.certificateArn, { service: 'acm' });
  } else if (listener.certificateArn !== undefined || listener.sslPolicy !== undefined) {
    configError(scope, `${field}.certificateArn`, 'is set on a TCP listener', "set protocol: 'TLS' to end TLS at the load balancer, or leave certificateArn and sslPolicy out");
  }
  return { ...listener, protocol };
}

/** Checks a listener list: each listener, and one listener per port. */
export function validateListeners(scope: IConstruct, field: string, listeners: readonly ListenerConfig[]): CheckedListener[] {
  if (listeners.length === 0) configError(scope, field, 'is empty', 'give at least one listener, for example [{ port: 443 }]');
  const checked = listeners.map((listener, index) => validateListener(scope, `${field}[${index}]`, listener));
  requireUnique(scope, `${field}.port`, checked.map((l) => String(l.port)), 'give each listener its own port');
  return checked;
}
