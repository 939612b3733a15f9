import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { capture } from './exec';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  readonly npm: string;
  readonly terraform: string;
  readonly cdktf: string;
  readonly cdktfCli: string;
  readonly cdktn: string;
  readonly providerAwsCdktn: string;
  readonly providerAws: string;
  readonly turbo: string;
  readonly esbuild: string;
  readonly tsx: string;
  readonly tsNode: string;
  readonly typescript: string;
}

const packageVersion = (root: string, name: string): string => {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
};

export function describeMachine(root: string): Machine {
  const terraform = capture(process.env.TERRAFORM_BIN ?? 'terraform', ['version', '-json'], root);
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    npm: capture('npm', ['--version'], root) ?? 'unknown',
    terraform: terraform ? JSON.parse(terraform).terraform_version : 'not found',
    cdktf: packageVersion(root, 'cdktf'),
    cdktfCli: packageVersion(root, 'cdktf-cli'),
    providerAws: packageVersion(root, '@cdktf/provider-aws'),
    cdktn: packageVersion(root, 'cdktn'),
    providerAwsCdktn: packageVersion(root, '@cdktn/provider-aws'),
    turbo: packageVersion(root, 'turbo'),
    esbuild: packageVersion(root, 'esbuild'),
    tsx: packageVersion(root, 'tsx'),
    tsNode: packageVersion(root, 'ts-node'),
    typescript: packageVersion(root, 'typescript'),
  };
}

/** 1-minute load average: other work on the machine inflates every number, so the table records it. */
export const loadAverage = (): number => os.loadavg()[0];

/** The machine's idle and total CPU ticks so far, from /proc/stat (undefined when unavailable). */
export function cpuTicks(): { idle: number; total: number } | undefined {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: fields[3] + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return undefined;
  }
}

/** Share of the machine's CPU time spent idle between two `cpuTicks()` readings (1 when unknown). */
export function idleBetween(before: ReturnType<typeof cpuTicks>, after: ReturnType<typeof cpuTicks>): number {
  if (!before || !after || after.total === before.total) return 1;
  return (after.idle - before.idle) / (after.total - before.total);
}

/** Share of CPU time spent idle over the next `ms` milliseconds. */
export function idleShare(ms: number): number {
  const before = cpuTicks();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  return idleBetween(before, cpuTicks());
}

/**
 * Waits (up to `maxMs`) until the machine has been at least 85% idle for two seconds in a row, so
 * other work on a shared machine does not land in the numbers. Returns how long it waited.
 */
export function waitForQuiet(maxMs = 90_000): number {
  const start = Date.now();
  let quiet = 0;
  while (quiet < 2 && Date.now() - start < maxMs) quiet = idleShare(1000) >= 0.85 ? quiet + 1 : 0;
  return Date.now() - start;
}
