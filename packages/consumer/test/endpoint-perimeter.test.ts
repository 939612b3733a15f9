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

describe('the exceptions of the data perimeter, per kind of member', () => {
  const both = { organizationId: 'o-a1b2c3d4e5', accountIds: ['111111111111'] };
  const org = { test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] };
  const account = { test: 'StringEquals', variable: 'aws:PrincipalAccount', values: ['111111111111'] };
  const exceptions = (service: string, members: { organizationId?: string; accountIds: string[] } = both) =>
    dataPerimeterStatements(service, 'ap-northeast-1', members).filter((s) => !s.sid!.includes('PrincipalsTo') && s.sid !== 'AwsServicePrincipals');

  it('ssm: one statement for AWS-owned parameters and documents per kind of principal, numbered from the second', () => {
    const actions = ['ssm:Describe*', 'ssm:List*', 'ssm:Get*', 'ssm:SendCommand', 'ssm:CreateAssociation', 'ssm:StartSession'];
    const resources = ['arn:aws:ssm:ap-northeast-1::parameter/aws/*', 'arn:aws:ssm:ap-northeast-1::document/*'];
    expect(exceptions('ssm')).toEqual([
      { sid: 'AwsOwnedSsmParametersAndDocuments', principals: '*', actions, resources, conditions: [org] },
      { sid: 'AwsOwnedSsmParametersAndDocuments2', principals: '*', actions, resources, conditions: [account] },
    ]);
  });

  it('sts: federated sign-in to the roles of each kind of member', () => {
    const actions = ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML'];
    expect(exceptions('sts')).toEqual([
      { sid: 'FederatedSignInToOrganizationRoles', principals: '*', actions, resources: ['*'], conditions: [{ ...org, variable: 'aws:ResourceOrgID' }] },
      { sid: 'FederatedSignInToAccountRoles', principals: '*', actions, resources: ['*'], conditions: [{ ...account, variable: 'aws:ResourceAccount' }] },
    ]);
  });

  it('ec2: launching Amazon-owned images, per kind of principal, numbered from the second', () => {
    const owner = { test: 'StringEquals', variable: 'ec2:Owner', values: ['amazon'] };
    expect(exceptions('ec2')).toEqual([
      { sid: 'AmazonOwnedImages', principals: '*', actions: ['ec2:RunInstances'], resources: ['*'], conditions: [org, owner] },
      { sid: 'AmazonOwnedImages2', principals: '*', actions: ['ec2:RunInstances'], resources: ['*'], conditions: [account, owner] },
    ]);
  });

  it('an organization without accounts gives no account statements', () => {
    expect(dataPerimeterStatements('ec2', 'ap-northeast-1', { organizationId: 'o-a1b2c3d4e5', accountIds: [] }).map((s) => s.sid)).toEqual([
      'OrganizationPrincipalsToOrganizationResources',
      'AwsServicePrincipals',
      'AmazonOwnedImages',
    ]);
  });

  it('strips only a -fips suffix to find the service', () => {
    expect(exceptions('ssm-fips').map((s) => s.sid)).toEqual(['AwsOwnedSsmParametersAndDocuments', 'AwsOwnedSsmParametersAndDocuments2']);
    expect(exceptions('ss-fipsm')).toEqual([]);
  });

  it('an interface endpoint to SSM gets the SSM exceptions', () => {
    expect(policyOf({ service: { awsService: 'ssm' }, name: 'unit-ssm' })!.map((s) => s.Sid)).toEqual([
      'AccountPrincipalsToAccountResources',
      'AwsServicePrincipals',
      'AwsOwnedSsmParametersAndDocuments',
    ]);
  });
});

describe('the perimeter of a stack whose account is unknown', () => {
  const plain = () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' });
    return stack;
  };

  it('an organization alone admits no accounts', () => {
    expect(policyOf({ organizationId: 'o-a1b2c3d4e5' }, plain())!.map((s) => s.Sid)).toEqual(['OrganizationPrincipalsToOrganizationResources', 'AwsServicePrincipals']);
  });

  it('perimeterAccountIds alone are the perimeter', () => {
    expect(policyOf({ perimeterAccountIds: ['222222222222'] }, plain())![0].Condition).toEqual({
      StringEquals: { 'aws:PrincipalAccount': ['222222222222'], 'aws:ResourceAccount': ['222222222222'] },
    });
  });

  it('without either, the error says how to give a perimeter', () => {
    expect(() => policyOf({}, plain())).toThrow(/give organizationId or perimeterAccountIds, build the stack as an EnvironmentStack with its accountId, or give policy/);
  });
});

describe('bad policy inputs name the field and index the user wrote', () => {
  const good = { actions: ['kinesis:PutRecord'] };
  it.each([
    ['additionalStatements that is no list', { additionalStatements: 'x' }, /'additionalStatements' .*give a list of statements, for example \[\{ actions: \["kms:Decrypt"\]/],
    ['perimeterAccountIds that is no list', { perimeterAccountIds: '222222222222' }, /'perimeterAccountIds' .*give account IDs as a list of strings, for example \['222222222222'\]/],
    ['a string in additionalStatements', { additionalStatements: ['oops'] }, /'additionalStatements\[0\]' is the string 'oops'/],
    ['a string in policy after a good statement', { policy: [good, 'oops'] }, /'policy\[1\]' is the string 'oops'/],
    ['null in policy after a good statement', { policy: [good, null] }, /'policy\[1\]' is null/],
    ['an empty policy with nothing to add', { policy: [] }, /'policy' has no statements/],
    ['a bad statement in policy to a provider service', { service: { serviceName: CUSTOM_SERVICE }, policy: [{ actions: 'x' }] }, /'policy\[0\]\.actions' is/],
    ['a bad statement in additionalStatements to a provider service', { service: { serviceName: CUSTOM_SERVICE }, additionalStatements: [{ actions: 'x' }] }, /'additionalStatements\[0\]\.actions' is/],
    ['a bad statement in policy with allowFullAccess', { allowFullAccess: true, policy: [{ actions: 'x' }] }, /'policy\[0\]\.actions' is/],
    ['a bad statement in additionalStatements with allowFullAccess', { allowFullAccess: true, additionalStatements: [{ actions: 'x' }] }, /'additionalStatements\[0\]\.actions' is/],
    ['a bad statement in additionalStatements after a policy to a provider service', { service: { serviceName: CUSTOM_SERVICE }, policy: [good], additionalStatements: ['oops'] }, /'additionalStatements\[0\]' is the string 'oops'/],
    ['a bad statement in additionalStatements after a policy with allowFullAccess', { allowFullAccess: true, policy: [good], additionalStatements: ['oops'] }, /'additionalStatements\[0\]' is the string 'oops'/],
  ])('%s', (_name, props, message) => {
    expect(() => policyOf(props as unknown as Partial<InterfaceEndpointProps>)).toThrow(message);
  });

  it('allowFullAccess without statements is acknowledged as AWS default policy', () => {
    const stack = devStack();
    policyOf({ allowFullAccess: true }, stack);
    expect(synthesizeToFile(stack)['//'].guardrails.suppressions).toEqual([
      expect.objectContaining({ ruleId: 'PL-EP-3', reason: expect.stringMatching(/kinesis-streams, so AWS's full-access default policy applies$/) }),
    ]);
  });
});
