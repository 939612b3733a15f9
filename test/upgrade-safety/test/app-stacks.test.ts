import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkIdentity, countChanges, planAgainstStates, reviewChanges, type ChangeReview, type PlanJson, type StateFile } from '@privatelink-cdktf/plan-review';
import { stackMember, TERRAFORM_TIMEOUT_MS, type Member } from '@privatelink-cdktf/terraform-harness';
import { listStacks } from '../../../scripts/stacks';

// The app stacks at HEAD planned against the state of a kept earlier synthesis (baseline/apps:
// each stack's cdk.tf.json and the state built from it offline, refreshed on purpose with
// `npm run upgrade-baseline -- --apps`): whatever changed since, nothing replaces or destroys an
// endpoint service, load balancer, endpoint, Transfer server, Resolver endpoint or stored data.
const root = path.join(__dirname, '..', '..', '..');
const baselineDir = path.join(__dirname, '..', 'baseline', 'apps');
const baseline = fs.readdirSync(baselineDir).sort();

interface Resources {
  resource?: Record<string, Record<string, unknown>>;
}

let head: Member[];
let review: ChangeReview;

let outdir: string;

beforeAll(async () => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'upgrade-safety-apps-'));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'synth.cjs'), '--outdir', outdir], { cwd: root, stdio: 'pipe' });
  head = fs
    .readdirSync(outdir)
    .sort()
    .flatMap((app) => fs.readdirSync(path.join(outdir, app, 'stacks')).sort().map((stack) => stackMember(path.join(outdir, app, 'stacks', stack))));
  const states = new Map(baseline.map((stack) => [stack, JSON.parse(fs.readFileSync(path.join(baselineDir, stack, 'terraform.tfstate'), 'utf8')) as StateFile]));
  review = await planAgainstStates(head, states, { label: 'upgrade-safety-apps' });
}, TERRAFORM_TIMEOUT_MS);

afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

it('keeps a baseline of every stack of the repository', () => {
  expect(baseline).toEqual(listStacks(root).map((s) => s.name));
  expect(head.map((m) => m.name).sort()).toEqual(baseline);
});

it("keeps with each baseline stack the state built from it: the same resources, each with its schema version", () => {
  for (const stack of baseline) {
    const config = JSON.parse(fs.readFileSync(path.join(baselineDir, stack, 'cdk.tf.json'), 'utf8')) as Resources;
    const state = JSON.parse(fs.readFileSync(path.join(baselineDir, stack, 'terraform.tfstate'), 'utf8')) as StateFile;
    const configured = Object.entries(config.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`)).sort();
    expect({ stack, resources: state.resources.map((r) => `${r.type}.${r.name}`).sort() }).toEqual({ stack, resources: configured });
    for (const resource of state.resources) expect(resource.instances[0].schema_version).toEqual(expect.any(Number));
  }
});

it('plans every stack at HEAD against its baseline state', () => {
  for (const change of review.stacks) {
    expect({ stack: change.name, error: change.error?.message, new: change.new }).toEqual({ stack: change.name, error: undefined, new: false });
    expect((change.plan?.resource_changes ?? []).length).toBeGreaterThan(10);
  }
});

it('replaces and destroys no endpoint service, load balancer, endpoint, Transfer server, Resolver endpoint or stored data', () => {
  const violations = review.stacks.flatMap((change) => checkIdentity(change.plan as PlanJson).violations.map((v) => `${change.name}: ${v.message}`));
  expect(violations).toEqual([]);
  // What HEAD changes against the baseline, in the test log: counts per stack.
  const counts = review.stacks.map((change) => `${change.name} ${JSON.stringify(countChanges(reviewChanges(change.plan as PlanJson)))}`);
  process.stderr.write(`upgrade safety, apps at HEAD against the baseline: ${counts.join('; ')}\n`);
});
