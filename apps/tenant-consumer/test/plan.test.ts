import * as path from 'node:path';
import { AppPlans, TERRAFORM_TIMEOUT_MS } from '@privatelink-cdktf/terraform-harness';
import { ENVIRONMENTS } from '../src/environments';

// Real Terraform on what `npm run synth` wrote to cdktf.out (turbo runs synth before test):
// init, validate and an offline plan of every stack, planned once and read many times.
const plans = new AppPlans(path.join(__dirname, '..'));
const stacks = plans.stacks;

beforeAll(() => plans.planAll(), TERRAFORM_TIMEOUT_MS);

it('finds a synthesized stack per environment (run `npm run synth` first)', () => {
  expect(stacks.map((s) => s.name).sort()).toEqual(['tenant-consumer-dev', 'tenant-consumer-prod', 'tenant-consumer-stg']);
});

describe.each(ENVIRONMENTS.map((config) => [`tenant-consumer-${config.environment.name}`, config] as const))('%s plan', (name, config) => {
  const plan = () => plans.get(name);
  const endpoint = (serviceName: string) => plan().ofType('aws_vpc_endpoint').find((rc) => rc.change.after?.service_name === serviceName)?.change.after;

  it('validates and only creates', () => {
    expect(plan().validation.valid).toBe(true);
    expect(plan().summary).toMatchObject({ change: 0, destroy: 0 });
    // Resources are created; the zone checks' data sources are read (offline they warn, and the plan goes on).
    expect(plan().resourceChanges.filter((rc) => rc.mode === 'managed').every((rc) => rc.change.actions.join() === 'create')).toBe(true);
    expect(plan().resourceChanges.filter((rc) => rc.mode === 'data').map((rc) => rc.type)).toEqual(Array(Object.keys(config.awsServices).length + 1).fill('aws_vpc_endpoint_service'));
  });

  it('plans the consumer-side connection notification, the flow log queries and, where configured, the reachability proof', () => {
    expect(plan().planned('aws_vpc_endpoint_connection_notification')).toEqual([expect.objectContaining({ connection_events: ['Accept', 'Reject'] })]);
    expect(plan().ofType('aws_cloudwatch_query_definition').length).toBe(config.onPremises ? 4 : 3);
    expect(plan().ofType('aws_ec2_network_insights_analysis')).toHaveLength(config.saasService.reachabilityFrom ? 1 : 0);
  });

  it('plans the SaaS interface endpoint, with private DNS switched on by its own resource', () => {
    expect(endpoint(config.saasService.serviceName)).toMatchObject({ vpc_endpoint_type: 'Interface', private_dns_enabled: false });
    expect(plan().ofType('aws_vpc_endpoint_private_dns').map((rc) => rc.change.after)).toEqual([expect.objectContaining({ private_dns_enabled: true })]);
  });

  it('plans an interface endpoint with private DNS for every AWS service', () => {
    for (const service of Object.values(config.awsServices)) {
      expect(endpoint(`com.amazonaws.${config.environment.region}.${service}`)).toMatchObject({ vpc_endpoint_type: 'Interface', private_dns_enabled: true });
    }
    expect(plan().ofType('aws_vpc_endpoint')).toHaveLength(Object.keys(config.awsServices).length + 3);
  });

  it('plans the data perimeter on every AWS service endpoint: principals and resources of this account', () => {
    const account = config.environment.accountId;
    for (const service of Object.values(config.awsServices)) {
      const statements = JSON.parse(endpoint(`com.amazonaws.${config.environment.region}.${service}`)?.policy as string).Statement;
      expect(statements[0]).toMatchObject({ Sid: 'AccountPrincipalsToAccountResources', Condition: { StringEquals: { 'aws:PrincipalAccount': [account], 'aws:ResourceAccount': [account] } } });
    }
  });

  it('plans S3 and DynamoDB gateway endpoints with policies and one route table association per zone key', () => {
    for (const service of ['s3', 'dynamodb']) {
      const gateway = endpoint(`com.amazonaws.${config.environment.region}.${service}`);
      expect(gateway).toMatchObject({ vpc_endpoint_type: 'Gateway' });
      expect(JSON.parse(gateway?.policy as string).Statement.length).toBeGreaterThan(0);
    }
    const addresses = plan().addresses('aws_vpc_endpoint_route_table_association').map((a) => a.replace(/^aws_vpc_endpoint_route_table_association\./, '').replace(/_[0-9A-F]{8}$/, ''));
    expect(addresses.sort()).toEqual(['DynamoDb', 'S3'].flatMap((ep) => config.network.zones.map((zone) => `${ep}_RouteTable-${zone}`)).sort());
  });

  it('plans dedicated endpoint security groups, never rules open to the internet, and flow logs', () => {
    const cidrs = plan().ofType('aws_vpc_security_group_ingress_rule').map((rc) => rc.change.after?.cidr_ipv4);
    expect(cidrs).not.toContain('0.0.0.0/0');
    expect(plan().ofType('aws_security_group').length).toBeGreaterThanOrEqual(Object.keys(config.awsServices).length + 2);
    expect(plan().ofType('aws_flow_log').map((rc) => rc.change.after?.traffic_type)).toEqual(['ALL']);
  });

  it('plans the alarms of the SaaS endpoint (and the inbound DNS) to an encrypted topic with its subscribers', () => {
    const alarms = Object.fromEntries(plan().planned('aws_cloudwatch_metric_alarm').map((alarm) => [String(alarm.alarm_name), alarm]));
    const expected = [`${name}-saas-endpoint-packets-dropped`, `${name}-saas-endpoint-resets-received`, ...(config.onPremises ? [`${name}-inbound-dns-resolver-healthy-addresses`] : [])];
    expect(Object.keys(alarms).sort()).toEqual(expected.sort());
    expect(alarms[`${name}-saas-endpoint-packets-dropped`]).toMatchObject({ namespace: 'AWS/PrivateLinkEndpoints', metric_name: 'PacketsDropped', statistic: 'Sum', threshold: 0 });
    if (config.onPremises) {
      expect(alarms[`${name}-inbound-dns-resolver-healthy-addresses`]).toMatchObject({ namespace: 'AWS/Route53Resolver', metric_name: 'EndpointHealthyENICount', threshold: config.network.zones.length });
    }
    expect(plan().planned('aws_sns_topic').filter((topic) => topic.name === `${name}-alarms`)).toHaveLength(1);
    expect(plan().ofType('aws_sns_topic').find((rc) => rc.change.after?.name === `${name}-alarms`)?.change.after_unknown).toMatchObject({ kms_master_key_id: true });
    const endpoints = (config.alarms?.subscriptions ?? []).map((s) => ('address' in s ? s.address : 'queueArn' in s ? s.queueArn : ''));
    const alarmSubscriptions = plan().ofType('aws_sns_topic_subscription').filter((rc) => rc.address.startsWith('aws_sns_topic_subscription.Alarms_Subscription-'));
    expect(alarmSubscriptions.map((rc) => rc.change.after?.endpoint).sort()).toEqual(endpoints.sort());
  });

  it(`${config.onPremises ? 'plans' : 'does not plan'} a Resolver inbound endpoint`, () => {
    const resolvers = plan().ofType('aws_route53_resolver_endpoint').map((rc) => rc.change.after);
    if (!config.onPremises) {
      expect(resolvers).toEqual([]);
      return;
    }
    expect(resolvers).toHaveLength(1);
    expect(resolvers[0]).toMatchObject({ direction: 'INBOUND', name: `${name}-inbound-dns` });
    const ips = (resolvers[0]?.ip_address as Array<{ ip: string }>).map((a) => a.ip).sort();
    expect(ips).toEqual(Object.values(config.onPremises.resolverIpAddresses ?? {}).sort());
  });
});

it('plans the Resolver inbound endpoint in prod only', () => {
  const withResolver = stacks.map((stack) => plans.get(stack.name)).filter((p) => p.ofType('aws_route53_resolver_endpoint').length > 0).map((p) => p.name);
  expect(withResolver).toEqual(['tenant-consumer-prod']);
});

