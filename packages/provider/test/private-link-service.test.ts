import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { VpcEndpointService } from '@cdktf/provider-aws/lib/vpc-endpoint-service';
import { Guardrails, PrivateNetwork } from '@privatelink-cdktf/core';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Testing, Token } from 'cdktf';
import { PrivateLinkService, type PrivateLinkServiceProps } from '../src/private-link-service';
import { ALB_ARN, ALB_LISTENER_ARN, NLB_ARN, SUBNETS, VPC, recordedGuardrails, resolve, resourcesOf, synthJson, testStack } from './helpers';

const TENANTS = [{ key: 'acme-bank', principals: ['arn:aws:iam::444444444444:root'] }];
const ALB_TARGET = { type: 'alb', albArn: ALB_ARN, albListener: { listenerArn: ALB_LISTENER_ARN, port: 443 }, albSecurityGroupId: 'sg-0a1b0c0d0e0f00001' } as const;

// The prod test stack deploys to account 333333333333: its ALB is there too.
const PROD_ALB_TARGET = {
  ...ALB_TARGET,
  albArn: ALB_ARN.replace('111111111111', '333333333333'),
  albListener: { listenerArn: ALB_LISTENER_ARN.replace('111111111111', '333333333333'), port: 443 },
} as const;

function build(props: Partial<PrivateLinkServiceProps> = {}, environment: 'dev' | 'prod' = 'dev') {
  const stack = testStack(environment);
  const target = environment === 'prod' ? PROD_ALB_TARGET : ALB_TARGET;
  const service = new PrivateLinkService(stack, 'Service', { name: 'unit', vpc: VPC, subnets: SUBNETS, target, tenants: TENANTS, ...props });
  return { stack, service };
}

describe('PrivateLinkService', () => {
  it('publishes an ALB through a new NLB with a TCP listener on the ALB port, tenants, notifications and flow logs', () => {
    const { stack, service } = build({ privateDns: { name: 'api.dev.saas.example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' } });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(Lb, { load_balancer_type: 'network', internal: true, enable_deletion_protection: true });
    expect(synthesized).toHaveResourceWithProperties(LbTargetGroup, { target_type: 'alb', port: 443 });
    expect(synthesized).toHaveResourceWithProperties(LbListener, { port: 443, protocol: 'TCP' });
    expect(synthesized).toHaveResourceWithProperties(VpcEndpointService, { acceptance_required: true, private_dns_name: 'api.dev.saas.example.com', tags: { Name: 'unit' } });
    expect(synthesized).toHaveResourceWithProperties(SnsTopic, { name: 'unit-endpoint-connections' });
    expect(synthesized).toHaveResourceWithProperties(FlowLog, { vpc_id: VPC.vpcId, traffic_type: 'ALL' });
    expect(Object.keys(resourcesOf(synthJson(stack), 'aws_vpc_endpoint_service_allowed_principal'))).toHaveLength(1);
    expect(resourcesOf(synthJson(stack), 'aws_vpc_endpoint_service_private_dns_verification')).not.toEqual({});

    expect(service.availabilityZoneIds).toEqual(['apne1-az1', 'apne1-az4']);
    expect(service.nlbArns).toHaveLength(1);
    expect(resolve(stack, service.nlbArn)).toMatch(/^\$\{aws_lb\.Service_LoadBalancer_\w+\.arn\}$/);
    expect(resolve(stack, service.nlbDnsName)).toMatch(/\.dns_name\}$/);
    expect(resolve(stack, service.serviceName)).toMatch(/\.service_name\}$/);
    expect(resolve(stack, service.serviceId)).toMatch(/\.id\}$/);
    expect(resolve(stack, service.verificationRecordName)).toMatch(/aws_route53_record\.Service_PrivateDnsName_VerificationRecord_\w+\.fqdn/);
    expect(resolve(stack, service.verificationRecordValue)).toMatch(/private_dns_name_configuration\[0\]\.value/);
    expect(resolve(stack, service.flowLogGroupName)).toMatch(/aws_cloudwatch_log_group/);
  });

  it('protects the NLB and the endpoint service with prevent_destroy in production by default, elsewhere when asked', () => {
    const lifecycleOf = (json: ReturnType<typeof synthJson>, type: string) => Object.values(resourcesOf(json, type))[0].lifecycle;
    const prod = synthJson(build({}, 'prod').stack);
    expect(lifecycleOf(prod, 'aws_lb')).toEqual({ prevent_destroy: true });
    expect(lifecycleOf(prod, 'aws_vpc_endpoint_service')).toEqual({ prevent_destroy: true });
    const dev = synthJson(build().stack);
    expect(lifecycleOf(dev, 'aws_lb')).toBeUndefined();
    expect(lifecycleOf(dev, 'aws_vpc_endpoint_service')).toBeUndefined();
    const asked = synthJson(build({ preventDestroy: true }).stack);
    expect(lifecycleOf(asked, 'aws_lb')).toEqual({ prevent_destroy: true });
    expect(lifecycleOf(asked, 'aws_vpc_endpoint_service')).toEqual({ prevent_destroy: true });
  });

  it('drops prevent_destroy in production only when told by name, acknowledging PL-PROD-2 for both resources', () => {
    const { stack } = build({ preventDestroy: false }, 'prod');
    const json = synthJson(stack);
    expect(Object.values(resourcesOf(json, 'aws_lb'))[0].lifecycle).toBeUndefined();
    // PL-PROD-2 finds both resources, and the construct's acknowledgements suppress exactly those findings.
    const findings = Guardrails.of(stack).findings();
    expect(findings.map((f) => [f.ruleId, f.address.split('.')[0], f.suppression?.source]).sort()).toEqual([
      ['PL-PROD-2', 'aws_lb', 'construct'],
      ['PL-PROD-2', 'aws_vpc_endpoint_service', 'construct'],
    ]);
    const recorded = recordedGuardrails(stack).suppressions;
    expect(recorded.filter((s) => s.ruleId === 'PL-PROD-2').map((s) => s.path).sort()).toEqual(['unit-prod/Service/EndpointService', 'unit-prod/Service/LoadBalancer']);
  });

  it('passes the guardrail pack with its defaults, in prod too', () => {
    for (const environment of ['dev', 'prod'] as const) {
      const { stack } = build({ privateDns: { name: 'api.saas.example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' } }, environment);
      expect(Guardrails.of(stack).findings()).toEqual([]);
      expect(() => Testing.synth(stack, true)).not.toThrow();
    }
    // Turning deletion protection off in prod is what the pack is there to catch.
    const { stack } = build({ deletionProtection: false }, 'prod');
    expect(Guardrails.of(stack).findings().map((f) => f.ruleId)).toEqual(['PL-ES-3']);
  });

  it('passes the provider to every resource it creates and dependsOn to the NLB and the endpoint service', () => {
    const stack = testStack();
    const other = new AwsProvider(stack, 'osaka', { region: 'ap-northeast-3', alias: 'osaka' });
    const gate = new SnsTopic(stack, 'Gate', { name: 'gate' });
    // Everything is in Osaka: the checks judge zones and ARNs by the provider's region.
    const osaka = (arn: string) => arn.replace('ap-northeast-1', 'ap-northeast-3');
    const subnets = [
      { subnetId: 'subnet-a', availabilityZoneId: 'apne3-az1' },
      { subnetId: 'subnet-b', availabilityZoneId: 'apne3-az2' },
    ];
    const target = { ...ALB_TARGET, albArn: osaka(ALB_ARN), albListener: { listenerArn: osaka(ALB_LISTENER_ARN), port: 443 } };
    const tokyoSubnets = testStack();
    const osakaProvider = new AwsProvider(tokyoSubnets, 'osaka', { region: 'ap-northeast-3', alias: 'osaka' });
    expect(() => new PrivateLinkService(tokyoSubnets, 'Service', { name: 'unit', vpc: VPC, subnets: SUBNETS, target, tenants: TENANTS, provider: osakaProvider })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'subnets' has 'apne1-az1'.*ap-northeast-3/);
    new PrivateLinkService(stack, 'Service', { name: 'unit', vpc: VPC, subnets, target, tenants: TENANTS, provider: other, dependsOn: [gate] });
    const json = synthJson(stack);
    const mine = Object.values(json.resource).flatMap((byId) => Object.entries(byId)).filter(([id]) => id.startsWith('Service_'));
    expect(mine.length).toBeGreaterThanOrEqual(20);
    expect(mine.filter(([, r]) => r.provider !== 'aws.osaka').map(([id]) => id)).toEqual([]);
    expect(Object.values(resourcesOf(json, 'aws_lb'))[0].depends_on).toEqual(['aws_sns_topic.Gate']);
    expect(Object.values(resourcesOf(json, 'aws_vpc_endpoint_service'))[0].depends_on).toEqual(['aws_sns_topic.Gate']);
  });

  it('publishes IP targets through several TCP and TLS listeners', () => {
    const certificateArn = 'arn:aws:acm:ap-northeast-1:111111111111:certificate/0b1c2d3e-1111-2222-3333-444455556666';
    const { stack } = build({
      target: { type: 'ip', port: 8443, ips: ['10.10.1.10', '192.168.10.10'] },
      listeners: [{ port: 443, protocol: 'TLS', certificateArn }, { port: 8443 }],
    });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(LbListener, { port: 443, protocol: 'TLS', certificate_arn: certificateArn });
    expect(synthesized).toHaveResourceWithProperties(LbListener, { port: 8443, protocol: 'TCP' });
    expect(synthesized).toHaveResourceWithProperties(LbTargetGroup, { target_type: 'ip', port: 8443 });
  });

  it('publishes instance targets on TCP 443 by default', () => {
    const { stack } = build({ target: { type: 'instance', instances: [{ key: 'app-1', instanceId: 'i-0123456789abcdef0' }] } });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(LbListener, { port: 443, protocol: 'TCP' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(LbTargetGroup, { target_type: 'instance', port: 443 });
  });

  it('listens on the ALB listener port for an ALB target, and on TCP 443 for IP targets, unless listeners are given', () => {
    const { stack: alb } = build({ target: { ...ALB_TARGET, albListener: { listenerArn: ALB_LISTENER_ARN, port: 8443 } } });
    const albListeners = Object.values(resourcesOf(synthJson(alb), 'aws_lb_listener')).map((l) => [l.port, l.protocol]);
    expect(albListeners).toEqual([[8443, 'TCP']]);
    const { stack: ips } = build({ target: { type: 'ip', port: 8443, ips: ['10.10.1.10'] } });
    const ipListeners = Object.values(resourcesOf(synthJson(ips), 'aws_lb_listener')).map((l) => [l.port, l.protocol]);
    expect(ipListeners).toEqual([[443, 'TCP']]);
  });

  it('passes no zones on for existing NLBs unless told', () => {
    const { service } = build({ subnets: undefined, target: undefined, existingNlbArns: [NLB_ARN] });
    expect(service.availabilityZoneIds).toEqual([]);
  });

  it('fronts several existing NLBs without creating one', () => {
    const second = NLB_ARN.replace('/shared/', '/second/');
    const { stack, service } = build({ subnets: undefined, target: undefined, existingNlbArns: [NLB_ARN, second], availabilityZoneIds: ['apne1-az1', 'apne1-az2'] });
    const synthesized = Testing.synth(stack);
    expect(synthesized).not.toHaveResource(Lb);
    expect(synthesized).toHaveResourceWithProperties(VpcEndpointService, { network_load_balancer_arns: [NLB_ARN, second] });
    expect(service.nlbArn).toBe(NLB_ARN);
    expect(service.nlbDnsName).toBeUndefined();
    expect(service.availabilityZoneIds).toEqual(['apne1-az1', 'apne1-az2']);
  });

  it('makes the NLB dualstack for an IPv6 service', () => {
    const { stack } = build({ supportedIpAddressTypes: ['ipv4', 'ipv6'] });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Lb, { ip_address_type: 'dualstack' });
  });

  it('reuses the flow logs of a PrivateNetwork, and leaves out notifications and flow logs when told', () => {
    const stack = testStack();
    const network = new PrivateNetwork(stack, 'Network', { name: 'unit', cidrBlock: '10.10.0.0/16', zones: ['apne1-az1', 'apne1-az2'] });
    new PrivateLinkService(stack, 'Service', { name: 'unit', vpc: network, subnets: network.subnets, target: ALB_TARGET, tenants: TENANTS });
    expect(Object.keys(resourcesOf(synthJson(stack), 'aws_flow_log'))).toEqual([expect.stringMatching(/^Network_FlowLogs_/)]);

    const { stack: bare } = build({ notifications: false, flowLogs: false, alarms: false });
    expect(Testing.synth(bare)).not.toHaveResource(SnsTopic);
    expect(Testing.synth(bare)).not.toHaveResource(FlowLog);
  });

  it('turns Contributor Insights on only when asked, for every rule or the ones named, on its endpoint service', () => {
    const insightRules = (props: Partial<PrivateLinkServiceProps>) =>
      Object.values(resourcesOf(synthJson(build(props).stack), 'aws_cloudwatch_contributor_managed_insight_rule')).map((r) => [r.template_name, r.resource_arn]);
    expect(insightRules({})).toEqual([]);
    expect(insightRules({ contributorInsights: true })).toHaveLength(4);
    expect(insightRules({ contributorInsights: { templates: ['VpcEndpointService-RstPacketsByEndpointId-v1'] } })).toEqual([
      ['VpcEndpointService-RstPacketsByEndpointId-v1', expect.stringMatching(/^\$\{aws_vpc_endpoint_service\.Service_EndpointService_\w+\.arn\}$/)],
    ]);
  });

  it('admits peers to the new NLB on its listener ports with allowFrom, and refuses for existing NLBs', () => {
    const { stack, service } = build({ enforceInboundRulesOnPrivateLinkTraffic: true, consumerCidrs: ['10.50.0.0/16'] });
    service.allowFrom('10.60.0.0/16');
    const ingress = Object.values(resourcesOf(synthJson(stack), 'aws_vpc_security_group_ingress_rule')).filter((r) => String(r.security_group_id).includes('LoadBalancer'));
    expect(ingress.map((r) => `${r.cidr_ipv4}:${r.from_port}`).sort()).toEqual(['10.50.0.0/16:443', '10.60.0.0/16:443']);
    expect(() => service.allowFrom('::/0')).toThrow(/PrivateLinkService 'unit-dev\/Service': 'allowFrom' has '::\/0', which admits the whole internet/);
    const existing = build({ subnets: undefined, target: undefined, existingNlbArns: [NLB_ARN] }).service;
    expect(() => existing.allowFrom('10.60.0.0/16')).toThrow(/'allowFrom' cannot add rules: the service fronts existing NLBs/);
  });

  describe('rejects', () => {
    it('an empty NLB list, existing NLBs mixed with a new one, and no target', () => {
      expect(() => build({ subnets: undefined, target: undefined, existingNlbArns: [] })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'existingNlbArns' is empty/);
      expect(() => build({ existingNlbArns: [NLB_ARN] })).toThrow(/'existingNlbArns' is given together with subnets, target or listeners/);
      expect(() => build({ target: undefined })).toThrow(/'target' is missing/);
    });

    it('a flow log retention that would be ignored because the PrivateNetwork has flow logs already', () => {
      const stack = testStack();
      const network = new PrivateNetwork(stack, 'Network', { name: 'unit', cidrBlock: '10.10.0.0/16', zones: ['apne1-az1', 'apne1-az2'] });
      expect(() => new PrivateLinkService(stack, 'Service', { name: 'unit', vpc: network, subnets: network.subnets, target: ALB_TARGET, tenants: TENANTS, flowLogs: { retentionDays: 30 } })).toThrow(
        /'flowLogs.retentionDays' is set while the PrivateNetwork already has flow logs/,
      );
    });

    it('an empty listener list and two listeners on one port', () => {
      expect(() => build({ listeners: [] })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'listeners' is empty/);
      expect(() => build({ listeners: [{ port: 443 }, { port: 443 }] })).toThrow(/'listeners\[1\]' has port 443 twice/);
    });

    it('an ALB target behind a TLS listener', () => {
      const certificateArn = 'arn:aws:acm:ap-northeast-1:111111111111:certificate/x';
      expect(() => build({ listeners: [{ port: 443, protocol: 'TLS', certificateArn }] })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'listeners\[0\].protocol' is 'TLS' for an ALB target/);
    });

    it('an IPv6 service on an IPv4 NLB, enforcement without consumer CIDRs, and too few subnets', () => {
      expect(() => build({ supportedIpAddressTypes: ['ipv6'], ipAddressType: 'ipv4' })).toThrow(/'ipAddressType' is 'ipv4' while the service supports ipv6/);
      expect(() => build({ enforceInboundRulesOnPrivateLinkTraffic: true })).toThrow(/'consumerCidrs' is empty while enforceInboundRulesOnPrivateLinkTraffic is true/);
      expect(() => build({ subnets: [SUBNETS[0]] })).toThrow(/'subnets' has 1 subnet/);
    });
  });
});

const TARGET_FIX = /give \{ type: 'alb' \| 'ip' \| 'instance', \.\.\. \}, or existingNlbArns/;
const PRIVATE_DNS_FIX = /give \{ name: 'api\.saas\.example\.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' \}, or leave privateDns out/;
const MIXED_FIX = /either bring existing NLBs or let the construct create one, not both/;
const pls = (props: Record<string, unknown>) => () => build(props as Partial<PrivateLinkServiceProps>);
const existing = (props: Record<string, unknown>) => pls({ subnets: undefined, target: undefined, existingNlbArns: [NLB_ARN], ...props });

// Bad inputs PrivateLinkService checks itself, before or around the constructs it builds.
const BAD: readonly BadInputCase[] = [
  { name: 'vpc as an ID (untyped JS)', run: pls({ vpc: VPC.vpcId }), field: 'vpc', value: `the string '${VPC.vpcId}'`, fix: /give a core PrivateNetwork/ },
  { name: 'IP address types as a string (untyped JS)', run: pls({ supportedIpAddressTypes: 'ipv6' }), field: 'supportedIpAddressTypes', value: "the string 'ipv6', not a list", fix: /give \['ipv4'\], \['ipv6'\] or both/ },
  { name: 'existing NLBs with subnets', run: existing({ subnets: SUBNETS }), field: 'existingNlbArns', value: 'is given together with subnets, target or listeners', fix: MIXED_FIX },
  { name: 'existing NLBs with a target', run: existing({ target: ALB_TARGET }), field: 'existingNlbArns', value: 'is given together with subnets, target or listeners', fix: MIXED_FIX },
  { name: 'existing NLBs with listeners', run: existing({ listeners: [{ port: 443 }] }), field: 'existingNlbArns', value: 'is given together with subnets, target or listeners', fix: MIXED_FIX },
  { name: 'existing NLBs as one ARN (untyped JS)', run: existing({ existingNlbArns: NLB_ARN }), field: 'existingNlbArns', value: `the string '${NLB_ARN}', not a list`, fix: /give a list of Network Load Balancer ARNs, or leave it out to create one/ },
  { name: 'existing NLBs empty', run: existing({ existingNlbArns: [] }), field: 'existingNlbArns', value: 'is empty', fix: /give the ARN of at least one Network Load Balancer, or leave it out to create one/ },
  { name: 'zone IDs as a string (untyped JS)', run: existing({ availabilityZoneIds: 'apne1-az1' }), field: 'availabilityZoneIds', value: "the string 'apne1-az1', not a list", fix: /give AZ IDs such as \['apne1-az1', 'apne1-az2'\]/ },
  { name: 'target missing', run: pls({ target: undefined }), field: 'target', value: 'is missing', fix: TARGET_FIX },
  { name: 'target null (untyped JS)', run: pls({ target: null }), field: 'target', value: 'is null', fix: TARGET_FIX },
  { name: 'target as a string (untyped JS)', run: pls({ target: 'alb' }), field: 'target', value: "is the string 'alb'", fix: TARGET_FIX },
  { name: 'target as a list (untyped JS)', run: pls({ target: [ALB_TARGET] }), field: 'target', value: 'is a list', fix: TARGET_FIX },
  { name: 'target type unresolved', run: pls({ target: { ...ALB_TARGET, type: Token.asString({ Ref: 'kind' }) } }), field: 'target.type', value: 'is an unresolved value', fix: /use 'alb', 'ip' or 'instance'/ },
  { name: 'IP address type unknown', run: pls({ ipAddressType: 'ipv6' }), field: 'ipAddressType', value: "is 'ipv6'", fix: /use one of 'ipv4', 'dualstack'/ },
  { name: 'subnets missing for a new NLB', run: pls({ subnets: undefined }), field: 'subnets', value: 'is empty', fix: /one subnet in each of at least 2 Availability Zones/ },
  { name: 'listeners as one listener (untyped JS)', run: pls({ listeners: { port: 443 } }), field: 'listeners', value: 'is an object, not a list', fix: /give a list of listeners, for example \[\{ port: 443 \}\]/ },
  { name: 'private DNS as a name (untyped JS)', run: pls({ privateDns: 'api.saas.example.com' }), field: 'privateDns', value: "is the string 'api.saas.example.com'", fix: PRIVATE_DNS_FIX },
  { name: 'private DNS null (untyped JS)', run: pls({ privateDns: null }), field: 'privateDns', value: 'is null', fix: PRIVATE_DNS_FIX },
  { name: 'private DNS without a name (untyped JS)', run: pls({ privateDns: { hostedZoneId: 'Z0123456789ABCDEFGHIJ' } }), field: 'privateDns.name', value: 'is missing', fix: /give the name consumers use, for example 'api\.saas\.example\.com'/ },
  { name: 'private DNS verified domain elsewhere', run: pls({ privateDns: { name: 'api.saas.example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ', verifiedDomain: 'other.example.com' } }), field: 'privateDns.verifiedDomain', value: "'other.example.com'", fix: /parent domains/ },
  { name: 'notifications null (untyped JS)', run: pls({ notifications: null }), field: 'notifications', value: 'is null', fix: /or false to turn notifications off/ },
  { name: 'notifications as a list (untyped JS)', run: pls({ notifications: [] }), field: 'notifications', value: 'is a list', fix: /or false to turn notifications off/ },
  { name: 'alarms as a list (untyped JS)', run: pls({ alarms: [] }), field: 'alarms', value: 'is []', fix: /\{ actions: \[topicArn\] \}, or false to turn the alarms off/ },
  {
    name: 'alarm subscriptions next to actions',
    run: pls({ alarms: { actions: ['arn:aws:sns:ap-northeast-1:111111111111:pager'], subscriptions: [] } }),
    field: 'alarms.subscriptions',
    value: 'is set together with alarms.actions, which replace the alarm topic',
    fix: /subscribe to the topics in actions, or leave actions out to get an alarm topic with these subscriptions/,
  },
  { name: 'contributor insights as a list (untyped JS)', run: pls({ contributorInsights: [] }), field: 'contributorInsights', value: 'is []', fix: /or false$/ },
  { name: 'flow logs null (untyped JS)', run: pls({ flowLogs: null }), field: 'flowLogs', value: 'is null', fix: /give \{ retentionDays: 365 \}, or false to turn flow logs off/ },
  {
    name: 'flow-log retention next to the PrivateNetwork flow logs',
    run: () => {
      const stack = testStack();
      const network = new PrivateNetwork(stack, 'Network', { name: 'unit', cidrBlock: '10.10.0.0/16', zones: ['apne1-az1', 'apne1-az2'] });
      return new PrivateLinkService(stack, 'Service', { name: 'unit', vpc: network, subnets: network.subnets, target: ALB_TARGET, tenants: TENANTS, flowLogs: { retentionDays: 30 } });
    },
    field: 'flowLogs.retentionDays',
    value: 'is set while the PrivateNetwork already has flow logs, which are reused',
    fix: /set flowLogs on the PrivateNetwork instead, or leave this construct's flowLogs out/,
  },
  {
    name: 'allowFrom in front of existing NLBs',
    run: () => existing({})().service.allowFrom('10.60.0.0/16'),
    field: 'allowFrom',
    value: 'cannot add rules: the service fronts existing NLBs',
    fix: /add the rules to the existing load balancers' security groups, or let the construct create the NLB/,
  },
];

describe('PrivateLinkService bad input', () => {
  it.each(BAD.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));

  it('treats null Contributor Insights as off', () => {
    expect(resourcesOf(synthJson(build({ contributorInsights: null as never }).stack), 'aws_cloudwatch_contributor_managed_insight_rule')).toEqual({});
  });
});

const PAGER = 'arn:aws:sns:ap-northeast-1:111111111111:pager';

function withAlarms(props: Partial<PrivateLinkServiceProps> = {}) {
  const { stack, service: built } = build(props);
  return { built, json: synthJson(stack) };
}

const alarmsOf = (json: ReturnType<typeof synthJson>) =>
  Object.fromEntries(Object.values(resourcesOf(json, 'aws_cloudwatch_metric_alarm')).map((alarm) => [String(alarm.alarm_name), alarm]));

describe('PrivateLinkService alarms', () => {
  it('watches healthy and unhealthy NLB targets and the resets the service sends, to an encrypted alarm topic', () => {
    const { built, json } = withAlarms({ alarms: { subscriptions: [{ type: 'email', address: 'oncall@saas.example.com' }] } });
    const byName = alarmsOf(json);
    expect(Object.keys(byName).sort()).toEqual(['unit-endpoint-service-resets', 'unit-nlb-healthy-hosts', 'unit-nlb-unhealthy-hosts']);
    const topic = expect.stringMatching(/^\$\{aws_sns_topic\.Service_AlarmTopic_\w+\.arn\}$/);
    expect(byName['unit-nlb-healthy-hosts']).toMatchObject({
      namespace: 'AWS/NetworkELB',
      metric_name: 'HealthyHostCount',
      statistic: 'Minimum',
      comparison_operator: 'LessThanThreshold',
      // An ALB is one target for every zone.
      threshold: 1,
      evaluation_periods: 3,
      treat_missing_data: 'breaching',
      alarm_actions: [topic],
      ok_actions: [topic],
      dimensions: {
        LoadBalancer: expect.stringMatching(/^\$\{trimprefix\(element\(split\(":", aws_lb\.Service_LoadBalancer_\w+\.arn\), 5\), "loadbalancer\/"\)\}$/),
        TargetGroup: expect.stringMatching(/^\$\{element\(split\(":", aws_lb_target_group\.Service_AlbTarget_TargetGroup_\w+\.arn\), 5\)\}$/),
      },
    });
    expect(byName['unit-nlb-unhealthy-hosts']).toMatchObject({ metric_name: 'UnHealthyHostCount', statistic: 'Maximum', comparison_operator: 'GreaterThanThreshold', threshold: 0 });
    expect(byName['unit-endpoint-service-resets']).toMatchObject({
      namespace: 'AWS/PrivateLinkServices',
      metric_name: 'RstPacketsSent',
      statistic: 'Sum',
      threshold: 100,
      evaluation_periods: 5,
      treat_missing_data: 'notBreaching',
      dimensions: { 'Service Id': expect.stringMatching(/^\$\{aws_vpc_endpoint_service\.Service_EndpointService_\w+\.id\}$/) },
    });
    expect(Object.values(resourcesOf(json, 'aws_sns_topic')).map((t) => t.name).sort()).toEqual(['unit-alarms', 'unit-endpoint-connections']);
    expect(Object.values(resourcesOf(json, 'aws_sns_topic_subscription'))).toEqual([expect.objectContaining({ protocol: 'email', endpoint: 'oncall@saas.example.com', topic_arn: topic })]);
    expect(built.alarms?.alarmNames).toEqual(['unit-nlb-healthy-hosts', 'unit-nlb-unhealthy-hosts', 'unit-endpoint-service-resets']);
  });

  it('expects a healthy IP or instance target in every zone', () => {
    const { json } = withAlarms({ target: { type: 'ip', port: 8443, ips: ['10.10.1.10', '10.10.2.10'] } });
    expect(alarmsOf(json)['unit-nlb-healthy-hosts']).toMatchObject({ threshold: SUBNETS.length });
  });

  it('takes each threshold, period and action from the user, and turns alarms off one by one or all', () => {
    const { built, json } = withAlarms({ alarms: { actions: [PAGER], healthyHosts: { threshold: 2, evaluationPeriods: 5, datapointsToAlarm: 2, periodSeconds: 120 }, unhealthyHosts: false } });
    expect(alarmsOf(json)['unit-nlb-healthy-hosts']).toMatchObject({ threshold: 2, evaluation_periods: 5, datapoints_to_alarm: 2, period: 120, alarm_actions: [PAGER] });
    expect(alarmsOf(json)['unit-nlb-unhealthy-hosts']).toBeUndefined();
    expect(built.alarmTopic).toBeUndefined();
    expect(Object.values(resourcesOf(json, 'aws_sns_topic')).map((t) => t.name)).toEqual(['unit-endpoint-connections']);
    expect(resourcesOf(withAlarms({ alarms: false }).json, 'aws_cloudwatch_metric_alarm')).toEqual({});
  });

  it('watches only the resets in front of existing NLBs, whose targets it does not know', () => {
    const { json } = withAlarms({ subnets: undefined, target: undefined, existingNlbArns: [NLB_ARN] });
    expect(Object.keys(alarmsOf(json))).toEqual(['unit-endpoint-service-resets']);
  });

  it('rejects subscriptions next to actions, and settings CloudWatch would refuse', () => {
    expect(() => withAlarms({ alarms: { actions: [PAGER], subscriptions: [{ type: 'email', address: 'oncall@saas.example.com' }] } })).toThrow(
      /PrivateLinkService 'unit-dev\/Service': 'alarms.subscriptions' is set together with alarms.actions/,
    );
    expect(() => withAlarms({ alarms: { resetPackets: { periodSeconds: 90 } } })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'alarms.resetPackets.periodSeconds' is 90/);
    expect(() => withAlarms({ alarms: { actions: [] } })).toThrow(/'alarms.actions' is empty/);
    expect(() => withAlarms({ alarms: 'on' as never })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'alarms' is 'on'; give \{ subscriptions/);
    expect(() => withAlarms({ notifications: { subscriptions: 'ops@example.com' as never } })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'notifications.subscriptions' is 'ops@example.com'; give a list/);
  });
});
