// npm run bench [-- --only=synth,profile,scaling,harness,review,test] [--runs=3] [--output=docs/benchmarks.md] [--keep] [--merge=<results.json>]
// --merge takes the sections left out by --only from the results.json of an earlier run (kept with --keep).
// Measures synth, its floor, the scaling cases, Terraform through the harness, the change review and
// npm test on this machine and writes docs/benchmarks.md.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freshDir, type BenchContext } from './lib/context';
import { timed } from './lib/exec';
import { describeMachine, loadAverage, waitForQuiet } from './lib/machine';
import { measureHarness } from './harness/measure';
import { measureNpmTest } from './npm-test/measure';
import { measureProfile } from './profile/measure';
import { renderReport, type Outcome, type Results } from './report';
import { measureReview } from './review/measure';
import { measureScaling } from './scaling/measure';
import { measureSynth } from './synth/measure';

const SECTIONS = ['synth', 'profile', 'scaling', 'harness', 'review', 'test'] as const;
type Section = (typeof SECTIONS)[number];

function parseArgs(argv: readonly string[]): { sections: Set<Section>; runs: number; output: string; keep: boolean; merge?: string } {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const only = value('only')?.split(',') ?? [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; choose from ${SECTIONS.join(', ')}`);
  const runs = Number(value('runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a positive integer');
  return { sections: new Set(only as Section[]), runs, output: value('output') ?? path.join('docs', 'benchmarks.md'), keep: argv.includes('--keep'), merge: value('merge') };
}

/** Terraform CLI config with the local provider mirror, so `cdktf synth` finds a valid config (no registry here). */
function terraformConfig(work: string): Record<string, string> {
  const mirror = process.env.TF_PROVIDER_MIRROR ?? '/opt/tf-plugins';
  if (!fs.existsSync(mirror)) return {};
  const file = path.join(work, 'terraform.rc');
  fs.writeFileSync(file, `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["registry.terraform.io/hashicorp/*"]\n  }\n  direct {\n    exclude = ["registry.terraform.io/hashicorp/*"]\n  }\n}\n`);
  return { TF_CLI_CONFIG_FILE: file };
}

async function section<T>(enabled: boolean, name: string, run: () => T | Promise<T>): Promise<Outcome<T>> {
  if (!enabled) return undefined;
  try {
    return { ok: await run() };
  } catch (error) {
    const message = (error as Error).message;
    console.error(`\n${name} could not be measured:\n${message}\n`);
    return { error: message };
  }
}

async function main(): Promise<void> {
  const { sections, runs, output, keep, merge } = parseArgs(process.argv.slice(2));
  const root = path.resolve(__dirname, '..');
  const started = Date.now();
  const work = freshDir(path.join(os.tmpdir(), `privatelink-bench-${process.pid}`));
  const progress = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
  const quiet = { waits: 0, busy: 0, waitedMs: 0 };
  const ctx: BenchContext = {
    root,
    work,
    runs,
    progress,
    settle() {
      // Wait up to 90 s; once the machine stayed busy that long, 30 s, so a busy machine does not stall the run.
      const limit = quiet.busy > 0 ? 30_000 : 90_000;
      const waited = waitForQuiet(limit);
      quiet.waits++;
      quiet.waitedMs += waited;
      if (waited >= limit) {
        quiet.busy++;
        progress(`  the machine is still busy after ${limit / 1000} s; measuring anyway`);
      } else if (waited > 2500) progress(`  waited ${(waited / 1000).toFixed(0)} s for the machine to be idle`);
    },
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...terraformConfig(work) },
  };

  const machine = describeMachine(root);
  progress(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; scratch ${work}`);
  progress('building the libraries (npx turbo run build; cached when nothing changed)');
  try {
    timed('npx', ['turbo', 'run', 'build', '--continue', '--output-logs=errors-only'], { cwd: root, env: ctx.env, logFile: path.join(work, 'logs', 'build.log') });
  } catch (error) {
    progress(`  some library does not build; the sections that need it will say so:\n${(error as Error).message}`);
  }

  const loadBefore = loadAverage();
  const synth = await section(sections.has('synth'), 'synth', () => measureSynth(ctx));
  const profile = await section(sections.has('profile'), 'profile', () => measureProfile(ctx));
  const scaling = await section(sections.has('scaling'), 'scaling', () => measureScaling(ctx));
  const harness = await section(sections.has('harness'), 'harness', () => measureHarness(ctx));
  const review = await section(sections.has('review'), 'review', () => measureReview(ctx));
  // Last: it takes minutes and rebuilds everything.
  const npmTest = await section(sections.has('test'), 'npm test', () => measureNpmTest(ctx));

  const earlier = merge ? (JSON.parse(fs.readFileSync(merge, 'utf8')) as Results) : undefined;
  const now = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const results: Results = {
    date: earlier ? `${now} (${[...SECTIONS].filter((s) => !sections.has(s)).join(', ')} from the run of ${earlier.date})` : now,
    machine,
    runs,
    loadBefore,
    loadAfter: loadAverage(),
    quiet,
    durationMs: Date.now() - started,
    synth: synth ?? earlier?.synth,
    profile: profile ?? earlier?.profile,
    scaling: scaling ?? earlier?.scaling,
    harness: harness ?? earlier?.harness,
    review: review ?? earlier?.review,
    npmTest: npmTest ?? earlier?.npmTest,
  };
  const target = path.resolve(root, output);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, renderReport(results) + '\n');
  fs.writeFileSync(path.join(work, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  progress(`wrote ${path.relative(root, target)}`);
  if (keep) progress(`kept ${work} (logs, outputs, results.json)`);
  else fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
