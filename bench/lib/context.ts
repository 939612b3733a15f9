import * as fs from 'node:fs';
import * as path from 'node:path';
import { timed, type Timed } from './exec';

/** What every section needs: where the repo is, a scratch dir, how many runs, and a progress log. */
export interface BenchContext {
  readonly root: string;
  /** Scratch dir for outputs and logs, removed at the end. */
  readonly work: string;
  /** Runs per fast measurement (the median is reported). */
  readonly runs: number;
  /** Environment for every command: no telemetry, no update checks, Terraform CLI config with the mirror. */
  readonly env: NodeJS.ProcessEnv;
  progress(message: string): void;
  /** Waits for other work on the machine to calm down before a measurement (bounded; recorded for the report). */
  settle(): void;
}

/** A repeated measurement: the median and every sample, in milliseconds. */
export interface Series {
  readonly median: number;
  readonly samples: readonly number[];
  /** Median CPU time (user + system) of the process tree, when GNU time is available. */
  readonly cpuMedian?: number;
  /** Highest peak RSS of a single process over the samples, in KiB. */
  readonly maxRssKiB?: number;
}

/** The middle value (the lower middle of an even count, so it is always a measured sample). */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

export function series(samples: readonly Timed[]): Series {
  const cpu = samples.map((s) => s.cpuMs).filter((v): v is number => v !== undefined);
  const rss = samples.map((s) => s.maxRssKiB).filter((v): v is number => v !== undefined);
  return {
    median: median(samples.map((s) => s.wallMs)),
    samples: samples.map((s) => s.wallMs),
    cpuMedian: cpu.length ? median(cpu) : undefined,
    maxRssKiB: rss.length ? Math.max(...rss) : undefined,
  };
}

/** Times `command` `runs` times (after `warmups` discarded runs), logging each sample. */
export function measure(ctx: BenchContext, label: string, command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; runs?: number; warmups?: number } = {}): Series {
  const runs = options.runs ?? ctx.runs;
  const warmups = options.warmups ?? 0;
  const slug = label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  const samples: Timed[] = [];
  ctx.settle();
  for (let i = 0; i < warmups + runs; i++) {
    const logFile = path.join(ctx.work, 'logs', `${slug}-${i}.log`);
    const sample = timed(command, args, { cwd: options.cwd ?? ctx.root, env: options.env ?? ctx.env, logFile });
    const kind = i < warmups ? 'warm-up, discarded' : `run ${i - warmups + 1}/${runs}`;
    ctx.progress(`  ${label}: ${(sample.wallMs / 1000).toFixed(2)} s (${kind})`);
    if (i >= warmups) samples.push(sample);
  }
  return series(samples);
}

export function freshDir(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}
