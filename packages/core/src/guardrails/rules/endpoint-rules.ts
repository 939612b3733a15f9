import type { GuardrailRule, ResourceProblem } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';
import { isExpression, stringsOf, type SynthesizedResource } from '../synthesized-resource';
import { securityGroupKeys } from './security-group-rules';

function endpointType(endpoint: SynthesizedResource): string {
  // Terraform's default type is Gateway.
  const type = endpoint.attributes.vpc_endpoint_type;
  return typeof type === 'string' ? type.toLowerCase() : 'gateway';
}

const DEDICATED_GROUP_FIX = 'give the endpoint its own security group (core DedicatedSecurityGroup) that admits only its clients on the service ports';

export const ENDPOINT_DEDICATED_SECURITY_GROUP: GuardrailRule = resourceRule(
  'PL-EP-1',
  "An interface endpoint has its own security group: the VPC's default group is shared by everything that forgot one.",
  ['aws_vpc_endpoint'],
  (endpoint, context) => {
    if (endpointType(endpoint) !== 'interface') return undefined;
    const associations = context
      .ofType('aws_vpc_endpoint_security_group_association')
      .filter((association) => context.refersTo(association.attributes.vpc_endpoint_id, endpoint));
    const groups = [endpoint.attributes.security_group_ids, ...associations.map((a) => a.attributes.security_group_id)];
    const defaults = groups.flatMap((value) => securityGroupKeys(value)).filter((key) => key.startsWith('default-of:') || key.startsWith('aws_default_security_group.'));
    const problems: ResourceProblem[] = [];
    if (defaults.length > 0) {
      problems.push({ problem: `'security_group_ids' names the VPC's default security group (${defaults[0].replace(/^default-of:/, 'default of ')})`, fix: DEDICATED_GROUP_FIX });
    }
    const ids = endpoint.attributes.security_group_ids;
    if (!isExpression(ids) && stringsOf(ids).length === 0 && associations.length === 0) {
      problems.push({ problem: "'security_group_ids' is empty, so AWS attaches the VPC's default security group", fix: DEDICATED_GROUP_FIX });
    }
    return problems;
  },
);

export const S3_ENDPOINT_POLICY: GuardrailRule = resourceRule(
  'PL-EP-2',
  'An S3 endpoint names the buckets it reaches; without a policy it reaches every bucket of every account (an exfiltration path).',
  ['aws_vpc_endpoint'],
  (endpoint, context) => {
    const serviceName = endpoint.attributes.service_name;
    if (typeof serviceName !== 'string' || !serviceName.endsWith('.s3')) return undefined;
    if (typeof endpoint.attributes.policy === 'string' && endpoint.attributes.policy.trim() !== '') return undefined;
    const separate = context.ofType('aws_vpc_endpoint_policy').some((policy) => context.refersTo(policy.attributes.vpc_endpoint_id, endpoint));
    if (separate) return undefined;
    return {
      problem: `'policy' is not set on the ${endpointType(endpoint)} endpoint to ${serviceName}, so AWS's default policy allows every action on every bucket`,
      fix: 'give a least-privilege endpoint policy that names the buckets (and principals) that may be reached',
    };
  },
);
