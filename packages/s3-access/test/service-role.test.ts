import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { ServiceRole, type ServiceRoleProps } from '../src/service-role';
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
    expect(Object.values(resources(json, 'aws_iam_role_policy'))[0]).toMatchObject({ name: 'access', role: expect.stringMatching(/^\$\{aws_iam_role\.Role_.*\.name}$/) });
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

describe('ServiceRole bad input', () => {
  const role = (props: Partial<ServiceRoleProps>) => () => new ServiceRole(devStack(), 'Role', { roleName: 'role', servicePrincipal: 'ec2.amazonaws.com', ...props });
  const cases: BadInputCase[] = [
    { name: 'role name missing (untyped JS)', run: role({ roleName: undefined }), field: 'roleName', value: 'is missing', fix: /give the role a name, for example '[\w+=,.@-]+'/ },
    { name: 'role name that is a number (untyped JS)', run: role({ roleName: 42 as never }), field: 'roleName', value: 'is the number 42, not a string', fix: /give the role a name/ },
    { name: 'service principal missing (untyped JS)', run: role({ servicePrincipal: undefined }), field: 'servicePrincipal', value: 'is missing', fix: /give the service that assumes the role, for example 'transfer\.amazonaws\.com'/ },
    { name: 'source ARN that is no ARN', run: role({ sourceAccountId: '111111111111', sourceArn: 'instance/i-1' }), field: 'sourceArn', value: "'instance/i-1'", fix: /./ },
    { name: 'statements that are no list (untyped JS)', run: role({ statements: { actions: ['s3:GetObject'] } as never }), field: 'statements', value: 'not a list', fix: /give a list of statements, for example \[\{ actions: \["s3:GetObject"\]/ },
    { name: 'a statement granting nothing', run: role({ statements: [{ actions: [] }] }), field: 'statements[0].actions', value: 'is empty', fix: /name the actions/ },
    { name: 'managed policy names that are no list (untyped JS)', run: role({ managedPolicyNames: 'ReadOnlyAccess' as never }), field: 'managedPolicyNames', value: "the string 'ReadOnlyAccess', not a list", fix: /give AWS managed policy names as a list, for example \['AmazonSSMManagedInstanceCore'\]/ },
    { name: 'a managed policy name that is a number (untyped JS)', run: role({ managedPolicyNames: [42] as never }), field: 'managedPolicyNames', value: 'has 42, which is not a managed policy name', fix: /without its ARN/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));
});
