import * as fs from 'node:fs';
import * as path from 'node:path';
import { measure, freshDir, series, type BenchContext, type Series } from '../lib/context';
import { findApps, providerModules, readStacks, resourceCount, type AppDir } from './apps';

export interface SynthResults {
  readonly stacks: ReadonlyArray<{ name: string; resources: number }>;
  /** `npm run synth`: every app in one process from the cached bundle (scripts/synth.cjs), warm. */
  readonly npmRunSynth: Series;
  /** `node scripts/synth.cjs`: the same without npm, so the difference is npm's own start-up. */
  readonly synthScript: Series;
  /** `node scripts/synth.cjs` with the bundle cache emptied first: the first synth after an edit. */
  readonly synthScriptRebundle: Series;
  /** `node scripts/synth.cjs --framework cdktn`: the same apps with CDK Terrain (cdktn, @cdktn/provider-aws), warm. */
  readonly synthScriptCdktn: Series;
  /** `turbo run synth --force`: one process per app, as turbo runs them before the app tests. */
  readonly turboPerApp: Series;
  /** `cdktf synth --app "npx ts-node main.ts"` in each app dir, one after the other. */
  readonly tsNode: Series;
  /** True when ts-node produced the same stacks with the same resources. */
  readonly tsNodeSameStacks: boolean;
  readonly floor: Series;
  readonly floorModules: readonly string[];
  /** `node -e 0`: what any Node process costs. */
  readonly nodeStart: Series;
}

const bin = (root: string, name: string) => path.join(root, 'node_modules', '.bin', name);
const bundleCacheDir = (root: string) => path.join(root, 'node_modules', '.cache', 'privatelink-cdktf', 'synth');

export function measureSynth(ctx: BenchContext): SynthResults {
  const apps = findApps(ctx.root);
  if (apps.length === 0) throw new Error('no apps with a cdktf.json under apps/');

  ctx.progress(`npm run synth (${apps.length} apps in one process; the warm-up run bundles them if an input changed)`);
  const npmRunSynth = measure(ctx, 'npm run synth', 'npm', ['run', 'synth'], { warmups: 1 });
  const stacks = apps.flatMap((app) => readStacks(path.join(app.dir, 'cdktf.out')));
  const expectedStacks = apps.length * 3;
  if (stacks.length !== expectedStacks) ctx.progress(`  note: ${stacks.length} stacks synthesized, expected ${expectedStacks}`);
  const script = path.join(ctx.root, 'scripts', 'synth.cjs');
  const synthScript = measure(ctx, 'node scripts/synth.cjs', process.execPath, [script]);

  ctx.progress('the first synth after an edit: node scripts/synth.cjs with the bundle cache emptied');
  const rebundleSamples = [];
  for (let run = 0; run < ctx.runs; run++) {
    fs.rmSync(bundleCacheDir(ctx.root), { recursive: true, force: true });
    const one = measure(ctx, 'node scripts/synth.cjs, bundling first', process.execPath, [script], { runs: 1 });
    rebundleSamples.push({ wallMs: one.median, cpuMs: one.cpuMedian, output: '' });
  }
  const synthScriptRebundle = series(rebundleSamples);

  ctx.progress('node scripts/synth.cjs --framework cdktn: the same apps with CDK Terrain (the warm-up run bundles them)');
  const synthScriptCdktn = measure(ctx, 'node scripts/synth.cjs --framework cdktn', process.execPath, [script, '--framework', 'cdktn'], { warmups: 1 });
  // Leave the apps' cdktf.out as cdktf wrote it, for the rows below.
  measure(ctx, 'node scripts/synth.cjs (restore cdktf.out)', process.execPath, [script], { runs: 1 });

  ctx.progress('turbo run synth --force: one process per app (the per-app synth task the app tests depend on)');
  const turboPerApp = measure(ctx, 'turbo run synth --force', bin(ctx.root, 'turbo'), ['run', 'synth', '--force', '--only', '--output-logs=errors-only'], { warmups: 1 });

  ctx.progress('ts-node route: cdktf synth --app "npx ts-node main.ts" in each app, one after the other (type-checking, as the cdktf template)');
  const tsNodeOut = freshDir(path.join(ctx.work, 'ts-node'));
  for (const app of apps) freshDir(path.join(tsNodeOut, app.name));
  const tsNodeRun = (app: AppDir) => ({ command: bin(ctx.root, 'cdktf'), args: ['synth', '--app', 'npx ts-node main.ts', '--output', path.join(tsNodeOut, app.name)], cwd: app.dir });
  // Warm-up: one app is enough to bring cdktf-cli, ts-node, TypeScript and cdktf into the page cache.
  measure(ctx, `ts-node warm-up ${apps[0].name}`, tsNodeRun(apps[0]).command, tsNodeRun(apps[0]).args, { cwd: apps[0].dir, runs: 1 });
  const tsNodeSamples = [];
  for (let run = 0; run < ctx.runs; run++) {
    ctx.settle();
    let wallMs = 0;
    let cpuMs = 0;
    for (const app of apps) {
      const { command, args, cwd } = tsNodeRun(app);
      const sample = measure(ctx, `ts-node ${app.name}`, command, args, { cwd, runs: 1 });
      wallMs += sample.median;
      cpuMs += sample.cpuMedian ?? 0;
    }
    ctx.progress(`  ts-node, all apps: ${(wallMs / 1000).toFixed(2)} s (run ${run + 1}/${ctx.runs})`);
    tsNodeSamples.push({ wallMs, cpuMs: cpuMs || undefined, output: '' });
  }
  const tsNodeStacks = apps.flatMap((app) => readStacks(path.join(tsNodeOut, app.name)));
  const count = (list: typeof stacks) => JSON.stringify(list.map((s) => [s.name, resourceCount(s.json)]).sort());
  const tsNodeSameStacks = count(tsNodeStacks) === count(stacks);

  ctx.progress('floor: node loading only cdktf and the provider modules the stacks use');
  const floorModules = providerModules(stacks);
  for (const m of floorModules) require.resolve(m, { paths: [ctx.root] });
  const floorScript = "require('cdktf'); for (const m of process.argv.slice(1)) require(m);";
  const floor = measure(ctx, 'floor', process.execPath, ['-e', floorScript, ...floorModules], { warmups: 1 });
  const nodeStart = measure(ctx, 'node -e 0', process.execPath, ['-e', '0']);

  return {
    stacks: stacks.map((s) => ({ name: s.name, resources: resourceCount(s.json) })),
    npmRunSynth,
    synthScript,
    synthScriptRebundle,
    synthScriptCdktn,
    turboPerApp,
    tsNode: series(tsNodeSamples),
    tsNodeSameStacks,
    floor,
    floorModules,
    nodeStart,
  };
}
