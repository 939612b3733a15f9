// npm run plan -- <stack> [--offline] [--no-synth] [--out <dir>]
//
// Synthesizes the app that owns the stack, plans the stack with Terraform and writes a review
// summary to plan-summary/<stack>.md (and .json). By default Terraform runs in the synthesized
// stack dir with the stack's real backend and your AWS credentials, and the plan is saved next to
// it as plan.tfplan. --offline plans with the test harness instead: local empty state, mock
// credentials, no AWS account needed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { findStack, stackBackend, writeSummary, type PlanJson } from '@privatelink-cdktf/plan-review';
import { REPO_ROOT, capture, main, run, synthesizeApp } from './run';

const USAGE = 'usage: npm run plan -- <stack> [--offline] [--no-synth] [--out <dir>]';

main(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      offline: { type: 'boolean', default: false },
      'no-synth': { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(REPO_ROOT, 'plan-summary') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length !== 1) throw new Error(`expected one stack name\n${USAGE}`);
  const stack = findStack(REPO_ROOT, positionals[0]);

  if (!values['no-synth']) {
    synthesizeApp(stack.appDir);
  }
  if (!fs.existsSync(path.join(stack.stackDir, 'cdk.tf.json'))) {
    throw new Error(`${path.relative(REPO_ROOT, stack.stackDir)}/cdk.tf.json does not exist: synthesize the app first`);
  }

  const plan = values.offline ? await planOffline(stack.stackDir) : planWithCredentials(stack.stackDir);
  const notes = values.offline
    ? ['Planned offline: empty state and mock credentials, so every resource is new. `npm run plan` without `--offline` compares with the real state.']
    : stackBackend(stack.stackDir) === 'local'
      ? ['This stack keeps its state on the local disk of the machine that planned it: on a fresh machine, such as a CI runner, every resource is new.']
      : [];
  const { summary, markdownFile, jsonFile } = writeSummary(path.resolve(values.out), stack.name, plan, notes);
  const { add, change, destroy } = summary.counts;
  console.log(`${stack.name}: ${add} to add, ${change} to change, ${destroy} to destroy`);
  console.log(`summary: ${path.relative(process.cwd(), markdownFile)} and ${path.relative(process.cwd(), jsonFile)}`);
});

async function planOffline(stackDir: string): Promise<PlanJson> {
  // Loaded only here: the harness is a test tool, and a real plan must not depend on it.
  const { planStackDir } = await import('@privatelink-cdktf/terraform-harness');
  const result = await planStackDir(stackDir);
  return result.plan as PlanJson;
}

function planWithCredentials(stackDir: string): PlanJson {
  const terraform = process.env.TERRAFORM_BIN || 'terraform';
  const options = { cwd: stackDir, env: { ...process.env, TF_IN_AUTOMATION: '1' } };
  run(terraform, ['init', '-input=false'], options);
  run(terraform, ['plan', '-input=false', '-lock-timeout=120s', '-out=plan.tfplan'], options);
  console.log(`plan saved to ${path.relative(process.cwd(), path.join(stackDir, 'plan.tfplan'))}`);
  return JSON.parse(capture(terraform, ['show', '-json', 'plan.tfplan'], options)) as PlanJson;
}
