import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { fuzzRuns, TERRAFORM_TIMEOUT_MS, validateGenerated, type GeneratedReport } from '@privatelink-cdktf/terraform-harness';
import { EncryptedLogGroup, type EncryptedLogGroupProps } from '../src/encrypted-log-group';
import { EncryptionKey, type EncryptionKeyProps } from '../src/encryption-key';
import { EnvironmentStack } from '../src/environment-stack';
import { PrivateNetwork, type PrivateNetworkProps } from '../src/private-network';
import { DedicatedSecurityGroup, type DedicatedSecurityGroupProps, type TrafficRule } from '../src/security-group';
import { VpcFlowLogs, type VpcFlowLogsProps } from '../src/vpc-flow-logs';

// The property "whatever synthesizes passes terraform validate" over core's constructs: generated
// props on both sides of each construct's checks, every accepted stack validated by the real AWS
// provider in one Terraform run. `npm test` runs a bounded number; `npm run fuzz` runs thousands.

/** An IPv4 block in 10.0.0.0/8, with its host bits cleared or (sometimes) set, which AWS refuses. */
const ipv4 = fc.tuple(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 8, max: 32 }), fc.nat(29)).map(([host, bits, roll]) => {
  const mask = bits === 0 ? 0 : ~0 << (32 - bits);
  const address = roll === 0 ? (10 << 24) | host : ((10 << 24) | host) & mask;
  return `${[24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.')}/${bits}`;
});
const odd = <T>(...values: T[]) => fc.constantFrom(...values);
const text = (pattern: RegExp) => fc.stringMatching(pattern);
// Names: mostly well-formed, sometimes the shapes AWS refuses (spaces, punctuation, sg- prefix, too long).
const name = fc.oneof(
  { arbitrary: text(/^[a-z][a-z0-9-]{0,30}$/), weight: 30 },
  { arbitrary: odd('has space', 'sg-endpoint', 'a'.repeat(300), '', 'ünïcode', 'slash/name', '-leading'), weight: 1 },
);
const cidr = fc.oneof(
  { arbitrary: ipv4, weight: 30 },
  { arbitrary: odd('0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/1', '::/0', '2001:db8::/56', '192.168.1.0/24', '10.0.0.0/33', '10.0.0.1', 'not-a-cidr'), weight: 3 },
);
const port = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 65535 }), weight: 60 }, { arbitrary: odd(0, 65536, -1, 1.5, Number.NaN), weight: 1 });
const retention = fc.oneof({ arbitrary: odd(1, 7, 30, 365, 3653), weight: 12 }, { arbitrary: odd(0, 2, 366, -1, 4000), weight: 1 });

const rule: fc.Arbitrary<TrafficRule> = fc.record(
  {
    ports: fc.array(port, { minLength: 1, maxLength: 3 }),
    protocol: odd('tcp' as const, 'udp' as const, 'icmp' as never),
    cidrs: fc.array(cidr, { minLength: 1, maxLength: 3 }),
    securityGroupIds: fc.array(odd('sg-0123456789abcdef0', 'sg-0fedcba9876543210', 'sg-alb'), { maxLength: 2 }),
    prefixListIds: fc.array(odd('pl-61a54008', 'pl-78a54011', 'pl-x'), { maxLength: 1 }),
    description: text(/^[A-Za-z0-9 ._-]{1,40}$/),
  },
  { requiredKeys: ['ports'] },
);

type Case =
  | { kind: 'DedicatedSecurityGroup'; props: DedicatedSecurityGroupProps }
  | { kind: 'PrivateNetwork'; props: PrivateNetworkProps }
  | { kind: 'VpcFlowLogs'; props: VpcFlowLogsProps }
  | { kind: 'EncryptedLogGroup'; props: EncryptedLogGroupProps }
  | { kind: 'EncryptionKey'; props: EncryptionKeyProps };

const cases: fc.Arbitrary<Case> = fc.oneof(
  fc.record(
    {
      vpcId: odd('vpc-0123456789abcdef0', 'vpc-1'),
      name,
      description: fc.oneof(text(/^[A-Za-z0-9 ._-]{1,60}$/), odd('Clients → endpoint', '')),
      ingress: fc.array(rule, { maxLength: 3 }),
      egress: fc.array(rule, { maxLength: 2 }),
      allowOpenIngress: fc.boolean(),
    },
    { requiredKeys: ['vpcId', 'name', 'description'] },
  ).map((props) => ({ kind: 'DedicatedSecurityGroup' as const, props })),
  fc.record(
    {
      name,
      cidrBlock: fc.oneof({ arbitrary: odd('10.0.0.0/16', '10.20.0.0/20', '172.16.0.0/24', '192.168.0.0/28'), weight: 4 }, { arbitrary: ipv4, weight: 2 }),
      zones: fc.oneof(
        { arbitrary: fc.uniqueArray(odd('apne1-az1', 'apne1-az2', 'apne1-az4', 'ap-northeast-1a', 'ap-northeast-1c'), { minLength: 1, maxLength: 3 }), weight: 8 },
        { arbitrary: odd([], ['use1-az1'], ['apne1-az9'], ['apne1-az1', 'ap-northeast-1a']), weight: 1 },
      ),
      subnetPrefixLength: fc.oneof(fc.integer({ min: 16, max: 28 }), odd(15, 29, 24.5)),
      flowLogs: fc.oneof(fc.constant(false as const), fc.record({ retentionDays: retention })),
    },
    { requiredKeys: ['name', 'cidrBlock', 'zones'] },
  ).map((props) => ({ kind: 'PrivateNetwork' as const, props })),
  fc.record(
    { vpcId: odd('vpc-0123456789abcdef0', 'vpc-x'), name, retentionDays: retention, trafficType: odd('ALL' as const, 'ACCEPT' as const, 'REJECT' as const, 'all' as never) },
    { requiredKeys: ['vpcId', 'name'] },
  ).map((props) => ({ kind: 'VpcFlowLogs' as const, props })),
  fc.record(
    { logGroupName: fc.oneof(text(/^\/[a-z0-9/_.-]{1,60}$/), odd('has space', 'a:b', '')), retentionDays: retention },
    { requiredKeys: ['logGroupName'] },
  ).map((props) => ({ kind: 'EncryptedLogGroup' as const, props })),
  fc.record(
    {
      alias: fc.oneof(text(/^[a-z0-9/_-]{1,40}$/), odd('aws/reserved', 'alias/x', 'has space', '')),
      description: text(/^[A-Za-z0-9 ._-]{0,60}$/),
      servicePrincipals: fc.array(odd('logs.ap-northeast-1.amazonaws.com', 'sns.amazonaws.com', 'not a principal'), { maxLength: 2 }),
      deletionWindowDays: fc.oneof(fc.integer({ min: 7, max: 30 }), odd(0, 6, 31, 7.5)),
    },
    { requiredKeys: ['alias', 'description'] },
  ).map((props) => ({ kind: 'EncryptionKey' as const, props })),
);

function synthesize(value: Case): string {
  const stack = new EnvironmentStack(Testing.app(), { application: 'fuzz', environment: { name: 'dev', accountId: '111111111111' } });
  const { kind, props } = value;
  if (kind === 'DedicatedSecurityGroup') new DedicatedSecurityGroup(stack, 'Group', props);
  if (kind === 'PrivateNetwork') new PrivateNetwork(stack, 'Network', props);
  if (kind === 'VpcFlowLogs') new VpcFlowLogs(stack, 'FlowLogs', props);
  if (kind === 'EncryptedLogGroup') new EncryptedLogGroup(stack, 'Logs', props);
  if (kind === 'EncryptionKey') new EncryptionKey(stack, 'Key', props);
  return Testing.synth(stack);
}

describe("core's constructs: whatever synthesizes passes terraform validate", () => {
  const numRuns = fuzzRuns(80);
  let report: GeneratedReport<Case>;

  beforeAll(async () => {
    report = await validateGenerated({ arbitrary: cases, synthesize, numRuns, label: 'core-constructs' });
    process.stderr.write(
      `fuzz core constructs: ${report.numRuns} values (seed ${report.seed}): ${report.synthesized} synthesized and validated in ${report.terraformRuns} terraform run(s), ${report.rejected.length} rejected at synth, ${report.failures.length} failed validate (${(report.elapsedMs / 1000).toFixed(1)} s)\n`,
    );
  }, TERRAFORM_TIMEOUT_MS + numRuns * 1000);

  it('generates values on both sides of the checks', () => {
    expect(report.synthesized).toBeGreaterThan(0);
    expect(report.rejected.length).toBeGreaterThan(0);
  });

  it('rejects values only with a ConfigError naming the construct, its path and the field', () => {
    for (const { error } of report.rejected) expect(error).toMatch(/^[A-Z]\w+ '[^']+': '[\w[\]().]+' /);
  });

  it('passes terraform validate with every stack it accepts', () => {
    expect(report.failures.map((f) => f.message)).toEqual([]);
  });
});
