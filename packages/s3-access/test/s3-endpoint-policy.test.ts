import { Guardrails } from '@privatelink-cdktf/core';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformStack, Testing } from 'cdktf';
import { amazonLinuxRepositoryStatement } from '../src/s3-endpoint-policy';
import { S3GatewayEndpoint, type S3GatewayEndpointProps } from '../src/s3-gateway-endpoint';
import { acknowledgements, devStack, policyOf, resources, synthJson, VPC } from './helpers';

const props: S3GatewayEndpointProps = { name: 'gw', vpcId: VPC.vpcId, routeTables: { a: 'rtb-0123456789abcdef0' }, bucketNames: ['acme-dev-exchange'] };
const statementsOf = (overrides: Partial<S3GatewayEndpointProps>) => {
  const stack = devStack();
  new S3GatewayEndpoint(stack, 'Gateway', { ...props, ...overrides });
  return policyOf(Object.values(resources(synthJson(stack), 'aws_vpc_endpoint'))[0]).Statement;
};
const BUCKET_ARNS = ['arn:aws:s3:::acme-dev-exchange', 'arn:aws:s3:::acme-dev-exchange/*'];

describe('S3 endpoint policies', () => {
  it('default to reading and writing the named buckets, for principals of the VPC account only: never s3:* for anyone', () => {
    const [statement, ...rest] = statementsOf({});
    expect(rest).toEqual([]);
    expect(statement).toEqual({
      Sid: 'NamedBucketsForAccounts',
      Effect: 'Allow',
      Principal: '*',
      Action: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      Resource: BUCKET_ARNS,
      Condition: { StringEquals: { 'aws:PrincipalAccount': ['111111111111'] } },
    });
  });

  it('narrow the actions to reading, or to the listed actions', () => {
    expect(statementsOf({ access: 'read' })[0].Action).toEqual(['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation']);
    expect(statementsOf({ access: ['s3:GetObject', 's3:DeleteObject'] })[0].Action).toEqual(['s3:GetObject', 's3:DeleteObject']);
  });

  it('name the given accounts, or the organization instead of the VPC account', () => {
    expect(statementsOf({ principalAccountIds: ['222222222222'] })[0].Condition).toEqual({ StringEquals: { 'aws:PrincipalAccount': ['222222222222'] } });
    expect(statementsOf({ organizationId: 'o-a1b2c3d4e5' })).toEqual([
      expect.objectContaining({ Sid: 'NamedBucketsForOrganization', Resource: BUCKET_ARNS, Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } } }),
    ]);
    expect(statementsOf({ organizationId: 'o-a1b2c3d4e5', principalAccountIds: ['222222222222'] }).map((s) => s.Sid)).toEqual(['NamedBucketsForAccounts', 'NamedBucketsForOrganization']);
  });

  it("refuse to guess the principals when the stack's account is unknown", () => {
    const stack = new TerraformStack(Testing.app(), 'bare');
    new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' });
    expect(() => new S3GatewayEndpoint(stack, 'Gateway', props)).toThrow(/'principalAccountIds' is not given and the stack's account is unknown; give principalAccountIds or organizationId/);
  });

  it('take an open statement only with allowAll, which acknowledges PL-EP-2 in the synthesized JSON', () => {
    const open = { principals: { AWS: ['*'] }, actions: ['s3:*'], resources: ['*'] };
    expect(() => statementsOf({ additionalStatements: [open] })).toThrow(/'additionalStatements\[0\]' allows any principal every S3 action on every resource/);
    const stack = devStack();
    new S3GatewayEndpoint(stack, 'Gateway', { ...props, additionalStatements: [open], allowAll: true });
    // Recorded where the user named it, and on the consumer endpoint it passes allowAll to.
    expect(acknowledgements(stack)).toEqual([
      { ruleId: 'PL-EP-2', path: 'unit-dev/Gateway' },
      { ruleId: 'PL-EP-2', path: 'unit-dev/Gateway/Endpoint' },
    ]);
    expect(Guardrails.of(stack).findings().filter((f) => !f.suppression)).toEqual([]);
  });

  it('acknowledge nothing without allowAll, and pass the guardrail pack', () => {
    const stack = devStack();
    new S3GatewayEndpoint(stack, 'Gateway', props);
    expect(acknowledgements(stack)).toEqual([]);
    expect(Guardrails.of(stack).findings()).toEqual([]);
  });

  it.each([
    ['an action of another service', ['dynamodb:GetItem'], /'access' has 'dynamodb:GetItem', which is not an S3 action; write S3 actions as s3:Action/],
    ['a nested list (untyped JS)', [['s3:GetObject']], /'access' has \["s3:GetObject"\], which is not an S3 action; write S3 actions as s3:Action/],
    ['a number (untyped JS)', [3], /'access' has 3, which is not an S3 action/],
  ])('refuse %s in the actions', (_, access, message) => {
    expect(() => statementsOf({ access: access as never })).toThrow(message);
  });

  it('refuse additional statements that are not a list (untyped JS)', () => {
    expect(() => statementsOf({ additionalStatements: { actions: ['s3:GetObject'] } as never })).toThrow(
      /S3GatewayEndpoint 'unit-dev\/Gateway': 'additionalStatements' is an object, not a list; give a list of statements, for example \[\{ principals: "\*"/,
    );
  });
});

describe('amazonLinuxRepositoryStatement', () => {
  it("lets anyone get objects from the region's Amazon Linux 2023 repositories, in the region's partition", () => {
    expect(amazonLinuxRepositoryStatement('aws-cn', 'cn-north-1')).toEqual({
      sid: 'AmazonLinuxRepositories',
      principals: '*',
      actions: ['s3:GetObject'],
      resources: ['arn:aws-cn:s3:::al2023-repos-cn-north-1-de612dc2/*'],
    });
  });
});
