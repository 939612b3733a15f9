import * as fs from 'node:fs';
import * as path from 'node:path';
import { series, type BenchContext, type Series } from '../lib/context';
import { timed, type Timed } from '../lib/exec';

export interface ReviewResults {
  readonly stack: string;
  readonly stacks: number;
  /** `npm run plan -- <stack> --offline`: the ordinary offline plan, from an empty state. */
  readonly offline: Series;
  /** `npm run plan -- <stack> --offline --base HEAD`: synth at HEAD in a worktree, state built, change planned. */
  readonly base: Series;
  /** `npm run plan -- --all --offline --base HEAD`. */
  readonly all: Series;
  /** Plans the state builder took for one stack and for all, from the command's output. */
  readonly statePlans: { readonly one?: number; readonly all?: number };
}

/** `npm run plan` as a user runs it; `--no-synth`: the stacks are synthesized already (synth has its own rows). */
function measurePlan(ctx: BenchContext, label: string, args: readonly string[], options: { runs?: number; warmups?: number; env: NodeJS.ProcessEnv }): { series: Series; output: string } {
  const runs = options.runs ?? ctx.runs;
  const warmups = options.warmups ?? 0;
  const samples: Timed[] = [];
  let output = '';
  ctx.settle();
  for (let i = 0; i < warmups + runs; i++) {
    const logFile = path.join(ctx.work, 'logs', `review-${label.replace(/\W+/g, '-')}-${i}.log`);
    const result = timed('npm', ['run', 'plan', '--', ...args, '--no-synth', '--out', path.join(ctx.work, 'plan-summary')], { cwd: ctx.root, env: options.env, logFile, allowFailure: true });
    // Exit 1 is the identity guard on an uncommitted change in the tree: the review itself ran.
    if (result.exitCode !== 0 && !/identity guard stops/.test(result.output)) throw new Error(`npm run plan -- ${args.join(' ')} failed (exit ${result.exitCode}):\n${result.output.split('\n').slice(-30).join('\n')}`);
    ctx.progress(`  ${label}: ${(result.wallMs / 1000).toFixed(2)} s (${i < warmups ? 'warm-up, discarded' : `run ${i - warmups + 1}/${runs}`})`);
    if (i >= warmups) samples.push(result);
    output = result.output;
  }
  return { series: series(samples), output };
}

const statePlans = (output: string): number | undefined => {
  const match = /state of \S+ built in (\d+) plan/.exec(output);
  return match ? Number(match[1]) : undefined;
};

/**
 * The change review: one stack planned against a state built from HEAD (a worktree at HEAD,
 * synthesized there) next to its ordinary offline plan, and every stack at once. Against HEAD the
 * change is what the working tree adds, nothing on a clean tree, which costs the same as a real one:
 * the state is built and the head planned either way.
 */
export function measureReview(ctx: BenchContext): ReviewResults {
  const stack = 'saas-provider-prod';
  timed(process.execPath, [path.join(ctx.root, 'scripts', 'synth.cjs')], { cwd: ctx.root, env: ctx.env, logFile: path.join(ctx.work, 'logs', 'review-synth.log') });
  const tmp = path.join(ctx.work, 'review-tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const env = { ...ctx.env, TMPDIR: tmp };
  ctx.progress(`review: ${stack} offline from an empty state, then against a state built from HEAD`);
  const offline = measurePlan(ctx, `${stack} --offline`, [stack, '--offline'], { warmups: 1, env });
  const base = measurePlan(ctx, `${stack} --offline --base HEAD`, [stack, '--offline', '--base', 'HEAD'], { warmups: 1, env });
  ctx.progress('review: every stack against a state built from HEAD (--all)');
  const all = measurePlan(ctx, '--all --offline --base HEAD', ['--all', '--offline', '--base', 'HEAD'], { env });
  const stacks = (all.output.match(/^\S+: \d+ to add/gm) ?? []).length;
  return { stack, stacks, offline: offline.series, base: base.series, all: all.series, statePlans: { one: statePlans(base.output), all: statePlans(all.output) } };
}
