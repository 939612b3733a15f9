// Where one app's synth time goes: run under `node --import tsx`, it loads the app's main.ts and
// attributes wall time to what was being loaded or run (self time, children excluded), then prints
// JSON. Usage: node --import tsx bench/profile/synth-profile.ts <appDir> <outdir>
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';

const startedAtMs = process.uptime() * 1000; // node bootstrap + tsx's loader registration
const [appDir, outdir] = process.argv.slice(2).map((p) => path.resolve(p));

export type Group =
  | 'cdktf + constructs'
  | '@cdktf/provider-aws'
  | 'workspace libraries (dist)'
  | 'app sources (tsx transform + run)'
  | 'tsx'
  | 'other modules'
  | 'app.synth()'
  | 'stack traces cdktf captures per token (source-mapped under tsx)';

function groupOf(file: string): Group {
  if (file.includes('/node_modules/@cdktf/provider-aws/')) return '@cdktf/provider-aws';
  if (/\/node_modules\/(cdktf|constructs)\//.test(file)) return 'cdktf + constructs';
  if (file.includes('/node_modules/tsx/') || file.includes('/node_modules/esbuild/')) return 'tsx';
  if (file.includes('/packages/') && file.includes('/dist/')) return 'workspace libraries (dist)';
  if (file.startsWith(appDir)) return 'app sources (tsx transform + run)';
  return 'other modules';
}

interface Frame {
  group: Group;
  start: number;
  children: number;
}
const selfMs = new Map<Group, number>();
const modules = new Map<Group, number>();
const stack: Frame[] = [];

/** Runs `body` as a frame of `group`: its time minus nested frames is the group's self time. */
function frame<T>(group: Group, body: () => T): T {
  const current: Frame = { group, start: performance.now(), children: 0 };
  stack.push(current);
  try {
    return body();
  } finally {
    stack.pop();
    const elapsed = performance.now() - current.start;
    selfMs.set(group, (selfMs.get(group) ?? 0) + elapsed - current.children);
    if (stack.length > 0) stack[stack.length - 1].children += elapsed;
  }
}

// Module.prototype.load runs once per file actually loaded (cache hits never reach it).
type Loadable = { load(this: { filename: string }, filename: string): void };
const proto = (Module as unknown as { prototype: Loadable }).prototype;
const originalLoad = proto.load;
proto.load = function (this: { filename: string }, filename: string) {
  const group = groupOf(filename);
  modules.set(group, (modules.get(group) ?? 0) + 1);
  return frame(group, () => originalLoad.call(this, filename));
};

let gcMs = 0;
const gc = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
gc.observe({ entryTypes: ['gc'] });

// Time app.synth() on the very cdktf instance the app resolves.
const appRequire = Module.createRequire(path.join(appDir, 'main.ts'));
const cdktf = frame(groupOf(appRequire.resolve('cdktf')), () => appRequire('cdktf')) as { App: { prototype: { synth(): void } } };
const originalSynth = cdktf.App.prototype.synth;
cdktf.App.prototype.synth = function (this: unknown) {
  return frame('app.synth()', () => originalSynth.call(this));
};

// Every cdktf token records its creation stack; with source maps on (tsx) each frame gets mapped.
const stackTrace = appRequire('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (...args: unknown[]) => string[] };
const originalCapture = stackTrace.captureStackTrace;
stackTrace.captureStackTrace = (...args: unknown[]) => frame('stack traces cdktf captures per token (source-mapped under tsx)', () => originalCapture(...args));

fs.mkdirSync(outdir, { recursive: true });
process.env.CDKTF_OUTDIR = outdir;
const mainStart = performance.now();
appRequire(path.join(appDir, 'main.ts'));
const mainMs = performance.now() - mainStart;

setImmediate(() => {
  for (const entry of gc.takeRecords()) gcMs += entry.duration;
  gc.disconnect();
  const groups = Object.fromEntries([...selfMs].map(([group, ms]) => [group, { selfMs: ms, modules: modules.get(group) ?? 0 }]));
  process.stdout.write(JSON.stringify({ startupMs: startedAtMs, mainMs, gcMs, groups, maxRssKiB: process.resourceUsage().maxRSS, totalMs: process.uptime() * 1000 }) + '\n');
});
