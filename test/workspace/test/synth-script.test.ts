import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const apps = readdirSync(join(root, 'apps')).sort();

function node(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, args, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every stack's cdk.tf.json under an output dir, by stack name. */
function stacksIn(outdir: string): Record<string, unknown> {
  const stacks = join(outdir, 'stacks');
  return Object.fromEntries(readdirSync(stacks).map((stack) => [stack, JSON.parse(readFileSync(join(stacks, stack, 'cdk.tf.json'), 'utf8'))]));
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { synthesisDifferences } = require('../../../scripts/frameworks.cjs') as { synthesisDifferences(cdktf: unknown, cdktn: unknown): Array<{ path: string; cdktf: unknown; cdktn: unknown }> };

const manifest = (name: string) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));

describe('scripts/synth.cjs (npm run synth)', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'synth-script-'));
  const together = join(scratch, 'together');
  const underCdktn = join(scratch, 'cdktn');
  let run: ReturnType<typeof node>;
  let cdktnRun: ReturnType<typeof node>;
  beforeAll(() => {
    run = node(['scripts/synth.cjs', '--outdir', together]);
    cdktnRun = node(['scripts/synth.cjs', '--framework', 'cdktn', '--outdir', underCdktn]);
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('synthesizes every app in one process to the same JSON as running each main.ts on its own', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const app of apps) {
      expect(run.stdout).toMatch(new RegExp(`✓ ${app}: ${app}-dev, ${app}-prod, ${app}-stg → `));
      // The reference: the app's main.ts alone, loaded module by module by Jest (SWC), not from the bundle.
      const alone = join(scratch, 'alone', app);
      mkdirSync(alone, { recursive: true });
      process.env.CDKTF_OUTDIR = alone;
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- main.ts synthesizes on load, into CDKTF_OUTDIR
      jest.isolateModules(() => require(join(root, 'apps', app, 'main.ts')));
      delete process.env.CDKTF_OUTDIR;
      expect(stacksIn(join(together, app))).toEqual(stacksIn(alone));
    }
  });

  it('synthesizes every stack under CDK Terrain to the same JSON apart from the framework version and the AWS provider pin', () => {
    expect(cdktnRun.stderr).toBe('');
    expect(cdktnRun.status).toBe(0);
    // The AWS provider version each binding pins (6.25.0 for @cdktf/provider-aws 21.22.1, 6.66.0 for @cdktn/provider-aws 25.7.0).
    const pins = { cdktf: manifest('@cdktf/provider-aws').cdktf.provider.version, cdktn: manifest('@cdktn/provider-aws').cdktn.provider.version };
    expect(pins.cdktf).not.toBe(pins.cdktn);
    for (const app of apps) {
      const [cdktf, cdktn] = [stacksIn(join(together, app)), stacksIn(join(underCdktn, app))];
      expect(Object.keys(cdktn).sort()).toEqual(Object.keys(cdktf).sort());
      for (const stack of Object.keys(cdktf)) {
        const found = synthesisDifferences(cdktf[stack], cdktn[stack]);
        expect(found).toEqual([
          { path: '//.metadata.version', cdktf: manifest('cdktf').version, cdktn: manifest('cdktn').version },
          // The same provider (registry.terraform.io/hashicorp/aws), each binding's spelling and version.
          { path: 'terraform.required_providers.aws.source', cdktf: 'aws', cdktn: 'hashicorp/aws' },
          { path: 'terraform.required_providers.aws.version', ...pins },
        ]);
        // Not an empty agreement: the stacks hold their resources.
        expect(Object.keys((cdktf[stack] as { resource: object }).resource).length).toBeGreaterThan(3);
      }
    }
  });

  it('writes to the CLI’s CDKTF_OUTDIR when the cdktf CLI runs one app (cdktf.json: node ../../scripts/synth.cjs .)', () => {
    const outdir = join(scratch, 'cli');
    const run = node([join(root, 'scripts', 'synth.cjs'), '.'], { cwd: join(root, 'apps', 'saas-provider'), env: { CDKTF_OUTDIR: outdir } });
    expect(run.status).toBe(0);
    expect(Object.keys(stacksIn(outdir)).sort()).toEqual(['saas-provider-dev', 'saas-provider-prod', 'saas-provider-stg']);
  });

  it('names the apps it knows when asked for one it does not', () => {
    const run = node(['scripts/synth.cjs', 'no-such-app']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`'no-such-app' is not an app: give a name under apps/ (${apps.join(', ')}) or an app's directory`);
  });

  it('names the frameworks it knows when asked for one it does not', () => {
    const run = node(['scripts/synth.cjs', '--framework', 'cdk8s']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown framework 'cdk8s': cdktf or cdktn");
  });
});

describe('the synth program cache (scripts/synth-program.cjs)', () => {
  // A probe app inside the repo, so that its imports resolve from the workspace's node_modules.
  const dir = join(root, 'node_modules', '.cache', 'privatelink-cdktf', `probe-app-${process.pid}`);
  const main = join(dir, 'main.ts');
  const cacheDir = mkdtempSync(join(tmpdir(), 'synth-program-cache-'));
  const load = (env: NodeJS.ProcessEnv = {}) => {
    const script = `require('./scripts/synth-program.cjs')
      .loadSynthProgram([{ name: 'probe', dir: ${JSON.stringify(dir)} }], { cacheDir: ${JSON.stringify(cacheDir)} })
      .then(({ program, bundleSeconds }) => {
        program.probe();
        console.log(JSON.stringify({ rebuilt: bundleSeconds !== undefined, value: globalThis.probeValue }));
      });`;
    const run = node(['-e', script], { env });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout);
  };
  beforeAll(() => mkdirSync(dir, { recursive: true }));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('bundles once, reuses the bundle while its inputs are unchanged and rebuilds when one changes', () => {
    writeFileSync(main, "import { Fn } from 'cdktf';\nconst value: string = typeof Fn;\n(globalThis as Record<string, unknown>).probeValue = value + ' 1';\n");
    expect(load()).toEqual({ rebuilt: true, value: 'function 1' });
    expect(load()).toEqual({ rebuilt: false, value: 'function 1' });
    writeFileSync(main, "import { Fn } from 'cdktf';\nconst value: string = typeof Fn;\n(globalThis as Record<string, unknown>).probeValue = value + ' 2 (edited)';\n");
    expect(load()).toEqual({ rebuilt: true, value: 'function 2 (edited)' });
  });

  it('bundles cdktf as published: every token records where it was created', () => {
    writeFileSync(main, "import { Lazy } from 'cdktf';\nconst token = Lazy.anyValue({ produce: () => 'x' });\n(globalThis as Record<string, unknown>).probeValue = token.creationStack;\n");
    const { rebuilt, value } = load();
    expect(rebuilt).toBe(true);
    expect(value.join('\n')).toMatch(/main/);
  });

  it('reports a syntax error with the file and line', () => {
    writeFileSync(main, 'const broken: = 1;\n');
    expect(load).toThrow(/main\.ts:1:\d+: ERROR: /);
  });
});
