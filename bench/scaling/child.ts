// One scaling measurement in a fresh process: builds and synthesizes one stack of size N and
// prints its timings and peak RSS as JSON. Usage: node --import tsx bench/scaling/child.ts <case> <n> <outdir>
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as core from '@privatelink-cdktf/core';
import { App } from 'cdktf';
import { CASES, ZONES, type NetworkLike } from './cases';

export interface ScalingSample {
  readonly resources: number;
  /** Node start to the libraries loaded. */
  readonly loadMs: number;
  /** Constructing the stack. */
  readonly constructMs: number;
  /** app.synth(): validation, token resolution, JSON written. */
  readonly synthMs: number;
  /** CPU time (user + system, all threads) of construct + synth: less sensitive than wall time to other work on the machine. */
  readonly buildSynthCpuMs: number;
  /** Stack traces cdktf captured (one per token it creates) and their wall time, during construct + synth. */
  readonly stackTraces: number;
  readonly stackTraceMs: number;
  readonly maxRssKiB: number;
}

/** Counts and times cdktf's captureStackTrace, which every Intrinsic, Lazy and FunctionCall token calls when created. */
function countStackTraces(): { count: number; ms: number } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require('cdktf/lib/tokens/private/stack-trace') as { captureStackTrace: (...args: unknown[]) => string[] };
  const original = module.captureStackTrace;
  const totals = { count: 0, ms: 0 };
  module.captureStackTrace = (...args: unknown[]) => {
    const start = performance.now();
    try {
      return original(...args);
    } finally {
      totals.count++;
      totals.ms += performance.now() - start;
    }
  };
  return totals;
}

function main(): void {
  // tsx turns on source-mapped stack traces; cdktf captures a stack trace for every token it creates.
  if (process.env.BENCH_SOURCE_MAPS === 'off') process.setSourceMapsEnabled(false);
  const [caseName, size, outdir] = process.argv.slice(2);
  const scalingCase = CASES[caseName];
  const n = Number(size);
  if (!scalingCase || !Number.isInteger(n) || !outdir) throw new Error(`usage: child.ts <${Object.keys(CASES).join('|')}> <n> <outdir>`);

  const build = scalingCase.load();
  const traces = countStackTraces();
  const loadedAt = performance.now();
  const cpuBefore = process.cpuUsage();

  fs.mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const stack = new core.EnvironmentStack(app, {
    application: `bench-${caseName}`,
    environment: { name: 'dev', accountId: '111111111111', region: 'ap-northeast-1', backend: { type: 'local' } },
  });
  const network: NetworkLike = new core.PrivateNetwork(stack, 'Network', { name: `bench-${caseName}`, cidrBlock: '10.0.0.0/16', zones: ZONES });
  build(stack, network, n);
  const builtAt = performance.now();
  app.synth();
  const synthesizedAt = performance.now();
  const cpu = process.cpuUsage(cpuBefore);

  const json = JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8'));
  const resources = Object.values(json.resource as Record<string, object>).reduce((sum, byName) => sum + Object.keys(byName).length, 0);
  const sample: ScalingSample = {
    resources,
    loadMs: loadedAt, // performance.now() counts from the start of the process
    constructMs: builtAt - loadedAt,
    synthMs: synthesizedAt - builtAt,
    buildSynthCpuMs: (cpu.user + cpu.system) / 1000,
    stackTraces: traces.count,
    stackTraceMs: traces.ms,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
