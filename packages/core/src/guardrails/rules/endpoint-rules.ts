import { isOpenStatement } from '../../aws/open';
import { parseServiceName } from '../../aws/service-names';
import type { GuardrailContext, GuardrailRule, ResourceProblem } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';
import { policyStatements } from '../policy-statements';
import { stringsOf, type SynthesizedResource } from '../synthesized-resource';
import { securityGroupKeys } from './security-group-rules';

function endpointType(endpoint: SynthesizedResource): string {
  // Terraform's default type is Gateway.
  const type = endpoint.attributes.vpc_endpoint_type;
  return typeof type === 'string' ? type.toLowerCase() : 'gateway';
}

/** The endpoint's policy documents: its own `policy` and any aws_vpc_endpoint_policy that names it. */
function endpointPolicies(endpoint: SynthesizedResource, context: GuardrailContext): unknown[] {
  const own = typeof endpoint.attributes.policy === 'string' && endpoint.attributes.policy.trim() !== '' ? [endpoint.attributes.policy] : [];
  const separate = context
    .ofType('aws_vpc_endpoint_policy')
    .filter((policy) => context.refersTo(policy.attributes.vpc_endpoint_id, endpoint))
    .map((policy) => policy.attributes.policy);
  return [...own, ...separate];
}

/** Problems for the statements of the policies that grant everything (see core's isOpenStatement). */
function openStatementProblems(policies: unknown[], service: string | undefined, fix: string): ResourceProblem[] {
  return policies.flatMap((policy) =>
    // Stryker disable next-line ArrayDeclaration: a string in place of the statements is never an open statement (no Effect 'Allow')
    (policyStatements(policy) ?? [])
      .filter((statement) => isOpenStatement(statement, service))
      .map((statement) => ({
        problem: `the endpoint policy${typeof (statement as { Sid?: unknown }).Sid === 'string' ? ` statement '${(statement as { Sid: string }).Sid}'` : ''} allows any principal ${service ? `every ${service} action` : 'every action'} on every resource without a condition, which is AWS's full-access default written out`,
        fix,
      })),
  );
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
      problems.push({ problem: `'security_group_ids' names the VPC's default security group (${defaults[0].replace('default-of:', 'default of ')})`, fix: DEDICATED_GROUP_FIX });
    }
    const ids = endpoint.attributes.security_group_ids;
    // A list Terraform computes is one string here, so it is not empty.
    if (stringsOf(ids).length === 0 && associations.length === 0) {
      problems.push({ problem: "'security_group_ids' is empty, so AWS attaches the VPC's default security group", fix: DEDICATED_GROUP_FIX });
    }
    return problems;
  },
);

const S3_POLICY_FIX = 'give a least-privilege endpoint policy that names the buckets, the actions and the principals (or their accounts) that may be reached';

export const S3_ENDPOINT_POLICY: GuardrailRule = resourceRule(
  'PL-EP-2',
  'An S3 endpoint names the buckets it reaches; without a policy, or with one that allows everything, it reaches every bucket of every account (an exfiltration path).',
  ['aws_vpc_endpoint'],
  (endpoint, context) => {
    const serviceName = endpoint.attributes.service_name;
    if (typeof serviceName !== 'string' || !serviceName.endsWith('.s3')) return undefined;
    const policies = endpointPolicies(endpoint, context);
    if (policies.length === 0) {
      return {
        problem: `'policy' is not set on the ${endpointType(endpoint)} endpoint to ${serviceName}, so AWS's default policy allows every action on every bucket`,
        fix: S3_POLICY_FIX,
      };
    }
    return openStatementProblems(policies, 's3', S3_POLICY_FIX);
  },
);

const PERIMETER_FIX =
  "give the endpoint a policy that allows only principals and resources of your accounts or organization (aws:PrincipalAccount / aws:PrincipalOrgID, aws:ResourceAccount / aws:ResourceOrgID); if full access is really intended, use the construct's named opt-in, which acknowledges this rule";

/**
 * Every interface and gateway endpoint to an AWS service carries a policy that is not open
 * (S3 endpoints are judged by PL-EP-2). Endpoints to your own or partner services take none.
 */
export const AWS_SERVICE_ENDPOINT_POLICY: GuardrailRule = resourceRule(
  'PL-EP-3',
  "An endpoint to an AWS service has a policy that keeps the data perimeter: without one, AWS's full-access default lets any principal reach any account's resources through it.",
  ['aws_vpc_endpoint'],
  (endpoint, context) => {
    const serviceName = endpoint.attributes.service_name;
    const type = endpointType(endpoint);
    if (typeof serviceName !== 'string' || serviceName.endsWith('.s3') || (type !== 'interface' && type !== 'gateway')) return undefined;
    const service = parseServiceName(serviceName);
    if (!service?.isAwsService) return undefined;
    const policies = endpointPolicies(endpoint, context);
    if (policies.length === 0) {
      return { problem: `the ${type} endpoint to ${serviceName} has no endpoint policy, so AWS's default full-access policy applies`, fix: PERIMETER_FIX };
    }
    return openStatementProblems(policies, undefined, PERIMETER_FIX);
  },
);
