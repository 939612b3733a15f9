import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { VpcEndpointConnectionNotification } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-notification';
import { VpcEndpointService } from '@cdktf/provider-aws/lib/vpc-endpoint-service';
import { VpcEndpointServicePrivateDnsVerification } from '@cdktf/provider-aws/lib/vpc-endpoint-service-private-dns-verification';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Guardrails } from '@privatelink-cdktf/core';
import { loadTenantsFile } from '@privatelink-cdktf/provider';
import { Testing } from 'cdktf';
import type { AppConfig } from '../src/config';
import { ENVIRONMENTS } from '../src/environments';
import { dev } from '../src/environments/dev';
import { prod } from '../src/environments/prod';
import { stg } from '../src/environments/stg';
import { SaasProviderStack } from '../src/saas-provider-stack';
import { tenantsFile } from '../src/tenants';

type Resources = Record<string, Record<string, Record<string, unknown>>>;
interface Synthesized {
  resource: Resources;
  output: Record<string, { value: unknown }>;
  terraform: { backend: Record<string, unknown> };
}

function synth(config: AppConfig): { stack: SaasProviderStack; text: string; json: Synthesized } {
  const stack = new SaasProviderStack(Testing.app(), config);
  const text = Testing.synth(stack);
  return { stack, text, json: JSON.parse(text) as Synthesized };
}

const of = (json: Synthesized, type: string) => Object.entries(json.resource[type] ?? {});
const stacks = { dev: synth(dev), stg: synth(stg), prod: synth(prod) };

describe.each(ENVIRONMENTS.map((config) => [config.environment.name, config] as const))('saas-provider-%s', (name, config) => {
  const { text, json } = stacks[name];

  it('puts an internal NLB with its own security group in front of the ALB, on the ALB listener port', () => {
    expect(text).toHaveResourceWithProperties(Lb, { load_balancer_type: 'network', internal: true, name: `saas-provider-${name}` });
    expect(text).toHaveResourceWithProperties(LbTargetGroup, { target_type: 'alb', protocol: 'TCP', port: 443 });
    expect(text).toHaveResourceWithProperties(LbListener, { protocol: 'TCP', port: 443 });
    const nlb = of(json, 'aws_lb').find(([id]) => id.startsWith('Service_'))?.[1];
    expect(nlb?.security_groups).toEqual([expect.stringMatching(/^\$\{aws_security_group\.Service_LoadBalancer_SecurityGroup_\w+\.id\}$/)]);
    // The ALB's security group admits the NLB's group on the listener port, nothing else.
    expect(text).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, {
      referenced_security_group_id: expect.stringMatching(/Service_LoadBalancer_SecurityGroup_\w+\.id/),
      from_port: 443,
      to_port: 443,
    });
  });

  it('publishes an endpoint service that requires acceptance, with one allowed principal per tenant principal', () => {
    expect(text).toHaveResourceWithProperties(VpcEndpointService, { acceptance_required: true, private_dns_name: config.service.privateDnsName });
    const principals = of(json, 'aws_vpc_endpoint_service_allowed_principal');
    expect(principals).toHaveLength(config.service.tenants.flatMap((t) => t.principals).length);
    for (const tenant of config.service.tenants) {
      const mine = principals.filter(([id]) => id.startsWith(`Service_EndpointService_Tenant-${tenant.key}_Principal-`));
      expect(mine.map(([, r]) => r.principal_arn).sort()).toEqual([...tenant.principals].sort());
    }
    const accepters = of(json, 'aws_vpc_endpoint_connection_accepter').map(([, r]) => r.vpc_endpoint_id);
    expect(accepters.sort()).toEqual(config.service.tenants.flatMap((t) => t.endpointIds ?? []).sort());
  });

  it('verifies the private DNS name in the given public zone, notifies connection events and keeps flow logs', () => {
    expect(text).toHaveResourceWithProperties(Route53Record, { zone_id: config.service.hostedZoneId, type: 'TXT' });
    expect(text).toHaveResource(VpcEndpointServicePrivateDnsVerification);
    expect(text).toHaveResourceWithProperties(VpcEndpointConnectionNotification, { connection_events: ['Connect', 'Accept', 'Reject', 'Delete'] });
    expect(text).toHaveResourceWithProperties(SnsTopic, { kms_master_key_id: expect.stringMatching(/aws_kms_key/) });
    expect(text).toHaveResourceWithProperties(FlowLog, { traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
    expect(of(json, 'aws_flow_log')).toHaveLength(1);
    expect(of(json, 'aws_cloudwatch_log_group').map(([, r]) => r.retention_in_days)).toEqual([config.service.flowLogRetentionDays ?? 365]);
  });

  it('outputs what tenants and the DNS team need', () => {
    expect(Object.keys(json.output).sort()).toEqual([
      'alarm_topic_arn',
      'availability_zone_ids',
      'connection_topic_arn',
      'endpoints_to_reject',
      'nlb_arn',
      'nlb_dns_name',
      'private_dns_name',
      'service_id',
      'service_name',
      'supported_ip_address_types',
      'supported_regions',
      'verification_record_name',
      'verification_record_value',
    ]);
    expect(json.output.supported_ip_address_types.value).toMatch(/^\$\{tolist\(aws_vpc_endpoint_service\.Service_EndpointService_\w+\.supported_ip_address_types\)\}$/);
    expect(json.output.supported_regions.value).toMatch(/\.supported_regions\)\}$/);
    expect(json.output.endpoints_to_reject.value).toEqual([]);
    const zones = config.network.type === 'create' ? config.network.zones : config.network.subnets.map((s) => s.availabilityZoneId);
    expect(json.output.availability_zone_ids.value).toEqual(zones);
  });

  it('reads its tenants from the environment\'s tenants file', () => {
    expect(config.service.tenants).toEqual(loadTenantsFile(tenantsFile(name)));
    expect(config.service.tenants.length).toBeGreaterThan(0);
  });

  it('alarms on the NLB targets and the resets of the service, and tells the subscribed teams of connections and alarms', () => {
    const alarms = of(json, 'aws_cloudwatch_metric_alarm').map(([, r]) => r.alarm_name).sort();
    expect(alarms).toEqual([`saas-provider-${name}-endpoint-service-resets`, `saas-provider-${name}-nlb-healthy-hosts`, `saas-provider-${name}-nlb-unhealthy-hosts`]);
    const topics = Object.fromEntries(of(json, 'aws_sns_topic').map(([id, r]) => [r.name, id]));
    expect(Object.keys(topics).sort()).toEqual([`saas-provider-${name}-alarms`, `saas-provider-${name}-endpoint-connections`]);
    const subscribed = (topic: string) => of(json, 'aws_sns_topic_subscription').filter(([, r]) => String(r.topic_arn).includes(`aws_sns_topic.${topics[topic]}.`)).map(([, r]) => r.endpoint).sort();
    expect(subscribed(`saas-provider-${name}-endpoint-connections`)).toEqual((config.service.connectionSubscriptions ?? []).map((s) => ('address' in s ? s.address : 'url' in s ? s.url : '')).sort());
    expect(subscribed(`saas-provider-${name}-alarms`)).toEqual((config.service.alarms?.subscriptions ?? []).map((s) => ('address' in s ? s.address : 'url' in s ? s.url : '')).sort());
    expect(subscribed(`saas-provider-${name}-alarms`).length).toBeGreaterThan(0);
  });

  it('passes the guardrail pack with nothing suppressed', () => {
    expect(Guardrails.of(stacks[name].stack).findings()).toEqual([]);
    expect(() => Testing.synth(stacks[name].stack, true)).not.toThrow();
  });

  it('matches the reviewed snapshot', () => {
    expect(json).toMatchSnapshot();
  });
});

describe('differences between environments', () => {
  const lifecycle = (json: Synthesized, type: string) => of(json, type).find(([id]) => id.startsWith('Service_'))?.[1].lifecycle;

  it('protects the NLB and the endpoint service with prevent_destroy in prod only', () => {
    expect(lifecycle(stacks.prod.json, 'aws_lb')).toEqual({ prevent_destroy: true });
    expect(lifecycle(stacks.prod.json, 'aws_vpc_endpoint_service')).toEqual({ prevent_destroy: true });
    for (const env of ['dev', 'stg'] as const) {
      expect(lifecycle(stacks[env].json, 'aws_lb')).toBeUndefined();
      expect(lifecycle(stacks[env].json, 'aws_vpc_endpoint_service')).toBeUndefined();
    }
  });

  it('keeps deletion protection on in stg and prod, and off in dev', () => {
    expect(stacks.prod.text).toHaveResourceWithProperties(Lb, { load_balancer_type: 'network', enable_deletion_protection: true });
    expect(stacks.stg.text).toHaveResourceWithProperties(Lb, { load_balancer_type: 'network', enable_deletion_protection: true });
    expect(stacks.dev.text).toHaveResourceWithProperties(Lb, { load_balancer_type: 'network', enable_deletion_protection: false });
  });

  it('creates the VPC and a small ALB in dev, and uses the existing ALB by ARN in stg and prod', () => {
    expect(stacks.dev.text).toHaveResourceWithProperties(Lb, { load_balancer_type: 'application', internal: true, drop_invalid_header_fields: true });
    expect(stacks.dev.text).toHaveResourceWithProperties(LbListener, { protocol: 'HTTPS', port: 443 });
    const devAttachment = of(stacks.dev.json, 'aws_lb_target_group_attachment')[0][1];
    expect(devAttachment.depends_on).toEqual([expect.stringMatching(/^aws_lb_listener\.Application_HttpsListener_/)]);
    expect(of(stacks.dev.json, 'aws_vpc')).toHaveLength(1);
    for (const [env, config] of [['stg', stg], ['prod', prod]] as const) {
      if (config.application.type !== 'existing') throw new Error(`${env} should use an existing ALB`);
      expect(stacks[env].text).toHaveResourceWithProperties(LbTargetGroupAttachment, { target_id: config.application.albArn, port: config.application.listenerPort });
      expect(stacks[env].text).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { security_group_id: config.application.securityGroupId, from_port: 443 });
      expect(of(stacks[env].json, 'aws_vpc')).toHaveLength(0);
      expect(of(stacks[env].json, 'aws_lb')).toHaveLength(1);
    }
  });

  it('has one tenant in dev and several in prod, and enforces inbound rules on PrivateLink traffic in prod', () => {
    expect(dev.service.tenants).toHaveLength(1);
    expect(prod.service.tenants.map((t) => t.key)).toEqual(['acme-bank', 'city-hospital', 'prefecture-office']);
    expect(stacks.prod.text).toHaveResourceWithProperties(Lb, { load_balancer_type: 'network', enforce_security_group_inbound_rules_on_private_link_traffic: 'on' });
    expect(stacks.dev.text).toHaveResourceWithProperties(Lb, { load_balancer_type: 'network', enforce_security_group_inbound_rules_on_private_link_traffic: 'off' });
    const consumerRules = of(stacks.prod.json, 'aws_vpc_security_group_ingress_rule').filter(([, r]) => r.cidr_ipv4 !== undefined);
    expect(consumerRules.map(([, r]) => r.cidr_ipv4).sort()).toEqual([...(prod.service.consumerCidrs ?? [])].sort());
  });

  it('keeps dev state local and stg and prod state in S3', () => {
    expect(stacks.dev.json.terraform.backend).toHaveProperty('local');
    expect(stacks.stg.json.terraform.backend).toHaveProperty('s3');
    expect(stacks.prod.json.terraform.backend).toHaveProperty('s3');
  });
});

describe('configuration checks', () => {
  const withService = (service: Partial<AppConfig['service']>): AppConfig => ({ ...prod, service: { ...prod.service, ...service } });
  const build = (config: AppConfig) => () => new SaasProviderStack(Testing.app(), config);

  it('rejects an environment without tenants, an invalid private DNS name and a bad hosted zone', () => {
    expect(build(withService({ tenants: [] }))).toThrow(/SaasProviderStack 'saas-provider-prod': 'service.tenants' is empty/);
    expect(build(withService({ privateDnsName: 'api..example.com' }))).toThrow(/'service.privateDnsName' is 'api..example.com', which is not a valid DNS name/);
    expect(build(withService({ hostedZoneId: 'saas.example.com' }))).toThrow(/'privateDns.hostedZoneId' is 'saas.example.com'/);
  });

  it('rejects enforcement without consumer CIDRs and a duplicate tenant key', () => {
    expect(build(withService({ consumerCidrs: [] }))).toThrow(/'consumerCidrs' is empty while enforceInboundRulesOnPrivateLinkTraffic is true/);
    expect(build(withService({ tenants: [prod.service.tenants[0], prod.service.tenants[0]] }))).toThrow(/'tenants\[1\].key' is 'acme-bank', which tenants\[0\] \('acme-bank'\) already has/);
  });

  it('requires someone to hear of connections and alarms in prod', () => {
    expect(build(withService({ connectionSubscriptions: [] }))).toThrow(/'service.connectionSubscriptions' is empty; subscribe the team that accepts tenants' connections/);
    expect(build(withService({ alarms: {} }))).toThrow(/'service.alarms.subscriptions' is empty; subscribe the on-call team/);
    expect(build(withService({ alarms: { actions: ['arn:aws:sns:ap-northeast-1:333333333333:pager'] } }))).not.toThrow();
    expect(build({ ...dev, service: { ...dev.service, connectionSubscriptions: undefined, alarms: undefined } })).not.toThrow();
  });

  it('keeps an offboarded tenant on record: no principal, no accepter, its endpoints to reject as an output', () => {
    const [acme, ...rest] = prod.service.tenants;
    const stack = new SaasProviderStack(Testing.app(), withService({ tenants: [{ ...acme, state: 'offboarded' }, ...rest] }));
    const json = JSON.parse(Testing.synth(stack)) as Synthesized;
    expect(of(json, 'aws_vpc_endpoint_service_allowed_principal').map(([id]) => id).filter((id) => id.includes('acme-bank'))).toEqual([]);
    expect(of(json, 'aws_vpc_endpoint_connection_accepter').map(([, r]) => r.vpc_endpoint_id)).toEqual(rest.flatMap((t) => t.endpointIds ?? []));
    expect(json.output.endpoints_to_reject.value).toEqual(acme.endpointIds);
  });

  it('rejects a malformed existing ALB, VPC and subnets', () => {
    if (prod.application.type !== 'existing' || prod.network.type !== 'existing') throw new Error('prod should use existing infrastructure');
    expect(build({ ...prod, application: { ...prod.application, securityGroupId: 'alb-sg' } })).toThrow(/'application.securityGroupId' is 'alb-sg'/);
    expect(build({ ...prod, application: { ...prod.application, albArn: 'hr-app-prod' } })).toThrow(/'application.albArn' is 'hr-app-prod'/);
    const otherListener = prod.application.listenerArn.replace('hr-app-prod/3a3b3c3d3e3f3030', 'other-app/0123456789abcdef');
    expect(build({ ...prod, application: { ...prod.application, listenerArn: otherListener } })).toThrow(/'application.listenerArn' is '.*', a listener of '.*other-app.*', not of '.*hr-app-prod/);
    expect(build({ ...prod, application: { ...prod.application, listenerPort: 0 } })).toThrow(/'application.listenerPort' has port 0/);
    expect(build({ ...prod, network: { ...prod.network, vpcId: 'main' } })).toThrow(/'network.vpcId' is 'main'/);
    expect(build({ ...prod, network: { ...prod.network, subnets: [{ subnetId: 'subnet-1', availabilityZone: 'ap-northeast-1a' }] } })).toThrow(/'network.subnets' has 'subnet-1' without availabilityZoneId/);
    expect(build({ ...prod, network: { ...prod.network, subnets: [prod.network.subnets[0]] } })).toThrow(/'subnets' has 1 subnet/);
  });
});
