import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ServiceRole } from '../src/service-role';
import { devStack, policyOf, resources, synthJson } from './helpers';

describe('ServiceRole', () => {
  it('trusts only its service, with aws:SourceAccount and aws:SourceArn when given', () => {
    const stack = devStack();
    new ServiceRole(stack, 'Role', { roleName: 'gateway-bucket', servicePrincipal: 'storagegateway.amazonaws.com', sourceAccountId: '111111111111', sourceArn: 'arn:aws:storagegateway:ap-northeast-1:111111111111:gateway/sgw-12A3456B' });
    const trust = policyOf(Object.values(resources(synthJson(stack), 'aws_iam_role'))[0], 'assume_role_policy').Statement;
    expect(trust).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: ['storagegateway.amazonaws.com'] },
        Action: ['sts:AssumeRole'],
        Resource: ['*'],
        Condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] }, ArnLike: { 'aws:SourceArn': ['arn:aws:storagegateway:ap-northeast-1:111111111111:gateway/sgw-12A3456B'] } },
      },
    ]);
  });

  it('carries no condition for EC2, which sends none, and attaches managed policies of its partition', () => {
    const stack = devStack();
    new ServiceRole(stack, 'Role', { roleName: 'instance', servicePrincipal: 'ec2.amazonaws.com', managedPolicyNames: ['AmazonSSMManagedInstanceCore'], statements: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }] });
    const json = synthJson(stack);
    expect(policyOf(Object.values(resources(json, 'aws_iam_role'))[0], 'assume_role_policy').Statement[0].Condition).toBeUndefined();
    expect(Object.values(resources(json, 'aws_iam_role_policy_attachment')).map((a) => a.policy_arn)).toEqual(['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']);
    expect(policyOf(Object.values(resources(json, 'aws_iam_role_policy'))[0]).Statement).toEqual([{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'] }]);
  });

  it('takes the partition of its provider for managed policy ARNs', () => {
    const stack = devStack();
    const china = new AwsProvider(stack, 'china', { region: 'cn-north-1', alias: 'china' });
    new ServiceRole(stack, 'Role', { roleName: 'instance', servicePrincipal: 'ec2.amazonaws.com.cn', managedPolicyNames: ['AmazonSSMManagedInstanceCore'], provider: china });
    expect(Object.values(resources(synthJson(stack), 'aws_iam_role_policy_attachment'))[0].policy_arn).toBe('arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore');
  });

  it('creates no inline policy without statements', () => {
    const stack = devStack();
    new ServiceRole(stack, 'Role', { roleName: 'bare', servicePrincipal: 'ec2.amazonaws.com' });
    expect(resources(synthJson(stack), 'aws_iam_role_policy')).toEqual({});
  });
});
