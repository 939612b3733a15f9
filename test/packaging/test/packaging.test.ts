import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSynthesizedStacks, planStackDir, type PlanResult } from '@privatelink-cdktf/terraform-harness';
import { compileExamples, createConsumerProject, installedPackages, linkedPackages, synthWithCli, type CompiledExamples, type ConsumerProject } from '../src/consumer-project';
import { exec } from '../src/exec';
import { buildStaleLibraries, FRAMEWORKS, LIBRARIES, manifestOf, namesOf, REPO_ROOT, type Framework, type Library } from '../src/libraries';
import { readmeExample, terrainExample } from '../src/readme-example';
import { danglingMapSources, pack, unwantedFiles, type Tarball } from '../src/tarball';

// What a user gets from npm, for each framework: each library's package of that framework's set
// packed, checked, installed into a project outside the workspace with that framework, and the
// first example of its README compiled, synthesized with that framework's CLI and planned there.
// The CDK Terrain set also runs README.md's "Using CDK Terrain" example. A cdktn library example is
// the cdktf one with its imports renamed: its JSON must equal the cdktf example's apart from the
// framework version and the provider pin, so the cdktf example's plan is its plan too (offline,
// Terraform gets the same configuration: the harness relaxes both pins to the mirror's provider).
const bin = (name: string): string => path.join(REPO_ROOT, 'node_modules', '.bin', name);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cdktfSpecifiers } = require(path.join(REPO_ROOT, 'scripts', 'build-cdktn.cjs')) as { cdktfSpecifiers(text: string): string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { synthesisDifferences } = require(path.join(REPO_ROOT, 'scripts', 'frameworks.cjs')) as { synthesisDifferences(cdktf: unknown, cdktn: unknown): Array<{ path: string }> };
const other = (framework: Framework): Framework => (framework === 'cdktf' ? 'cdktn' : 'cdktf');
/** Package names of a framework that must not appear in the other framework's set. */
const namesOnlyIn = (framework: Framework): RegExp => {
  const { library, providerAws, scope } = namesOf(framework);
  return new RegExp(`^(${library}|${library}-cli|${providerAws.split('/')[0]}/.+|${scope}/.+)$`);
};

const timings: Record<string, number> = {};
async function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await step();
  } finally {
    timings[label] = Math.round(performance.now() - started);
  }
}

interface Outcome {
  stacks: string[];
  /** Each stack's cdk.tf.json, parsed, by stack name. */
  json: Record<string, unknown>;
  /** Empty for the cdktn library examples, which are compared with the cdktf ones instead. */
  plans: PlanResult[];
  loadedModules: string[];
}
interface PackageSet {
  tarballs: Map<Library, Tarball>;
  project: ConsumerProject;
  examples: Map<string, string>;
  exampleErrors: Map<string, Error>;
  compiled: CompiledExamples;
  outcomes: Map<string, Outcome | Error>;
}

let workDir: string;
const sets = new Map<Framework, PackageSet>();
const exampleNames = (framework: Framework): string[] => [...LIBRARIES, ...(framework === 'cdktn' ? ['terrain'] : [])];

/** Packs, installs, compiles, synthesizes with the CLI and plans one framework's set. */
async function exercise(framework: Framework): Promise<PackageSet> {
  const tarballs = new Map<Library, Tarball>();
  await timed(`${framework} pack`, async () => {
    for (const tarball of await Promise.all(LIBRARIES.map((library) => pack(library, framework, workDir)))) tarballs.set(tarball.library, tarball);
  });
  const project = await timed(`${framework} install`, () => createConsumerProject(framework, [...tarballs.values()]));
  const examples = new Map<string, string>();
  const exampleErrors = new Map<string, Error>();
  for (const name of exampleNames(framework)) {
    try {
      examples.set(name, name === 'terrain' ? terrainExample() : readmeExample(name as Library, framework));
    } catch (error) {
      exampleErrors.set(name, error as Error);
    }
  }
  const compiled = await timed(`${framework} compile`, () => compileExamples(project, examples));
  // Synthesize the examples one after the other (a CLI run keeps a core busy for seconds; the two
  // sets run side by side), and plan each as soon as it is synthesized: the harness bounds how many
  // plans run together. The tests below read the outcomes.
  const outcomes = new Map<string, Outcome | Error>();
  await timed(`${framework} synth and plan`, async () => {
    const pending: Array<Promise<void>> = [];
    for (const name of [...examples.keys()].filter((n) => compiled.errors.get(n)!.length === 0)) {
      try {
        const { outDir, loadedModules } = await synthWithCli(project, name);
        const stacks = findSynthesizedStacks(outDir);
        const json = Object.fromEntries(stacks.map((stack) => [stack.name, JSON.parse(fs.readFileSync(path.join(stack.dir, 'cdk.tf.json'), 'utf8')) as unknown]));
        const planned = framework === 'cdktf' || name === 'terrain' ? stacks : [];
        pending.push(
          Promise.all(planned.map((stack) => planStackDir(stack.dir, { name: `readme-${framework}-${name}-${stack.name}` }))).then(
            (plans) => void outcomes.set(name, { stacks: stacks.map((s) => s.name), json, plans, loadedModules }),
            (error: Error) => void outcomes.set(name, error),
          ),
        );
      } catch (error) {
        outcomes.set(name, error as Error);
      }
    }
    await Promise.all(pending);
  });
  return { tarballs, project, examples, exampleErrors, compiled, outcomes };
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'privatelink-cdktf-packaging-'));
  await timed('build', buildStaleLibraries);
  for (const [framework, set] of await Promise.all(FRAMEWORKS.map(async (f) => [f, await exercise(f)] as const))) sets.set(framework, set);
  // Five real plans and nine CLI runs on a shared machine: minutes, not the default five seconds.
}, 20 * 60_000);

afterAll(() => {
  console.log(`packaging timings (ms): ${JSON.stringify(timings)}`);
  for (const dir of [workDir, ...[...sets.values()].map((set) => set.project.dir)]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.each(FRAMEWORKS)('the %s set', (framework) => {
  const set = (): PackageSet => sets.get(framework)!;

  describe.each(LIBRARIES)('the %s tarball', (library) => {
    const tarball = (): Tarball => set().tarballs.get(library)!;

    it('holds the build, its declarations and the README, and no tests, build caches or configs', () => {
      const { files } = tarball();
      expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
      expect(unwantedFiles(files)).toEqual([]);
    });

    it('has source maps whose sources are all in the tarball', () => {
      expect(tarball().files.some((f) => f.endsWith('.js.map'))).toBe(true);
      expect(danglingMapSources(tarball())).toEqual([]);
    });

    it(`imports its own framework's packages and none of the other's`, () => {
      const code = tarball().files.filter((f) => /\.(js|d\.ts)$/.test(f)).map((f) => fs.readFileSync(path.join(tarball().unpackedDir, 'package', f), 'utf8'));
      const imported = new Set(code.flatMap((text) => (framework === 'cdktn' ? cdktfSpecifiers(text) : [])));
      expect([...imported]).toEqual([]);
      const text = code.join('\n');
      expect(text).toMatch(new RegExp(`require\\("${namesOf(framework).providerAws}/lib/`));
      expect(text).toMatch(new RegExp(`from ["']${namesOf(framework).providerAws}/lib/`));
      expect(text).not.toMatch(new RegExp(`["'](${namesOf(other(framework)).library}|${namesOf(other(framework)).providerAws})(/[^"']*)?["']`));
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
      const installed = set().project.installedDir(library);
      const manifest = manifestOf(library, framework);
      expect(fs.realpathSync(installed).startsWith(set().project.dir)).toBe(true);
      expect(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'))).toMatchObject({ name: manifest.name, version: manifest.version });
      for (const dep of Object.keys(manifest.dependencies ?? {})) {
        const resolved = require.resolve(dep, { paths: [installed] });
        expect(resolved.startsWith(path.join(set().project.dir, 'node_modules'))).toBe(true);
      }
    });

    it(`accepts the ${framework}, constructs and AWS provider versions it is used with`, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const semver = require('semver') as { satisfies(version: string, range: string): boolean };
      const peers = manifestOf(library, framework).peerDependencies ?? {};
      expect(Object.keys(peers).sort()).toEqual(linkedPackages(framework).filter((name) => name !== '@types/node').sort());
      for (const [peer, range] of Object.entries(peers)) {
        const version = (JSON.parse(fs.readFileSync(path.join(set().project.dir, 'node_modules', peer, 'package.json'), 'utf8')) as { version: string }).version;
        expect(`${peer}@${version} satisfies ${range}: ${semver.satisfies(version, range)}`).toMatch(/: true$/);
      }
    });
  });

  it(`installs no package of the other framework, and its examples load none (only ${framework}'s)`, () => {
    const { project, outcomes } = set();
    expect(installedPackages(project).filter((name) => namesOnlyIn(other(framework)).test(name))).toEqual([]);
    const otherModule = new RegExp(`/node_modules/(${namesOf(other(framework)).library}|${namesOf(other(framework)).providerAws}|${namesOf(other(framework)).scope}/[^/]+)/`);
    for (const outcome of outcomes.values()) {
      if (outcome instanceof Error) continue; // reported by the example's own test
      expect(outcome.loadedModules.filter((file) => otherModule.test(file))).toEqual([]);
      // Not an empty agreement: the example ran on this set and its framework.
      expect(outcome.loadedModules.some((file) => file.includes(`/node_modules/${namesOf(framework).scope}/core/`))).toBe(true);
      expect(outcome.loadedModules.some((file) => file.includes(`/node_modules/${namesOf(framework).library}/`))).toBe(true);
    }
    expect(outcomes.size).toBe(exampleNames(framework).length);
  });

  describe.each(exampleNames(framework))('the README example of %s', (name) => {
    it('exists', () => {
      const missing = set().exampleErrors.get(name);
      if (missing) throw missing;
      const library = name === 'terrain' ? 'consumer' : (name as Library);
      expect(set().examples.get(name)).toMatch(new RegExp(`from '${manifestOf(library, framework).name}'`));
      expect(set().examples.get(name)).toMatch(new RegExp(`from '${namesOf(framework).library}'`));
    });

    it('compiles in strict mode against the installed packages', () => {
      if (!set().examples.has(name)) throw new Error(`no example ${name}: see the test above`);
      expect(set().compiled.otherErrors).toEqual([]);
      expect(set().compiled.errors.get(name)).toEqual([]);
    });

    const outcomeOf = (f: Framework): Outcome => {
      const outcome = sets.get(f)!.outcomes.get(name);
      if (!outcome) throw new Error(`the ${f} ${name} example did not compile: see its test`);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    };

    if (framework === 'cdktf' || name === 'terrain') {
      it(`synthesizes with \`${framework} synth\`, and every stack it synthesizes passes terraform validate and an offline plan`, () => {
        const outcome = outcomeOf(framework);
        expect(outcome.stacks.length).toBeGreaterThan(0);
        expect(outcome.plans).toHaveLength(outcome.stacks.length);
        for (const plan of outcome.plans) {
          expect(plan.validation.valid).toBe(true);
          expect(plan.summary.add).toBeGreaterThan(0);
        }
      });
    } else {
      it('synthesizes with `cdktn synth` to the JSON of the cdktf example, planned above, apart from the framework version and the provider pin', () => {
        const [cdktf, cdktn] = [outcomeOf('cdktf'), outcomeOf('cdktn')];
        expect(cdktn.stacks).toEqual(cdktf.stacks);
        expect(cdktn.stacks.length).toBeGreaterThan(0);
        for (const stack of cdktn.stacks) {
          expect(synthesisDifferences(cdktf.json[stack], cdktn.json[stack]).map((d) => d.path)).toEqual([
            '//.metadata.version',
            'terraform.required_providers.aws.source',
            'terraform.required_providers.aws.version',
          ]);
        }
      });
    }
  });
});

it('plans, in the CDK Terrain example, resources on a second-region @cdktn/provider-aws provider passed through `provider`', () => {
  const outcome = sets.get('cdktn')!.outcomes.get('terrain');
  if (!outcome || outcome instanceof Error) throw outcome ?? new Error('the terrain example did not run');
  const [stack] = outcome.stacks;
  const json = JSON.parse(fs.readFileSync(path.join(sets.get('cdktn')!.project.dir, 'out', 'terrain', 'cdktf.out', 'stacks', stack, 'cdk.tf.json'), 'utf8')) as {
    provider: { aws: Array<{ alias?: string; region: string }> };
    resource: Record<string, Record<string, { provider?: string }>>;
  };
  const second = json.provider.aws.find((p) => p.alias !== undefined)!;
  expect(second.region).not.toBe(json.provider.aws.find((p) => p.alias === undefined)!.region);
  const endpoints = Object.values(json.resource.aws_vpc_endpoint);
  expect(endpoints.length).toBeGreaterThan(0);
  for (const endpoint of endpoints) expect(endpoint.provider).toBe(`aws.${second.alias}`);
});
