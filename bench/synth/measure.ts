import * as path from 'node:path';
import { measure, freshDir, series, type BenchContext, type Series } from '../lib/context';
import { timedParallel } from '../lib/exec';
import { findApps, providerModules, readStacks, resourceCount, type AppDir } from './apps';
import { compileForNode } from './compile';

export interface SynthResults {
  readonly stacks: ReadonlyArray<{ name: string; resources: number }>;
  /** `npm run synth -- --force --only`: every app's synth task re-run, the built libraries reused. */
  readonly npmRunSynth: Series;
  /** `npm run synth -- --only` replayed from the turbo cache: what npm and turbo cost before any task runs. */
  readonly npmRunSynthCached: Series;
  /** `cdktf synth --app "npx ts-node main.ts"` in each app dir, one after the other. */
  readonly tsNode: Series;
  /** True when ts-node produced the same stacks with the same resources. */
  readonly tsNodeSameStacks: boolean;
  readonly floor: Series;
  readonly floorModules: readonly string[];
  /** Process start costs: plain node, node with tsx's loader. */
  readonly nodeStart: Series;
  readonly nodeTsxStart: Series;
  /** One app (the first one) run the way its synth script does (`tsx main.ts`) and with tsx as a loader only. */
  readonly singleApp: { readonly name: string; readonly tsxCli: Series; readonly nodeImportTsx: Series };
  readonly prototypes: {
    /** The three apps as three `node --import tsx main.ts` processes at once, no npm or turbo. */
    readonly parallelNodeTsx: Series;
    /** One process that synthesizes every app, through tsx. */
    readonly oneProcessTsx: Series;
    /** One process that synthesizes every app, compiled to JavaScript beforehand (swc). */
    readonly oneProcessJs: Series;
  };
}

const bin = (root: string, name: string) => path.join(root, 'node_modules', '.bin', name);

export async function measureSynth(ctx: BenchContext): Promise<SynthResults> {
  const apps = findApps(ctx.root);
  if (apps.length === 0) throw new Error('no apps with a cdktf.json under apps/');

  ctx.progress(`npm run synth (${apps.length} apps; --force --only re-runs every synth task and reuses the built libraries)`);
  const npmRunSynth = measure(ctx, 'npm run synth', 'npm', ['run', 'synth', '--', '--force', '--only'], { warmups: 1 });
  const stacks = apps.flatMap((app) => readStacks(path.join(app.dir, 'cdktf.out')));
  const expectedStacks = apps.length * 3;
  if (stacks.length !== expectedStacks) ctx.progress(`  note: ${stacks.length} stacks synthesized, expected ${expectedStacks}`);
  // --force also wrote the cache, so this replays every synth task: npm and turbo's own cost.
  const npmRunSynthCached = measure(ctx, 'npm run synth (turbo cache hit)', 'npm', ['run', 'synth', '--', '--only']);

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
  const nodeTsxStart = measure(ctx, 'node --import tsx -e 0', process.execPath, ['--import', 'tsx', '-e', '0']);

  const app = apps.find((a) => a.name === 'saas-provider') ?? apps[0];
  ctx.progress(`one app (${app.name}): its synth script vs tsx as a loader only`);
  const appEnv = { ...ctx.env, CDKTF_OUTDIR: freshDir(path.join(ctx.work, 'single', app.name)) };
  const tsxCli = measure(ctx, `tsx main.ts (${app.name})`, bin(ctx.root, 'tsx'), ['main.ts'], { cwd: app.dir, env: appEnv });
  const nodeImportTsx = measure(ctx, `node --import tsx main.ts (${app.name})`, process.execPath, ['--import', 'tsx', 'main.ts'], { cwd: app.dir, env: appEnv });

  ctx.progress('prototypes: the same nine stacks with less process overhead');
  const parallelSamples = [];
  for (let run = 0; run < ctx.runs; run++) {
    ctx.settle();
    const jobs = apps.map((a) => ({
      command: process.execPath,
      args: ['--import', 'tsx', 'main.ts'],
      options: { cwd: a.dir, env: { ...ctx.env, CDKTF_OUTDIR: freshDir(path.join(ctx.work, 'parallel', a.name)) }, logFile: path.join(ctx.work, 'logs', `parallel-${a.name}-${run}.log`) },
    }));
    const { wallMs } = await timedParallel(jobs);
    ctx.progress(`  3 × node --import tsx main.ts in parallel: ${(wallMs / 1000).toFixed(2)} s (run ${run + 1}/${ctx.runs})`);
    parallelSamples.push({ wallMs, output: '' });
  }
  const oneOut = path.join(ctx.work, 'one-process');
  const oneProcessTsx = measure(ctx, 'one process, tsx', process.execPath, ['--import', 'tsx', path.join(ctx.root, 'bench', 'synth', 'synth-all.ts'), oneOut], { warmups: 1 });
  const compiled = compileForNode(ctx.root, apps);
  const oneProcessJs = measure(ctx, 'one process, precompiled JS', process.execPath, [compiled, oneOut], { warmups: 1 });
  const oneStacks = apps.flatMap((a) => readStacks(path.join(oneOut, a.name)));
  if (count(oneStacks) !== count(stacks)) throw new Error('the one-process prototype synthesized different stacks than npm run synth');

  return {
    stacks: stacks.map((s) => ({ name: s.name, resources: resourceCount(s.json) })),
    npmRunSynth,
    npmRunSynthCached,
    tsNode: series(tsNodeSamples),
    tsNodeSameStacks,
    floor,
    floorModules,
    nodeStart,
    nodeTsxStart,
    singleApp: { name: app.name, tsxCli, nodeImportTsx },
    prototypes: { parallelNodeTsx: series(parallelSamples), oneProcessTsx, oneProcessJs },
  };
}
