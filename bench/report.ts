import type { HarnessResults, HarnessRun } from './harness/measure';
import type { Series } from './lib/context';
import type { Machine } from './lib/machine';
import { missReason, type TestResults, type TestRun } from './npm-test/measure';
import type { ProfileResult } from './profile/measure';
import type { ReviewResults } from './review/measure';
import type { ScalingResult } from './scaling/measure';
import type { SynthResults } from './synth/measure';

/** A section's result, or why it could not be measured. */
export type Outcome<T> = { readonly ok: T } | { readonly error: string } | undefined;

export interface Results {
  readonly date: string;
  readonly machine: Machine;
  readonly runs: number;
  readonly loadBefore: number;
  readonly loadAfter: number;
  /** Before each measurement series the benchmark waits (up to 90 s, 30 s once it timed out) for the machine to be ≥ 85% idle. */
  readonly quiet: { readonly waits: number; readonly busy: number; readonly waitedMs: number };
  readonly durationMs: number;
  readonly synth: Outcome<SynthResults>;
  readonly profile: Outcome<ProfileResult>;
  readonly scaling: Outcome<ScalingResult[]>;
  readonly harness?: Outcome<HarnessResults>;
  readonly review?: Outcome<ReviewResults>;
  readonly npmTest: Outcome<TestResults>;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const x = (value: number) => `${value.toFixed(1)}×`;
const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
const samples = (series: Series) => series.samples.map((v) => (v / 1000).toFixed(2)).join(', ');
const row = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly (string | number)[])[]) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');
const verdict = (pass: boolean) => (pass ? '**pass**' : '**fail**');
const okOf = <T>(outcome: Outcome<T>): T | undefined => (outcome && 'ok' in outcome ? outcome.ok : undefined);
const notMeasured = (outcome: Outcome<unknown>) =>
  outcome && 'error' in outcome ? `not measured: ${firstLine(outcome.error)}` : 'not run (section skipped with --only)';
const firstLine = (text: string) => text.split('\n')[0].replace(/\|/g, '\\|');

/** ` (CPU a vs b: r×)`, the same comparison in CPU time, which other work on the machine distorts less than wall time. */
const cpuPair = (a: Series, b: Series, ratio: (a: number, b: number) => number) =>
  a.cpuMedian && b.cpuMedian ? ` (CPU ${s(a.cpuMedian)} vs ${s(b.cpuMedian)}: ${x(ratio(a.cpuMedian, b.cpuMedian))})` : '';

interface Target {
  readonly target: string;
  readonly measured: string;
  readonly result: string;
  readonly why: string;
}

function synthTargets(synth: SynthResults | undefined, profile: ProfileResult | undefined, outcome: Outcome<SynthResults>): Target[] {
  if (!synth) {
    const why = notMeasured(outcome);
    return [
      { target: '`npm run synth` ≥ 5× faster than the ts-node route', measured: '-', result: 'not measured', why },
      { target: '`npm run synth` ≤ 2× the floor', measured: '-', result: 'not measured', why },
    ];
  }
  const speedup = synth.tsNode.median / synth.npmRunSynth.median;
  const overFloor = synth.npmRunSynth.median / synth.floor.median;
  const npmStart = synth.npmRunSynth.median - synth.synthScript.median;
  const resources = synth.stacks.reduce((sum, st) => sum + st.resources, 0);
  const top = profile ? [...profile.parts].slice(0, 4).map((p) => `${p.part} ${s(p.ms)}`).join(', ') : '';
  const floorWhy = [
    `npm's own start-up is ${s(npmStart)} (\`npm run synth\` minus \`node scripts/synth.cjs\`), ${x(npmStart / synth.floor.median)} the floor before any synth code runs;`,
    `the synth process itself takes ${s(synth.synthScript.median)}, ${x(synth.synthScript.median / synth.floor.median)} the floor: it compiles and runs what the floor loads (from one bundle), then builds and synthesizes ${synth.stacks.length} stacks with ${resources} resources;`,
    profile ? `the profile (below) finds ${top}.` : 'see the profile below.',
    `Most of that is cdktf's own work, which resolves every resource's tokens twice (prepare, then toTerraform). Already cut: one process instead of one per app (${s(synth.turboPerApp.median)} through turbo), and the guardrails resolve only the resource types their rules read. The bundle holds cdktf as published: every token records the stack trace of its creation, which cdktf shows when the token fails to resolve.`,
  ].join(' ');
  return [
    {
      target: '`npm run synth` (9 stacks) ≥ 5× faster than the ts-node route',
      measured: `${s(synth.npmRunSynth.median)} vs ${s(synth.tsNode.median)}: ${x(speedup)}${cpuPair(synth.npmRunSynth, synth.tsNode, (a, b) => b / a)}`,
      result: verdict(speedup >= 5),
      why:
        speedup >= 5
          ? ''
          : `the ts-node route costs ${s(synth.tsNode.median / (synth.stacks.length / 3))} per app (cdktf-cli, then ts-node type-checking main.ts); \`npm run synth\` pays npm's start-up and the load of cdktf once (next row).`,
    },
    {
      target: '`npm run synth` ≤ 2× the floor',
      measured: `${s(synth.npmRunSynth.median)} vs floor ${s(synth.floor.median)}: ${x(overFloor)}${cpuPair(synth.npmRunSynth, synth.floor, (a, b) => a / b)}`,
      result: verdict(overFloor <= 2),
      why: overFloor <= 2 ? '' : floorWhy,
    },
  ];
}

/**
 * Why a cold run over 3 minutes is not a scheduling problem: its CPU time spread over every core is
 * a floor no task order can beat, and the 3 minutes allow only so much CPU.
 */
function coldFloorWhy(cold: { wallMs: number; cpuMs?: number }, cores: number): string {
  if (cold.cpuMs === undefined) return 'CPU time not measured, so the floor is unknown; the slowest tasks are listed under npm test below.';
  const floorMs = cold.cpuMs / cores;
  const budgetMs = 180_000 * cores;
  return (
    `the run needs ${s(cold.cpuMs)} of CPU, so on ${cores} cores it cannot end before ${s(floorMs)} however its tasks are ordered; ` +
    `it took ${(cold.wallMs / floorMs).toFixed(2)}× that floor. 3 minutes on ${cores} cores allow ${s(budgetMs)} of CPU: the tests would need ${Math.round(100 * (1 - budgetMs / cold.cpuMs))}% less CPU, ` +
    `or a machine with ${Math.ceil(cold.cpuMs / 180_000)} cores. The slowest tasks are listed under npm test below.`
  );
}

/** Why the warm run was not a full cache hit, counted over the reasons turbo's summaries give. */
function warmMissWhy(tests: TestResults): string {
  const misses = tests.warm.taskRuns.filter((t) => !t.cached);
  if (misses.length === 0) return 'not every task was a cache hit on the second run (no run summary to say why)';
  const reasons = misses.map((t) => missReason(t, tests.cold.taskRuns));
  const edited = reasons.filter((r) => r.startsWith('inputs changed') || r.startsWith('its hash changed')).length;
  const failed = reasons.filter((r) => r.startsWith('failed')).length;
  return [
    `${misses.length} of ${tests.warm.taskRuns.length} tasks missed the cache (list below):`,
    edited ? `${edited} because files in the tree changed between the two runs (others were editing the working tree), which re-ran their slow plan tests;` : '',
    failed ? `${failed} because they failed in the cold run and turbo caches only successful tasks;` : '',
    `the ${tests.warm.taskRuns.length - misses.length} hits replayed at once. A warm run on an unchanged tree needs a run where nobody edits in between.`,
  ].filter(Boolean).join(' ');
}

function testTargets(tests: TestResults | undefined, outcome: Outcome<TestResults>, cores: number): Target[] {
  if (!tests) {
    const why = notMeasured(outcome);
    return [
      { target: 'warm `npm test` (turbo cache hit) < 2 s', measured: '-', result: 'not measured', why },
      { target: 'cold `npm test` (empty turbo cache) ≤ 3 min', measured: '-', result: 'not measured', why },
      { target: `cold \`npm test\` uses the cores, plans in parallel, one plugin cache`, measured: '-', result: 'not measured', why },
    ];
  }
  const { warm, cold } = tests;
  const allCached = warm.tasks !== undefined && warm.tasks.cached === warm.tasks.total;
  const warmPass = warm.wallMs < 2000 && allCached && warm.exitCode === 0;
  const parallelism = cold.cpuMs !== undefined ? cold.cpuMs / cold.wallMs : undefined;
  const oneCache = cold.pluginTargets.length === 1 && cold.copiedProviders === 0;
  const coldPass = cold.exitCode === 0 && parallelism !== undefined && parallelism >= 0.75 * cores && cold.peakTerraform >= 2 && oneCache;
  const coldWhy: string[] = [];
  if (cold.exitCode !== 0) coldWhy.push(`npm test failed (exit ${cold.exitCode}${cold.failedTasks.length ? `: ${cold.failedTasks.join(', ')}` : ''}), so the run is incomplete.`);
  if (parallelism !== undefined && parallelism < 0.75 * cores) {
    coldWhy.push(
      cold.machineBusy > 0.9
        ? `npm test got ${parallelism.toFixed(2)} of ${cores} cores on average while the machine was ${Math.round(100 * cold.machineBusy)}% busy: other work took the rest, so this run cannot show the scaling.`
        : `average parallelism (CPU time / wall time) ${parallelism.toFixed(2)} of ${cores} cores with the machine ${Math.round(100 * cold.machineBusy)}% busy: the cores sat idle part of the time.`,
    );
  }
  if (cold.peakTerraform > 2 * cores) {
    coldWhy.push(`up to ${cold.peakTerraform} Terraform processes ran at once on ${cores} cores, more than the harness's machine-wide plan slots (TF_HARNESS_CONCURRENCY, default the core count) should allow: check that every plan goes through test/harness.`);
  }
  if (cold.peakTerraform < 2) coldWhy.push(`at most ${cold.peakTerraform} Terraform process ran at a time: plans did not overlap.`);
  if (!oneCache) coldWhy.push(`AWS provider in the plan dirs: ${cold.pluginTargets.length} plugin-cache targets, ${cold.copiedProviders} copies (one shared cache means 1 and 0).`);
  return [
    {
      target: 'cold `npm test` (empty turbo cache) ≤ 3 min',
      measured: `${s(cold.wallMs)}${cold.cpuMs !== undefined ? ` (CPU ${s(cold.cpuMs)}; machine ${Math.round(100 * cold.machineBusy)}% busy)` : ''}`,
      result: verdict(cold.exitCode === 0 && cold.wallMs <= 180_000),
      why: cold.exitCode !== 0 ? `npm test failed (exit ${cold.exitCode}).` : cold.wallMs <= 180_000 ? '' : coldFloorWhy(cold, cores),
    },
    {
      target: 'warm `npm test` (turbo cache hit) < 2 s',
      measured: `${s(warm.wallMs)}, ${warm.tasks ? `${warm.tasks.cached}/${warm.tasks.total} tasks from cache` : 'task summary not found'}`,
      result: verdict(warmPass),
      why: warmPass ? '' : !allCached ? warmMissWhy(tests) : warm.exitCode !== 0 ? `npm test failed (exit ${warm.exitCode})` : "turbo's own start-up before the first task (its configuration, hashing every task's inputs, telemetry it cannot send without a network): turbo's run summary has the cached tasks replayed in milliseconds",
    },
    {
      target: `cold \`npm test\` scales with the cores (${cores}), Terraform plans in parallel sharing one plugin cache`,
      measured: `${s(cold.wallMs)}, parallelism ${parallelism?.toFixed(2) ?? '?'} (CPU ${cold.cpuMs ? s(cold.cpuMs) : '?'}; machine ${Math.round(100 * cold.machineBusy)}% busy), peak ${cold.peakTerraform} Terraform processes, ${cold.terraformDirs} plan dirs → ${cold.pluginTargets.length} plugin cache dir(s), ${cold.copiedProviders} copies`,
      result: verdict(coldPass),
      why: coldWhy.join(' '),
    },
  ];
}

function scalingTargets(scaling: ScalingResult[] | undefined, outcome: Outcome<ScalingResult[]>): Target[] {
  const provider = scaling?.find((c) => c.name === 'provider');
  const at = (c: ScalingResult | undefined, n: number) => c?.points.find((p) => p.n === n && p.sourceMaps);
  const p100 = at(provider, 100);
  const p1000 = at(provider, 1000);
  if (!p100 || !p1000) {
    const why = provider?.error ? `not measured: ${firstLine(provider.error)}` : notMeasured(outcome);
    return [{ target: '1,000 tenants ≤ 12× the time of 100, < 1 GiB', measured: '-', result: 'not measured', why }];
  }
  const growth = p1000.buildSynthMs / p100.buildSynthMs;
  const memoryOk = (scaling ?? []).every((c) => c.points.every((p) => p.maxRssKiB < 1024 * 1024));
  const worst = Math.max(...(scaling ?? []).flatMap((c) => c.points.map((p) => p.maxRssKiB)));
  const why: string[] = [];
  if (growth > 12) {
    why.push(`construct ${s(p100.constructMs)} → ${s(p1000.constructMs)} (${x(p1000.constructMs / p100.constructMs)}), app.synth() ${s(p100.synthMs)} → ${s(p1000.synthMs)} (${x(p1000.synthMs / p100.synthMs)}).`);
  }
  if (!memoryOk) why.push(`peak RSS ${mib(worst)}.`);
  return [
    {
      target: '1,000 tenants ≤ 12× the build + synth time of 100',
      measured: `${s(p1000.buildSynthMs)} vs ${s(p100.buildSynthMs)}: ${x(growth)} (CPU ${s(p1000.buildSynthCpuMs)} vs ${s(p100.buildSynthCpuMs)}: ${x(p1000.buildSynthCpuMs / p100.buildSynthCpuMs)}; whole process ${s(p1000.processMs)} vs ${s(p100.processMs)})`,
      result: verdict(growth <= 12),
      why: growth <= 12 ? '' : why[0],
    },
    {
      target: 'every scaling case < 1 GiB peak RSS',
      measured: `highest ${mib(worst)} (1,000 tenants: ${mib(p1000.maxRssKiB)})`,
      result: verdict(memoryOk),
      why: memoryOk ? '' : why.at(-1) ?? '',
    },
  ];
}

function harnessTargets(harness: HarnessResults | undefined, outcome: Outcome<HarnessResults>): Target[] {
  if (!harness) {
    const why = notMeasured(outcome);
    return [
      { target: 'nine app stacks in one batched Terraform run ≤ ⅓ of nine separate runs', measured: '-', result: 'not measured', why },
      { target: 'generated-input validation ≥ 200 cases a minute', measured: '-', result: 'not measured', why },
    ];
  }
  const ratio = harness.nineBatched.wall.median / harness.nineOneByOne.wall.median;
  const n = harness.stacks.length;
  const steps = (run: HarnessRun) => `init ${s(run.sample.timings.init)}, plan ${s(run.sample.timings.plan)}, show ${s(run.sample.timings.show)}`;
  return [
    {
      target: `${n} app stacks in one batched Terraform run ≤ ⅓ of ${n} separate runs`,
      measured: `${s(harness.nineBatched.wall.median)} vs ${s(harness.nineOneByOne.wall.median)}: ${ratio.toFixed(2)} (1/${(1 / ratio).toFixed(1)})${cpuPair(harness.nineBatched.wall, harness.nineOneByOne.wall, (a, b) => a / b)}`,
      result: verdict(ratio <= 1 / 3),
      why: ratio <= 1 / 3 ? '' : `the batch spends ${steps(harness.nineBatched)}; one by one, ${steps(harness.nineOneByOne)}: Terraform still starts one provider process per stack's provider configuration in a batch.`,
    },
    {
      target: 'generated-input validation ≥ 200 cases a minute',
      measured: `${harness.validatedPerMinute} synthesized cases validated a minute (${harness.cases.sample.validated} of ${harness.caseValues} generated values accepted by the construct, all ${harness.caseValues} generated and synthesized in ${s(harness.cases.wall.median)}: ${harness.valuesPerMinute} values a minute)`,
      result: verdict(harness.validatedPerMinute >= 200),
      why: harness.validatedPerMinute >= 200 ? '' : `terraform validate took ${s(harness.cases.sample.timings.validate)} of the run.`,
    },
  ];
}

function reviewTargets(review: ReviewResults | undefined, outcome: Outcome<ReviewResults>): Target[] {
  if (!review) {
    const why = notMeasured(outcome);
    return [
      { target: '`--base` for one stack ≤ 3× an ordinary offline plan of it', measured: '-', result: 'not measured', why },
      { target: '`--all --base` for the nine stacks ≤ 2 min', measured: '-', result: 'not measured', why },
    ];
  }
  const ratio = review.base.median / review.offline.median;
  return [
    {
      target: `\`--base\` for one stack (${review.stack}) ≤ 3× an ordinary offline plan of it`,
      measured: `${s(review.base.median)} vs ${s(review.offline.median)}: ${x(ratio)}${cpuPair(review.base, review.offline, (a, b) => a / b)}; state built in ${review.statePlans.one ?? '?'} plans`,
      result: verdict(ratio <= 3),
      why: ratio <= 3 ? '' : 'the state takes an empty-state plan and a convergence plan, and the change its own plan and show, besides the worktree and the synthesis at the base.',
    },
    {
      target: `\`--all --base\` for the ${review.stacks} stacks ≤ 2 min`,
      measured: `${s(review.all.median)}${review.all.cpuMedian ? ` (CPU ${s(review.all.cpuMedian)})` : ''}; state built in ${review.statePlans.all ?? '?'} plans`,
      result: verdict(review.all.median <= 120_000),
      why: review.all.median <= 120_000 ? '' : 'each plan of the nine stacks in one run takes most of a core; see the rows below.',
    },
  ];
}

/** The slowest cold tasks, and why each warm task missed the cache (from turbo's run summaries). */
function npmTestDetails(tests: TestResults): string[] {
  const out: string[] = [];
  const slowest = [...tests.cold.taskRuns].sort((a, b) => b.durationMs - a.durationMs).slice(0, 8);
  if (slowest.length > 0) {
    out.push('Slowest tasks of the cold run (they overlap; turbo runs several at once):', '', table(['task', 'time', 'exit'], slowest.map((t) => [t.taskId, s(t.durationMs), t.exitCode ?? '-'])), '');
  }
  const misses = tests.warm.taskRuns.filter((t) => !t.cached);
  if (misses.length > 0) {
    out.push(`Warm run: ${misses.length} task(s) missed the cache:`, '', table(['task', 'time', 'why it missed'], misses.map((t) => [t.taskId, s(t.durationMs), missReason(t, tests.cold.taskRuns)])), '');
  }
  return out;
}

export function renderReport(r: Results): string {
  const synth = okOf(r.synth);
  const profile = okOf(r.profile);
  const scaling = okOf(r.scaling);
  const harness = okOf(r.harness);
  const review = okOf(r.review);
  const tests = okOf(r.npmTest);
  const m = r.machine;
  const out: string[] = [];
  out.push(
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` (bench/run.ts) on ${r.date}; the run took ${(r.durationMs / 60000).toFixed(1)} min.`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}. Load average (1 min) ${r.loadBefore.toFixed(2)} before, ${r.loadAfter.toFixed(2)} after. Before each of the ${r.quiet.waits} measurement series the benchmark waited for the machine to be at least 85% idle for 2 s (${s(r.quiet.waitedMs)} in all); ${r.quiet.busy === 0 ? 'every series started on an idle machine' : `**${r.quiet.busy} series started while other work still kept the cores busy (after waiting 90 s, then 30 s)**, so their numbers include that contention`}.`,
    '',
    `Versions: Node ${m.node}, npm ${m.npm}, Terraform ${m.terraform}, cdktf ${m.cdktf}, cdktf-cli ${m.cdktfCli}, @cdktf/provider-aws ${m.providerAws}, cdktn ${m.cdktn}, @cdktn/provider-aws ${m.providerAwsCdktn}, turbo ${m.turbo}, esbuild ${m.esbuild}, tsx ${m.tsx}, ts-node ${m.tsNode}, TypeScript ${m.typescript}.`,
    '',
    `Method: every fast measurement is the median of ${r.runs} runs after one discarded warm-up run (samples listed); each scaling point is the median of ${r.runs} fresh child processes; \`npm test\` is measured once cold (empty turbo cache dir) and once warm (the same cache dir, second run). Wall time is measured by the benchmark, CPU time and peak RSS by GNU time or by the child itself.`,
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', 'result', 'why (when missed)'],
      [
        ...synthTargets(synth, profile, r.synth),
        ...testTargets(tests, r.npmTest, m.cores),
        ...scalingTargets(scaling, r.scaling),
        ...harnessTargets(harness, r.harness),
        ...reviewTargets(review, r.review),
      ].map((t) => [t.target, t.measured, t.result, t.why]),
    ),
    '',
  );

  out.push('## Synth', '');
  if (synth) {
    const rows: [string, Series][] = [
      ['`npm run synth`: every app in one process from the cached bundle (scripts/synth.cjs)', synth.npmRunSynth],
      ['`node scripts/synth.cjs`: the same without npm', synth.synthScript],
      ['`node scripts/synth.cjs` after an edit: esbuild bundles the apps first', synth.synthScriptRebundle],
      ...(synth.synthScriptCdktn ? [['`node scripts/synth.cjs --framework cdktn`: the same apps with CDK Terrain (cdktn, @cdktn/provider-aws)', synth.synthScriptCdktn] as [string, Series]] : []),
      ['`turbo run synth --force`: one process per app (the per-app task before the app tests)', synth.turboPerApp],
      ['ts-node route: `cdktf synth --app "npx ts-node main.ts"` in each app, in turn', synth.tsNode],
      [`floor: \`node\` requiring cdktf and the ${synth.floorModules.length} provider modules the stacks use`, synth.floor],
      ['`node -e 0`', synth.nodeStart],
    ];
    out.push(
      table(['what', 'median', 'samples (s)', 'CPU, user + system (median)'], rows.map(([label, series]) => [label, s(series.median), samples(series), series.cpuMedian ? s(series.cpuMedian) : '-'])),
      '',
      `Stacks (${synth.stacks.length}): ${synth.stacks.map((st) => `${st.name} (${st.resources} resources)`).join(', ')}. The ts-node route produced ${synth.tsNodeSameStacks ? 'the same stacks with the same resource counts' : '**different stacks or resource counts** (check the apps)'}.`,
      '',
      `Floor modules: ${synth.floorModules.map((mod) => `\`${mod.replace('@cdktf/provider-aws/lib/', '')}\``).join(', ')} (under \`@cdktf/provider-aws/lib/\`), derived from the resource types in the synthesized JSON.`,
      '',
    );
  } else out.push(notMeasured(r.synth), '');

  out.push('## Where the synth time goes', '');
  if (profile) {
    out.push(
      `\`node --cpu-prof scripts/synth.cjs\` (every app, warm bundle): V8's CPU profile, each sample's self time put in one part (bench/profile/measure.ts says how), medians of ${r.runs} runs. The profiler slows the process: ${s(profile.totalMs)} wall, ${s(profile.sampledMs)} sampled.`,
      '',
      table(
        ['part', 'time', 'share of the sampled time'],
        profile.parts.map((p) => [p.part, s(p.ms), `${Math.round((100 * p.ms) / profile.sampledMs)}%`]),
      ),
      '',
    );
  } else out.push(notMeasured(r.profile), '');

  out.push('## Scaling', '');
  if (scaling) {
    const rows = scaling.flatMap((c) =>
      c.error
        ? [[c.name, '-', '-', '-', '-', '-', '-', '-', '-', '-', `not measured: ${firstLine(c.error)}`]]
        : c.points.map((p, i) => {
            const prev = c.points[i - 1];
            const same = c.points.find((q) => q.n === p.n && q.sourceMaps);
            const growth = !p.sourceMaps && same ? `${x(p.buildSynthMs / same.buildSynthMs)} of the same N with source maps` : prev ? `${x(p.buildSynthMs / prev.buildSynthMs)} for ${x(p.n / prev.n)} ${c.unit}` : '-';
            return [`${c.name}`, `${p.n} ${c.unit}${p.sourceMaps ? '' : ', source maps off'}`, p.resources, s(p.constructMs), s(p.synthMs), s(p.buildSynthMs), s(p.buildSynthCpuMs), p.stackTraces === undefined ? '-' : `${p.stackTraces} in ${s(p.stackTraceMs)}`, s(p.processMs), `${mib(p.maxRssKiB)}`, growth];
          }),
    );
    out.push(
      'One stack (EnvironmentStack + PrivateNetwork over 3 AZs) in a fresh `node --import tsx` process per run. The last row of each case repeats the largest N with `process.setSourceMapsEnabled(false)`: tsx turns source-mapped stack traces on, and cdktf captures a full stack trace for every token it creates. provider: `PrivateLinkService` (NLB in front of an ALB) with N tenants, each one principal and one accepted endpoint. consumer: N `InterfaceEndpoint`s to distinct endpoint services, each in the 3 AZs with its own security group.',
      '',
      table(['case', 'N', 'resources', 'construct', 'app.synth()', 'build + synth (median)', 'its CPU time', 'stack traces cdktf captured, their time', 'whole process (median)', 'peak RSS', 'growth of build + synth'], rows),
      '',
    );
  } else out.push(notMeasured(r.scaling), '');

  out.push('## Terraform through the harness', '');
  if (harness) {
    const run = (label: string, h: HarnessRun) => [
      label,
      s(h.wall.median),
      samples(h.wall),
      h.wall.cpuMedian ? s(h.wall.cpuMedian) : '-',
      `${h.sample.terraformRuns}`,
      `init ${s(h.sample.timings.init)}, ${h.sample.timings.validate ? `validate ${s(h.sample.timings.validate)}, ` : ''}plan ${s(h.sample.timings.plan)}, show ${s(h.sample.timings.show)}`,
    ];
    out.push(
      `Each row is a fresh \`node --import tsx bench/harness/child.ts\` process (with its own TMPDIR, so other processes' plans never hold its slots), median of ${r.runs} runs after a warm-up (the one-by-one row: no warm-up). Stacks: ${harness.stacks.join(', ')}.`,
      '',
      table(
        ['what', 'wall (median)', 'samples (s)', 'CPU, user + system', 'Terraform runs', "Terraform's steps (median run, summed over its runs)"],
        [
          run('one stack (saas-provider-prod): init, plan, show -json', harness.oneStack),
          run(`${harness.stacks.length} stacks in one run (each a child module with its own providers)`, harness.nineBatched),
          run(`${harness.stacks.length} stacks one after the other, one run each`, harness.nineOneByOne),
          run(`${harness.caseValues} generated DedicatedSecurityGroup props: synthesized, validated in one run`, harness.cases),
        ],
      ),
      '',
    );
  } else out.push(notMeasured(r.harness), '');

  out.push('## Change review', '');
  if (review) {
    out.push(
      `\`npm run plan -- … --no-synth\` as a user runs it (the stacks are synthesized already; \`--base\` still synthesizes the base in a worktree), with its own TMPDIR, median of ${r.runs} runs after a warm-up (\`--all\`: no warm-up). The base is HEAD: on a clean tree the change is empty, which costs what a real one does, since the state is built and the change planned either way.`,
      '',
      table(
        ['what', 'median', 'samples (s)', 'CPU, user + system (median)'],
        [
          [`\`npm run plan -- ${review.stack} --offline\`: from an empty state`, s(review.offline.median), samples(review.offline), review.offline.cpuMedian ? s(review.offline.cpuMedian) : '-'],
          [`\`npm run plan -- ${review.stack} --offline --base HEAD\`: worktree, synth, state (${review.statePlans.one ?? '?'} plans), change`, s(review.base.median), samples(review.base), review.base.cpuMedian ? s(review.base.cpuMedian) : '-'],
          [`\`npm run plan -- --all --offline --base HEAD\`: ${review.stacks} stacks, state (${review.statePlans.all ?? '?'} plans), change`, s(review.all.median), samples(review.all), review.all.cpuMedian ? s(review.all.cpuMedian) : '-'],
        ],
      ),
      '',
    );
  } else out.push(notMeasured(r.review), '');

  out.push('## npm test', '');
  if (tests) {
    const line = (label: string, t: TestRun) => [
      label,
      s(t.wallMs),
      t.cpuMs ? s(t.cpuMs) : '-',
      t.tasks ? `${t.tasks.cached}/${t.tasks.total}` : '-',
      `${t.tests.passed} passed, ${t.tests.failed} failed`,
      t.exitCode === 0 ? 'ok' : `exit ${t.exitCode}${t.failedTasks.length ? ` (${t.failedTasks.join(', ')})` : ''}`,
    ];
    out.push(
      table(['run', 'wall', 'CPU', 'tasks from cache', 'Jest tests (added up over workspaces, replayed ones included)', 'result'], [line('cold (empty turbo cache dir)', tests.cold), line('warm (second run, same cache dir)', tests.warm)]),
      '',
      ...npmTestDetails(tests),
      '`npm test -- --cache-dir=<empty dir> --continue --summarize`, then the same again. Cold here means an empty turbo cache: Jest\'s own transform cache and the Terraform plugin cache are left as they are.',
      '',
    );
  } else out.push(notMeasured(r.npmTest), '');
  return out.join('\n');
}
