import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FRAMEWORKS } = require('../../../scripts/frameworks.cjs') as { FRAMEWORKS: Record<'cdktf' | 'cdktn', { peers: Record<string, string> }> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cdktnManifest } = require('../../../scripts/build-cdktn.cjs') as { cdktnManifest(manifest: object): object };

const root = join(__dirname, '..', '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
const libraries = ['core', 'provider', 'consumer', 's3-access'];
const apps = readdirSync(join(root, 'apps'));

describe('the import rule', () => {
  // The CLI, not the ESLint class: it loads the ESM config, which Jest's module sandbox cannot.
  const lint = async (code: string): Promise<Array<{ ruleId: string }>> => {
    const eslint = join(root, 'node_modules', '.bin', 'eslint');
    const result = spawnSync(eslint, ['--stdin', '--stdin-filename', 'packages/core/src/example.ts', '--format', 'json'], { cwd: root, input: code, encoding: 'utf8' });
    return JSON.parse(result.stdout)[0].messages;
  };

  it.each(['@cdktf', '@cdktn'])('rejects the root of %s/provider-aws and its lib index', async (scope) => {
    const packageRoot = [scope, 'provider-aws'].join('/'); // spelled out, this line would be a root import itself
    const root = await lint(`import { VpcEndpoint } from '${packageRoot}';\nexport const x = VpcEndpoint;\n`);
    expect(root.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const index = await lint(`import { vpcEndpoint } from '${packageRoot}/lib';\nexport const x = vpcEndpoint;\n`);
    expect(index.map((m) => m.ruleId)).toContain('no-restricted-imports');
  });

  it.each(['@cdktf', '@cdktn'])('accepts deep imports of %s/provider-aws', async (scope) => {
    expect(await lint(`import { VpcEndpoint } from '${scope}/provider-aws/lib/vpc-endpoint';\nexport const x = VpcEndpoint;\n`)).toEqual([]);
  });
});

describe('turbo tasks', () => {
  const turbo = readJson('turbo.json');

  it('defines every task, builds dependencies first and caches outputs', () => {
    expect(Object.keys(turbo.tasks).sort()).toEqual(['build', 'lint', 'synth', 'test', 'typecheck', 'validate']);
    expect(turbo.tasks.build).toMatchObject({ dependsOn: ['^build'], outputs: ['dist/**', 'cdktn/dist/**', 'cdktn/src/**', 'cdktn/README.md'] });
    expect(turbo.tasks.synth.outputs).toEqual(['cdktf.out/**']);
    expect(turbo.tasks.test.dependsOn).toEqual(expect.arrayContaining(['^build', 'synth']));
  });

  it('is driven by the root scripts', () => {
    const scripts = readJson('package.json').scripts;
    for (const task of ['build', 'typecheck', 'lint', 'validate']) expect(scripts[task]).toBe(`turbo run ${task}`);
    expect(scripts.test).toMatch(/^turbo run .*\btest\b/);
    // All apps in one process (scripts/synth.cjs); turbo's per-app synth task runs the same script.
    expect(scripts.synth).toBe('node scripts/synth.cjs');
  });

  // A glob such as `$TURBO_ROOT$/scripts/**` also matches what git ignores there: turbo's own logs
  // and the CDK Terrain CLI that `npx cdktn` installs on first use. Hashing them made a warm
  // `npm test` hash 52,000 files, and miss the cache whenever a log or that install changed.
  it('never hashes installed dependencies or its own logs', () => {
    const probe = join(root, 'scripts', '.turbo', `hash-probe-${process.pid}.log`);
    mkdirSync(dirname(probe), { recursive: true });
    writeFileSync(probe, 'a log inside a task input glob\n');
    try {
      const dry = spawnSync(join(root, 'node_modules', '.bin', 'turbo'), ['run', 'typecheck', 'lint', 'test', '--dry=json'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      expect(dry.status).toBe(0);
      const { tasks } = JSON.parse(dry.stdout) as { tasks: Array<{ directory: string; inputs: Record<string, string> }> };
      const inputs = tasks.flatMap((task) => Object.keys(task.inputs).map((file) => relative(root, join(root, task.directory, file))));
      expect(inputs).toContain('scripts/plan.ts');
      expect(inputs.filter((file) => /(^|\/)(node_modules|\.turbo)\//.test(file))).toEqual([]);
    } finally {
      rmSync(probe, { force: true });
    }
  });
});

describe.each(libraries)('the %s library manifest', (name) => {
  const pkg = readJson(`packages/${name}/package.json`);

  it('is ready to publish under the scope', () => {
    expect(pkg.name).toBe(`@privatelink-cdktf/${name}`);
    expect(pkg.private).toBeUndefined();
    expect(pkg.publishConfig).toEqual({ access: 'public' });
    expect(Object.keys(pkg.exports['.'])[0]).toBe('types');
    expect(pkg.files).toEqual(expect.arrayContaining(['README.md']));
    expect(pkg.files.some((f: string) => f.includes('test'))).toBe(false);
  });

  it('takes cdktf, constructs and the AWS provider as peers, has both frameworks for its tests and builds to dist with its cdktn package', () => {
    expect(pkg.peerDependencies).toEqual(FRAMEWORKS.cdktf.peers);
    for (const dev of ['cdktf', 'constructs', '@cdktf/provider-aws', 'cdktn', '@cdktn/provider-aws']) {
      expect(pkg.devDependencies[dev]).toBeDefined();
      expect(pkg.dependencies?.[dev]).toBeUndefined();
    }
    expect(pkg.scripts.build).toBe('tsc -p tsconfig.build.json && node ../../scripts/build-cdktn.cjs');
    expect(readJson(`packages/${name}/tsconfig.build.json`).compilerOptions.outDir).toBe('dist');
  });

  it('has a CDK Terrain package, derived from this manifest, that takes cdktn, constructs and @cdktn/provider-aws as peers and names no cdktf package', () => {
    const cdktn = readJson(`packages/${name}/cdktn/package.json`);
    expect(cdktn).toEqual(cdktnManifest(pkg));
    expect(cdktn).toMatchObject({ name: `@privatelink-cdktn/${name}`, version: pkg.version, peerDependencies: FRAMEWORKS.cdktn.peers });
    expect(JSON.stringify(cdktn)).not.toMatch(/"(cdktf|@cdktf\/[^"]+|@privatelink-cdktf\/[^"]+)"\s*:/);
  });
});

describe.each(apps)('the %s app', (app) => {
  it('is private, synthesizes with the workspace synth script and deploys with cdktf', () => {
    const pkg = readJson(`apps/${app}/package.json`);
    expect(pkg.private).toBe(true);
    expect(pkg.scripts.synth).toBe('node ../../scripts/synth.cjs .');
    expect(pkg.devDependencies['cdktf-cli']).toBeDefined();
    expect(readJson(`apps/${app}/cdktf.json`)).toMatchObject({ language: 'typescript', app: 'node ../../scripts/synth.cjs .', output: 'cdktf.out' });
  });

  it('has one environment file per environment, and only data of those environments beside them', () => {
    const files = readdirSync(join(root, 'apps', app, 'src', 'environments')).sort();
    expect(files.filter((file) => file.endsWith('.ts'))).toEqual(['dev.ts', 'index.ts', 'prod.ts', 'stg.ts']);
    // Data an environment reads (tenants files, handoff documents) is named after it.
    expect(files.filter((file) => !file.endsWith('.ts')).filter((file) => !/^(dev|stg|prod)\.[a-z-]+\.(ya?ml|json)$/.test(file))).toEqual([]);
  });
});

describe('README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');

  it('opens with the two commands', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(firstBlock).toContain('npm ci && npm run synth');
    expect(firstBlock).toContain('npm ci && npm test');
  });

  it('is what CI runs', () => {
    const ci = readFileSync(join(root, '.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test 2>&1/m);
  });
});
