import { isAnyPrincipal } from '../../aws/open';
import type { GuardrailRule } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';
import { booleanOf, stringsOf } from '../synthesized-resource';

export const ENDPOINT_SERVICE_ACCEPTANCE: GuardrailRule = resourceRule(
  'PL-ES-1',
  'The provider accepts each endpoint connection, so an allowed principal cannot connect unnoticed.',
  ['aws_vpc_endpoint_service'],
  (service) => {
    const accepted = booleanOf(service.attributes.acceptance_required);
    if (accepted === true || accepted === 'unknown') return undefined;
    return {
      problem: `'acceptance_required' is ${accepted === undefined ? 'not set' : 'false'}, so endpoints of allowed principals connect without review`,
      fix: 'set acceptance_required = true (EndpointService acceptanceRequired, the default) and accept tenant endpoints by ID',
    };
  },
);

const ANY_PRINCIPAL_FIX =
  "list account root, role or user ARNs; if any AWS account really may connect, set allowAnyPrincipal: true on the EndpointService (which acknowledges PL-ES-2) or suppress PL-ES-2 with a reason";

export const NO_ANY_PRINCIPAL: GuardrailRule = resourceRule(
  'PL-ES-2',
  "An endpoint service names the accounts it serves; '*' lets every AWS account request a connection.",
  ['aws_vpc_endpoint_service', 'aws_vpc_endpoint_service_allowed_principal'],
  (resource) => {
    const field = resource.type === 'aws_vpc_endpoint_service' ? 'allowed_principals' : 'principal_arn';
    // '*' in any spelling: '*', arn:aws:iam::*:root, ...
    const any = stringsOf(resource.attributes[field]).find((principal) => isAnyPrincipal(principal));
    if (any === undefined) return undefined;
    return { problem: `'${field}' allows '${any}', so any AWS account may request an endpoint`, fix: ANY_PRINCIPAL_FIX };
  },
);

export const SERVICE_LOAD_BALANCER_DELETION_PROTECTION: GuardrailRule = {
  id: 'PL-ES-3',
  rationale: 'In production, deleting the load balancer behind an endpoint service cuts off every tenant at once.',
  check: (context) => {
    if (!context.production) return [];
    const services = context.ofType('aws_vpc_endpoint_service');
    const balancers = new Set(services.flatMap((s) => context.referenced([s.attributes.network_load_balancer_arns, s.attributes.gateway_load_balancer_arns], 'aws_lb', 'aws_alb')));
    return [...balancers]
      .filter((lb) => {
        const protectedLb = booleanOf(lb.attributes.enable_deletion_protection);
        return protectedLb !== true && protectedLb !== 'unknown';
      })
      .map((resource) => ({
        resource,
        problem: "'enable_deletion_protection' is not true on a load balancer that fronts an endpoint service in production",
        fix: 'set enable_deletion_protection = true (NetworkLoadBalancer deletionProtection, the default)',
      }));
  },
};
