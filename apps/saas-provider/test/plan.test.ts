import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TopicSubscription } from '@privatelink-cdktf/core';
import { AppPlans, TERRAFORM_TIMEOUT_MS } from '@privatelink-cdktf/terraform-harness';
import { Testing } from 'cdktf';
import { ENVIRONMENTS } from '../src/environments';
import { SaasProviderStack } from '../src/saas-provider-stack';

// Real Terraform on what `npm run synth` wrote to cdktf.out (turbo runs synth before test):
// init, validate and an offline plan of every stack, planned once and read many times.
const plans = new AppPlans(path.join(__dirname, '..'));
const stacks = plans.stacks;

beforeAll(() => plans.planAll(), TERRAFORM_TIMEOUT_MS);

it('finds a synthesized stack per environment (run `npm run synth` first)', () => {
  expect(stacks.map((s) => s.name)).toEqual(['saas-provider-dev', 'saas-provider-prod', 'saas-provider-stg']);
});

it('plans what the current code synthesizes, not a stale cdktf.out', () => {
  const withoutMetadata = (value: unknown): unknown =>
    JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === '//' ? undefined : v)));
  for (const config of ENVIRONMENTS) {
    const stack = stacks.find((s) => s.name === `saas-provider-${config.environment.name}`);
    if (!stack) throw new Error(`saas-provider-${config.environment.name} is not synthesized`);
    const written = JSON.parse(fs.readFileSync(path.join(stack.dir, 'cdk.tf.json'), 'utf8')) as { resource: unknown };
    const current = JSON.parse(Testing.synth(new SaasProviderStack(Testing.app(), config))) as { resource: unknown };
    expect(withoutMetadata(written.resource)).toEqual(withoutMetadata(current.resource));
  }
});

describe.each(ENVIRONMENTS.map((config) => [`saas-provider-${config.environment.name}`, config] as const))('%s plan', (name, config) => {
  const plan = () => plans.get(name);
  const after = (type: string, prefix = ''): Record<string, unknown> => {
    const change = plan().ofType(type).find((rc) => rc.name.startsWith(prefix));
    if (!change?.change.after) throw new Error(`${name} plans no ${type} ${prefix}`);
    return change.change.after;
  };

  it('validates and only creates', () => {
    expect(plan().validation.valid).toBe(true);
    expect(plan().summary.change).toBe(0);
    expect(plan().summary.destroy).toBe(0);
    expect(plan().resourceChanges.every((rc) => rc.change.actions.join() === 'create')).toBe(true);
  });

  it('creates the endpoint service in front of an internal NLB with a TCP listener and a target group of type alb', () => {
    expect(after('aws_vpc_endpoint_service')).toMatchObject({ acceptance_required: true, private_dns_name: config.service.privateDnsName, supported_ip_address_types: ['ipv4'] });
    expect(after('aws_lb', 'Service_')).toMatchObject({ load_balancer_type: 'network', internal: true, name: name });
    expect(after('aws_lb_listener', 'Service_')).toMatchObject({ port: 443, protocol: 'TCP' });
    expect(after('aws_lb_target_group', 'Service_')).toMatchObject({ target_type: 'alb', protocol: 'TCP', port: 443 });
  });

  it("allows every tenant's principals, addressed by tenant key", () => {
    const addresses = plan().addresses('aws_vpc_endpoint_service_allowed_principal');
    for (const tenant of config.service.tenants) {
      const mine = plan().ofType('aws_vpc_endpoint_service_allowed_principal').filter((rc) => rc.address.startsWith(`aws_vpc_endpoint_service_allowed_principal.Service_EndpointService_Tenant-${tenant.key}_Principal-`));
      expect(mine.map((rc) => rc.change.after?.principal_arn).sort()).toEqual([...tenant.principals].sort());
    }
    expect(addresses).toHaveLength(config.service.tenants.flatMap((t) => t.principals).length);
    expect(plan().ofType('aws_vpc_endpoint_connection_accepter').map((rc) => rc.change.after?.vpc_endpoint_id).sort()).toEqual(config.service.tenants.flatMap((t) => t.endpointIds ?? []).sort());
  });

  it('notifies connection events, verifies the private DNS name and writes flow logs', () => {
    expect(after('aws_vpc_endpoint_connection_notification')).toMatchObject({ connection_events: ['Accept', 'Connect', 'Delete', 'Reject'] });
    expect(plan().ofType('aws_sns_topic').filter((rc) => rc.address.includes('_Notifications_'))).toHaveLength(1);
    expect(after('aws_route53_record')).toMatchObject({ type: 'TXT', zone_id: config.service.hostedZoneId });
    expect(plan().ofType('aws_vpc_endpoint_service_private_dns_verification')).toHaveLength(1);
    expect(after('aws_flow_log')).toMatchObject({ traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
  });

  it('plans the alarms to an encrypted topic with its subscribers, and the connection team\'s subscriptions', () => {
    const alarms = Object.fromEntries(plan().planned('aws_cloudwatch_metric_alarm').map((alarm) => [String(alarm.alarm_name), alarm]));
    expect(Object.keys(alarms).sort()).toEqual([`${name}-endpoint-service-resets`, `${name}-nlb-healthy-hosts`, `${name}-nlb-unhealthy-hosts`]);
    // An ALB target is one target in every zone.
    expect(alarms[`${name}-nlb-healthy-hosts`]).toMatchObject({ namespace: 'AWS/NetworkELB', metric_name: 'HealthyHostCount', statistic: 'Minimum', comparison_operator: 'LessThanThreshold', threshold: 1, treat_missing_data: 'breaching' });
    expect(alarms[`${name}-nlb-unhealthy-hosts`]).toMatchObject({ metric_name: 'UnHealthyHostCount', comparison_operator: 'GreaterThanThreshold', threshold: 0 });
    expect(alarms[`${name}-endpoint-service-resets`]).toMatchObject({ namespace: 'AWS/PrivateLinkServices', metric_name: 'RstPacketsSent', statistic: 'Sum', threshold: 100 });
    const topics = plan().planned('aws_sns_topic').map((topic) => topic.name).sort();
    expect(topics).toEqual([`${name}-alarms`, `${name}-endpoint-connections`]);
    const endpoints = (subscriptions: readonly TopicSubscription[] = []) => subscriptions.map((s) => ('address' in s ? s.address : 'url' in s ? s.url : ''));
    const planned = plan().planned('aws_sns_topic_subscription').map((s) => s.endpoint);
    expect(planned.sort()).toEqual([...endpoints(config.service.connectionSubscriptions), ...endpoints(config.service.alarms?.subscriptions)].sort());
    expect(plan().ofType('aws_sns_topic_policy')).toHaveLength(2);
  });

  it(`has NLB deletion protection ${config.service.deletionProtection === false ? 'off' : 'on'}`, () => {
    expect(after('aws_lb', 'Service_').enable_deletion_protection).toBe(config.service.deletionProtection ?? true);
  });
});

it('plans prod with NLB deletion protection and inbound rules enforced on PrivateLink traffic', () => {
  const [nlb] = plans.get('saas-provider-prod').planned('aws_lb');
  expect(nlb).toMatchObject({ enable_deletion_protection: true, enforce_security_group_inbound_rules_on_private_link_traffic: 'on' });
});

it('plans Contributor Insights on the prod endpoint service only: the four managed rules', () => {
  const rules = plans.get('saas-provider-prod').planned('aws_cloudwatch_contributor_managed_insight_rule');
  expect(rules.map((r) => r.template_name).sort()).toEqual([
    'VpcEndpointService-ActiveConnectionsByEndpointId-v1',
    'VpcEndpointService-BytesByEndpointId-v1',
    'VpcEndpointService-NewConnectionsByEndpointId-v1',
    'VpcEndpointService-RstPacketsByEndpointId-v1',
  ]);
  expect(plans.get('saas-provider-stg').planned('aws_cloudwatch_contributor_managed_insight_rule')).toEqual([]);
});

it('plans prod with prevent_destroy on the NLB and the endpoint service (the production default), dev and stg without', () => {
  const lifecycles = (name: string) => {
    const stack = stacks.find((s) => s.name === name);
    if (!stack) throw new Error(`${name} is not synthesized`);
    const planned = JSON.parse(fs.readFileSync(path.join(stack.dir, 'cdk.tf.json'), 'utf8')) as { resource: Record<string, Record<string, { lifecycle?: unknown }>> };
    return ['aws_lb', 'aws_vpc_endpoint_service'].flatMap((type) => Object.entries(planned.resource[type]).filter(([id]) => id.startsWith('Service_')).map(([, r]) => r.lifecycle));
  };
  expect(plans.get('saas-provider-prod').validation.valid).toBe(true);
  expect(lifecycles('saas-provider-prod')).toEqual([{ prevent_destroy: true }, { prevent_destroy: true }]);
  expect(lifecycles('saas-provider-stg')).toEqual([undefined, undefined]);
  expect(lifecycles('saas-provider-dev')).toEqual([undefined, undefined]);
});

it('makes the dev ALB attachment wait for the ALB listener in the planned configuration', () => {
  const configuration = plans.get('saas-provider-dev').plan.configuration as { root_module: { resources: { address: string; depends_on?: string[] }[] } };
  const attachment = configuration.root_module.resources.find((r) => r.address.startsWith('aws_lb_target_group_attachment.Service_AlbTarget_Attachment_'));
  expect(attachment?.depends_on).toEqual([expect.stringMatching(/^aws_lb_listener\.Application_HttpsListener_/)]);
});

