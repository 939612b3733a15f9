import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: scripts/ sits right under it. */
export const REPO_ROOT = path.resolve(__dirname, '..');

/** A path as a user reads it: relative to the working directory when inside it, else absolute. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

/** Raised when a command fails; the scripts print its message and exit with its code. */
export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** Runs a command with the terminal attached (its output is the user's to read); throws when it fails. */
export function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new CommandFailed(`${command} could not start: ${result.error.message}`, 127);
  if (result.status !== 0) {
    throw new CommandFailed(`\`${[command, ...args].join(' ')}\` failed with exit code ${result.status ?? result.signal}`, result.status ?? 1);
  }
}

/** Runs a command and returns its standard output; throws with its standard error when it fails. */
export function capture(command: string, args: readonly string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (result.error) throw new CommandFailed(`${command} could not start: ${result.error.message}`, 127);
  if (result.status !== 0) {
    throw new CommandFailed(`\`${[command, ...args].join(' ')}\` failed with exit code ${result.status}:\n${result.stderr}`, result.status ?? 1);
  }
  return String(result.stdout);
}

/** Reports a failure the way a CLI should: one message on stderr, the command's exit code. */
export function main(body: () => Promise<void> | void): void {
  Promise.resolve()
    .then(body)
    .catch((error: unknown) => {
      console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = error instanceof CommandFailed ? error.exitCode : 1;
    });
}

/**
 * Synthesizes one app through turbo, cached: its synth task dependsOn ^build, so a change to a
 * library the app uses synthesizes it again, and an unchanged app replays its cdktf.out.
 */
export function synthesizeApp(appDir: string): void {
  synthesizeApps([appDir]);
}

/** {@link synthesizeApp} for several apps in one turbo run. */
export function synthesizeApps(appDirs: readonly string[]): void {
  const filters = appDirs.map((dir) => `--filter=${(JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string }).name}`);
  run('npx', ['turbo', 'run', 'synth', ...filters, '--output-logs=errors-only'], { cwd: REPO_ROOT });
}
