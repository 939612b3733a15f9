import * as path from 'node:path';
import { freshDir, median, type BenchContext } from '../lib/context';
import { timed } from '../lib/exec';
import { CASES } from './cases';
import type { ScalingSample } from './child';

/**
 * One size of a case: the fields of the median run (by construct + synth time), with medians of
 * the times and the highest peak RSS over the runs.
 */
export interface ScalingPoint extends Omit<ScalingSample, 'loadMs'> {
  readonly n: number;
  /** False for the extra run of the largest size with source-mapped stack traces (which tsx turns on) off. */
  readonly sourceMaps: boolean;
  /** Median wall time of the whole child process. */
  readonly processMs: number;
  /** Median of construct + synth inside the child: the part that grows with N. */
  readonly buildSynthMs: number;
  readonly samples: readonly number[];
}

export interface ScalingResult {
  readonly name: string;
  readonly unit: string;
  readonly points: readonly ScalingPoint[];
  readonly error?: string;
}

/** Each size of each case in its own fresh process, `ctx.runs` times. A case whose library is missing fails alone. */
export function measureScaling(ctx: BenchContext): ScalingResult[] {
  const child = path.join(ctx.root, 'bench', 'scaling', 'child.ts');
  return Object.entries(CASES).map(([name, scalingCase]) => {
    ctx.progress(`scaling: ${name} stack with ${scalingCase.sizes.join(', ')} ${scalingCase.unit}`);
    try {
      const largest = scalingCase.sizes[scalingCase.sizes.length - 1];
      const variants = [...scalingCase.sizes.map((n) => ({ n, sourceMaps: true })), { n: largest, sourceMaps: false }];
      const points = variants.map(({ n, sourceMaps }) => {
        ctx.settle();
        const env = sourceMaps ? ctx.env : { ...ctx.env, BENCH_SOURCE_MAPS: 'off' };
        const label = `${name} ${n} ${scalingCase.unit}${sourceMaps ? '' : ', source maps off'}`;
        const runs = Array.from({ length: ctx.runs }, (_, run) => {
          const outdir = freshDir(path.join(ctx.work, 'scaling', `${name}-${n}`));
          const logFile = path.join(ctx.work, 'logs', `scaling-${name}-${n}${sourceMaps ? '' : '-nosm'}-${run}.log`);
          const result = timed(process.execPath, ['--import', 'tsx', child, name, String(n), outdir], { cwd: ctx.root, env, logFile });
          const sample = JSON.parse(result.output.trim().split('\n').at(-1) ?? '') as ScalingSample;
          ctx.progress(`  ${label}: ${sample.resources} resources, build + synth ${((sample.constructMs + sample.synthMs) / 1000).toFixed(2)} s, process ${(result.wallMs / 1000).toFixed(2)} s, ${(sample.maxRssKiB / 1024).toFixed(0)} MiB (run ${run + 1}/${ctx.runs})`);
          return { ...sample, wallMs: result.wallMs };
        });
        const buildSynth = runs.map((r) => r.constructMs + r.synthMs);
        const mid = runs[buildSynth.indexOf(median(buildSynth))];
        return {
          n,
          sourceMaps,
          resources: mid.resources,
          processMs: median(runs.map((r) => r.wallMs)),
          buildSynthMs: median(buildSynth),
          constructMs: mid.constructMs,
          synthMs: mid.synthMs,
          buildSynthCpuMs: median(runs.map((r) => r.buildSynthCpuMs)),
          stackTraces: mid.stackTraces ?? 0,
          stackTraceMs: mid.stackTraceMs ?? 0,
          maxRssKiB: Math.max(...runs.map((r) => r.maxRssKiB)),
          samples: buildSynth,
        };
      });
      return { name, unit: scalingCase.unit, points };
    } catch (error) {
      const message = (error as Error).message;
      ctx.progress(`  ${name}: not measured: ${message.split('\n')[0]}`);
      return { name, unit: scalingCase.unit, points: [], error: message };
    }
  });
}
