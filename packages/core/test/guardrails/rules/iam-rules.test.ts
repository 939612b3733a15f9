import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { type EnvironmentStack } from '../../../src/environment-stack';
import { SERVICE_ROLE_CONFUSED_DEPUTY } from '../../../src/guardrails/rules/iam-rules';
import { policyDocument, type PolicyCondition } from '../../../src/policy-document';
import { describeRule } from '../helpers';

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
  ],
  nonCompliant: [
    { name: 'a Transfer role with aws:SourceAccount only', path: 'Role', problem: /transfer\.amazonaws\.com assume the role without a condition on 'aws:SourceArn'/, build: (stack) => role(stack, 'transfer.amazonaws.com', [SOURCE_ACCOUNT]) },
    { name: 'a Storage Gateway role with aws:SourceAccount only', path: 'Role', problem: /storagegateway\.amazonaws\.com assume the role without a condition on 'aws:SourceArn'/, build: (stack) => role(stack, 'storagegateway.amazonaws.com', [SOURCE_ACCOUNT]) },
    { name: 'a flow-logs role without conditions', path: 'Role', problem: /'aws:SourceAccount' and 'aws:SourceArn'/, build: (stack) => role(stack, 'vpc-flow-logs.amazonaws.com', []) },
  ],
});
