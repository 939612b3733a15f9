import * as fs from 'node:fs';
import * as path from 'node:path';
import { freshDir, type BenchContext } from '../lib/context';
import { timedSampled, type Timed } from '../lib/exec';

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

function summarize(sample: Timed, watcher: TerraformWatcher): TestRun {
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
  };
}

/** `npm test` with an empty turbo cache, then again with the cache it filled (every task a hit). */
export async function measureNpmTest(ctx: BenchContext): Promise<TestResults> {
  const cacheDir = freshDir(path.join(ctx.work, 'turbo-cache'));
  const run = async (label: string): Promise<TestRun> => {
    ctx.progress(`npm test, ${label} turbo cache (${cacheDir})${label === 'cold' ? ': takes minutes' : ''}`);
    ctx.settle();
    const watcher = new TerraformWatcher();
    const sample = await timedSampled('npm', ['test', '--', `--cache-dir=${cacheDir}`], { cwd: ctx.root, env: ctx.env, logFile: path.join(ctx.work, 'logs', `npm-test-${label}.log`), allowFailure: true }, watcher.sample);
    const result = summarize(sample, watcher);
    ctx.progress(`  npm test (${label}): ${(sample.wallMs / 1000).toFixed(1)} s, ${result.tasks?.cached ?? '?'}/${result.tasks?.total ?? '?'} tasks cached, peak ${result.peakTerraform} terraform processes`);
    return result;
  };
  const cold = await run('cold');
  const warm = await run('warm');
  return { cold, warm };
}
