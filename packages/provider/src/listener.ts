import {
  configError,
  describeKind,
  Guardrails,
  MODERN_TLS_LISTENER,
  RECOMMENDED_TLS_POLICY,
  requireArn,
  requireBoolean,
  requireOneOf,
  requirePort,
  requireTlsPolicy,
} from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/**
 * The security policy of TLS listeners unless one is given: core's recommended policy (TLS 1.3 and
 * 1.2 with forward secrecy and hybrid post-quantum key exchange).
 */
export const DEFAULT_TLS_SECURITY_POLICY = RECOMMENDED_TLS_POLICY;

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
  /** ACM certificate of a TLS listener, in the stack's region and account. Required for `TLS`, refused for `TCP`. @default - none */
  readonly certificateArn?: string;
  /**
   * Security policy of a TLS listener: a policy that negotiates only TLS 1.2 or newer with forward
   * secrecy, unless `allowLegacyTlsPolicy` is set. @default DEFAULT_TLS_SECURITY_POLICY
   */
  readonly sslPolicy?: string;
  /**
   * Accept an `sslPolicy` that also speaks TLS 1.0/1.1 or offers ciphers without forward secrecy
   * (for example `ELBSecurityPolicy-2016-08`) for clients that cannot do better; recorded as an
   * acknowledgement of PL-TLS-1 in the synthesized JSON. @default false
   */
  readonly allowLegacyTlsPolicy?: boolean;
}

/** A listener with its protocol and, for TLS, its policy decided. */
export type CheckedListener = ListenerConfig & { readonly protocol: 'TCP' | 'TLS' };

const LISTENER_EXAMPLE = 'give { port: 443 }, or { port: 443, protocol: \'TLS\', certificateArn: \'arn:aws:acm:...\' }';

/**
 * Checks one listener the way the load balancer will: port, protocol, certificate (an ACM
 * certificate of the load balancer's region and account, `deployment`) and a TLS policy no weaker
 * than TLS 1.2 with forward secrecy unless `allowLegacyTlsPolicy` says otherwise. Returns it with
 * its protocol and policy filled in; a legacy policy is acknowledged on `scope`.
 */
export function requireListener(scope: IConstruct, field: string, listener: ListenerConfig, deployment: { region?: string; accountId?: string } = {}): CheckedListener {
  if (typeof listener !== 'object' || listener === null || Array.isArray(listener)) {
    configError(scope, field, `is ${describeKind(listener)}`, LISTENER_EXAMPLE);
  }
  requirePort(scope, `${field}.port`, listener.port);
  const protocol = requireOneOf(scope, `${field}.protocol`, listener.protocol ?? 'TCP', ['TCP', 'TLS']);
  const legacy = requireBoolean(scope, `${field}.allowLegacyTlsPolicy`, listener.allowLegacyTlsPolicy) === true;
  if (protocol !== 'TLS') {
    if (listener.certificateArn !== undefined || listener.sslPolicy !== undefined || legacy) {
      const set = listener.certificateArn !== undefined ? 'certificateArn' : listener.sslPolicy !== undefined ? 'sslPolicy' : 'allowLegacyTlsPolicy';
      configError(scope, `${field}.${set}`, 'is set on a TCP listener', "set protocol: 'TLS' to end TLS at the load balancer, or leave certificateArn, sslPolicy and allowLegacyTlsPolicy out");
    }
    return { ...listener, protocol };
  }
  if (listener.certificateArn === undefined) configError(scope, `${field}.certificateArn`, 'is missing for a TLS listener', "give the ARN of an ACM certificate for the service name, or use protocol 'TCP'");
  // The load balancer takes certificates of its own region and account only.
  const { region, accountId } = deployment;
  requireArn(scope, `${field}.certificateArn`, listener.certificateArn, { service: 'acm', resourceTypes: ['certificate'], region, accountId });
  const sslPolicy = requireTlsPolicy(scope, `${field}.sslPolicy`, listener.sslPolicy ?? DEFAULT_TLS_SECURITY_POLICY, { name: 'allowLegacyTlsPolicy', given: legacy });
  if (legacy) {
    Guardrails.acknowledge(scope, MODERN_TLS_LISTENER, `allowLegacyTlsPolicy: true was set on the listener on port ${listener.port}, so it may negotiate with '${sslPolicy}'`);
  }
  return { ...listener, protocol, sslPolicy };
}
