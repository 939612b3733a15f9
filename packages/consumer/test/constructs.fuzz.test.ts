import { EnvironmentStack } from '@privatelink-cdktf/core';
import { fuzzRuns, TERRAFORM_TIMEOUT_MS, validateGenerated, type GeneratedReport } from '@privatelink-cdktf/terraform-harness';
import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { AwsServiceEndpoints } from '../src/aws-service-endpoints';
import { EndpointAlarms } from '../src/endpoint-alarms';
import { EndpointConnectionNotifications } from '../src/endpoint-connection-notifications';
import { GatewayEndpoint } from '../src/gateway-endpoint';
import { GatewayLoadBalancerEndpoint } from '../src/gateway-load-balancer-endpoint';
import { InterfaceEndpoint } from '../src/interface-endpoint';
import { ResolverEndpointAlarms } from '../src/resolver-endpoint-alarms';
import { ResolverInboundEndpoint } from '../src/resolver-inbound-endpoint';
import { ResourceEndpoint } from '../src/resource-endpoint';
import { Route53Profile, Route53ProfileAssociations } from '../src/route53-profile';
import { ServiceNetworkEndpoint } from '../src/service-network-endpoint';

// The property "whatever synthesizes passes terraform validate" over every public construct of the
// package: generated props, valid and not, each synthesized in its own stack; a construct may reject
// a value (a ConfigError naming itself and the field), but a stack it accepts must be one the AWS
// provider accepts. All the accepted stacks are validated in one Terraform run. `npm test` runs a
// bounded number of values; `npm run fuzz` runs many more (FUZZ_RUNS), FUZZ_SEED replays a run.

const VPC = { vpcId: 'vpc-0123456789abcdef0', cidrBlocks: ['10.0.0.0/16'], dnsSupport: true, dnsHostnames: true };
const SUBNETS = [
  { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.0.0/20' },
  { subnetId: 'subnet-0bbbbbbbbbbbbbbb2', availabilityZoneId: 'apne1-az2', cidrBlock: '10.0.16.0/20' },
  { subnetId: 'subnet-0ccccccccccccccc4', availabilityZoneId: 'apne1-az4', cidrBlock: '10.0.48.0/20' },
];
const CUSTOM = 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0';
const TOPIC = 'arn:aws:sns:ap-northeast-1:111111111111:network-alarms';

const name = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,30}[a-z0-9]$/), weight: 30 }, { arbitrary: fc.constantFrom('', 'sg-x', 'a'.repeat(256), 'bad name!'), weight: 1 });
const cidr = fc.oneof(
  { arbitrary: fc.constantFrom('10.0.0.0/16', '192.168.0.0/24', '172.16.0.0/12', '10.8.0.0/20', '2001:db8::/56'), weight: 20 },
  { arbitrary: fc.constantFrom('0.0.0.0/0', '::/0', '10.0.0.1/16', '10.0.0.0/33', 'nope'), weight: 1 },
);
const subnetAddress = fc.tuple(fc.constantFrom(0, 1), fc.integer({ min: 0, max: 4095 })).map(([index, offset]) => {
  const base = index === 0 ? 0 : 16;
  return { key: SUBNETS[index].availabilityZoneId, ip: `10.0.${base + (offset >> 8)}.${offset & 255}` };
});
const ports = fc.array(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 65535 }), weight: 60 }, { arbitrary: fc.constantFrom(0, 65536), weight: 1 }), { minLength: 1, maxLength: 3 });
const timeouts = fc.option(fc.record({ create: fc.constantFrom('10m', '1h30m', '45s', '10 minutes') }, { requiredKeys: [] }), { nil: undefined });
const awsService = fc.constantFrom('kinesis-streams', 'logs', 'kms', 'kms-fips', 'ssm', 'sts', 'ec2', 'iam', 's3', 's3express', 's3-global.accesspoint', 'sagemaker.notebook', 'ecr.dkr', 'kinesis', 'dynamodb');
const statement = fc.record({
  principals: fc.constantFrom({ AWS: ['arn:aws:iam::111111111111:role/app'] }, '*' as const),
  actions: fc.constantFrom(['kinesis:PutRecord'], ['*'], ['kms:Decrypt', 'kms:Encrypt'], ['s3:*']),
  resources: fc.constantFrom(['*'], ['arn:aws:kinesis:ap-northeast-1:111111111111:stream/events']),
});

// The endpoint's required props, mostly valid, and up to three optional ones drawn from a list of
// settings (most valid, some not, some conflicting), so many values synthesize and the rest probe the checks.
const interfaceOptions = fc.subarray<Record<string, unknown>>(
  [
    { privateDns: false },
    { privateDns: true },
    { privateDnsOnlyForInboundResolverEndpoint: true },
    { privateDnsOnlyForInboundResolverEndpoint: false },
    { ipAddressType: 'dualstack', dnsRecordIpType: 'dualstack' },
    { ipAddressType: 'ipv4', dnsRecordIpType: 'service-defined' },
    { ipAddressType: 'ipv4', dnsRecordIpType: 'ipv6' },
    { subnetIpAddresses: { 'apne1-az1': { ipv4: '10.0.0.10' }, 'apne1-az2': { ipv4: '10.0.31.254' } } },
    { subnetIpAddresses: { 'apne1-az1': { ipv4: '10.0.0.3' } } },
    { organizationId: 'o-a1b2c3d4e5' },
    { organizationId: 'o-1' },
    { perimeterAccountIds: ['222222222222', '333333333333'] },
    { additionalStatements: [{ sid: 'DenyDelete', effect: 'Deny', principals: '*', actions: ['kinesis:DeleteStream'] }] },
    { policy: [{ principals: { AWS: ['arn:aws:iam::111111111111:role/app'] }, actions: ['kinesis:PutRecord'], resources: ['arn:aws:kinesis:ap-northeast-1:111111111111:stream/events'] }] },
    { policy: [{ principals: '*', actions: ['*'], resources: ['*'] }] },
    { allowFullAccess: true },
    { serviceRegion: 'us-east-1' },
    { preventDestroy: true },
    { checkServiceZones: true },
    { timeouts: { create: '20m', delete: '1h30m' } },
    { timeouts: { create: '10 minutes' } },
    { allowedSecurityGroupIds: ['sg-0123456789abcdef0'], allowedPrefixListIds: ['pl-61a54008'] },
    { additionalSecurityGroupIds: ['sg-0fedcba9876543210'] },
    { providerAvailabilityZoneIds: ['apne1-az1', 'apne1-az2'] },
    { providerAvailabilityZoneIds: ['apne1-az1'] },
    { connectionNotifications: { events: ['Accept', 'Reject', 'Delete'] } },
    { allowOpenIngress: true },
  ],
  { maxLength: 3 },
);
const interfaceEndpoint = fc
  .record({
    service: fc.oneof({ arbitrary: awsService.map((s) => ({ awsService: s })), weight: 6 }, { arbitrary: fc.constant({ serviceName: CUSTOM }), weight: 2 }, { arbitrary: fc.constant({ awsService: 'quantum-ledger', unlisted: true }), weight: 1 }),
    name,
    ports,
    allowedCidrs: fc.array(cidr, { minLength: 1, maxLength: 3 }),
    options: interfaceOptions,
  })
  .map(({ options, ...props }) => Object.assign({}, props, ...options) as Record<string, unknown>);

const gatewayEndpoint = fc.record(
  {
    service: fc.constantFrom('s3', 'dynamodb', 's3express', 'sqs'),
    name,
    routeTables: fc.dictionary(fc.constantFrom('az1', 'az2', 'Zone A'), fc.constantFrom('rtb-0123456789abcdef0', 'rtb-0fedcba9876543210', 'main')),
    policy: fc.array(statement, { minLength: 1, maxLength: 2 }),
    allowAll: fc.boolean(),
    timeouts,
  },
  { requiredKeys: ['service', 'name', 'routeTables', 'policy'] },
);

const resolverEndpoint = fc.record(
  {
    name,
    allowedCidrs: fc.array(cidr, { minLength: 1, maxLength: 2 }),
    ipAddresses: fc.array(subnetAddress, { maxLength: 2 }).map((addresses) => Object.fromEntries(addresses.map(({ key, ip }) => [key, ip]))),
    protocols: fc.subarray(['Do53', 'DoH', 'DoH-FIPS'] as const, { minLength: 1 }),
    subnets: fc.constantFrom(SUBNETS.slice(0, 2), SUBNETS, SUBNETS.slice(0, 1)),
  },
  { requiredKeys: ['name', 'allowedCidrs'] },
);

const gwlbEndpoint = fc.record(
  {
    name,
    ipAddressType: fc.constantFrom('ipv4', 'dualstack'),
    routes: fc.dictionary(
      fc.constantFrom('edge', 'app-default', 'v6'),
      fc.oneof(
        fc.record({ routeTableId: fc.constantFrom('rtb-0123456789abcdef0', 'rtb-0fedcba9876543210'), destinationCidrBlock: fc.constantFrom('10.0.0.0/20', '0.0.0.0/0', '10.0.0.1/20') }),
        fc.record({ routeTableId: fc.constant('rtb-0123456789abcdef0'), destinationIpv6CidrBlock: fc.constantFrom('2001:db8::/56', '::/0') }),
        fc.record({ routeTableId: fc.constant('rtb-0fedcba9876543210'), destinationPrefixListId: fc.constantFrom('pl-61a54008', 'pl-x') }),
      ),
    ),
  },
  { requiredKeys: ['name'] },
);

const alarmSettings = fc.option(
  fc.record({ threshold: fc.integer({ min: 0, max: 1000 }), evaluationPeriods: fc.integer({ min: 1, max: 10 }), datapointsToAlarm: fc.integer({ min: 1, max: 10 }), periodSeconds: fc.constantFrom(10, 60, 300, 45) }, { requiredKeys: [] }),
  { nil: undefined },
);

/** The value an arbitrary generates. */
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

type Case =
  | { kind: 'interface'; props: Record<string, unknown> }
  | { kind: 'services'; services: string[]; organizationId?: string }
  | { kind: 'gateway'; props: ValueOf<typeof gatewayEndpoint> }
  | { kind: 'resolver'; props: ValueOf<typeof resolverEndpoint> }
  | { kind: 'gwlb'; props: ValueOf<typeof gwlbEndpoint> }
  | { kind: 'lattice'; resource: boolean; privateDns: boolean; arnRegion: string }
  | { kind: 'notifications'; events: string[]; topic: boolean }
  | { kind: 'alarms'; packetsDropped?: object; resetPackets?: object; ipAddressCount: number }
  | { kind: 'profile'; priority: number; vpcs: Record<string, string>; shareWith: Record<string, string> };

const cases: fc.Arbitrary<Case> = fc.oneof(
  { arbitrary: interfaceEndpoint.map((props) => ({ kind: 'interface' as const, props })), weight: 6 },
  { arbitrary: fc.record({ services: fc.subarray(['kinesis-streams', 'logs', 'ssm', 'sts', 'ec2messages', 'kinesis'], { minLength: 1 }), organizationId: fc.constantFrom('o-a1b2c3d4e5', undefined) }).map((v) => ({ kind: 'services' as const, ...v })), weight: 2 },
  { arbitrary: gatewayEndpoint.map((props) => ({ kind: 'gateway' as const, props })), weight: 2 },
  { arbitrary: resolverEndpoint.map((props) => ({ kind: 'resolver' as const, props })), weight: 2 },
  { arbitrary: gwlbEndpoint.map((props) => ({ kind: 'gwlb' as const, props })), weight: 1 },
  { arbitrary: fc.record({ resource: fc.boolean(), privateDns: fc.boolean(), arnRegion: fc.constantFrom('ap-northeast-1', 'us-east-1') }).map((v) => ({ kind: 'lattice' as const, ...v })), weight: 1 },
  { arbitrary: fc.record({ events: fc.subarray(['Accept', 'Reject', 'Connect', 'Delete', 'Accepted']), topic: fc.boolean() }).map((v) => ({ kind: 'notifications' as const, ...v })), weight: 1 },
  { arbitrary: fc.record({ packetsDropped: alarmSettings, resetPackets: alarmSettings, ipAddressCount: fc.integer({ min: 1, max: 7 }) }, { requiredKeys: ['ipAddressCount'] }).map((v) => ({ kind: 'alarms' as const, ...v })), weight: 1 },
  {
    arbitrary: fc
      .record({
        priority: fc.integer({ min: 50, max: 10000 }),
        vpcs: fc.dictionary(fc.constantFrom('app', 'batch'), fc.constantFrom('vpc-0123456789abcdef0', 'vpc-0fedcba9876543210', 'main')),
        shareWith: fc.dictionary(fc.constantFrom('partner', 'ou'), fc.constantFrom('222222222222', '111111111111', 'arn:aws:organizations::999999999999:ou/o-abcdefghij/ou-ab12-cdefghij')),
      })
      .map((v) => ({ kind: 'profile' as const, ...v })),
    weight: 1,
  },
);

function build(stack: EnvironmentStack, c: Case): void {
  const placement = { vpc: VPC, subnets: SUBNETS.slice(0, 2) };
  switch (c.kind) {
    case 'interface': {
      const endpoint = new InterfaceEndpoint(stack, 'Endpoint', { ...placement, ...c.props } as never);
      // Exercise allowFrom and the rules it adds after construction.
      endpoint.allowFrom('10.9.0.0/16');
      return;
    }
    case 'services':
      new AwsServiceEndpoints(stack, 'Aws', { ...placement, name: 'fuzz', services: Object.fromEntries(c.services.map((s) => [s.replace(/\./g, '-'), { awsService: s }])), organizationId: c.organizationId });
      return;
    case 'gateway': {
      const gateway = new GatewayEndpoint(stack, 'Gateway', { vpcId: VPC.vpcId, ...c.props } as never);
      gateway.allowEgressFrom('sg-0123456789abcdef0');
      return;
    }
    case 'resolver':
      new ResolverInboundEndpoint(stack, 'Dns', { vpc: VPC, ...c.props } as never);
      return;
    case 'gwlb':
      new GatewayLoadBalancerEndpoint(stack, 'Inspection', { vpcId: VPC.vpcId, subnet: SUBNETS[0], serviceName: CUSTOM, ...c.props } as never);
      return;
    case 'lattice': {
      const arn = (type: string, id: string) => `arn:aws:vpc-lattice:${c.arnRegion}:222222222222:${type}/${id}`;
      if (c.resource) new ResourceEndpoint(stack, 'Db', { ...placement, name: 'fuzz-db', privateDns: c.privateDns, resourceConfigurationArn: arn('resourceconfiguration', 'rcfg-0123456789abcdef0') });
      else new ServiceNetworkEndpoint(stack, 'Network', { ...placement, name: 'fuzz-network', privateDns: c.privateDns, serviceNetworkArn: arn('servicenetwork', 'sn-0123456789abcdef0') });
      return;
    }
    case 'notifications':
      new EndpointConnectionNotifications(stack, 'Notifications', { endpointId: 'vpce-0123456789abcdef0', name: 'fuzz-saas', events: c.events as never, ...(c.topic ? { topicArn: TOPIC } : {}) });
      return;
    case 'alarms':
      new EndpointAlarms(stack, 'Alarms', { name: 'fuzz-saas', endpoint: { endpointId: 'vpce-0123456789abcdef0', serviceName: CUSTOM, vpcId: VPC.vpcId }, actions: [TOPIC], packetsDropped: c.packetsDropped as never, resetPackets: c.resetPackets as never });
      new ResolverEndpointAlarms(stack, 'DnsAlarms', { name: 'fuzz-dns', resolverEndpointId: 'rslvr-in-0123456789abcdef0', ipAddressCount: c.ipAddressCount, actions: [TOPIC] });
      return;
    case 'profile': {
      const profile = new Route53Profile(stack, 'Profile', {
        name: 'fuzz-dns',
        resources: { fw: { firewallRuleGroupArn: 'arn:aws:route53resolver:ap-northeast-1:111111111111:firewall-rule-group/rslvr-frg-0123456789abcdef0', priority: c.priority } },
        vpcs: c.vpcs,
        shareWith: c.shareWith,
      });
      new Route53ProfileAssociations(stack, 'Associations', { name: 'fuzz-dns-use', profileId: profile.profileId, vpcs: { other: 'vpc-0fedcba9876543210' } });
      return;
    }
  }
}

function synthesize(c: Case): string {
  const stack = new EnvironmentStack(Testing.app(), { application: 'fuzz', environment: { name: 'dev', accountId: '111111111111' } });
  build(stack, c);
  return Testing.synth(stack);
}

describe('consumer constructs: whatever synthesizes passes terraform validate', () => {
  const numRuns = fuzzRuns(80);
  let report: GeneratedReport<Case>;

  beforeAll(async () => {
    report = await validateGenerated({ arbitrary: cases, synthesize, numRuns, label: 'consumer-constructs' });
    process.stderr.write(
      `fuzz consumer: ${report.numRuns} values (seed ${report.seed}): ${report.synthesized} synthesized and validated in ${report.terraformRuns} terraform run(s), ${report.rejected.length} rejected at synth, ${report.failures.length} failed validate (${(report.elapsedMs / 1000).toFixed(1)} s)\n`,
    );
  }, TERRAFORM_TIMEOUT_MS + numRuns * 1000);

  it('generates values on both sides of the constructs’ checks', () => {
    expect(report.synthesized).toBeGreaterThan(0);
    expect(report.rejected.length).toBeGreaterThan(0);
  });

  it('rejects values only with a ConfigError naming the construct and the field', () => {
    for (const { error } of report.rejected) expect(error).toMatch(/^\w+ '[^']+': '[\w[\]().*-]+' /);
  });

  it('every stack a construct accepts passes terraform validate', () => {
    expect(report.failures.map((f) => f.message)).toEqual([]);
  });
});
