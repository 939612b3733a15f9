import { DedicatedSecurityGroup, PrivateNetwork } from '@privatelink-cdktf/core';
import { planConfig, type PlanResult } from '@privatelink-cdktf/terraform-harness';
import { Testing } from 'cdktf';
import {
  AwsServiceEndpoints,
  dynamoDbTableAccessStatements,
  GatewayEndpoint,
  InterfaceEndpoint,
  ResolverInboundEndpoint,
  ResourceEndpoint,
  s3BucketAccessStatements,
  ServiceNetworkEndpoint,
} from '../src';
import { CUSTOM_SERVICE, devStack } from './helpers';

const LATTICE = 'arn:aws:vpc-lattice:ap-northeast-1:444444444444';

/** Every construct and option in one stack, planned once with real Terraform (aws provider 5.100). */
function everyFeature(): string {
  const stack = devStack();
  const network = new PrivateNetwork(stack, 'Network', { name: 'unit-dev', cidrBlock: '10.20.0.0/16', zones: ['apne1-az1', 'apne1-az2'], flowLogs: false });
  const placement = { vpc: network, subnets: network.subnets };
  new InterfaceEndpoint(stack, 'Saas', {
    ...placement, name: 'unit-dev-saas', service: { serviceName: CUSTOM_SERVICE }, privateDns: true,
    providerAvailabilityZoneIds: ['apne1-az1', 'apne1-az2'], subnetIpAddresses: { 'apne1-az1': { ipv4: '10.20.0.10' } },
  });
  new InterfaceEndpoint(stack, 'Remote', {
    ...placement, name: 'unit-dev-remote', service: { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' }, serviceRegion: 'us-east-1',
  });
  new InterfaceEndpoint(stack, 'Kinesis', {
    ...placement, name: 'unit-dev-kinesis', service: { awsService: 'kinesis-streams' }, ipAddressType: 'dualstack', dnsRecordIpType: 'dualstack',
    allowedCidrs: ['10.20.0.0/16', '2001:db8::/56'],
    policy: [{ principals: { AWS: ['arn:aws:iam::111111111111:role/producer'] }, actions: ['kinesis:PutRecord'], resources: ['arn:aws:kinesis:ap-northeast-1:111111111111:stream/events'] }],
  });
  new AwsServiceEndpoints(stack, 'Aws', { ...placement, name: 'unit-dev', services: { logs: { awsService: 'logs' }, sts: { awsService: 'sts', privateDns: false } } });
  new ResourceEndpoint(stack, 'Database', { ...placement, name: 'unit-dev-db', resourceConfigurationArn: `${LATTICE}:resourceconfiguration/rcfg-0123456789abcdef0`, ports: [5432] });
  new ServiceNetworkEndpoint(stack, 'Lattice', { ...placement, name: 'unit-dev-sn', serviceNetworkArn: `${LATTICE}:servicenetwork/sn-0123456789abcdef0`, privateDns: true });
  const s3 = new GatewayEndpoint(stack, 'S3', { vpcId: network.vpcId, service: 's3', name: 'unit-dev-s3', routeTables: network.routeTableIds, policy: s3BucketAccessStatements(['unit-dev-data'], undefined, { principalAccountIds: ['111111111111'] }) });
  const dynamodb = new GatewayEndpoint(stack, 'DynamoDb', {
    vpcId: network.vpcId, service: 'dynamodb', name: 'unit-dev-dynamodb', routeTables: network.routeTableIds,
    policy: dynamoDbTableAccessStatements(['arn:aws:dynamodb:ap-northeast-1:111111111111:table/sessions']),
  });
  const workloads = new DedicatedSecurityGroup(stack, 'Workloads', { vpcId: network.vpcId, name: 'unit-dev-workloads', description: 'Workloads' });
  s3.allowEgressFrom(workloads);
  dynamodb.allowEgressFrom(workloads.securityGroupId, [443], 'workloads');
  new ResolverInboundEndpoint(stack, 'InboundDns', { ...placement, name: 'unit-dev-inbound-dns', allowedCidrs: ['192.168.0.0/24'], ipAddresses: { 'apne1-az2': '10.20.16.53' } });
  return Testing.synth(stack);
}

let result: PlanResult;
beforeAll(async () => {
  result = await planConfig(JSON.parse(everyFeature()) as object, { name: 'consumer-every-feature' });
});

const after = (type: string, prefix: string): Record<string, unknown> => {
  const change = result.resourceChanges.find((rc) => rc.type === type && rc.name.startsWith(prefix));
  if (!change?.change.after) throw new Error(`no ${type} ${prefix} in the plan`);
  return change.change.after;
};

test('every argument validates against the aws provider and the plan only creates', () => {
  expect(result.validation.valid).toBe(true);
  expect(result.summary).toMatchObject({ change: 0, destroy: 0 });
  expect(result.summary.add).toBe(result.resourceChanges.length);
});

test('interface endpoints: private DNS after acceptance, fixed addresses, cross region, dual stack, policy', () => {
  expect(after('aws_vpc_endpoint', 'Saas_')).toMatchObject({ vpc_endpoint_type: 'Interface', private_dns_enabled: false, subnet_configuration: [expect.objectContaining({ ipv4: '10.20.0.10' })] });
  expect(after('aws_vpc_endpoint_private_dns', 'Saas_')).toMatchObject({ private_dns_enabled: true });
  expect(after('aws_vpc_endpoint', 'Remote_')).toMatchObject({ service_region: 'us-east-1', service_name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' });
  expect(after('aws_vpc_endpoint', 'Kinesis_')).toMatchObject({ ip_address_type: 'dualstack', dns_options: [expect.objectContaining({ dns_record_ip_type: 'dualstack' })] });
  expect(JSON.parse(after('aws_vpc_endpoint', 'Kinesis_').policy as string).Statement[0].Action).toEqual(['kinesis:PutRecord']);
  expect(after('aws_vpc_security_group_ingress_rule', 'Kinesis_SecurityGroup_In-tcp-443-2001')).toMatchObject({ cidr_ipv6: '2001:db8::/56' });
  expect(after('aws_vpc_endpoint', 'Aws_sts_')).toMatchObject({ service_name: 'com.amazonaws.ap-northeast-1.sts', private_dns_enabled: false });
});

test('resource and service-network endpoints', () => {
  expect(after('aws_vpc_endpoint', 'Database_')).toMatchObject({ vpc_endpoint_type: 'Resource', resource_configuration_arn: `${LATTICE}:resourceconfiguration/rcfg-0123456789abcdef0` });
  expect(after('aws_vpc_endpoint', 'Lattice_')).toMatchObject({ vpc_endpoint_type: 'ServiceNetwork', service_network_arn: `${LATTICE}:servicenetwork/sn-0123456789abcdef0`, private_dns_enabled: true });
});

test('gateway endpoints with one route table association per zone key, and egress to their prefix lists', () => {
  const associations = result.addresses('aws_vpc_endpoint_route_table_association').map((a) => a.split('.')[1].replace(/_[0-9A-F]{8}$/, ''));
  expect(associations.sort()).toEqual(['DynamoDb_RouteTable-apne1-az1', 'DynamoDb_RouteTable-apne1-az2', 'S3_RouteTable-apne1-az1', 'S3_RouteTable-apne1-az2']);
  expect(result.addresses('aws_vpc_security_group_egress_rule')).toHaveLength(2);
});

test('the Resolver inbound endpoint with one address per subnet', () => {
  const resolver = after('aws_route53_resolver_endpoint', 'InboundDns_');
  expect(resolver).toMatchObject({ direction: 'INBOUND', protocols: ['Do53'] });
  expect(resolver.ip_address).toHaveLength(2);
  expect(resolver.ip_address).toEqual(expect.arrayContaining([expect.objectContaining({ ip: '10.20.16.53' })]));
});

