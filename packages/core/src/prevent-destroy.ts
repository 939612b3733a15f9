import type { IConstruct } from 'constructs';
import { Guardrails } from './guardrails/guardrails';
import { PRODUCTION_PREVENT_DESTROY } from './guardrails/rules/production-rules';
import { isProduction } from './production';
import { requireBoolean } from './validate';

/**
 * The `preventDestroy` of a construct customers connect through (an endpoint service, a network
 * load balancer, a stateful endpoint): what the caller set, else on in production
 * ({@link isProduction}) and off elsewhere. An explicit `false` in production is a named opt-out
 * that acknowledges PL-PROD-2, so a reviewer sees it in the synthesized JSON.
 */
export function requirePreventDestroy(scope: IConstruct, field: string, value: boolean | undefined, what: string): boolean {
  const given = requireBoolean(scope, field, value);
  const production = isProduction(scope);
  if (given === false && production) {
    Guardrails.acknowledge(scope, PRODUCTION_PREVENT_DESTROY, `${field}: false was set on ${what} in production, so a plan may destroy it`);
  }
  return given ?? production;
}
