import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** One timed command: wall clock from this process, CPU and peak RSS of the whole process tree from GNU time. */
export interface Timed {
  readonly wallMs: number;
  /** User + system CPU of the command and its waited-for children, when GNU time is available. */
  readonly cpuMs?: number;
  /** Peak RSS of the largest single process in the tree (GNU time %M), in KiB. */
  readonly maxRssKiB?: number;
  /** Combined stdout and stderr. */
  readonly output: string;
  /** Only set with `allowFailure`. */
  readonly exitCode?: number | null;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where the command's output goes; read back into `output`. */
  readonly logFile: string;
  /** Return a failed run (with `exitCode`) instead of throwing. */
  readonly allowFailure?: boolean;
}

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = (() => {
  if (!fs.existsSync(GNU_TIME)) return false;
  return spawnSync(GNU_TIME, ['-f', '%e', 'true'], { encoding: 'utf8' }).status === 0;
})();

/** Runs a command to completion; throws with the tail of its output when it fails. */
export function timed(command: string, args: readonly string[], options: RunOptions): Timed {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = fs.openSync(options.logFile, 'w');
  const [file, argv] = underGnuTime(command, args, options.logFile);
  const start = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, out] });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  fs.closeSync(out);
  if (result.error) throw new Error(`\`${command}\` could not run: ${result.error.message}`);
  return finish(command, args, options, wallMs, result.status);
}

/** The command wrapped in GNU time (CPU and peak RSS to `<logFile>.time`) when it is available. */
function underGnuTime(command: string, args: readonly string[], logFile: string): [string, string[]] {
  return hasGnuTime ? [GNU_TIME, ['-f', '%U %S %M', '-o', `${logFile}.time`, command, ...args]] : [command, [...args]];
}

function finish(command: string, args: readonly string[], options: RunOptions, wallMs: number, status: number | null): Timed {
  const output = fs.readFileSync(options.logFile, 'utf8');
  if (status !== 0 && !options.allowFailure) {
    const tail = output.split('\n').slice(-40).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` in ${options.cwd} failed (exit ${status}); log ${options.logFile}:\n${tail}`);
  }
  const exitCode = options.allowFailure ? status : undefined;
  if (!hasGnuTime) return { wallMs, output, exitCode };
  // GNU time adds a "Command exited with non-zero status" line on failure; the numbers are on the last line.
  const last = fs.readFileSync(`${options.logFile}.time`, 'utf8').trim().split('\n').at(-1) ?? '';
  const [user, sys, rss] = last.split(' ').map(Number);
  return { wallMs, cpuMs: (user + sys) * 1000, maxRssKiB: rss, output, exitCode };
}

/** Output of a quick command, trimmed; undefined when it cannot run. */
export function capture(command: string, args: readonly string[], cwd: string): string | undefined {
  const result = spawnSync(command, [...args], { cwd, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Like `timed`, but asynchronous, calling `sample` every `everyMs` while the command runs. */
export async function timedSampled(command: string, args: readonly string[], options: RunOptions, sample: () => void, everyMs = 250): Promise<Timed> {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const out = fs.openSync(options.logFile, 'w');
  const [file, argv] = underGnuTime(command, args, options.logFile);
  const start = process.hrtime.bigint();
  const timer = setInterval(sample, everyMs);
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('close', resolve);
  }).finally(() => clearInterval(timer));
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  fs.closeSync(out);
  return finish(command, args, options, wallMs, status);
}
