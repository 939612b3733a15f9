import * as fs from 'node:fs';
import * as path from 'node:path';
import { median, series, type BenchContext, type Series } from '../lib/context';
import { timed, type Timed } from '../lib/exec';
import type { HarnessSample } from './child';

export interface HarnessRun {
  readonly wall: Series;
  /** The child's own account of the median run: Terraform's steps and how long it queued for a slot. */
  readonly sample: HarnessSample;
}

export interface HarnessResults {
  readonly stacks: readonly string[];
  readonly oneStack: HarnessRun;
  readonly nineBatched: HarnessRun;
  readonly nineOneByOne: HarnessRun;
  /** Generated values per run of the cases measurement. */
  readonly caseValues: number;
  readonly cases: HarnessRun;
  /** Values generated, synthesized and validated per minute (median run), and of those the ones validated. */
  readonly valuesPerMinute: number;
  readonly validatedPerMinute: number;
}

/** The synthesized app stacks (`apps/<app>/cdktf.out/stacks/<stack>`), sorted by name. */
export function appStackDirs(root: string): string[] {
  return fs
    .readdirSync(path.join(root, 'apps'))
    .flatMap((app) => {
      const dir = path.join(root, 'apps', app, 'cdktf.out', 'stacks');
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((stack) => path.join(dir, stack)) : [];
    })
    .filter((dir) => fs.existsSync(path.join(dir, 'cdk.tf.json')))
    .sort((a, b) => path.basename(a).localeCompare(path.basename(b)));
}

/** Runs the child `runs` times after `warmups`, and keeps the child's sample of the median run. */
function measureChild(ctx: BenchContext, label: string, args: readonly string[], options: { runs?: number; warmups?: number; env: NodeJS.ProcessEnv }): HarnessRun {
  const child = path.join(ctx.root, 'bench', 'harness', 'child.ts');
  const runs = options.runs ?? ctx.runs;
  const samples: Array<Timed & { sample: HarnessSample }> = [];
  ctx.settle();
  for (let i = 0; i < (options.warmups ?? 0) + runs; i++) {
    const logFile = path.join(ctx.work, 'logs', `harness-${label.replace(/\W+/g, '-')}-${i}.log`);
    const result = timed(process.execPath, ['--import', 'tsx', child, ...args], { cwd: ctx.root, env: options.env, logFile });
    const sample = JSON.parse(result.output.trim().split('\n').at(-1) ?? '') as HarnessSample;
    const warm = i < (options.warmups ?? 0);
    ctx.progress(`  ${label}: ${(result.wallMs / 1000).toFixed(2)} s (${warm ? 'warm-up, discarded' : `run ${i - (options.warmups ?? 0) + 1}/${runs}`}; queued ${(sample.timings.queued / 1000).toFixed(1)} s)`);
    if (!warm) samples.push({ ...result, sample });
  }
  const wall = series(samples);
  const mid = samples.find((s) => s.wallMs === median(samples.map((x) => x.wallMs)))!;
  return { wall, sample: mid.sample };
}

/**
 * Terraform through the harness: one stack; the nine app stacks in one run and one run each; and
 * generated cases validated per minute. The children get their own TMPDIR, so their plan slots are
 * not shared with other processes on the machine (the bench waits for it to be idle instead).
 */
export function measureHarness(ctx: BenchContext): HarnessResults {
  // The stacks as the working tree synthesizes them now (fast: the bundle is cached).
  timed(process.execPath, [path.join(ctx.root, 'scripts', 'synth.cjs')], { cwd: ctx.root, env: ctx.env, logFile: path.join(ctx.work, 'logs', 'harness-synth.log') });
  const dirs = appStackDirs(ctx.root);
  if (dirs.length === 0) throw new Error('no synthesized app stacks under apps/*/cdktf.out');
  const tmp = path.join(ctx.work, 'harness-tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const env = { ...ctx.env, TMPDIR: tmp };
  const one = dirs.find((d) => path.basename(d) === 'saas-provider-prod') ?? dirs[0];
  ctx.progress(`harness: one stack (${path.basename(one)}): init, plan, show -json`);
  const oneStack = measureChild(ctx, 'one stack', ['one', one], { warmups: 1, env });
  ctx.progress(`harness: the ${dirs.length} app stacks in one Terraform run`);
  const nineBatched = measureChild(ctx, `${dirs.length} stacks batched`, ['batch', ...dirs], { warmups: 1, env });
  ctx.progress(`harness: the ${dirs.length} app stacks one after the other, one Terraform run each`);
  const nineOneByOne = measureChild(ctx, `${dirs.length} stacks one by one`, ['serial', ...dirs], { env });
  const caseValues = 300;
  ctx.progress(`harness: ${caseValues} generated security groups, synthesized and validated`);
  const cases = measureChild(ctx, `${caseValues} generated cases`, ['cases', String(caseValues), '20261124'], { warmups: 1, env });
  const perMinute = (n: number) => Math.round((n * 60_000) / cases.wall.median);
  return {
    stacks: dirs.map((d) => path.basename(d)),
    oneStack,
    nineBatched,
    nineOneByOne,
    caseValues,
    cases,
    valuesPerMinute: perMinute(caseValues),
    validatedPerMinute: perMinute(cases.sample.validated ?? 0),
  };
}
