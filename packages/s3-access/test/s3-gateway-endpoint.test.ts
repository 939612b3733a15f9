import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointRouteTableAssociation } from '@cdktf/provider-aws/lib/vpc-endpoint-route-table-association';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { DedicatedSecurityGroup } from '@privatelink-cdktf/core';
import { Testing } from 'cdktf';
import { S3GatewayEndpoint, type S3GatewayEndpointProps } from '../src/s3-gateway-endpoint';
import { devStack, policyOf, resources, synthJson, VPC } from './helpers';

const gatewayProps: S3GatewayEndpointProps = {
  name: 'unit-dev-s3-gateway',
  vpcId: VPC.vpcId,
  routeTables: { 'apne1-az1': 'rtb-0aaaaaaaaaaaaaaa1', 'apne1-az2': 'rtb-0aaaaaaaaaaaaaaa2' },
  bucketNames: ['acme-dev-exchange'],
};
describe('S3GatewayEndpoint', () => {
  const stack = devStack();
  const endpoint = new S3GatewayEndpoint(stack, 'Gateway', { ...gatewayProps, allowAmazonLinuxRepositories: true });
  const group = new DedicatedSecurityGroup(stack, 'Workers', { vpcId: VPC.vpcId, name: 'workers', description: 'workers' });
  endpoint.allowEgressFrom(group);
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);

  it('routes the given route tables, keyed, to S3', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, { vpc_endpoint_type: 'Gateway', service_name: 'com.amazonaws.ap-northeast-1.s3' });
    expect(synthesized).toHaveResourceWithProperties(VpcEndpointRouteTableAssociation, { route_table_id: 'rtb-0aaaaaaaaaaaaaaa2' });
    expect(Object.keys(resources(json, 'aws_vpc_endpoint_route_table_association'))).toEqual([expect.stringContaining('RouteTable-apne1-az1'), expect.stringContaining('RouteTable-apne1-az2')]);
  });

  it('limits the endpoint policy to the named buckets (and the Amazon Linux repositories when asked)', () => {
    const policy = policyOf(Object.values(resources(json, 'aws_vpc_endpoint'))[0]);
    expect(policy.Statement).toEqual([
      {
        Sid: 'NamedBucketsForAccounts',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
        Resource: ['arn:aws:s3:::acme-dev-exchange', 'arn:aws:s3:::acme-dev-exchange/*'],
        Condition: { StringEquals: { 'aws:PrincipalAccount': ['111111111111'] } },
      },
      { Sid: 'AmazonLinuxRepositories', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::al2023-repos-ap-northeast-1-de612dc2/*'] },
    ]);
  });

  it('lets security groups reach S3 through its prefix list', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { prefix_list_id: expect.stringContaining('prefix_list_id'), from_port: 443 });
  });

  it('rejects no buckets and invalid bucket names', () => {
    expect(() => new S3GatewayEndpoint(devStack(), 'Gateway', { ...gatewayProps, bucketNames: [] })).toThrow(/S3GatewayEndpoint 'unit-dev\/Gateway': 'bucketNames' is empty/);
    expect(() => new S3GatewayEndpoint(devStack(), 'Gateway', { ...gatewayProps, bucketNames: ['Bad_Bucket'] })).toThrow(/'bucketNames' is 'Bad_Bucket', which has characters a S3 bucket name may not contain; .*for example 'acme-reports-111111111111'/);
  });

  it("builds in its provider's region, with that region's Amazon Linux repositories", () => {
    const stack = devStack();
    const provider = new AwsProvider(stack, 'Virginia', { region: 'us-east-1', alias: 'virginia' });
    new S3GatewayEndpoint(stack, 'Gateway', { ...gatewayProps, allowAmazonLinuxRepositories: true, provider });
    const vpce = Object.values(resources(synthJson(stack), 'aws_vpc_endpoint'))[0];
    expect(vpce).toMatchObject({ service_name: 'com.amazonaws.us-east-1.s3', provider: 'aws.virginia' });
    expect(policyOf(vpce).Statement.map((s) => [s.Sid, s.Resource])).toEqual([
      ['NamedBucketsForAccounts', ['arn:aws:s3:::acme-dev-exchange', 'arn:aws:s3:::acme-dev-exchange/*']],
      ['AmazonLinuxRepositories', ['arn:aws:s3:::al2023-repos-us-east-1-de612dc2/*']],
    ]);
  });

  it('leaves the Amazon Linux repositories out unless asked', () => {
    const stack = devStack();
    new S3GatewayEndpoint(stack, 'Gateway', { ...gatewayProps, allowAmazonLinuxRepositories: false });
    expect(policyOf(Object.values(resources(synthJson(stack), 'aws_vpc_endpoint'))[0]).Statement.map((s) => s.Sid)).toEqual(['NamedBucketsForAccounts']);
  });

  it.each([
    ['missing route tables (untyped JS)', undefined, /^S3GatewayEndpoint 'unit-dev\/Gateway': 'routeTables' is missing; give route table IDs by a stable key/],
    ['route tables as a string (untyped JS)', 'rtb-0123456789abcdef0', /^S3GatewayEndpoint 'unit-dev\/Gateway': 'routeTables' is the string 'rtb-0123456789abcdef0'; give route table IDs by a stable key/],
    ['a route table that is no ID', { a: 'main' }, /^S3GatewayEndpoint 'unit-dev\/Gateway': 'routeTables\.a' is 'main'.*; .*rtb-0123456789abcdef0/],
    ['a route table ID as a number (untyped JS)', { a: 5 }, /^S3GatewayEndpoint 'unit-dev\/Gateway': 'routeTables\.a' is the number 5, not a string; give the route table's ID, for example rtb-0123456789abcdef0/],
  ])('rejects %s on itself', (_, routeTables, message) => {
    expect(() => new S3GatewayEndpoint(devStack(), 'Gateway', { ...gatewayProps, routeTables: routeTables as never })).toThrow(message);
  });
});
