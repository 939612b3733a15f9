import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Route53ResolverEndpoint } from '@cdktf/provider-aws/lib/route53-resolver-endpoint';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointPrivateDns } from '@cdktf/provider-aws/lib/vpc-endpoint-private-dns';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readHandoffDocument } from '@privatelink-cdktf/consumer';
import { Testing } from 'cdktf';
import type { AppConfig } from '../src/config';
import { ENVIRONMENTS } from '../src/environments';
import { AWS_SERVICES } from '../src/aws-services';
import { dev } from '../src/environments/dev';
import { prod } from '../src/environments/prod';
import { stg } from '../src/environments/stg';
import { TenantConsumerStack } from '../src/tenant-consumer-stack';
import { HANDOFF_DIR, saasServiceFromHandoff } from '../src/saas-handoff';

type Resources = Record<string, Record<string, Record<string, unknown>>>;
interface Synthesized {
  resource: Resources;
  output: Record<string, { value: unknown }>;
  check?: Record<string, { data: { aws_vpc_endpoint_service: Record<string, { service_name: string }> } }>;
}

function synth(config: AppConfig): { text: string; json: Synthesized } {
  const text = Testing.synth(new TenantConsumerStack(Testing.app(), config));
  return { text, json: JSON.parse(text) as Synthesized };
}

const of = (json: Synthesized, type: string) => Object.entries(json.resource[type] ?? {});
const stacks = { dev: synth(dev), stg: synth(stg), prod: synth(prod) };

describe.each(ENVIRONMENTS.map((config) => [config.environment.name, config] as const))('tenant-consumer-%s', (name, config) => {
  const { text, json } = stacks[name];
  const endpoints = of(json, 'aws_vpc_endpoint').map(([, ep]) => ep);

  it('has private subnets only, one per zone, and flow logs', () => {
    expect(of(json, 'aws_subnet').map(([, s]) => s.availability_zone_id)).toEqual(config.network.zones);
    expect(text).toHaveResourceWithProperties(Subnet, { map_public_ip_on_launch: false });
    expect(json.resource.aws_internet_gateway).toBeUndefined();
    expect(json.resource.aws_nat_gateway).toBeUndefined();
    expect(text).toHaveResourceWithProperties(FlowLog, { traffic_type: 'ALL' });
  });

  it('reaches the SaaS service by its name from configuration, private DNS switched on after acceptance', () => {
    expect(text).toHaveResourceWithProperties(VpcEndpoint, {
      service_name: config.saasService.serviceName,
      vpc_endpoint_type: 'Interface',
      private_dns_enabled: false,
      lifecycle: { ignore_changes: ['private_dns_enabled'], ...(name === 'prod' ? { prevent_destroy: true } : {}) },
      tags: { Name: `tenant-consumer-${name}-saas` },
    });
    expect(text).toHaveResourceWithProperties(VpcEndpointPrivateDns, { private_dns_enabled: true });
    const saas = endpoints.find((ep) => ep.service_name === config.saasService.serviceName);
    expect(saas?.subnet_ids).toHaveLength(config.network.zones.length);
    expect(json.output.saas_endpoint_id.value).toMatch(/aws_vpc_endpoint\.SaasService_Endpoint_\w+\.id/);
  });

  it('reaches Kinesis, CloudWatch Logs, KMS, Systems Manager and STS through interface endpoints with private DNS', () => {
    for (const service of Object.values(AWS_SERVICES)) {
      expect(text).toHaveResourceWithProperties(VpcEndpoint, { service_name: `com.amazonaws.ap-northeast-1.${service}`, vpc_endpoint_type: 'Interface', private_dns_enabled: true });
    }
    expect(Object.values(AWS_SERVICES)).toEqual(expect.arrayContaining(['kinesis-streams', 'logs', 'kms', 'ssm', 'ssmmessages', 'ec2messages', 'sts']));
  });

  it('keeps the data perimeter on every AWS service endpoint: principals and resources of this account only', () => {
    const account = config.environment.accountId;
    const awsEndpoints = endpoints.filter((ep) => ep.vpc_endpoint_type === 'Interface' && ep.service_name !== config.saasService.serviceName);
    expect(awsEndpoints).toHaveLength(Object.keys(config.awsServices).length);
    for (const ep of awsEndpoints) {
      const statements = JSON.parse(ep.policy as string).Statement as Array<{ Sid: string; Condition: Record<string, Record<string, string[]>> }>;
      expect(statements[0]).toMatchObject({ Sid: 'AccountPrincipalsToAccountResources', Condition: { StringEquals: { 'aws:PrincipalAccount': [account], 'aws:ResourceAccount': [account] } } });
      expect(statements.every((statement) => statement.Condition !== undefined)).toBe(true);
    }
    // The SaaS provider's service decides access itself; it takes no endpoint policy.
    expect(endpoints.find((ep) => ep.service_name === config.saasService.serviceName)?.policy).toBeUndefined();
  });

  it(`${name === 'prod' ? 'keeps' : 'does not keep'} Terraform from destroying the interface endpoints`, () => {
    const interfaces = endpoints.filter((ep) => ep.vpc_endpoint_type === 'Interface');
    expect(interfaces.map((ep) => (ep.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true)).toEqual(interfaces.map(() => name === 'prod'));
  });

  it('gives every interface endpoint its own group, open on 443 to the VPC block only', () => {
    const interfaces = endpoints.filter((ep) => ep.vpc_endpoint_type === 'Interface');
    const groups = new Set(interfaces.map((ep) => JSON.stringify(ep.security_group_ids)));
    expect(groups.size).toBe(interfaces.length);
    const endpointRules = of(json, 'aws_vpc_security_group_ingress_rule').filter(([id]) => !id.startsWith('InboundDns'));
    expect(endpointRules).toHaveLength(interfaces.length);
    for (const [, rule] of endpointRules) expect(rule).toMatchObject({ cidr_ipv4: config.network.cidrBlock, from_port: 443, to_port: 443, ip_protocol: 'tcp' });
  });

  it('routes S3 and DynamoDB through gateway endpoints on every route table, by zone key', () => {
    for (const service of ['s3', 'dynamodb']) {
      expect(text).toHaveResourceWithProperties(VpcEndpoint, { service_name: `com.amazonaws.ap-northeast-1.${service}`, vpc_endpoint_type: 'Gateway' });
    }
    const associations = of(json, 'aws_vpc_endpoint_route_table_association').map(([id]) => id.replace(/_[0-9A-F]{8}$/, ''));
    expect(associations.sort()).toEqual(['DynamoDb', 'S3'].flatMap((ep) => config.network.zones.map((zone) => `${ep}_RouteTable-${zone}`)).sort());
  });

  it('limits the gateway endpoints to the configured buckets and tables of this account', () => {
    const policy = (service: string) => JSON.parse(endpoints.find((ep) => ep.service_name === `com.amazonaws.ap-northeast-1.${service}`)?.policy as string);
    const s3 = policy('s3');
    expect(s3.Statement[0].Resource).toEqual(config.dataAccess.s3Buckets.flatMap((b) => [`arn:aws:s3:::${b}`, `arn:aws:s3:::${b}/*`]));
    expect(s3.Statement[0].Condition).toEqual({ StringEquals: { 'aws:PrincipalAccount': [config.environment.accountId] } });
    expect(s3.Statement[1].Sid).toBe('SsmAgentBuckets');
    const dynamodb = policy('dynamodb');
    expect(dynamodb.Statement[0].Resource[0]).toBe(`arn:aws:dynamodb:ap-northeast-1:${config.environment.accountId}:table/${config.dataAccess.dynamoDbTables[0]}`);
  });

  it('lets workloads send HTTPS only to the VPC and the S3 and DynamoDB prefix lists', () => {
    expect(text).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { cidr_ipv4: config.network.cidrBlock, from_port: 443 });
    const prefixLists = of(json, 'aws_vpc_security_group_egress_rule').map(([, r]) => r.prefix_list_id).filter(Boolean);
    expect(prefixLists.sort()).toEqual([expect.stringMatching(/aws_vpc_endpoint\.DynamoDb_Endpoint_\w+\.prefix_list_id/), expect.stringMatching(/aws_vpc_endpoint\.S3_Endpoint_\w+\.prefix_list_id/)]);
  });

  it(`${name === 'prod' ? 'has' : 'has no'} a Resolver inbound endpoint`, () => {
    if (name !== 'prod') {
      expect(text).not.toHaveResource(Route53ResolverEndpoint);
      return;
    }
    expect(text).toHaveResourceWithProperties(Route53ResolverEndpoint, { direction: 'INBOUND', name: 'tenant-consumer-prod-inbound-dns' });
    const [[, resolver]] = of(json, 'aws_route53_resolver_endpoint');
    expect((resolver.ip_address as Array<{ ip: string }>).map((a) => a.ip)).toEqual(['10.0.0.53', '10.0.16.53', '10.0.48.53']);
    for (const protocol of ['tcp', 'udp']) {
      expect(text).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { ip_protocol: protocol, from_port: 53, to_port: 53, cidr_ipv4: '192.168.10.0/24' });
    }
    expect(json.output.inbound_resolver_ip_addresses.value).toEqual(['10.0.0.53', '10.0.16.53', '10.0.48.53']);
  });

  it('asks AWS, in check blocks, whether the SaaS service and every AWS service are offered in the subnets\' zones', () => {
    const services = Object.values(json.check ?? {}).map((check) => Object.values(check.data.aws_vpc_endpoint_service)[0].service_name);
    expect(services.sort()).toEqual([config.saasService.serviceName, ...Object.values(config.awsServices).map((s) => `com.amazonaws.ap-northeast-1.${s}`)].sort());
  });

  it('tells the customer when the provider accepts or rejects the SaaS endpoint', () => {
    const [[, notification]] = of(json, 'aws_vpc_endpoint_connection_notification');
    expect(notification).toMatchObject({ vpc_endpoint_id: expect.stringMatching(/aws_vpc_endpoint\.SaasService_Endpoint_\w+\.id/), connection_events: ['Accept', 'Reject'] });
    expect(json.output.saas_connection_topic_arn.value).toMatch(/aws_sns_topic\.SaasService_ConnectionNotifications_Topic_\w+\.arn/);
  });

  it('saves flow log queries for rejected sources and the SaaS endpoint interfaces', () => {
    const names = of(json, 'aws_cloudwatch_query_definition').map(([, q]) => q.name).sort();
    const expected = ['accepted-and-rejected-by-source', 'interface/saas', 'rejected-by-source', ...(config.onPremises ? ['source/on-premises'] : [])];
    expect(names).toEqual(expected.map((q) => `tenant-consumer-${name}/flow-logs/${q}`).sort());
  });

  it(`${config.saasService.reachabilityFrom ? 'proves' : 'does not prove'} after apply that a workload reaches the SaaS endpoint`, () => {
    const paths = of(json, 'aws_ec2_network_insights_path').map(([, p]) => p);
    if (!config.saasService.reachabilityFrom) {
      expect(paths).toEqual([]);
      expect(json.output.saas_path_found).toBeUndefined();
      return;
    }
    expect(paths).toEqual([expect.objectContaining({ source: config.saasService.reachabilityFrom, destination_port: 443, protocol: 'tcp' })]);
    expect(json.output.saas_path_found.value).toMatch(/aws_ec2_network_insights_analysis\.SaasReachability_Analysis_\w+\.path_found/);
  });

  it("reads the SaaS service from the provider's handoff document", () => {
    const document = readHandoffDocument(path.join(HANDOFF_DIR, `${name}.saas-handoff.json`));
    expect(document.providerStack).toBe(`saas-provider-${name}`);
    expect(config.saasService).toMatchObject({ serviceName: document.serviceName, availabilityZoneIds: document.availabilityZoneIds, privateDnsName: document.privateDnsName });
    expect(json.output.saas_private_dns_name.value).toBe(document.privateDnsName);
  });

  it('alarms on the SaaS endpoint (and the inbound DNS in prod) to an encrypted topic someone receives', () => {
    const alarms = of(json, 'aws_cloudwatch_metric_alarm').map(([, alarm]) => alarm);
    const names = [`tenant-consumer-${name}-saas-endpoint-packets-dropped`, `tenant-consumer-${name}-saas-endpoint-resets-received`];
    if (name === 'prod') names.push('tenant-consumer-prod-inbound-dns-resolver-healthy-addresses');
    expect(alarms.map((alarm) => alarm.alarm_name).sort()).toEqual(names.sort());
    const [topicId, topic] = of(json, 'aws_sns_topic').find(([, t]) => t.name === `tenant-consumer-${name}-alarms`) ?? [];
    expect(topic).toMatchObject({ kms_master_key_id: expect.stringMatching(/aws_kms_key\./) });
    for (const alarm of alarms) expect(alarm.alarm_actions).toEqual([`\${aws_sns_topic.${topicId}.arn}`]);
    const dropped = alarms.find((alarm) => alarm.metric_name === 'PacketsDropped');
    expect(dropped?.dimensions).toEqual({
      'Endpoint Type': 'Interface',
      'Service Name': config.saasService.serviceName,
      'VPC Endpoint Id': expect.stringMatching(/^\$\{aws_vpc_endpoint\.SaasService_Endpoint_\w+\.id\}$/),
      'VPC Id': expect.stringMatching(/^\$\{aws_vpc\.Network_Vpc_\w+\.id\}$/),
    });
    const subscribed = of(json, 'aws_sns_topic_subscription').filter(([, s]) => s.topic_arn === `\${aws_sns_topic.${topicId}.arn}`).map(([, s]) => s.endpoint);
    expect(subscribed.length).toBe(config.alarms?.subscriptions?.length);
    expect(subscribed.length).toBeGreaterThan(0);
  });

  it('matches the reviewed snapshot', () => {
    expect(json).toMatchSnapshot();
  });
});

describe('bad configuration', () => {
  const build = (config: AppConfig) => () => new TenantConsumerStack(Testing.app(), config);
  test('a zone where the SaaS service is not offered', () =>
    expect(build({ ...dev, saasService: { ...dev.saasService, availabilityZoneIds: ['apne1-az1', 'apne1-az4'] } })).toThrow(/'network.zones' has 'apne1-az2', where the SaaS service is not offered/));
  test('a malformed SaaS service name', () =>
    expect(build({ ...dev, saasService: { ...dev.saasService, serviceName: 'vpce-svc-0d1e2f3a4b5c6d7e8' } })).toThrow(/'service.serviceName' is 'vpce-svc-0d1e2f3a4b5c6d7e8', which is not an endpoint service name/));
  test('a SaaS service in another region', () =>
    expect(build({ ...dev, saasService: { ...dev.saasService, serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0d1e2f3a4b5c6d7e8' } })).toThrow(/set serviceRegion: 'us-east-1'/));
  test('a reachability source that Reachability Analyzer cannot start from', () =>
    expect(build({ ...dev, saasService: { ...dev.saasService, reachabilityFrom: 'subnet-0a1b2c3d4e5f60718' } })).toThrow(/'saasService.reachabilityFrom' is 'subnet-0a1b2c3d4e5f60718', which Reachability Analyzer cannot start or end a path at/));
  test('no AWS services', () => expect(build({ ...dev, awsServices: {} })).toThrow(/'awsServices' is empty/));
  test('an AWS service by an unknown name format', () => expect(build({ ...dev, awsServices: { kinesis: 'Amazon Kinesis' } })).toThrow(/'services.kinesis.awsService' is 'Amazon Kinesis'/));
  test('no buckets', () => expect(build({ ...dev, dataAccess: { ...dev.dataAccess, s3Buckets: [] } })).toThrow(/'dataAccess.s3Buckets' is empty/));
  test('a handoff document for another region that the service does not accept', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-'));
    try {
      fs.copyFileSync(path.join(HANDOFF_DIR, 'dev.saas-handoff.json'), path.join(dir, 'dev.saas-handoff.json'));
      expect(() => saasServiceFromHandoff({ ...dev.environment, region: 'us-east-1' }, dir)).toThrow(
        /dev.saas-handoff.json: 'supportedRegions' is \["ap-northeast-1"\], without us-east-1 where the endpoint is; ask the provider to add us-east-1/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  test('prod without anyone to receive the alarms', () => expect(build({ ...prod, alarms: {} })).toThrow(/'alarms.subscriptions' is empty; subscribe the network team/));
  test('an alarm setting CloudWatch would refuse', () =>
    expect(build({ ...dev, alarms: { ...dev.alarms, saasEndpoint: { packetsDropped: { periodSeconds: 45 } } } })).toThrow(/EndpointAlarms 'tenant-consumer-dev\/SaasServiceAlarms': 'packetsDropped.periodSeconds' is 45/));
  test('prod without on-premises DNS', () => expect(build({ ...prod, onPremises: undefined })).toThrow(/'onPremises' is missing in prod/));
  test('DNS forwarders overlapping the VPC', () =>
    expect(build({ ...prod, onPremises: { dnsForwarderCidrs: ['10.0.128.0/24'] } })).toThrow(/'onPremises.dnsForwarderCidrs' has '10.0.128.0\/24', which overlaps the VPC block 10.0.0.0\/16/));
  test('a fixed resolver address outside the zones', () =>
    expect(build({ ...stg, onPremises: { dnsForwarderCidrs: ['192.168.10.0/24'], resolverIpAddresses: { 'apne1-az4': '10.0.32.53' } } })).toThrow(/'ipAddresses' has key 'apne1-az4'/));
});
