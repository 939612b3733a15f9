import * as os from 'node:os';

/** TF_HARNESS_CONCURRENCY, else the CPU count: each Terraform run keeps a provider process busy, machine-wide. */
export function harnessConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.TF_HARNESS_CONCURRENCY);
  return Number.isInteger(configured) && configured > 0 ? configured : os.availableParallelism();
}
