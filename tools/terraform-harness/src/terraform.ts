import { spawn } from 'node:child_process';
import { ensureCliConfig } from './cli-config';

export const TERRAFORM_NOT_FOUND_MESSAGE =
  'terraform not found: install Terraform >= 1.5 (https://developer.hashicorp.com/terraform/install) or set TERRAFORM_BIN';

export interface TerraformRunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface RunTerraformOptions {
  /** Exit codes that are not failures (validate -json exits 1 but still prints its JSON report). */
  okExitCodes?: number[];
}

export function terraformBin(env: NodeJS.ProcessEnv = process.env): string {
  return env.TERRAFORM_BIN || 'terraform';
}

/**
 * The child's environment: the harness CLI config, no prompts or update checks, and none of the
 * caller's AWS_* or TF_CLI_ARGS* settings, so a plan behaves the same on every machine
 * (an AWS_PROFILE that does not exist locally would otherwise break the mocked provider).
 */
function terraformEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(AWS_|TF_CLI_ARGS|TF_WORKSPACE$|TF_DATA_DIR$)/.test(key)) env[key] = value;
  }
  return {
    ...env,
    TF_CLI_CONFIG_FILE: ensureCliConfig().path,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    TF_INPUT: '0',
  };
}

/** Runs terraform in `cwd`; rejects with the command, directory and Terraform's diagnostics on failure. */
export function runTerraform(
  args: string[],
  cwd: string,
  options: RunTerraformOptions = {},
): Promise<TerraformRunResult> {
  const bin = terraformBin();
  const command = `terraform ${args.join(' ')}`;
  const okExitCodes = options.okExitCodes ?? [0];

  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: terraformEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    child.on('error', (error: NodeJS.ErrnoException) => {
      // Never skip silently: a missing binary is a failure, in CI and locally alike.
      if (error.code === 'ENOENT' || error.code === 'EACCES') {
        reject(new Error(`${TERRAFORM_NOT_FOUND_MESSAGE} (tried "${bin}")`));
      } else {
        reject(new Error(`${command} could not start in ${cwd}: ${error.message}`));
      }
    });

    child.on('close', (code, signal) => {
      const result = {
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode: code ?? -1,
      };
      if (okExitCodes.includes(result.exitCode)) {
        resolve(result);
        return;
      }
      const status = signal ? `signal ${signal}` : `exit code ${result.exitCode}`;
      // Terraform prints errors to stderr; stdout can hold the rest of the diagnostic context.
      const output = [result.stderr.trim(), result.stdout.trim()].filter(Boolean).join('\n');
      reject(new Error(`${command} failed (${status}) in ${cwd}:\n${output}`));
    });
  });
}
