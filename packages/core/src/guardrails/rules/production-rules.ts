import { LocalBackend, TerraformBackend } from 'cdktf';
import type { GuardrailRule } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';
import { blocksOf, booleanOf } from '../synthesized-resource';

export const PRODUCTION_REMOTE_STATE: GuardrailRule = {
  id: 'PL-PROD-1',
  rationale: "A production stack keeps its state in a shared, locked, encrypted backend, not on one person's disk.",
  check: (context) => {
    if (!context.production) return [];
    const backend = context.stack.node.children.find((child) => TerraformBackend.isBackend(child));
    if (backend !== undefined && !(backend instanceof LocalBackend)) return [];
    return [
      {
        resource: { path: context.stack.node.path, address: 'terraform.backend' },
        problem: backend ? 'the stack uses a local backend, so its state stays on the local disk' : 'the stack has no backend, so its state stays on the local disk',
        fix: "give the environment backend: { type: 's3', bucket } (EnvironmentStack), or add an S3Backend to the stack",
      },
    ];
  },
};

/**
 * Whether a resource of the types {@link PRODUCTION_PREVENT_DESTROY} judges cuts customers off when
 * lost: every endpoint service, a network load balancer, an interface endpoint (Terraform's
 * defaults, `application` and `Gateway`, are neither).
 */
function isProtectedKind(type: string, attributes: Readonly<Record<string, unknown>>): boolean {
  if (type === 'aws_lb') return String(attributes.load_balancer_type).toLowerCase() === 'network';
  if (type === 'aws_vpc_endpoint') return String(attributes.vpc_endpoint_type).toLowerCase() === 'interface';
  return true;
}

export const PRODUCTION_PREVENT_DESTROY: GuardrailRule = resourceRule(
  'PL-PROD-2',
  'In production, endpoint services, network load balancers and interface endpoints carry prevent_destroy, so a plan cannot delete what customers connect through.',
  ['aws_vpc_endpoint_service', 'aws_lb', 'aws_vpc_endpoint'],
  (resource, context) => {
    if (!context.production || !isProtectedKind(resource.type, resource.attributes)) return undefined;
    const prevent = booleanOf(blocksOf(resource.attributes.lifecycle)[0]?.prevent_destroy);
    if (prevent === true || prevent === 'unknown') return undefined;
    return {
      problem: "'lifecycle.prevent_destroy' is not true on a resource customers connect through in production",
      fix: "set the construct's preventDestroy (on by default in production), or lifecycle { prevent_destroy = true }",
    };
  },
);
