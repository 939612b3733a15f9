import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTenantsFile } from '@privatelink-cdktf/provider';
import { planConfig, type PlanResult } from '@privatelink-cdktf/terraform-harness';

// `npm run tenant` end to end, as an operator runs it, on copies of the saas-provider tenants files:
// onboard a tenant, remove one, offboard one, each printing what the next plan does; then the
// offline plan of each version of the app, synthesized from those files, with real Terraform.
const root = path.join(__dirname, '..', '..', '..');
const TENANTS = path.join(root, 'apps', 'saas-provider', 'src', 'environments');
const RIVER = { key: 'river-clinic', principal: 'arn:aws:iam::555500009999:root', endpoint: 'vpce-0123456789abcdef0' };

let dir: string;
const file = () => path.join(dir, 'prod.tenants.yaml');
const tenant = (...args: string[]) =>
  spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--tsconfig', path.join(root, 'scripts', 'tsconfig.json'), path.join(root, 'scripts', 'tenant.ts'), ...args, '--tenants-dir', dir], {
    cwd: root,
    encoding: 'utf8',
  });

/** The app synthesized from the tenants files in `tenantsDir`, as the script and `cdktf synth --context` do. */
function synthesizeProd(tenantsDir: string): object {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenant-plan-'));
  try {
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'synth.cjs'), '--outdir', outdir, 'saas-provider'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CDKTF_CONTEXT_JSON: JSON.stringify({ tenantsDir }) },
    });
    if (run.status !== 0) throw new Error(`synth failed:\n${run.stderr}`);
    return JSON.parse(fs.readFileSync(path.join(outdir, 'saas-provider', 'stacks', 'saas-provider-prod', 'cdk.tf.json'), 'utf8')) as object;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A copy of the tenants dir as it is now, for planning that version later. */
function snapshot(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tenants-version-'));
  for (const name of fs.readdirSync(dir)) fs.copyFileSync(path.join(dir, name), path.join(copy, name));
  return copy;
}

const original = fs.readFileSync(path.join(TENANTS, 'prod.tenants.yaml'), 'utf8');
const runs: Record<'list' | 'add' | 'remove' | 'offboard', ReturnType<typeof tenant>> = {} as never;
const versions: Record<'added' | 'removed' | 'offboarded', string> = {} as never;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenants-'));
  for (const name of fs.readdirSync(TENANTS).filter((n) => n.endsWith('.tenants.yaml'))) fs.copyFileSync(path.join(TENANTS, name), path.join(dir, name));
  runs.list = tenant('list', 'prod');
  runs.add = tenant('add', 'prod', RIVER.key, '--principal', RIVER.principal, '--endpoint', RIVER.endpoint);
  versions.added = snapshot();
  runs.remove = tenant('remove', 'prod', 'acme-bank');
  versions.removed = snapshot();
  runs.offboard = tenant('offboard', 'prod', 'prefecture-office');
  versions.offboarded = snapshot();
  for (const [command, run] of Object.entries(runs)) if (run.status !== 0) throw new Error(`tenant ${command} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}, 10 * 60_000);

afterAll(() => [dir, ...Object.values(versions)].forEach((d) => d && fs.rmSync(d, { recursive: true, force: true })));

describe('npm run tenant', () => {
  it('lists the tenants in file order with their state, principals and endpoints', () => {
    expect(runs.list.stdout.split('\n').filter((line) => !line.startsWith(' ') && line !== '').slice(1)).toEqual(['acme-bank  active', 'city-hospital  active', 'prefecture-office  active']);
    expect(runs.list.stdout).toContain('  endpoint   vpce-0a1b2c3d4e5f60718');
  });

  it('adds a tenant at the end, keeping every other line and comment, and prints the two resources the next plan adds', () => {
    const added = fs.readFileSync(path.join(versions.added, 'prod.tenants.yaml'), 'utf8');
    expect(added.startsWith(original)).toBe(true);
    expect(added.slice(original.length)).toBe(`  - key: ${RIVER.key}\n    principals:\n      - ${RIVER.principal}\n    endpointIds:\n      - ${RIVER.endpoint}\n`);
    expect(runs.add.stdout).toContain('saas-provider-prod: the next plan adds 2, changes 0 and removes 0 resources');
    expect(runs.add.stdout).toMatch(/\+ aws_vpc_endpoint_service_allowed_principal\.Service_EndpointService_Tenant-river-clinic_Principal-555500009999-root_\w+ {2}allows arn:aws:iam::555500009999:root/);
    expect(runs.add.stdout).toMatch(/\+ aws_vpc_endpoint_connection_accepter\.Service_EndpointService_Tenant-river-clinic_Accept-vpce-0123456789abcdef0_\w+ {2}accepts the connection of vpce-0123456789abcdef0/);
  });

  it("removes a tenant, printing that its principal goes and its accepted endpoint's connection is rejected", () => {
    expect(parseTenantsFile(fs.readFileSync(path.join(versions.removed, 'prod.tenants.yaml'), 'utf8'), 'prod').map((t) => t.key)).toEqual(['city-hospital', 'prefecture-office', 'river-clinic']);
    expect(runs.remove.stdout).toContain('the next plan adds 0, changes 0 and removes 2 resources');
    expect(runs.remove.stdout).toMatch(/- aws_vpc_endpoint_connection_accepter\.Service_EndpointService_Tenant-acme-bank_Accept-vpce-0a1b2c3d4e5f60718_\w+ {2}rejects the connection of vpce-0a1b2c3d4e5f60718/);
    expect(runs.remove.stdout).toMatch(/- aws_vpc_endpoint_service_allowed_principal\.Service_EndpointService_Tenant-acme-bank_Principal-555500001111-root_\w+ {2}no longer allows/);
  });

  it('offboards a tenant in place, and says how to reject what Terraform did not accept', () => {
    const offboarded = parseTenantsFile(fs.readFileSync(path.join(versions.offboarded, 'prod.tenants.yaml'), 'utf8'), 'prod');
    expect(offboarded.map((t) => [t.key, t.state ?? 'active'])).toEqual([
      ['city-hospital', 'active'],
      ['prefecture-office', 'offboarded'],
      ['river-clinic', 'active'],
    ]);
    expect(fs.readFileSync(path.join(versions.offboarded, 'prod.tenants.yaml'), 'utf8')).toContain('  - key: prefecture-office\n    state: offboarded\n    principals:');
    expect(runs.offboard.stdout).toContain('removes 3 resources');
    expect(runs.offboard.stdout).toContain('output endpoints_to_reject changes');
    expect(runs.offboard.stdout).toContain('aws ec2 reject-vpc-endpoint-connections --region ap-northeast-1 --service-id "$SERVICE_ID" --vpc-endpoint-ids vpce-0f1e2d3c4b5a69788');
  });

  it('refuses a bad edit with the file, entry, field and fix, and writes nothing', () => {
    const before = fs.readFileSync(file(), 'utf8');
    const bad = tenant('add', 'prod', 'new-bank', '--principal', '555500007777');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^error: .*prod\.tenants\.yaml:\d+: tenants\[3\] \(new-bank\): 'principals' has '555500007777', an account ID rather than a principal ARN; write the account root ARN arn:aws:iam::555500007777:root/);
    const taken = tenant('add', 'prod', 'other-bank', '--principal', 'arn:aws:iam::555500009999:root');
    expect(taken.stderr).toMatch(/'principals' has 'arn:aws:iam::555500009999:root', which tenants\[2\] \('river-clinic'\) already has/);
    const open = tenant('add', 'prod', 'anyone', '--principal', '*');
    expect(open.status).toBe(1);
    expect(open.stderr).toMatch(/is unchanged: saas-provider does not synthesize with this edit\n[\s\S]*'tenants' allows the principal '\*'/);
    expect(tenant('remove', 'prod', 'nobody').stderr).toMatch(/there is no tenant nobody; the tenants are city-hospital, prefecture-office, river-clinic/);
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
  });

  it('previews with --dry-run without writing', () => {
    const before = fs.readFileSync(file(), 'utf8');
    const dry = tenant('add', 'prod', RIVER.key, '--endpoint', 'vpce-0fedcba9876543210', '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('the next plan adds 1, changes 0 and removes 0 resource');
    expect(dry.stdout).toContain('dry run:');
    expect(fs.readFileSync(file(), 'utf8')).toBe(before);
  });
});

describe('the offline plan of each version', () => {
  let plans: Record<'original' | 'added' | 'removed' | 'offboarded', PlanResult>;
  const managed = (plan: PlanResult) => new Set(plan.resourceChanges.filter((rc) => rc.mode === 'managed').map((rc) => rc.address));
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((address) => !b.has(address)).sort();

  beforeAll(async () => {
    const entries = await Promise.all(
      (['original', 'added', 'removed', 'offboarded'] as const).map(async (version) => [version, await planConfig(synthesizeProd(version === 'original' ? TENANTS : versions[version]), { name: `tenants-${version}` })] as const),
    );
    plans = Object.fromEntries(entries) as typeof plans;
  }, 15 * 60_000);

  it('validates every version', () => {
    for (const plan of Object.values(plans)) expect(plan.validation.valid).toBe(true);
  });

  it("adds river-clinic's principal and accepter, then removes acme-bank's, then prefecture-office's, and nothing else", () => {
    const [original, added, removed, offboarded] = [plans.original, plans.added, plans.removed, plans.offboarded].map(managed);
    expect(only(added, original)).toEqual([expect.stringMatching(/^aws_vpc_endpoint_connection_accepter\..*Tenant-river-clinic_/), expect.stringMatching(/^aws_vpc_endpoint_service_allowed_principal\..*Tenant-river-clinic_/)]);
    expect(only(original, added)).toEqual([]);
    expect(only(added, removed)).toEqual([expect.stringMatching(/^aws_vpc_endpoint_connection_accepter\..*Tenant-acme-bank_/), expect.stringMatching(/^aws_vpc_endpoint_service_allowed_principal\..*Tenant-acme-bank_/)]);
    expect(only(removed, added)).toEqual([]);
    expect(only(removed, offboarded)).toHaveLength(3);
    expect(only(removed, offboarded).every((address) => address.includes('Tenant-prefecture-office_'))).toBe(true);
    expect(only(offboarded, removed)).toEqual([]);
    expect(plans.added.planned('aws_vpc_endpoint_service_allowed_principal').map((p) => p.principal_arn)).toContain(RIVER.principal);
    const outputs = (plan: PlanResult) => (plan.plan as { planned_values?: { outputs?: Record<string, { value?: unknown }> } }).planned_values?.outputs;
    expect(outputs(plans.removed)?.endpoints_to_reject?.value).toEqual([]);
    expect(outputs(plans.offboarded)?.endpoints_to_reject?.value).toEqual(['vpce-0f1e2d3c4b5a69788']);
  });
});
