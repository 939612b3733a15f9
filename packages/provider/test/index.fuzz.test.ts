import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { ELB_TLS_POLICIES, EnvironmentStack } from '@privatelink-cdktf/core';
import { fuzzRuns, TERRAFORM_TIMEOUT_MS, validateGenerated, type GeneratedReport } from '@privatelink-cdktf/terraform-harness';
import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { AlbTarget } from '../src/alb-target';
import { ConnectionNotifications } from '../src/connection-notifications';
import { EndpointService } from '../src/endpoint-service';
import { type HealthCheckConfig } from '../src/health-check';
import { InstanceTargets } from '../src/instance-targets';
import { IpTargets } from '../src/ip-targets';
import { type ListenerConfig } from '../src/listener';
import { NetworkLoadBalancer } from '../src/network-load-balancer';
import { PrivateDnsName } from '../src/private-dns-name';
import { PrivateLinkService } from '../src/private-link-service';
import { ServiceAlarms } from '../src/service-alarms';
import { SERVICE_INSIGHT_TEMPLATES, ServiceContributorInsights } from '../src/service-contributor-insights';
import { Tenant, type TenantConfig } from '../src/tenant';

// The property "whatever synthesizes passes terraform validate" over every public construct of
// the package: generated props, valid and not, each case in its own stack. A construct may reject
// a value (with a ConfigError naming construct, path and field, never a TypeError), but a stack it
// accepts must be one the AWS provider accepts. `npm test` runs a bounded number of cases; `npm run
// fuzz` many more (FUZZ_RUNS), and FUZZ_SEED replays a run.

const ACCOUNT = '111111111111';
const elb = (path: string) => `arn:aws:elasticloadbalancing:ap-northeast-1:${ACCOUNT}:${path}`;
const CERT = `arn:aws:acm:ap-northeast-1:${ACCOUNT}:certificate/0b1c2d3e-1111-2222-3333-444455556666`;
const VPC = { vpcId: 'vpc-0123456789abcdef0', cidrBlocks: ['10.10.0.0/16'] };
const SUBNETS = [
  { subnetId: 'subnet-0a', availabilityZoneId: 'apne1-az1' },
  { subnetId: 'subnet-0c', availabilityZoneId: 'apne1-az4' },
  { subnetId: 'subnet-0d', availabilityZoneId: 'apne1-az2' },
];

/** Mostly valid values, now and then one a check must refuse. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: invalid, weight: 1 });

const name = mostly(fc.stringMatching(/^[a-z][a-z0-9-]{0,29}[a-z0-9]$/), fc.constantFrom('internal-api', 'api-', 'saas_api', 'a'.repeat(33)));
const port = mostly(fc.integer({ min: 1, max: 65535 }), fc.constantFrom(0, 65536, 1.5));
const network = fc.tuple(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 8, max: 32 })).map(([host, bits]) => {
  const address = ((10 << 24) | host) & (~0 << (32 - bits));
  return `${[24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.')}/${bits}`;
});
// Enforcement with the consumers' blocks, or neither; now and then one without the other, or the whole internet.
const consumers = mostly(
  fc.oneof(
    fc.constant({ enforce: false, consumerCidrs: [] as string[] }),
    fc.uniqueArray(network, { minLength: 1, maxLength: 3 }).map((cidrs) => ({ enforce: true, consumerCidrs: cidrs })),
  ),
  fc.record({ enforce: fc.boolean(), consumerCidrs: fc.array(fc.constantFrom('0.0.0.0/0', '::/0', '0.0.0.0/1', '128.0.0.0/1', '10.0.0.1/16', '10.1.0.0/16'), { maxLength: 2 }) }),
);
const healthCheck: fc.Arbitrary<HealthCheckConfig> = fc.record(
  {
    protocol: fc.constantFrom('TCP' as const, 'HTTP' as const, 'HTTPS' as const),
    port,
    path: mostly(fc.stringMatching(/^\/[a-z0-9/._-]{0,20}$/), fc.constantFrom('health', '/a b', '')),
    matcher: mostly(fc.constantFrom('200', '200-399', '200,302', '599'), fc.constantFrom('100', 'ok', '399-200')),
    intervalSeconds: mostly(fc.integer({ min: 30, max: 300 }), fc.integer({ min: 1, max: 400 })),
    timeoutSeconds: mostly(fc.integer({ min: 2, max: 29 }), fc.integer({ min: 1, max: 130 })),
    healthyThreshold: mostly(fc.integer({ min: 2, max: 10 }), fc.constantFrom(1, 11)),
    unhealthyThreshold: mostly(fc.integer({ min: 2, max: 10 }), fc.constantFrom(1, 11)),
  },
  { requiredKeys: [] },
);
const targetBase = fc.record(
  {
    name: mostly(fc.stringMatching(/^[A-Za-z0-9 ._-]{1,40}$/), fc.constant('web\napi')),
    deregistrationDelaySeconds: mostly(fc.integer({ min: 0, max: 3600 }), fc.constantFrom(-1, 3601)),
    healthCheck: fc.option(healthCheck, { freq: 2, nil: undefined }),
  },
  { requiredKeys: [] },
);
const ips = fc.uniqueArray(
  mostly(
    fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 })).map(([a, b, c]) => `10.${a}.${b}.${c}`),
    fc.constantFrom('8.8.8.8', '10.10.1.300', '2001:db8::1'),
  ),
  { minLength: 1, maxLength: 3 },
);
const listener: fc.Arbitrary<ListenerConfig> = mostly(
  fc.oneof(
    fc.record({ port }),
    fc.record(
      {
        port,
        protocol: fc.constant('TLS' as const),
        certificateArn: mostly(fc.constant(CERT), fc.constant(CERT.replace('ap-northeast-1', 'us-east-1'))),
        sslPolicy: mostly(fc.constantFrom(...Object.keys(ELB_TLS_POLICIES)), fc.constant('ELBSecurityPolicy-TLS13-2099')),
        allowLegacyTlsPolicy: fc.boolean(),
      },
      { requiredKeys: ['port', 'protocol', 'certificateArn'] },
    ),
  ),
  // Certificate and policy on a TCP listener.
  fc.record({ port, certificateArn: fc.constant(CERT), sslPolicy: fc.constant('ELBSecurityPolicy-TLS13-1-2-2021-06') }),
);
const principal = mostly(
  fc.constantFrom('arn:aws:iam::444444444444:root', 'arn:aws:iam::555555555555:role/consumer', 'arn:aws:iam::555555555555:user/operator', 'elasticloadbalancing.amazonaws.com', '*'),
  fc.constantFrom('arn:aws:iam::*:root', '444444444444', 'arn:aws:iam::444444444444:role/app-*'),
);
const endpointId = mostly(fc.stringMatching(/^vpce-[0-9a-f]{17}$/), fc.constantFrom('vpc-0123456789abcdef0', 'vpce-xyz'));
const tenant: fc.Arbitrary<TenantConfig> = fc.record(
  {
    key: mostly(fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), fc.constantFrom('Acme', 'acme bank')),
    principals: fc.uniqueArray(principal, { minLength: 1, maxLength: 3 }),
    endpointIds: fc.uniqueArray(endpointId, { maxLength: 2 }),
    state: fc.constantFrom('active' as const, 'offboarded' as const),
  },
  { requiredKeys: ['key', 'principals'] },
);
const serviceSettings = fc.record(
  {
    acceptanceRequired: fc.boolean(),
    allowAnyPrincipal: fc.boolean(),
    tenants: fc.uniqueArray(tenant, { maxLength: 3, selector: (t) => t.key }),
    supportedIpAddressTypes: fc.constantFrom(['ipv4'], ['ipv6'], ['ipv4', 'ipv6']) as fc.Arbitrary<('ipv4' | 'ipv6')[]>,
    supportedRegions: fc.subarray(['us-east-1', 'eu-west-1', 'ap-northeast-1', 'ap-northeast-9']),
    timeouts: fc.record({ create: fc.constantFrom('10m', '1h30m', '45s', 'soon') }, { requiredKeys: [] }),
    preventDestroy: fc.boolean(),
  },
  { requiredKeys: [] },
);

const CASES = fc.oneof(
  fc.record({
    kind: fc.constant('nlb' as const),
    name,
    subnets: mostly(fc.subarray(SUBNETS, { minLength: 2 }), fc.subarray(SUBNETS, { minLength: 1, maxLength: 1 })),
    consumers,
    ipAddressType: fc.constantFrom('ipv4' as const, 'dualstack' as const),
    crossZoneLoadBalancing: fc.boolean(),
    accessLogs: fc.option(fc.record({ bucket: fc.constantFrom('elb-logs-111111111111', 'Bad_Bucket'), prefix: fc.constantFrom('nlb', '/nlb', 'AWSLogs') })),
    listeners: fc.array(listener, { minLength: 1, maxLength: 3 }),
    target: targetBase,
  }),
  fc.record({ kind: fc.constant('service' as const), gateway: fc.boolean(), settings: serviceSettings, privateDnsName: fc.option(fc.constantFrom('api.saas.example.com', '*.tenants.example.com')) }),
  fc.record({ kind: fc.constant('tenant' as const), tenant, allowAnyPrincipal: fc.boolean() }),
  fc.record({
    kind: fc.constant('alb' as const),
    base: targetBase,
    listenerPort: port,
    protocol: fc.constantFrom('HTTP' as const, 'HTTPS' as const),
    sameAlb: mostly(fc.constant(true), fc.constant(false)),
  }),
  fc.record({ kind: fc.constant('ip' as const), base: targetBase, ips, port }),
  fc.record({
    kind: fc.constant('instance' as const),
    base: targetBase,
    port,
    instances: fc.uniqueArray(fc.record({ key: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), instanceId: mostly(fc.stringMatching(/^i-[0-9a-f]{17}$/), fc.constant('web-1')) }), {
      minLength: 1,
      maxLength: 3,
      selector: (i) => i.key,
    }),
  }),
  fc.record({
    kind: fc.constant('dns' as const),
    verifiedDomain: fc.constantFrom(undefined, 'saas.example.com', 'example.com', 'other.example.com'),
    ttlSeconds: mostly(fc.integer({ min: 0, max: 100000 }), fc.constant(-10)),
    waitForVerification: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('notifications' as const),
    events: mostly(fc.uniqueArray(fc.constantFrom('Connect', 'Accept', 'Reject', 'Delete'), { minLength: 1, maxLength: 4 }), fc.constantFrom([], ['Open'])),
  }),
  fc.record({
    kind: fc.constant('alarms' as const),
    expectedHealthyHosts: mostly(fc.integer({ min: 1, max: 6 }), fc.constant(0)),
    threshold: fc.integer({ min: 0, max: 1000 }),
    periodSeconds: mostly(fc.constantFrom(10, 60, 300, 3600), fc.constant(90)),
    evaluationPeriods: mostly(fc.integer({ min: 1, max: 20 }), fc.constant(0)),
  }),
  fc.record({
    kind: fc.constant('insights' as const),
    templates: mostly(fc.uniqueArray(fc.constantFrom(...SERVICE_INSIGHT_TEMPLATES), { minLength: 1 }), fc.constantFrom([], ['VpcEndpointService-Bytes-v1'])),
  }),
  fc.record({
    kind: fc.constant('composite' as const),
    name,
    target: fc.oneof(
      fc.constant({ type: 'alb' as const, albArn: elb('loadbalancer/app/web/0123456789abcdef'), albListener: { listenerArn: elb('listener/app/web/0123456789abcdef/fedcba9876543210'), port: 443 } }),
      ips.map((addresses) => ({ type: 'ip' as const, ips: addresses })),
    ),
    listeners: fc.option(fc.array(listener, { minLength: 1, maxLength: 2 })),
    consumers,
    settings: serviceSettings,
  }),
);
type Case = typeof CASES extends fc.Arbitrary<infer T> ? T : never;

function synthesize(value: Case): string {
  const stack = new EnvironmentStack(Testing.app(), { application: 'fuzz', environment: { name: 'dev', accountId: ACCOUNT } });
  switch (value.kind) {
    case 'nlb': {
      const nlb = new NetworkLoadBalancer(stack, 'Nlb', {
        name: value.name,
        vpc: VPC,
        subnets: value.subnets,
        enforceInboundRulesOnPrivateLinkTraffic: value.consumers.enforce,
        consumerCidrs: value.consumers.consumerCidrs,
        ipAddressType: value.ipAddressType,
        crossZoneLoadBalancing: value.crossZoneLoadBalancing,
        accessLogs: value.accessLogs ?? undefined,
      });
      const targets = new IpTargets(stack, 'Ips', { vpc: VPC, ips: ['10.10.1.10'], ...value.target });
      for (const config of value.listeners) nlb.addListener(config, targets);
      break;
    }
    case 'service':
      new EndpointService(stack, 'Service', {
        ...(value.gateway ? { gatewayLoadBalancerArns: [elb('loadbalancer/gwy/inspect/0123456789abcdef')] } : { networkLoadBalancerArns: [elb('loadbalancer/net/api/0123456789abcdef')] }),
        ...value.settings,
        privateDnsName: value.privateDnsName ?? undefined,
      });
      break;
    case 'tenant':
      new Tenant(stack, 'Tenant', { ...value.tenant, serviceId: 'vpce-svc-0123456789abcdef0', allowAnyPrincipal: value.allowAnyPrincipal });
      break;
    case 'alb':
      new AlbTarget(stack, 'Alb', {
        vpc: VPC,
        ...value.base,
        albArn: elb('loadbalancer/app/web/0123456789abcdef'),
        albListener: { listenerArn: elb(`listener/app/${value.sameAlb ? 'web' : 'other'}/0123456789abcdef/fedcba9876543210`), port: value.listenerPort, protocol: value.protocol },
      });
      break;
    case 'ip':
      new IpTargets(stack, 'Ips', { vpc: VPC, ...value.base, ips: value.ips, port: value.port });
      break;
    case 'instance':
      new InstanceTargets(stack, 'Instances', { vpc: VPC, ...value.base, port: value.port, instances: value.instances });
      break;
    case 'dns': {
      const service = new EndpointService(stack, 'Service', { networkLoadBalancerArns: [elb('loadbalancer/net/api/0123456789abcdef')], privateDnsName: 'api.saas.example.com' });
      new PrivateDnsName(stack, 'Dns', { service, hostedZoneId: 'Z0123456789ABCDEFGHIJ', verifiedDomain: value.verifiedDomain, ttlSeconds: value.ttlSeconds, waitForVerification: value.waitForVerification });
      break;
    }
    case 'notifications': {
      const service = new EndpointService(stack, 'Service', { networkLoadBalancerArns: [elb('loadbalancer/net/api/0123456789abcdef')] });
      new ConnectionNotifications(stack, 'Notifications', { name: 'fuzz', serviceId: service.serviceId, serviceArn: service.serviceArn, events: value.events as never });
      break;
    }
    case 'alarms': {
      const topic = new SnsTopic(stack, 'Pager', { name: 'pager' });
      new ServiceAlarms(stack, 'Alarms', {
        name: 'fuzz',
        serviceId: 'vpce-svc-0123456789abcdef0',
        targets: { loadBalancerArn: elb('loadbalancer/net/api/0123456789abcdef'), targetGroupArn: elb('targetgroup/api/0123456789abcdef'), expectedHealthyHosts: value.expectedHealthyHosts },
        actions: [topic.arn],
        resetPackets: { threshold: value.threshold, periodSeconds: value.periodSeconds, evaluationPeriods: value.evaluationPeriods },
      });
      break;
    }
    case 'insights': {
      const service = new EndpointService(stack, 'Service', { networkLoadBalancerArns: [elb('loadbalancer/net/api/0123456789abcdef')] });
      new ServiceContributorInsights(stack, 'Insights', { serviceArn: service.serviceArn, templates: value.templates as never });
      break;
    }
    case 'composite':
      new PrivateLinkService(stack, 'Service', {
        name: value.name,
        vpc: VPC,
        subnets: SUBNETS.slice(0, 2),
        target: value.target,
        listeners: value.listeners ?? undefined,
        enforceInboundRulesOnPrivateLinkTraffic: value.consumers.enforce,
        consumerCidrs: value.consumers.consumerCidrs,
        ...value.settings,
      });
      break;
  }
  return Testing.synth(stack);
}

describe('every public construct: whatever synthesizes passes terraform validate', () => {
  const numRuns = fuzzRuns(40);
  let report: GeneratedReport<Case>;

  beforeAll(async () => {
    report = await validateGenerated({ arbitrary: CASES, synthesize, numRuns, label: 'provider-constructs' });
    process.stderr.write(
      `fuzz provider: ${report.numRuns} values (seed ${report.seed}): ${report.synthesized} synthesized and validated in ${report.terraformRuns} terraform run(s), ${report.rejected.length} rejected at synth, ${report.failures.length} failed validate (${(report.elapsedMs / 1000).toFixed(1)} s)\n`,
    );
  }, TERRAFORM_TIMEOUT_MS + numRuns * 1000);

  it('generated values on both sides of the constructs’ checks', () => {
    expect(report.synthesized).toBeGreaterThan(0);
    expect(report.rejected.length).toBeGreaterThan(0);
  });

  it('rejects values only with a ConfigError naming the construct, its path and the field', () => {
    for (const { error } of report.rejected) expect(error).toMatch(/^\w+ '[^']+': '[^']+' /);
  });

  it('every stack the constructs accept passes terraform validate', () => {
    expect(report.failures.map((f) => f.message)).toEqual([]);
  });
});
