import { planBatch, stackMember, type PlanResult } from './plan';
import { findSynthesizedStacks, type SynthesizedStack } from './synthesized-stacks';

const USAGE = 'usage: tf-harness validate <appDir...>';

type Write = (line: string) => void;

/**
 * `tf-harness validate <appDir...>`: plans every synthesized stack of each app (in one Terraform run,
 * within the machine-wide plan slots) and returns the exit code: 0 when all pass, 1 on any failure, 2 on bad usage.
 */
export async function main(
  argv: string[],
  out: Write = (line) => process.stdout.write(`${line}\n`),
  err: Write = (line) => process.stderr.write(`${line}\n`),
): Promise<number> {
  const [command, ...appDirs] = argv;
  if (command !== 'validate' || appDirs.length === 0) {
    err(USAGE);
    return 2;
  }

  const stacks: SynthesizedStack[] = [];
  for (const appDir of appDirs) {
    const found = findSynthesizedStacks(appDir);
    if (found.length === 0) {
      // An app that synthesized nothing is a broken pipeline, not a pass.
      err(`✗ ${appDir}: no synthesized stacks in ${appDir}/cdktf.out/stacks (run cdktf synth first)`);
      return 1;
    }
    stacks.push(...found);
  }

  // One Terraform run for every stack (see planBatch); a stack Terraform rejects fails alone.
  const started = performance.now();
  const failures: Array<{ name: string; error: string }> = [];
  for (const outcome of await planBatch(stacks.map((stack) => stackMember(stack.dir)))) {
    if (outcome.result) {
      out(`✓ ${outcome.name}  ${describe(outcome.result, started)}`);
    } else {
      failures.push({ name: outcome.name, error: outcome.error.message });
      out(`✗ ${outcome.name}  ${outcome.error.message.split('\n')[0]} (${seconds(started)})`);
    }
  }

  for (const failure of failures) err(`\n✗ ${failure.name}\n${failure.error}`);
  if (failures.length > 0) {
    err(`\n${failures.length} of ${stacks.length} stack(s) failed`);
    return 1;
  }
  return 0;
}

function describe(result: PlanResult, started: number): string {
  const { add, change, destroy } = result.summary;
  return `terraform validate ok, plan: ${add} to add, ${change} to change, ${destroy} to destroy (${seconds(started)})`;
}

function seconds(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)}s`;
}
