import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { type EnvironmentStack } from '../../../src/environment-stack';
import { SERVICE_ROLE_CONFUSED_DEPUTY } from '../../../src/guardrails/rules/iam-rules';
import { policyDocument, type PolicyCondition } from '../../../src/policy-document';
import { describeRule, findingsOf, guardedStack } from '../helpers';

const SOURCE_ACCOUNT: PolicyCondition = { test: 'StringEquals', variable: 'aws:SourceAccount', values: ['111111111111'] };
const SOURCE_ARN: PolicyCondition = { test: 'ArnLike', variable: 'aws:SourceArn', values: ['arn:aws:transfer:ap-northeast-1:111111111111:user/*'] };

function role(stack: EnvironmentStack, service: string, conditions: PolicyCondition[]): void {
  new IamRole(stack, 'Role', {
    name: 'service-role',
    assumeRolePolicy: policyDocument(stack, 'trust', [{ principals: { Service: [service] }, actions: ['sts:AssumeRole'], conditions }]),
  });
}

describeRule(SERVICE_ROLE_CONFUSED_DEPUTY, {
  compliant: [
    { name: 'a Transfer role with aws:SourceAccount and aws:SourceArn', build: (stack) => role(stack, 'transfer.amazonaws.com', [SOURCE_ACCOUNT, SOURCE_ARN]) },
    { name: 'an EC2 instance role (EC2 sets no source ARN)', build: (stack) => role(stack, 'ec2.amazonaws.com', []) },
    {
      name: 'a trust policy that denies the service, or names no principal',
      build: (stack) =>
        new IamRole(stack, 'Role', {
          name: 'service-role',
          assumeRolePolicy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Deny', Principal: { Service: 'transfer.amazonaws.com' }, Action: 'sts:AssumeRole' },
              { Effect: 'Allow', Action: 'sts:AssumeRole' },
            ],
          }),
        }),
    },
  ],
  nonCompliant: [
    { name: 'a Transfer role with aws:SourceAccount only', path: 'Role', problem: /transfer\.amazonaws\.com assume the role without a condition on 'aws:SourceArn'/, build: (stack) => role(stack, 'transfer.amazonaws.com', [SOURCE_ACCOUNT]) },
    { name: 'a Storage Gateway role with aws:SourceAccount only', path: 'Role', problem: /storagegateway\.amazonaws\.com assume the role without a condition on 'aws:SourceArn'/, build: (stack) => role(stack, 'storagegateway.amazonaws.com', [SOURCE_ACCOUNT]) },
    { name: 'a flow-logs role without conditions', path: 'Role', problem: /'aws:SourceAccount' and 'aws:SourceArn'/, build: (stack) => role(stack, 'vpc-flow-logs.amazonaws.com', []) },
  ],
});

describe('PL-IAM-1 findings', () => {
  it('name every service of a statement and every missing key, with the fix', () => {
    const stack = guardedStack();
    new IamRole(stack, 'Role', {
      name: 'service-role',
      assumeRolePolicy: policyDocument(stack, 'trust', [{ principals: { Service: ['transfer.amazonaws.com', 'ec2.amazonaws.com', 'vpc-flow-logs.amazonaws.com'] }, actions: ['sts:AssumeRole'] }]),
    });
    expect(findingsOf(stack, 'PL-IAM-1').map((f) => [f.problem, f.fix])).toEqual([
      [
        "the trust policy lets transfer.amazonaws.com, vpc-flow-logs.amazonaws.com assume the role without a condition on 'aws:SourceAccount' and 'aws:SourceArn'",
        'add StringEquals aws:SourceAccount = <account> and ArnLike aws:SourceArn = the ARN (pattern) of the resources that use the role',
      ],
    ]);
  });
});
