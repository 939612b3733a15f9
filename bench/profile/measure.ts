// Where the time of `node scripts/synth.cjs` (every app, warm bundle) goes: V8's CPU profile, each
// sample's self time put in one part. Samples under cdktf's captureStackTrace count as stack traces;
// samples in the bundle go by their source module (esbuild heads each module with a `// <path>`
// comment); Node's own work (reading, compiling, writing files) goes to the nearest bundle frame
// that asked for it, or to the synth script itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freshDir, median, type BenchContext } from '../lib/context';
import { timed } from '../lib/exec';

export interface ProfileResult {
  /** Median wall time of the profiled process (profiler on). */
  readonly totalMs: number;
  /** Median time the profile covers: from the first line of the script to its end. */
  readonly sampledMs: number;
  /** Self time per part, medians over the runs, largest first. */
  readonly parts: ReadonlyArray<{ part: string; ms: number }>;
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

const STACK_TRACES = 'stack traces cdktf captures per token';
const NODE_WORK = 'Node: the synth script, reading and compiling the bundle';

function partOfModule(module: string): string {
  if (/node_modules\/(cdktf|cdktn)\/lib\/tokens\//.test(module)) return 'cdktf: token resolution';
  if (/node_modules\/(cdktf|cdktn|constructs)\//.test(module)) return 'cdktf + constructs: load, tree, synthesis, JSON';
  if (/node_modules\/@(cdktf|cdktn)\/provider-aws\//.test(module)) return '@cdktf/provider-aws: load and resource classes';
  if (module.startsWith('packages/')) return 'workspace libraries: constructs, validation, guardrails';
  if (module.startsWith('apps/')) return 'apps: stacks and environments';
  // Lines above the first module: esbuild's helpers that initialize modules lazily, bridge
  // ES modules to CommonJS ones and keep class names (keepNames).
  return module === '' ? 'esbuild module helpers: lazy init, ESM interop, keepNames' : 'other modules';
}

/** The source module of each line of an esbuild bundle, from its `// <path>` module headers. */
function moduleLines(bundle: string): (line: number) => string {
  const headers: Array<[number, string]> = [];
  fs.readFileSync(bundle, 'utf8')
    .split('\n')
    .forEach((text, line) => {
      const header = /^\/\/ ((?:node_modules|packages|apps)\/\S+)$/.exec(text);
      if (header) headers.push([line, header[1]]);
    });
  return (line) => {
    let low = 0;
    let high = headers.length - 1;
    let found = '';
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (headers[mid][0] <= line) {
        found = headers[mid][1];
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };
}

/** Self time per part of one CPU profile, in milliseconds. */
export function partsOf(profile: CpuProfile): Record<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const bundleUrl = profile.nodes.map((n) => n.callFrame.url).find((url) => /\/privatelink-cdktf\/synth\/[0-9a-f]+\.js$/.test(url));
  const moduleAt = bundleUrl ? moduleLines(bundleUrl.replace(/^file:\/\//, '')) : () => '';
  const partOf = (id: number): string => {
    const self = byId.get(id)!.callFrame;
    if (self.functionName === '(garbage collector)') return 'garbage collection';
    if (self.functionName === '(program)' || self.functionName === '(idle)' || self.functionName === '(root)') return 'V8 and Node, unattributed';
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.functionName === 'captureStackTrace' && (frame.url === bundleUrl || /node_modules\/(cdktf|cdktn)\//.test(frame.url))) return STACK_TRACES;
    }
    // Node's own work (natives, node: internals) belongs to the nearest frame of a file that asked for it.
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.url === bundleUrl) return partOfModule(moduleAt(frame.lineNumber));
      if (frame.url.startsWith('file://')) return NODE_WORK;
    }
    return NODE_WORK;
  };
  const parts: Record<string, number> = {};
  profile.samples.forEach((id, i) => {
    const part = partOf(id);
    parts[part] = (parts[part] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000;
  });
  return parts;
}

/** Profiles `node scripts/synth.cjs` `ctx.runs` times (after a warm-up) and takes the median of each part. */
export function measureProfile(ctx: BenchContext): ProfileResult {
  ctx.progress('profile: where the time of node scripts/synth.cjs goes');
  const script = path.join(ctx.root, 'scripts', 'synth.cjs');
  const samples: Array<{ totalMs: number; sampledMs: number; parts: Record<string, number> }> = [];
  ctx.settle();
  for (let run = 0; run < ctx.runs + 1; run++) {
    const dir = freshDir(path.join(ctx.work, 'profile', String(run)));
    const result = timed(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, script, '--outdir', path.join(dir, 'out')], { cwd: ctx.root, env: ctx.env, logFile: path.join(ctx.work, 'logs', `profile-${run}.log`) });
    const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`node --cpu-prof wrote no profile in ${dir}`);
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const parts = partsOf(profile);
    const sampledMs = Object.values(parts).reduce((sum, ms) => sum + ms, 0);
    ctx.progress(`  ${(result.wallMs / 1000).toFixed(2)} s, ${(sampledMs / 1000).toFixed(2)} s sampled${run === 0 ? ' (warm-up, discarded)' : ''}`);
    if (run > 0) samples.push({ totalMs: result.wallMs, sampledMs, parts });
  }
  const names = [...new Set(samples.flatMap((s) => Object.keys(s.parts)))];
  return {
    totalMs: median(samples.map((s) => s.totalMs)),
    sampledMs: median(samples.map((s) => s.sampledMs)),
    parts: names.map((part) => ({ part, ms: median(samples.map((s) => s.parts[part] ?? 0)) })).sort((a, b) => b.ms - a.ms),
  };
}
