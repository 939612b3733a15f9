import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { transformSync } from '@swc/core';
import { planConfig, TERRAFORM_TIMEOUT_MS, type PlanResult } from '@privatelink-cdktf/terraform-harness';
import { PRIVATE_CONNECTIVITY_OPTIONS } from '../src/choose-private-connectivity';

// The README opens with code users paste: it must compile (typecheck covers tsc), synthesize and plan.
const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const example = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

/** Runs the example against the package sources, writing its stacks into a temp dir. */
function synthesizeExample(): Record<string, object> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'consumer-readme-'));
  const { code } = transformSync(example, { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } });
  process.env.CDKTF_OUTDIR = outdir;
  try {
    new Function('require', 'exports', code)(require, {});
  } finally {
    delete process.env.CDKTF_OUTDIR;
  }
  const stacksDir = path.join(outdir, 'stacks');
  const stacks = Object.fromEntries(fs.readdirSync(stacksDir).map((name) => [name, JSON.parse(fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8')) as object]));
  fs.rmSync(outdir, { recursive: true, force: true });
  return stacks;
}

let stacks: Record<string, object>;
let plan: PlanResult;
beforeAll(async () => {
  stacks = synthesizeExample();
  plan = await planConfig(stacks['bank-analytics-dev'], { name: 'consumer-readme' });
}, TERRAFORM_TIMEOUT_MS);

test('the README opens with Getting started and then an example that uses the package', () => {
  const gettingStarted = readme.indexOf('## Getting started');
  expect(gettingStarted).toBeGreaterThan(0);
  expect(readme.indexOf('```ts')).toBeGreaterThan(gettingStarted);
  expect(readme.indexOf('```ts')).toBeLessThan(readme.indexOf('## ', gettingStarted + 1));
  expect(example).toMatch(/from '@privatelink-cdktf\/consumer'/);
});

test('the example synthesizes one stack that passes Terraform validate and plans its endpoints', () => {
  expect(Object.keys(stacks)).toEqual(['bank-analytics-dev']);
  expect(plan.validation.valid).toBe(true);
  const types = plan.resourceChanges.map((rc) => rc.type);
  expect(types.filter((t) => t === 'aws_vpc_endpoint')).toHaveLength(5);
  expect(types).toEqual(expect.arrayContaining(['aws_vpc_endpoint_private_dns', 'aws_vpc_endpoint_route_table_association', 'aws_route53_resolver_endpoint', 'aws_vpc_endpoint_connection_notification']));
  expect(plan.addresses('aws_vpc_security_group_egress_rule')).toEqual(expect.arrayContaining([expect.stringMatching(/Workloads_Out-tcp-443-sgSaas-0_/)]));
  expect((plan.plan as unknown as { checks?: Array<{ address: { name: string } }> }).checks?.map((c) => c.address.name)).toEqual([expect.stringMatching(/^Saas_ZoneCheck_/)]);
});

test('the README keeps the comparison of the private connectivity options current', () => {
  const header = readme.split('\n').find((line) => line.startsWith('| | PrivateLink |'));
  expect(header).toBe('| | PrivateLink | VPC Lattice | Transit Gateway | VPC peering |');
  expect(PRIVATE_CONNECTIVITY_OPTIONS.map((o) => o.option)).toEqual(['privatelink', 'vpc-lattice', 'transit-gateway', 'vpc-peering']);
  const row = (label: string) => readme.split('\n').find((line) => line.startsWith(`| ${label} |`))?.split('|').slice(2, 6).map((cell) => cell.trim());
  expect(row('overlapping CIDRs')).toEqual(PRIVATE_CONNECTIVITY_OPTIONS.map((o) => (o.overlappingCidrs ? 'yes' : 'no')));
  expect(row('transitive')).toEqual(PRIVATE_CONNECTIVITY_OPTIONS.map((o) => (o.transitive ? 'yes' : 'no')));
  expect(row('on-premises over Direct Connect or VPN (edge-to-edge)')).toEqual(PRIVATE_CONNECTIVITY_OPTIONS.map((o) => (o.directConnectEdgeRouting ? 'yes' : 'no')));
  expect(row('cross-region')?.map((cell) => cell.startsWith('yes'))).toEqual(PRIVATE_CONNECTIVITY_OPTIONS.map((o) => o.crossRegion));
  expect(row('traffic')).toEqual(PRIVATE_CONNECTIVITY_OPTIONS.map((o) => o.protocols));
});

test('every prop of the constructs is listed in the README', () => {
  const sources = [
    'interface-endpoint.ts', 'endpoint-access.ts', 'endpoint-placement.ts', 'gateway-endpoint.ts', 'resolver-inbound-endpoint.ts', 'lattice-endpoint.ts',
    'gateway-load-balancer-endpoint.ts', 'route53-profile.ts', 'endpoint-connection-notifications.ts', 'existing-interface-endpoint.ts',
    '../../core/src/meta-arguments.ts', '../../core/src/terraform-timeouts.ts', '../../core/src/flow-log-queries.ts', '../../core/src/reachability-analysis.ts',
  ];
  for (const file of sources) {
    const source = fs.readFileSync(path.join(__dirname, '..', 'src', file), 'utf8');
    for (const [, prop] of source.matchAll(/^\s+readonly (\w+)\??:/gm)) {
      expect({ file, prop, listed: readme.includes(`\`${prop}\``) }).toEqual({ file, prop, listed: true });
    }
  }
});
