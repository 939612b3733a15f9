import type { GuardrailRule, ResourceProblem } from '../guardrail-rule';
import { resourceRule } from '../guardrail-rule';
import { conditionValues, policyStatements } from '../policy-statements';
import { stringsOf } from '../synthesized-resource';

/**
 * Service principals that set both `aws:SourceAccount` and `aws:SourceArn` when they assume a role,
 * so a trust policy can name the account and the resource that may use the role (AWS's
 * confused-deputy guidance).
 */
export const SERVICES_SETTING_SOURCE_ARN: readonly string[] = ['vpc-flow-logs.amazonaws.com', 'transfer.amazonaws.com', 'storagegateway.amazonaws.com'];

export const SERVICE_ROLE_CONFUSED_DEPUTY: GuardrailRule = resourceRule(
  'PL-IAM-1',
  'A role that an AWS service assumes names the account and the resource that may use it (aws:SourceAccount and aws:SourceArn), so no other customer can make the service act with it.',
  ['aws_iam_role'],
  (role) => {
    const problems: ResourceProblem[] = [];
    // Stryker disable next-line ArrayDeclaration: a string in place of the statements has no Effect 'Allow' and is skipped like none
    for (const statement of policyStatements(role.attributes.assume_role_policy) ?? []) {
      if (statement.Effect !== 'Allow') continue;
      const services = stringsOf((statement.Principal as { Service?: unknown } | undefined)?.Service).filter((service) => SERVICES_SETTING_SOURCE_ARN.includes(service));
      if (services.length === 0) continue;
      const missing = ['aws:SourceAccount', 'aws:SourceArn'].filter((key) => conditionValues(statement, /./, key).length === 0);
      if (missing.length === 0) continue;
      problems.push({
        problem: `the trust policy lets ${services.join(', ')} assume the role without a condition on ${missing.map((k) => `'${k}'`).join(' and ')}`,
        fix: `add StringEquals aws:SourceAccount = <account> and ArnLike aws:SourceArn = the ARN (pattern) of the resources that use the role`,
      });
    }
    return problems;
  },
);
