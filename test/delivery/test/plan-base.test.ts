import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PlanSummary } from '@privatelink-cdktf/plan-review';
import { TERRAFORM_TIMEOUT_MS } from '@privatelink-cdktf/terraform-harness';
import { listStacks } from '../../../scripts/stacks';
import { commitWorkingTree } from './git-fixture';

// `npm run plan -- --all --offline --base <ref>` end to end, as the pull request workflow runs it:
// the base is a commit of this working tree in which saas-provider-prod lacks a tenant,
// saas-provider-stg's NLB sits in another subnet, and s3-private-access has no prod stack yet. The
// working tree is "the change": it adds the tenant, moves the NLB and adds the stack.
const root = path.join(__dirname, '..', '..', '..');
const planScript = (...args: string[]) =>
  spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=@privatelink-cdktf/source', path.join(root, 'scripts', 'plan.ts'), ...args], { cwd: root, encoding: 'utf8' });

const TENANT = 'city-hospital';
const MOVED_SUBNET = 'subnet-0a2b2c2d2e2f20202';

let base: string;
let outDir: string;
let run: ReturnType<typeof planScript>;
const summary = (stack: string): PlanSummary => JSON.parse(fs.readFileSync(path.join(outDir, `${stack}.json`), 'utf8')) as PlanSummary;

beforeAll(() => {
  base = commitWorkingTree(root, {
    'apps/saas-provider/src/environments/prod.ts': (text) => text.replace(/^\s*\{ key: 'city-hospital'.*\n/m, ''),
    'apps/saas-provider/src/environments/stg.ts': (text) => text.replace(MOVED_SUBNET, 'subnet-0a2b2c2d2e2f29999'),
    'apps/s3-private-access/src/environments/index.ts': (text) => text.replace('[dev, stg, prod]', '[dev, stg]').replace("import { prod } from './prod';\n", ''),
  });
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-base-'));
  run = planScript('--all', '--offline', '--base', base, '--out', outDir);
}, TERRAFORM_TIMEOUT_MS);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

it('writes a summary for every stack and fails on the guarded replacement, naming it', () => {
  for (const stack of listStacks(root)) expect(fs.existsSync(path.join(outDir, `${stack.name}.md`))).toBe(true);
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/the identity guard stops 1 replacement\(s\) or destroy\(s\):\n {2}- saas-provider-stg: aws_lb\.Service_LoadBalancer_\w+ is replaced \(forced by `subnets`\): its ARN and DNS name/);
  expect(run.stderr).toMatch(/the endpoint service in front of it \(aws_vpc_endpoint_service\.Service_EndpointService_\w+\)/);
});

it('shows zero of everything for the stacks the change leaves alone', () => {
  for (const stack of ['saas-provider-dev', 'tenant-consumer-dev', 'tenant-consumer-stg', 'tenant-consumer-prod', 's3-private-access-dev', 's3-private-access-stg']) {
    expect({ stack, counts: summary(stack).counts }).toEqual({ stack, counts: { add: 0, change: 0, destroy: 0, replace: 0 } });
  }
  expect(fs.readFileSync(path.join(outDir, 'saas-provider-dev.md'), 'utf8')).toContain(`> Planned offline against a state built from \`${base}\` (${base.slice(0, 7)})`);
});

it('adds exactly the new tenant and changes nothing else', () => {
  const prod = summary('saas-provider-prod');
  expect(prod.counts).toEqual({ add: 1, change: 0, destroy: 0, replace: 0 });
  expect(prod.changes.filter((c) => c.action !== 'no-op').map((c) => [c.action, c.address])).toEqual([
    ['create', expect.stringMatching(new RegExp(`^aws_vpc_endpoint_service_allowed_principal\\.Service_EndpointService_Tenant-${TENANT}_Principal-`))],
  ]);
  expect(prod.guard.violations).toEqual([]);
});

it('lists the replacement first, with the attribute that forces it', () => {
  const stg = summary('saas-provider-stg');
  expect(stg.counts.replace).toBeGreaterThanOrEqual(1);
  expect(stg.risky[0]).toMatchObject({ action: 'replace', address: expect.stringMatching(/^aws_lb\.Service_LoadBalancer_/), replacePaths: ['subnets'] });
  expect(stg.guard.violations.map((v) => v.address)).toEqual([stg.risky[0].address]);
  const markdown = fs.readFileSync(path.join(outDir, 'saas-provider-stg.md'), 'utf8');
  expect(markdown.indexOf('### ⛔ Identity guard')).toBeGreaterThan(0);
  expect(markdown.indexOf('### ⛔ Identity guard')).toBeLessThan(markdown.indexOf('### Resources'));
});

it('plans a stack the base does not have from an empty state, and says so', () => {
  const added = summary('s3-private-access-prod');
  expect(added.counts.add).toBeGreaterThan(20);
  expect(added.counts.destroy).toBe(0);
  expect(added.notes[0]).toContain(`s3-private-access-prod does not exist at \`${base}\``);
});

it('refuses to compare one stack with a base that lacks it, naming what the base has', () => {
  const missing = planScript('s3-private-access-prod', '--offline', '--base', base, '--no-synth', '--out', outDir);
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain(`error: s3-private-access-prod does not exist at ${base} (${base.slice(0, 7)}): apps/s3-private-access synthesized s3-private-access-dev, s3-private-access-stg there; plan it without --base`);
});

it('rejects a base that is not a commit, and options that do not go together', () => {
  const malformed = planScript('saas-provider-dev', '--offline', '--base', 'no-such-branch..', '--no-synth');
  expect(malformed.status).toBe(1);
  expect(malformed.stderr).toContain("error: --base 'no-such-branch..' is not a commit in this repository");
  expect(planScript('saas-provider-dev', '--base', 'HEAD', '--no-synth').stderr).toContain('--base plans offline against a state built from the ref: add --offline');
  expect(planScript('--all', '--offline', '--no-synth').stderr).toContain('--all reviews every stack against a base: add --offline --base <git-ref>');
});
