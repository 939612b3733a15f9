import * as fs from 'node:fs';
import * as path from 'node:path';
import { freshDir, type BenchContext } from '../lib/context';
import { timedSampled, type Timed } from '../lib/exec';
import { cpuTicks, idleBetween } from '../lib/machine';

export interface TestRun {
  readonly wallMs: number;
  /** npm test's exit code: 0 when every task passed. */
  readonly exitCode: number | null;
  /** The failed turbo tasks, if any. */
  readonly failedTasks: readonly string[];
  readonly cpuMs?: number;
  /** Turbo's own summary: tasks run, tasks replayed from the cache. */
  readonly tasks?: { readonly total: number; readonly cached: number };
  /** Jest's summary lines added up over every workspace. */
  readonly tests: { readonly passed: number; readonly failed: number };
  /** Most Terraform processes seen running at once (plans in parallel). */
  readonly peakTerraform: number;
  /** Working dirs of the Terraform processes seen, and the plugin dirs their AWS provider links to. */
  readonly terraformDirs: number;
  readonly pluginTargets: readonly string[];
  readonly copiedProviders: number;
  /** Share of the whole machine's CPU time that was busy during the run (npm test and anything else). */
  readonly machineBusy: number;
  /** Each task from turbo's run summary (`--summarize`). */
  readonly taskRuns: readonly TaskRun[];
}

export interface TaskRun {
  readonly taskId: string;
  readonly hash: string;
  readonly cached: boolean;
  readonly exitCode?: number;
  readonly durationMs: number;
  /** Input files and their hashes. */
  readonly inputs: Readonly<Record<string, string>>;
}

export interface TestResults {
  readonly cold: TestRun;
  readonly warm: TestRun;
}

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const AWS_PROVIDER_DIR = path.join('.terraform', 'providers', 'registry.terraform.io', 'hashicorp', 'aws');

/** Watches running Terraform processes: how many at once, and whether their AWS provider comes from one shared plugin cache. */
class TerraformWatcher {
  peak = 0;
  private readonly dirs = new Set<string>();
  private readonly targets = new Set<string>();
  private readonly copies = new Set<string>();

  sample = (): void => {
    let running = 0;
    for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        if (path.basename(argv[0]) !== 'terraform') continue;
        running++;
        const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
        this.dirs.add(cwd);
        this.inspect(path.join(cwd, AWS_PROVIDER_DIR));
      } catch {
        // The process ended between listing and reading: skip it.
      }
    }
    this.peak = Math.max(this.peak, running);
  };

  /** `.terraform/providers/.../aws/<version>/<platform>`: a symlink into the plugin cache, or a copy. */
  private inspect(awsDir: string): void {
    if (!fs.existsSync(awsDir)) return;
    for (const version of fs.readdirSync(awsDir)) {
      for (const platform of fs.readdirSync(path.join(awsDir, version))) {
        const dir = path.join(awsDir, version, platform);
        if (fs.lstatSync(dir).isSymbolicLink()) this.targets.add(path.resolve(path.dirname(dir), fs.readlinkSync(dir)));
        else this.copies.add(dir);
      }
    }
  }

  result() {
    return { peakTerraform: this.peak, terraformDirs: this.dirs.size, pluginTargets: [...this.targets], copiedProviders: this.copies.size };
  }
}

interface TurboSummary {
  tasks: Array<{ taskId: string; hash: string; inputs?: Record<string, string>; cache: { status: string }; execution?: { startTime: number; endTime: number; exitCode?: number } }>;
}

/** Turbo's run summary written by `--summarize` since `since` (then removed: it is only for this report). */
function readTurboSummary(root: string, since: number): TaskRun[] {
  const dir = path.join(root, '.turbo', 'runs');
  if (!fs.existsSync(dir)) return [];
  const newest = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ file: path.join(dir, name), mtimeMs: fs.statSync(path.join(dir, name)).mtimeMs }))
    .filter((entry) => entry.mtimeMs >= since)
    .sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
  if (!newest) return [];
  const summary = JSON.parse(fs.readFileSync(newest.file, 'utf8')) as TurboSummary;
  fs.rmSync(newest.file);
  return summary.tasks.map((t) => ({
    taskId: t.taskId,
    hash: t.hash,
    cached: t.cache.status === 'HIT',
    exitCode: t.execution?.exitCode,
    durationMs: t.execution ? t.execution.endTime - t.execution.startTime : 0,
    inputs: t.inputs ?? {},
  }));
}

/** Why a warm-run task was not a cache hit, from the two run summaries. */
export function missReason(warm: TaskRun, coldRuns: readonly TaskRun[]): string {
  const cold = coldRuns.find((t) => t.taskId === warm.taskId);
  if (!cold) return 'not run in the cold run';
  if (cold.hash === warm.hash) return cold.exitCode !== 0 ? `failed in the cold run (exit ${cold.exitCode ?? '?'}), so turbo did not cache it` : 'same hash as the cold run, yet not restored';
  const changed = [...new Set([...Object.keys(cold.inputs), ...Object.keys(warm.inputs)])].filter((file) => cold.inputs[file] !== warm.inputs[file]);
  if (changed.length === 0) return 'its hash changed through a dependency or the global inputs, not its own files';
  return `inputs changed between the runs: ${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ` and ${changed.length - 3} more` : ''}`;
}

function summarize(sample: Timed, watcher: TerraformWatcher, taskRuns: TaskRun[]): Omit<TestRun, 'machineBusy'> {
  // Strip colours, then read turbo's summary and add up Jest's "Tests:" lines.
  const text = sample.output.replace(ANSI_COLOUR, '');
  const total = /Tasks:\s+\d+ successful, (\d+) total/.exec(text);
  const cached = /Cached:\s+(\d+) cached/.exec(text);
  let passed = 0;
  let failed = 0;
  for (const line of text.split('\n').filter((l) => /Tests:\s/.test(l))) {
    passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  }
  const failedTasks = [...new Set([...text.matchAll(/(\S+#\w+): command .* exited \(\d+\)/g)].map((m) => m[1]))];
  return {
    wallMs: sample.wallMs,
    exitCode: sample.exitCode ?? 0,
    failedTasks,
    cpuMs: sample.cpuMs,
    tasks: total && cached ? { total: Number(total[1]), cached: Number(cached[1]) } : undefined,
    tests: { passed, failed },
    ...watcher.result(),
    taskRuns,
  };
}

/**
 * `npm test` with an empty turbo cache, then again with the cache it filled (every task a hit).
 * `--continue` lets every task run even when one fails, so a failure does not cut the cold run short;
 * `--summarize` gives each task's hash, cache status and duration.
 */
export async function measureNpmTest(ctx: BenchContext): Promise<TestResults> {
  const cacheDir = freshDir(path.join(ctx.work, 'turbo-cache'));
  const run = async (label: string): Promise<TestRun> => {
    ctx.progress(`npm test, ${label} turbo cache (${cacheDir})${label === 'cold' ? ': takes minutes' : ''}`);
    ctx.settle();
    const watcher = new TerraformWatcher();
    const since = Date.now();
    const ticks = cpuTicks();
    const sample = await timedSampled('npm', ['test', '--', `--cache-dir=${cacheDir}`, '--continue', '--summarize'], { cwd: ctx.root, env: ctx.env, logFile: path.join(ctx.work, 'logs', `npm-test-${label}.log`), allowFailure: true }, watcher.sample);
    const result = { ...summarize(sample, watcher, readTurboSummary(ctx.root, since)), machineBusy: 1 - idleBetween(ticks, cpuTicks()) };
    ctx.progress(`  npm test (${label}): ${(sample.wallMs / 1000).toFixed(1)} s, ${result.tasks?.cached ?? '?'}/${result.tasks?.total ?? '?'} tasks cached, peak ${result.peakTerraform} terraform processes`);
    return result;
  };
  const cold = await run('cold');
  const warm = await run('warm');
  return { cold, warm };
}
