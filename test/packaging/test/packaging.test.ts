import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSynthesizedStacks, planStackDir, type PlanResult } from '@privatelink-cdktf/terraform-harness';
import { compileExamples, createConsumerProject, runExample, LINKED_PACKAGES, type CompiledExamples, type ConsumerProject } from '../src/consumer-project';
import { exec } from '../src/exec';
import { buildStaleLibraries, LIBRARIES, manifestOf, REPO_ROOT, type Library } from '../src/libraries';
import { readmeExample } from '../src/readme-example';
import { danglingMapSources, pack, unwantedFiles, type Tarball } from '../src/tarball';

// What a user gets from npm: each library packed, checked, installed into a project outside the
// workspace, and the first example of its README compiled, synthesized and planned there.
const bin = (name: string): string => path.join(REPO_ROOT, 'node_modules', '.bin', name);
const timings: Record<string, number> = {};
async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await step();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

let workDir: string;
const tarballs = new Map<Library, Tarball>();
let project: ConsumerProject;
const examples = new Map<Library, string>();
const exampleErrors = new Map<Library, Error>();
let compiled: CompiledExamples;
const outcomes = new Map<Library, { stacks: string[]; plans: PlanResult[] } | Error>();

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'privatelink-cdktf-packaging-'));
  await timed('build', buildStaleLibraries);
  await timed('pack', async () => {
    for (const tarball of await Promise.all(LIBRARIES.map((library) => pack(library, workDir)))) tarballs.set(tarball.library, tarball);
  });
  project = await timed('install', () => createConsumerProject([...tarballs.values()]));
  for (const library of LIBRARIES) {
    try {
      examples.set(library, readmeExample(library));
    } catch (error) {
      exampleErrors.set(library, error as Error);
    }
  }
  compiled = await timed('compile', () => compileExamples(project, examples));
  // Run, synthesize and plan every example that compiled at once: the harness bounds how many
  // plans run together, and the per-library tests below read the outcomes.
  await timed('run and plan', () =>
    Promise.all(
      LIBRARIES.filter((l) => examples.has(l) && compiled.errors.get(l)!.length === 0).map(async (library) => {
        try {
          const outDir = await runExample(project, library);
          const stacks = findSynthesizedStacks(outDir);
          const plans = await Promise.all(stacks.map((stack) => planStackDir(stack.dir, { name: `readme-${library}-${stack.name}` })));
          outcomes.set(library, { stacks: stacks.map((s) => s.name), plans });
        } catch (error) {
          outcomes.set(library, error as Error);
        }
      }),
    ),
  );
  // Four real plans on a shared machine: minutes, not the default five.
}, 15 * 60_000);

afterAll(() => {
  console.log(`packaging timings (ms): ${JSON.stringify(timings)}`);
  for (const dir of [workDir, project?.dir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(LIBRARIES)('the %s tarball', (library) => {
  const tarball = (): Tarball => tarballs.get(library)!;

  it('holds the build, its declarations and the README, and no tests, build caches or configs', () => {
    const { files } = tarball();
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
    expect(unwantedFiles(files)).toEqual([]);
  });

  it('has source maps whose sources are all in the tarball', () => {
    expect(tarball().files.some((f) => f.endsWith('.js.map'))).toBe(true);
    expect(danglingMapSources(tarball())).toEqual([]);
  });

  it('passes publint with warnings as errors', async () => {
    const result = await exec(bin('publint'), ['run', tarball().file, '--strict', '--level', 'warning'], { cwd: workDir });
    expect({ code: result.code, output: result.stdout + result.stderr }).toEqual({ code: 0, output: expect.stringContaining('Linting...') });
  });

  it('has types that resolve for CommonJS and ESM importers (Are The Types Wrong, node16 profile)', async () => {
    const result = await exec(bin('attw'), [tarball().file, '--profile', 'node16', '--format', 'json'], { cwd: workDir });
    const report = JSON.parse(result.stdout) as { analysis?: { problems?: unknown[] } };
    expect(report.analysis?.problems ?? ['no analysis']).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('installs from the tarball with its dependencies resolved to the other tarballs', () => {
    const installed = project.installedDir(library);
    expect(fs.realpathSync(installed).startsWith(project.dir)).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'))).toMatchObject({ name: manifestOf(library).name, version: manifestOf(library).version });
    for (const dep of Object.keys(manifestOf(library).dependencies ?? {})) {
      const resolved = require.resolve(dep, { paths: [installed] });
      expect(resolved.startsWith(path.join(project.dir, 'node_modules'))).toBe(true);
    }
  });

  it('accepts the cdktf, constructs and AWS provider versions it is used with', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const semver = require('semver') as { satisfies(version: string, range: string): boolean };
    for (const [peer, range] of Object.entries(manifestOf(library).peerDependencies ?? {})) {
      expect(LINKED_PACKAGES).toContain(peer);
      const version = (JSON.parse(fs.readFileSync(path.join(project.dir, 'node_modules', peer, 'package.json'), 'utf8')) as { version: string }).version;
      expect(`${peer}@${version} satisfies ${range}: ${semver.satisfies(version, range)}`).toMatch(/: true$/);
    }
  });
});

describe.each(LIBRARIES)('the README example of %s', (library) => {
  it('exists', () => {
    const missing = exampleErrors.get(library);
    if (missing) throw missing;
    expect(examples.get(library)).toMatch(new RegExp(`from '${manifestOf(library).name}'`));
  });

  it('compiles in strict mode against the installed packages', () => {
    if (!examples.has(library)) throw new Error(`no example for ${library}: see the test above`);
    expect(compiled.otherErrors).toEqual([]);
    expect(compiled.errors.get(library)).toEqual([]);
  });

  it('synthesizes, and every stack it synthesizes passes terraform validate and an offline plan', () => {
    const outcome = outcomes.get(library);
    if (!outcome) throw new Error(`the ${library} example did not compile: see the test above`);
    if (outcome instanceof Error) throw outcome;
    expect(outcome.stacks.length).toBeGreaterThan(0);
    for (const plan of outcome.plans) {
      expect(plan.validation.valid).toBe(true);
      expect(plan.summary.add).toBeGreaterThan(0);
    }
  });
});
