import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { EnvironmentStack } from '@privatelink-cdktf/core';
import { AwsServiceEndpoints } from '../src/aws-service-endpoints';
import { dataPerimeterStatements } from '../src/endpoint-perimeter';
import { GatewayEndpoint } from '../src/gateway-endpoint';
import { InterfaceEndpoint, type InterfaceEndpointProps } from '../src/interface-endpoint';
import { CUSTOM_SERVICE, devStack, resourcesOf, SUBNETS, VPC, synthesizeToFile } from './helpers';

interface Statement {
  Sid?: string;
  Principal?: unknown;
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string[]>>;
}

function policyOf(props: Partial<InterfaceEndpointProps>, stack: TerraformStack = devStack()): Statement[] | undefined {
  new InterfaceEndpoint(stack, 'Endpoint', { vpc: VPC, subnets: SUBNETS, service: { awsService: 'kinesis-streams' }, name: 'unit-kinesis', ...props });
  const resources = (JSON.parse(Testing.synth(stack)) as { resource: Record<string, Record<string, Record<string, unknown>>> }).resource;
  const policy = Object.values(resources.aws_vpc_endpoint)[0].policy as string | undefined;
  return policy === undefined ? undefined : (JSON.parse(policy).Statement as Statement[]);
}


describe('the data perimeter of an interface endpoint to an AWS service', () => {
  it('by default allows principals of the stack account to resources of that account, and AWS services acting for them', () => {
    const statements = policyOf({});
    expect(statements).toEqual([
      {
        Sid: 'AccountPrincipalsToAccountResources',
        Effect: 'Allow',
        Principal: '*',
        Action: ['*'],
        Resource: ['*'],
        Condition: { StringEquals: { 'aws:PrincipalAccount': ['111111111111'], 'aws:ResourceAccount': ['111111111111'] } },
      },
      { Sid: 'AwsServicePrincipals', Effect: 'Allow', Principal: '*', Action: ['*'], Resource: ['*'], Condition: { Bool: { 'aws:PrincipalIsAWSService': ['true'] } } },
    ]);
  });

  it('with organizationId and more accounts, pairs every kind of principal with every kind of resource', () => {
    const statements = policyOf({ organizationId: 'o-a1b2c3d4e5', perimeterAccountIds: ['222222222222'] })!;
    expect(statements.map((s) => s.Sid)).toEqual([
      'OrganizationPrincipalsToOrganizationResources',
      'OrganizationPrincipalsToAccountResources',
      'AccountPrincipalsToOrganizationResources',
      'AccountPrincipalsToAccountResources',
      'AwsServicePrincipals',
    ]);
    expect(statements[1].Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'], 'aws:ResourceAccount': ['111111111111', '222222222222'] } });
  });

  it('names the AWS-owned resources SSM, STS and EC2 need, and only for them', () => {
    const sids = (service: string) => dataPerimeterStatements(service, 'ap-northeast-1', { accountIds: ['111111111111'] }).map((s) => s.sid);
    const ssm = dataPerimeterStatements('ssm', 'ap-northeast-1', { accountIds: ['111111111111'] }).find((s) => s.sid === 'AwsOwnedSsmParametersAndDocuments');
    expect(ssm?.resources).toEqual(['arn:aws:ssm:ap-northeast-1::parameter/aws/*', 'arn:aws:ssm:ap-northeast-1::document/*']);
    expect(ssm?.conditions).toEqual([{ test: 'StringEquals', variable: 'aws:PrincipalAccount', values: ['111111111111'] }]);
    expect(sids('sts')).toContain('FederatedSignInToAccountRoles');
    expect(dataPerimeterStatements('sts', 'ap-northeast-1', { accountIds: ['111111111111'] }).find((s) => s.sid === 'FederatedSignInToAccountRoles')?.conditions).toEqual([
      { test: 'StringEquals', variable: 'aws:ResourceAccount', values: ['111111111111'] },
    ]);
    expect(dataPerimeterStatements('ec2', 'cn-north-1', { organizationId: 'o-a1b2c3d4e5', accountIds: [] }).find((s) => s.sid === 'AmazonOwnedImages')?.conditions).toEqual([
      { test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] },
      { test: 'StringEquals', variable: 'ec2:Owner', values: ['amazon'] },
    ]);
    expect(dataPerimeterStatements('ssm-fips', 'cn-north-1', { accountIds: ['111111111111'] }).find((s) => s.sid === 'AwsOwnedSsmParametersAndDocuments')?.resources?.[0]).toBe('arn:aws-cn:ssm:cn-north-1::parameter/aws/*');
    expect(sids('logs')).toEqual(['AccountPrincipalsToAccountResources', 'AwsServicePrincipals']);
  });

  it('adds additionalStatements to the perimeter, and policy replaces the perimeter', () => {
    const extra = { sid: 'DenyDelete', effect: 'Deny' as const, principals: '*' as const, actions: ['kinesis:DeleteStream'] };
    expect(policyOf({ additionalStatements: [extra] })!.map((s) => s.Sid)).toEqual(['AccountPrincipalsToAccountResources', 'AwsServicePrincipals', 'DenyDelete']);
    const own = { sid: 'Producer', principals: { AWS: ['arn:aws:iam::111111111111:role/producer'] }, actions: ['kinesis:PutRecord'] };
    expect(policyOf({ policy: [own], additionalStatements: [extra] })!.map((s) => s.Sid)).toEqual(['Producer', 'DenyDelete']);
  });

  it('puts no policy on an endpoint to a provider service unless one is given', () => {
    expect(policyOf({ service: { serviceName: CUSTOM_SERVICE } })).toBeUndefined();
    expect(policyOf({ service: { serviceName: CUSTOM_SERVICE }, additionalStatements: [{ principals: '*', actions: ['execute-api:Invoke'] }] })).toHaveLength(1);
  });

  it('builds the perimeter from organizationId alone when the stack account is unknown, and fails without either', () => {
    // A plain stack whose provider names the region but not the account.
    const plain = () => {
      const stack = new TerraformStack(Testing.app(), 'plain');
      new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' });
      return stack;
    };
    expect(policyOf({ organizationId: 'o-a1b2c3d4e5' }, plain())![0].Condition).toEqual({ StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'], 'aws:ResourceOrgID': ['o-a1b2c3d4e5'] } });
    expect(() => policyOf({}, plain())).toThrow(/'organizationId' is not set and the stack's account is unknown/);
  });

  it('allowFullAccess keeps AWS default policy and is recorded as an acknowledgement of PL-EP-3 (PL-EP-2 for S3)', () => {
    const stack = devStack();
    expect(policyOf({ allowFullAccess: true }, stack)).toBeUndefined();
    new InterfaceEndpoint(stack, 'S3', { vpc: VPC, subnets: SUBNETS, service: { awsService: 's3' }, name: 'unit-s3', allowFullAccess: true });
    const suppressions = synthesizeToFile(stack)['//'].guardrails.suppressions;
    expect(suppressions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ruleId: 'PL-EP-3', source: 'construct', reason: expect.stringMatching(/allowFullAccess: true .*kinesis-streams/) }),
        expect.objectContaining({ ruleId: 'PL-EP-2', source: 'construct', reason: expect.stringMatching(/allowFullAccess: true .*\.s3/) }),
      ]),
    );
  });

  it('the default perimeter passes the guardrail pack with nothing suppressed', () => {
    const stack = devStack();
    policyOf({}, stack);
    new AwsServiceEndpoints(stack, 'Aws', { vpc: VPC, subnets: SUBNETS, name: 'unit', services: { ssm: { awsService: 'ssm' }, sts: { awsService: 'sts' }, iam: { awsService: 'iam' } } });
    expect(synthesizeToFile(stack)['//'].guardrails.suppressions).toEqual([]);
  });

  describe('no bypass by spelling', () => {
    const open = { principals: '*' as const, actions: ['*'], resources: ['*'] };
    it.each([
      ['policy', { policy: [open] }, /'policy\[0\]' allows any principal every action on every resource without a condition/],
      ['additionalStatements', { additionalStatements: [{ ...open, sid: 'Everything' }] }, /'additionalStatements\[Everything\]' allows any principal/],
      ['a service-wide action', { policy: [{ principals: '*' as const, actions: ['kinesis:*'], resources: ['*'] }] }, /'policy\[0\]' allows any principal/],
      ['an any-account principal ARN', { policy: [{ principals: { AWS: ['arn:aws:iam::*:root'] }, actions: ['*'] }] }, /'policy\[0\]' allows any principal/],
    ])('a full-access statement written by hand in %s needs allowFullAccess', (_name, props, message) => {
      expect(() => policyOf(props as Partial<InterfaceEndpointProps>)).toThrow(message);
      expect(() => policyOf(props as Partial<InterfaceEndpointProps>)).toThrow(/or set allowFullAccess: true/);
    });

    it('a gateway endpoint policy that writes the full-access default out needs allowAll', () => {
      const gateway = (policy: never) => () => new GatewayEndpoint(devStack(), 'Dynamo', { vpcId: VPC.vpcId, service: 'dynamodb', name: 'unit-dynamodb', routeTables: { a: 'rtb-0123456789abcdef0' }, policy });
      expect(gateway([{ principals: '*', actions: ['dynamodb:*'], resources: ['*'] }] as never)).toThrow(/'policy\[0\]' allows any principal .*set allowAll: true/);
      expect(gateway([{ principals: '*', actions: ['dynamodb:*'], resources: ['*'], conditions: [{ test: 'StringEquals', variable: 'aws:PrincipalAccount', values: ['111111111111'] }] }] as never)).not.toThrow();
    });

    it('allowFullAccess does not combine with perimeter settings or statements', () => {
      expect(() => policyOf({ allowFullAccess: true, organizationId: 'o-a1b2c3d4e5' })).toThrow(/'organizationId' is set together with allowFullAccess/);
    });

    it('allowFullAccess with statements keeps them as written, open ones included, and is acknowledged', () => {
      const stack = devStack();
      expect(policyOf({ allowFullAccess: true, policy: [{ sid: 'All', principals: '*', actions: ['*'], resources: ['*'] }] }, stack)!.map((s) => s.Sid)).toEqual(['All']);
      expect(synthesizeToFile(stack)['//'].guardrails.suppressions).toEqual([expect.objectContaining({ ruleId: 'PL-EP-3', reason: expect.stringMatching(/its policy may grant full access/) })]);
    });

    it('perimeter settings on a provider service are refused, since it decides access itself', () => {
      expect(() => policyOf({ service: { serviceName: CUSTOM_SERVICE }, organizationId: 'o-a1b2c3d4e5' })).toThrow(/'organizationId' is set for com\.amazonaws\.vpce\..*, which is not an AWS service/);
      expect(() => policyOf({ service: { serviceName: CUSTOM_SERVICE }, allowFullAccess: true })).toThrow(/'allowFullAccess' is set for/);
    });
  });
});

describe('production posture of interface endpoints', () => {
  const prodStack = () => new EnvironmentStack(Testing.app(), { application: 'unit', environment: { name: 'prod', accountId: '111111111111', backend: { type: 's3', bucket: 'unit-state-111111111111' } } });
  const lifecycleOf = (stack: TerraformStack) => Object.values(resourcesOf(stack as EnvironmentStack, 'aws_vpc_endpoint'))[0].lifecycle;

  it('carry prevent_destroy in production by default, and not elsewhere', () => {
    const prod = prodStack();
    policyOf({}, prod);
    expect(lifecycleOf(prod)).toEqual({ prevent_destroy: true });
    const dev = devStack();
    policyOf({}, dev);
    expect(lifecycleOf(dev)).toBeUndefined();
  });

  it('an explicit preventDestroy: false in production is recorded as an acknowledgement of PL-PROD-2', () => {
    const prod = prodStack();
    policyOf({ preventDestroy: false }, prod);
    expect(lifecycleOf(prod)).toBeUndefined();
    expect(synthesizeToFile(prod)['//'].guardrails.suppressions).toEqual([expect.objectContaining({ ruleId: 'PL-PROD-2', source: 'construct' })]);
  });

  it('changing the policy or prevent_destroy keeps every force-new attribute of the endpoint', () => {
    const before = devStack();
    policyOf({}, before);
    const after = prodStack();
    policyOf({ organizationId: 'o-a1b2c3d4e5' }, after);
    const forceNew = (stack: TerraformStack) => {
      const { vpc_id, service_name, vpc_endpoint_type, service_region } = Object.values(resourcesOf(stack as EnvironmentStack, 'aws_vpc_endpoint'))[0];
      return { vpc_id, service_name, vpc_endpoint_type, service_region };
    };
    expect(forceNew(after)).toEqual(forceNew(before));
  });
});
