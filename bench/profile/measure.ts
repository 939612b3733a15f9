import * as path from 'node:path';
import { freshDir, median, type BenchContext } from '../lib/context';
import { timed } from '../lib/exec';

export interface ProfileResult {
  readonly app: string;
  /** Median wall time of the profiled process. */
  readonly totalMs: number;
  /** Node bootstrap and tsx's loader registration, before the first line of the profiler. */
  readonly startupMs: number;
  readonly gcMs: number;
  /** Self time per group (children excluded), medians over the runs, largest first. */
  readonly groups: ReadonlyArray<{ group: string; selfMs: number; modules: number }>;
  /** Process time not covered by startup and the groups: process exit, event loop, unattributed work. */
  readonly restMs: number;
}

interface ProfileSample {
  startupMs: number;
  gcMs: number;
  totalMs: number;
  groups: Record<string, { selfMs: number; modules: number }>;
}

/** Runs bench/profile/synth-profile.ts on one app `ctx.runs` times and takes the median of each part. */
export function measureProfile(ctx: BenchContext, app: string): ProfileResult {
  ctx.progress(`profile: where the synth time of apps/${app} goes`);
  const script = path.join(ctx.root, 'bench', 'profile', 'synth-profile.ts');
  const samples: ProfileSample[] = [];
  ctx.settle();
  for (let run = 0; run < ctx.runs + 1; run++) {
    const outdir = freshDir(path.join(ctx.work, 'profile', app));
    const result = timed(process.execPath, ['--import', 'tsx', script, path.join(ctx.root, 'apps', app), outdir], { cwd: ctx.root, env: ctx.env, logFile: path.join(ctx.work, 'logs', `profile-${run}.log`) });
    const sample = JSON.parse(result.output.trim().split('\n').at(-1) ?? '') as ProfileSample;
    ctx.progress(`  ${(sample.totalMs / 1000).toFixed(2)} s${run === 0 ? ' (warm-up, discarded)' : ''}`);
    if (run > 0) samples.push({ ...sample, totalMs: result.wallMs });
  }
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.groups)))];
  const groups = names
    .map((group) => ({
      group,
      selfMs: median(samples.map((s) => s.groups[group]?.selfMs ?? 0)),
      modules: Math.max(...samples.map((s) => s.groups[group]?.modules ?? 0)),
    }))
    .sort((a, b) => b.selfMs - a.selfMs);
  const totalMs = median(samples.map((s) => s.totalMs));
  const startupMs = median(samples.map((s) => s.startupMs));
  return {
    app,
    totalMs,
    startupMs,
    gcMs: median(samples.map((s) => s.gcMs)),
    groups,
    restMs: totalMs - startupMs - groups.reduce((sum, g) => sum + g.selfMs, 0),
  };
}
