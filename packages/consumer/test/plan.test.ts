import { DedicatedSecurityGroup, FlowLogQueries, PrivateNetwork, ReachabilityAnalysis } from '@privatelink-cdktf/core';
import { planConfig, TERRAFORM_TIMEOUT_MS, type PlanResult } from '@privatelink-cdktf/terraform-harness';
import { TerraformOutput, Testing } from 'cdktf';
import { AwsServiceEndpoints } from '../src/aws-service-endpoints';
import { EndpointConnectionNotifications } from '../src/endpoint-connection-notifications';
import { dynamoDbTableAccessStatements, s3BucketAccessStatements } from '../src/endpoint-policies';
import { GatewayEndpoint } from '../src/gateway-endpoint';
import { GatewayLoadBalancerEndpoint } from '../src/gateway-load-balancer-endpoint';
import { InterfaceEndpoint } from '../src/interface-endpoint';
import { ResolverInboundEndpoint } from '../src/resolver-inbound-endpoint';
import { ResourceEndpoint } from '../src/resource-endpoint';
import { Route53Profile } from '../src/route53-profile';
import { ServiceNetworkEndpoint } from '../src/service-network-endpoint';
import { CUSTOM_SERVICE, devStack } from './helpers';

const LATTICE = 'arn:aws:vpc-lattice:ap-northeast-1:444444444444';
const GWLB_SERVICE = 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0a1b2c3d4e5f60718';
const NLB = 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:loadbalancer/net/unit-dev/0123456789abcdef';
const TIMEOUTS = { create: '20m', update: '20m', delete: '30m' };

/** Every construct and option in one stack, planned once with real Terraform (aws provider 5.100). */
function everyFeature(): string {
  const stack = devStack();
  const network = new PrivateNetwork(stack, 'Network', { name: 'unit-dev', cidrBlock: '10.20.0.0/16', zones: ['apne1-az1', 'apne1-az2'], flowLogs: { retentionDays: 30 } });
  const placement = { vpc: network, subnets: network.subnets };
  const baseline = new DedicatedSecurityGroup(stack, 'Baseline', { vpcId: network.vpcId, name: 'unit-dev-baseline', description: 'Organisation baseline' });
  const saas = new InterfaceEndpoint(stack, 'Saas', {
    ...placement, name: 'unit-dev-saas', service: { serviceName: CUSTOM_SERVICE }, privateDns: true,
    providerAvailabilityZoneIds: ['apne1-az1', 'apne1-az2'], subnetIpAddresses: { 'apne1-az1': { ipv4: '10.20.0.10' } },
    checkServiceZones: true, connectionNotifications: {}, timeouts: TIMEOUTS, additionalSecurityGroupIds: [baseline.securityGroupId],
  });
  // An endpoint to a service of this account accepts itself.
  new InterfaceEndpoint(stack, 'Internal', { ...placement, name: 'unit-dev-internal', service: { serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0fedcba9876543210' }, autoAccept: true });
  new InterfaceEndpoint(stack, 'Remote', {
    ...placement, name: 'unit-dev-remote', service: { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' }, serviceRegion: 'us-east-1',
  });
  new InterfaceEndpoint(stack, 'Kinesis', {
    ...placement, name: 'unit-dev-kinesis', service: { awsService: 'kinesis-streams' }, ipAddressType: 'dualstack', dnsRecordIpType: 'dualstack',
    allowedCidrs: ['10.20.0.0/16', '2001:db8::/56'],
    policy: [{ principals: { AWS: ['arn:aws:iam::111111111111:role/producer'] }, actions: ['kinesis:PutRecord'], resources: ['arn:aws:kinesis:ap-northeast-1:111111111111:stream/events'] }],
    checkServiceZones: true,
  });
  new AwsServiceEndpoints(stack, 'Aws', { ...placement, name: 'unit-dev', services: { logs: { awsService: 'logs' }, sts: { awsService: 'sts', privateDns: false } }, timeouts: TIMEOUTS });
  const database = new ResourceEndpoint(stack, 'Database', { ...placement, name: 'unit-dev-db', resourceConfigurationArn: `${LATTICE}:resourceconfiguration/rcfg-0123456789abcdef0`, ports: [5432], timeouts: TIMEOUTS });
  new ServiceNetworkEndpoint(stack, 'Lattice', { ...placement, name: 'unit-dev-sn', serviceNetworkArn: `${LATTICE}:servicenetwork/sn-0123456789abcdef0`, privateDns: true, timeouts: TIMEOUTS });
  const s3 = new GatewayEndpoint(stack, 'S3', { vpcId: network.vpcId, service: 's3', name: 'unit-dev-s3', routeTables: network.routeTableIds, policy: s3BucketAccessStatements(['unit-dev-data'], undefined, { principalAccountIds: ['111111111111'] }), timeouts: TIMEOUTS });
  const dynamodb = new GatewayEndpoint(stack, 'DynamoDb', {
    vpcId: network.vpcId, service: 'dynamodb', name: 'unit-dev-dynamodb', routeTables: network.routeTableIds,
    policy: dynamoDbTableAccessStatements(['arn:aws:dynamodb:ap-northeast-1:111111111111:table/sessions']),
  });
  // Special service names: a FIPS endpoint, S3 Multi-Region Access Points (a global service) and S3 Express One Zone.
  new InterfaceEndpoint(stack, 'KmsFips', { ...placement, name: 'unit-dev-kms-fips', service: { awsService: 'kms-fips' } });
  new InterfaceEndpoint(stack, 'MultiRegionAccessPoints', { ...placement, name: 'unit-dev-mrap', service: { awsService: 's3-global.accesspoint' } });
  new GatewayEndpoint(stack, 'S3Express', {
    vpcId: network.vpcId, service: 's3express', name: 'unit-dev-s3express', routeTables: network.routeTableIds,
    policy: [{ effect: 'Allow', principals: { AWS: ['arn:aws:iam::111111111111:root'] }, actions: ['s3express:CreateSession'], resources: ['arn:aws:s3express:ap-northeast-1:111111111111:bucket/data--apne1-az1--x-s3'] }],
  });
  const workloads = new DedicatedSecurityGroup(stack, 'Workloads', { vpcId: network.vpcId, name: 'unit-dev-workloads', description: 'Workloads' });
  s3.allowEgressFrom(workloads);
  dynamodb.allowEgressFrom(workloads.securityGroupId, [443], 'workloads');
  new ResolverInboundEndpoint(stack, 'InboundDns', { ...placement, name: 'unit-dev-inbound-dns', allowedCidrs: ['192.168.0.0/24'], ipAddresses: { 'apne1-az2': '10.20.16.53' }, timeouts: TIMEOUTS });

  // Wiring by construct and by typed reference instead of raw IDs.
  saas.allowFrom(workloads);
  database.allowFrom(workloads);
  const shared = InterfaceEndpoint.fromAttributes(stack, 'SharedEndpoint', { endpointId: 'vpce-0fedcba9876543210', securityGroupId: 'sg-0fedcba9876543210', ports: [8443] });
  shared.allowFrom(workloads);
  new EndpointConnectionNotifications(stack, 'SharedNotifications', { endpointId: shared.endpointId, name: 'unit-dev-shared', events: ['Accept', 'Reject', 'Delete'] });

  // Inspection appliances behind a Gateway Load Balancer: egress inspection from the private subnet.
  new GatewayLoadBalancerEndpoint(stack, 'Inspection', {
    vpcId: network.vpcId, subnet: network.subnets[0], serviceName: GWLB_SERVICE, name: 'unit-dev-inspection-az1', checkServiceZones: true, timeouts: TIMEOUTS,
    routes: { 'az2-default': { routeTableId: network.routeTableIds['apne1-az2'], destinationCidrBlock: '0.0.0.0/0' } },
  });

  // One endpoint's private DNS for other VPCs and accounts.
  new Route53Profile(stack, 'Dns', {
    name: 'unit-dev-dns', resources: { saas: { endpoint: saas } }, vpcs: { spoke: 'vpc-0123456789abcdef0' }, shareWith: { analytics: '222222222222' }, timeouts: { create: '30m' },
  });

  // What the flow logs say about the endpoint, and proof after apply that workloads reach it.
  new FlowLogQueries(stack, 'FlowQueries', {
    name: 'unit-dev/flow-logs', logGroupNames: [network.flowLogs!.logGroupName],
    interfaces: { saas: saas.networkInterfaceIds }, sources: { 'on-premises': ['192.168.0.0/16'] },
  });
  const proof = new ReachabilityAnalysis(stack, 'SaasProof', { name: 'unit-dev-saas', source: 'i-0123456789abcdef0', destination: saas.endpointId, destinationPort: 443 });
  new ReachabilityAnalysis(stack, 'NlbProof', { name: 'unit-dev-nlb-target', source: 'eni-0123456789abcdef0', destinationIp: '10.20.0.20', destinationPort: 443, throughArns: [NLB] });
  new TerraformOutput(stack, 'saas_path_found', { value: proof.pathFound });
  // With validations: the guardrail pack judges every new resource too.
  return Testing.synth(stack, true);
}

let result: PlanResult;
let synthesized: { resource: Record<string, Record<string, { tags?: Record<string, string>; security_group_ids?: unknown[] }>> };
beforeAll(async () => {
  synthesized = JSON.parse(everyFeature());
  result = await planConfig(synthesized, { name: 'consumer-every-feature' });
}, TERRAFORM_TIMEOUT_MS);

const after = (type: string, prefix: string): Record<string, unknown> => {
  const change = result.resourceChanges.find((rc) => rc.type === type && rc.name.startsWith(prefix));
  if (!change?.change.after) throw new Error(`no ${type} ${prefix} in the plan`);
  return change.change.after;
};

const managed = () => result.resourceChanges.filter((rc) => rc.mode === 'managed');

test('every argument validates against the aws provider and the plan only creates', () => {
  expect(result.validation.valid).toBe(true);
  expect(result.summary).toMatchObject({ change: 0, destroy: 0 });
  expect(result.summary.add).toBe(managed().length);
});

test('timeouts reach every endpoint', () => {
  for (const prefix of ['Saas_', 'Aws_logs_', 'Aws_sts_', 'Database_', 'Lattice_', 'S3_', 'Inspection_']) expect(after('aws_vpc_endpoint', prefix).timeouts).toEqual(TIMEOUTS);
  expect(after('aws_route53_resolver_endpoint', 'InboundDns_').timeouts).toEqual(TIMEOUTS);
});

test('interface endpoints: private DNS after acceptance, fixed addresses, cross region, dual stack, policy', () => {
  expect(after('aws_vpc_endpoint', 'Saas_')).toMatchObject({ vpc_endpoint_type: 'Interface', private_dns_enabled: false, subnet_configuration: [expect.objectContaining({ ipv4: '10.20.0.10' })] });
  expect(after('aws_vpc_endpoint_private_dns', 'Saas_')).toMatchObject({ private_dns_enabled: true });
  expect(after('aws_vpc_endpoint', 'Internal_')).toMatchObject({ auto_accept: true });
  expect(after('aws_vpc_endpoint', 'Saas_').auto_accept ?? null).toBeNull();
  expect(after('aws_vpc_endpoint', 'Remote_')).toMatchObject({ service_region: 'us-east-1', service_name: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' });
  expect(after('aws_vpc_endpoint', 'Kinesis_')).toMatchObject({ ip_address_type: 'dualstack', dns_options: [expect.objectContaining({ dns_record_ip_type: 'dualstack' })] });
  expect(JSON.parse(after('aws_vpc_endpoint', 'Kinesis_').policy as string).Statement[0].Action).toEqual(['kinesis:PutRecord']);
  expect(after('aws_vpc_security_group_ingress_rule', 'Kinesis_SecurityGroup_In-tcp-443-2001')).toMatchObject({ cidr_ipv6: '2001:db8::/56' });
  expect(after('aws_vpc_endpoint', 'Aws_sts_')).toMatchObject({ service_name: 'com.amazonaws.ap-northeast-1.sts', private_dns_enabled: false });
});

test('special service names: FIPS, the global S3 Multi-Region Access Points service and S3 Express One Zone', () => {
  expect(after('aws_vpc_endpoint', 'KmsFips_')).toMatchObject({ service_name: 'com.amazonaws.ap-northeast-1.kms-fips', vpc_endpoint_type: 'Interface' });
  expect(after('aws_vpc_endpoint', 'MultiRegionAccessPoints_')).toMatchObject({ service_name: 'com.amazonaws.s3-global.accesspoint', vpc_endpoint_type: 'Interface' });
  expect(after('aws_vpc_endpoint', 'S3Express_')).toMatchObject({ service_name: 'com.amazonaws.ap-northeast-1.s3express', vpc_endpoint_type: 'Gateway' });
});

test('resource and service-network endpoints', () => {
  expect(after('aws_vpc_endpoint', 'Database_')).toMatchObject({ vpc_endpoint_type: 'Resource', resource_configuration_arn: `${LATTICE}:resourceconfiguration/rcfg-0123456789abcdef0` });
  expect(after('aws_vpc_endpoint', 'Lattice_')).toMatchObject({ vpc_endpoint_type: 'ServiceNetwork', service_network_arn: `${LATTICE}:servicenetwork/sn-0123456789abcdef0`, private_dns_enabled: true });
});

test('gateway endpoints with one route table association per zone key, and egress to their prefix lists', () => {
  const associations = result.addresses('aws_vpc_endpoint_route_table_association').map((a) => a.split('.')[1].replace(/_[0-9A-F]{8}$/, ''));
  expect(associations.sort()).toEqual(['DynamoDb_RouteTable-apne1-az1', 'DynamoDb_RouteTable-apne1-az2', 'S3Express_RouteTable-apne1-az1', 'S3Express_RouteTable-apne1-az2', 'S3_RouteTable-apne1-az1', 'S3_RouteTable-apne1-az2']);
  expect(result.addresses('aws_vpc_security_group_egress_rule').filter((a) => /\.(S3|DynamoDb)_Egress-/.test(a))).toHaveLength(2);
});

test('the Resolver inbound endpoint with one address per subnet', () => {
  const resolver = after('aws_route53_resolver_endpoint', 'InboundDns_');
  expect(resolver).toMatchObject({ direction: 'INBOUND', protocols: ['Do53'] });
  expect(resolver.ip_address).toHaveLength(2);
  expect(resolver.ip_address).toEqual(expect.arrayContaining([expect.objectContaining({ ip: '10.20.16.53' })]));
});

test('zone checks: a scoped aws_vpc_endpoint_service per endpoint, a warning offline, never a failed plan', () => {
  const checks = (result.plan as unknown as { checks?: Array<{ address: { kind: string; name: string }; status: string; instances?: Array<{ problems?: Array<{ message: string }> }> }> }).checks ?? [];
  const zoneChecks = checks.filter((c) => c.address.kind === 'check');
  expect(zoneChecks.map((c) => c.address.name.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual(['Inspection_ZoneCheck', 'Kinesis_ZoneCheck', 'Saas_ZoneCheck']);
  // Offline the data source cannot reach AWS: the check fails as a warning and the plan goes on.
  for (const check of zoneChecks) {
    expect(['fail', 'unknown']).toContain(check.status);
    expect(JSON.stringify(check.instances)).toMatch(/DescribeVpcEndpointServices/);
  }
  const reads = result.resourceChanges.filter((rc) => rc.mode === 'data' && rc.type === 'aws_vpc_endpoint_service');
  expect(reads.map((rc) => rc.change.after?.service_type).sort()).toEqual(['GatewayLoadBalancer', 'Interface', 'Interface']);
});

test('additional security groups, allowFrom wiring and a typed reference to an existing endpoint', () => {
  expect(Object.values(synthesized.resource.aws_vpc_endpoint).find((ep) => ep.tags?.Name === 'unit-dev-saas')?.security_group_ids).toHaveLength(2);
  const ingress = result.planned('aws_vpc_security_group_ingress_rule');
  expect(ingress).toEqual(expect.arrayContaining([expect.objectContaining({ security_group_id: 'sg-0fedcba9876543210', from_port: 8443 })]));
  expect(result.addresses('aws_vpc_security_group_ingress_rule')).toEqual(expect.arrayContaining([
    expect.stringMatching(/^aws_vpc_security_group_ingress_rule\.Saas_SecurityGroup_In-tcp-443-sgWorkloads-0_/),
    expect.stringMatching(/^aws_vpc_security_group_ingress_rule\.Database_SecurityGroup_In-tcp-5432-sgWorkloads-0_/),
  ]));
  expect(result.addresses('aws_vpc_security_group_egress_rule')).toEqual(expect.arrayContaining([
    expect.stringMatching(/^aws_vpc_security_group_egress_rule\.Workloads_Out-tcp-443-sgSaas-0_/),
    expect.stringMatching(/^aws_vpc_security_group_egress_rule\.Workloads_Out-tcp-8443-sg-0fedcba9876543210_/),
  ]));
});

test('connection notifications on the consumer endpoint and on an existing one', () => {
  const notifications = result.planned('aws_vpc_endpoint_connection_notification');
  expect(notifications.map((n) => n.connection_events).sort()).toEqual([['Accept', 'Delete', 'Reject'], ['Accept', 'Reject']]);
  expect(notifications.find((n) => n.vpc_endpoint_id === 'vpce-0fedcba9876543210')).toBeDefined();
  expect(result.planned('aws_sns_topic').every((topic) => topic.kms_master_key_id !== null)).toBe(true);
});

test('a Gateway Load Balancer endpoint in one subnet, with its route keyed by name', () => {
  const inspection = after('aws_vpc_endpoint', 'Inspection_');
  expect(inspection).toMatchObject({ vpc_endpoint_type: 'GatewayLoadBalancer', service_name: GWLB_SERVICE });
  expect(inspection.subnet_ids).toBeUndefined(); // a reference, known after apply
  expect(result.addresses('aws_route')).toEqual([expect.stringMatching(/^aws_route\.Inspection_Route-az2-default_/)]);
  expect(after('aws_route', 'Inspection_')).toMatchObject({ destination_cidr_block: '0.0.0.0/0' });
});

test('a Route 53 Profile shares the endpoint with another VPC and, through RAM, another account', () => {
  expect(after('aws_route53profiles_profile', 'Dns_')).toMatchObject({ name: 'unit-dev-dns' });
  expect(after('aws_route53profiles_association', 'Dns_')).toMatchObject({ resource_id: 'vpc-0123456789abcdef0', name: 'unit-dev-dns-spoke' });
  expect(after('aws_route53profiles_resource_association', 'Dns_')).toMatchObject({ name: 'unit-dev-dns-saas' });
  expect(after('aws_ram_resource_share', 'Dns_')).toMatchObject({ allow_external_principals: false });
  expect(after('aws_ram_principal_association', 'Dns_')).toMatchObject({ principal: '222222222222' });
});

test('saved flow log queries and reachability analyses with their result as an output', () => {
  const names = result.planned('aws_cloudwatch_query_definition').map((q) => q.name).sort();
  expect(names).toEqual(['unit-dev/flow-logs/accepted-and-rejected-by-source', 'unit-dev/flow-logs/interface/saas', 'unit-dev/flow-logs/rejected-by-source', 'unit-dev/flow-logs/source/on-premises']);
  expect(result.planned('aws_ec2_network_insights_path').map((p) => p.protocol)).toEqual(['tcp', 'tcp']);
  expect(result.planned('aws_ec2_network_insights_analysis')).toEqual(expect.arrayContaining([expect.objectContaining({ filter_in_arns: [NLB], wait_for_completion: true })]));
  expect(result.plan.planned_values?.outputs).toHaveProperty('saas_path_found');
});
