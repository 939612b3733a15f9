import { ELB_TLS_POLICIES, isModernTlsPolicy, RECOMMENDED_TLS_POLICY } from '../../aws/security-policies';
import type { GuardrailRule } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';
import { isExpression } from '../synthesized-resource';

export const MODERN_TLS_LISTENER: GuardrailRule = resourceRule(
  'PL-TLS-1',
  'TLS listeners negotiate only TLS 1.2 or newer with forward secrecy.',
  ['aws_lb_listener', 'aws_alb_listener'],
  (listener) => {
    const protocol = String(listener.attributes.protocol).toUpperCase();
    if (protocol !== 'HTTPS' && protocol !== 'TLS') return undefined;
    const policy = listener.attributes.ssl_policy;
    if (isExpression(policy)) return undefined;
    const name = typeof policy === 'string' ? policy : 'ELBSecurityPolicy-2016-08';
    if (isModernTlsPolicy(name)) return undefined;
    const info = ELB_TLS_POLICIES[name];
    const why = !info ? 'which is not an ELB security policy' : info.minTls < '1.2' ? `which accepts TLS ${info.minTls}` : 'which offers ciphers without forward secrecy';
    return {
      problem: `'ssl_policy' is ${policy === undefined ? "not set, so AWS uses 'ELBSecurityPolicy-2016-08'" : `'${name}'`}, ${why}`,
      fix: `set ssl_policy = '${RECOMMENDED_TLS_POLICY}' (or another TLS 1.2+ forward-secrecy policy)`,
    };
  },
);
