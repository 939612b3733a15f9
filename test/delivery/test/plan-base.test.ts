import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PlanSummary } from '@privatelink-cdktf/plan-review';
import { TERRAFORM_TIMEOUT_MS } from '@privatelink-cdktf/terraform-harness';
import { commitWorkingTree } from './git-fixture';

// `npm run plan -- <stack> --offline --base <ref>` end to end, as a user runs it: the base is a
// commit of this working tree in which saas-provider-prod lacks a tenant and s3-private-access has
// no prod stack yet. The working tree is "the change": it onboards the tenant and adds the stack.
// (The identity guard on real replacements is tested in tools/plan-review, its wiring into this
// script in plan-script.test.ts, and several stacks in one run, as `--all` does it, in the plan
// review's and the upgrade-safety tests.)
const root = path.join(__dirname, '..', '..', '..');
const planScript = (...args: string[]) =>
  spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=@privatelink-cdktf/source', path.join(root, 'scripts', 'plan.ts'), ...args], { cwd: root, encoding: 'utf8' });

const STACK = 'saas-provider-prod';
const TENANT = 'city-hospital';

let base: string;
let outDir: string;
let run: ReturnType<typeof planScript>;
let summary: PlanSummary;

beforeAll(() => {
  base = commitWorkingTree(root, {
    'apps/saas-provider/src/environments/prod.tenants.yaml': (text) => text.replace(/^ {2}- key: city-hospital\n(?: {4}.*\n)+/m, ''),
    'apps/s3-private-access/src/environments/index.ts': (text) => text.replace('[dev, stg, prod]', '[dev, stg]').replace("import { prod } from './prod';\n", ''),
  });
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-base-'));
  run = planScript(STACK, '--offline', '--base', base, '--out', outDir);
  summary = JSON.parse(fs.readFileSync(path.join(outDir, `${STACK}.json`), 'utf8')) as PlanSummary;
}, TERRAFORM_TIMEOUT_MS);

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

it('writes the summary, says what it was planned against, and passes the identity guard', () => {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(`state of ${base} built in `);
  expect(run.stdout).toContain(`${STACK}: 1 to add, 0 to change, 0 to destroy`);
  expect(fs.readFileSync(path.join(outDir, `${STACK}.md`), 'utf8')).toContain(`> Planned offline against a state built from \`${base}\` (${base.slice(0, 7)})`);
  expect(summary.guard).toEqual({ violations: [], allowed: [] });
});

it("adds exactly the new tenant's resources and leaves everything else alone", () => {
  expect(summary.counts).toEqual({ add: 1, change: 0, destroy: 0, replace: 0 });
  expect(summary.changes.filter((c) => c.action !== 'no-op').map((c) => [c.action, c.address])).toEqual([
    ['create', expect.stringMatching(new RegExp(`^aws_vpc_endpoint_service_allowed_principal\\.Service_EndpointService_Tenant-${TENANT}_Principal-`))],
  ]);
  expect(summary.changes.filter((c) => c.action === 'no-op').length).toBeGreaterThan(20);
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
