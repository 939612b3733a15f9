// npm run plan -- <stack> [--offline [--base <git-ref>]] [--allow-replace <address>]... [--no-synth] [--out <dir>]
// npm run plan -- --all --offline --base <git-ref> [--allow-replace <stack>:<address>]...
//
// Synthesizes the app that owns the stack, plans the stack with Terraform and writes a review
// summary to plan-summary/<stack>.md (and .json). By default Terraform runs in the synthesized
// stack dir with the stack's real backend and your AWS credentials, and the plan is saved next to
// it as plan.tfplan. --offline plans with the harness instead: mock credentials, no AWS account
// needed, from an empty state. --base <ref> (offline) plans the change from that git ref: the
// stack is synthesized at the ref too, a state is built from that synthesis, and the working
// tree's stack is planned against it, so the summary shows what the change would update, replace
// and destroy. --all does that for every stack.
//
// The identity guard fails the command (exit 1, after writing every summary) when a plan replaces
// or destroys an endpoint service, load balancer, endpoint, Transfer server, Resolver endpoint or a
// resource that holds data, unless --allow-replace names its address.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { planChange, writeSummary, type PlanJson, type PlanSummary } from '@privatelink-cdktf/plan-review';
import { stackMember } from '@privatelink-cdktf/terraform-harness';
import { synthesizeAtRef } from './base-synth';
import { CommandFailed, REPO_ROOT, capture, main, run, synthesizeApps } from './run';
import { findStack, listStacks, stackBackend, type StackRef } from './stacks';

const USAGE = [
  'usage: npm run plan -- <stack> [--offline [--base <git-ref>]] [--allow-replace <address>]... [--no-synth] [--out <dir>]',
  '       npm run plan -- --all --offline --base <git-ref> [--allow-replace <stack>:<address>]... [--no-synth] [--out <dir>]',
].join('\n');

main(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      offline: { type: 'boolean', default: false },
      base: { type: 'string' },
      all: { type: 'boolean', default: false },
      'allow-replace': { type: 'string', multiple: true, default: [] },
      'no-synth': { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(REPO_ROOT, 'plan-summary') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (values.all ? positionals.length !== 0 : positionals.length !== 1) throw new Error(`${values.all ? '--all takes no stack name' : 'expected one stack name'}\n${USAGE}`);
  if (values.base !== undefined && !values.offline) throw new Error(`--base plans offline against a state built from the ref: add --offline\n${USAGE}`);
  if (values.all && values.base === undefined) throw new Error(`--all reviews every stack against a base: add --offline --base <git-ref>\n${USAGE}`);
  const stacks = values.all ? listStacks(REPO_ROOT) : [findStack(REPO_ROOT, positionals[0])];
  const allow = values['allow-replace'];
  const outDir = path.resolve(values.out);

  if (!values['no-synth']) synthesizeApps([...new Set(stacks.map((s) => s.appDir))]);
  for (const stack of stacks) {
    if (!fs.existsSync(path.join(stack.stackDir, 'cdk.tf.json'))) {
      throw new Error(`${path.relative(REPO_ROOT, stack.stackDir)}/cdk.tf.json does not exist: synthesize the app first`);
    }
  }

  const summaries: PlanSummary[] = [];
  const failures: string[] = [];
  if (values.base !== undefined) {
    const reviewed = await planAgainstBase(stacks, values.base, values.all, allow, outDir);
    summaries.push(...reviewed.summaries);
    failures.push(...reviewed.failures);
  } else {
    const [stack] = stacks;
    const plan = values.offline ? await planOffline(stack.stackDir) : planWithCredentials(stack.stackDir);
    const notes = values.offline
      ? ['Planned offline: empty state and mock credentials, so every resource is new. `npm run plan` without `--offline` compares with the real state, and `--offline --base <git-ref>` with a state built from that ref.']
      : stackBackend(stack.stackDir) === 'local'
        ? ['This stack keeps its state on the local disk of the machine that planned it: on a fresh machine, such as a CI runner, every resource is new.']
        : [];
    summaries.push(report(writeSummary(outDir, stack.name, plan, { notes, allow: allowFor(stack.name, allow) })));
  }

  const violations = summaries.flatMap((s) => s.guard.violations.map((v) => `${s.stack}: ${v.message}`));
  if (violations.length > 0) {
    failures.push(`the identity guard stops ${violations.length} replacement(s) or destroy(s):\n${violations.map((v) => `  - ${v}`).join('\n')}`);
  }
  if (failures.length > 0) throw new CommandFailed(failures.join('\n\n'), 1);
});

/** `--allow-replace addr` applies to every stack; `--allow-replace stack:addr` to that stack only. */
function allowFor(stack: string, allow: readonly string[]): string[] {
  return allow.flatMap((entry) => {
    const match = /^([\w-]+):(.+)$/.exec(entry);
    if (!match) return [entry];
    return match[1] === stack ? [match[2]] : [];
  });
}

function report(written: ReturnType<typeof writeSummary>): PlanSummary {
  const { summary, markdownFile, jsonFile } = written;
  const { add, change, destroy, replace } = summary.counts;
  console.log(`${summary.stack}: ${add} to add, ${change} to change, ${destroy} to destroy${replace > 0 ? ` (${replace} replaced)` : ''}`);
  console.log(`summary: ${path.relative(process.cwd(), markdownFile)} and ${path.relative(process.cwd(), jsonFile)}`);
  return summary;
}

async function planAgainstBase(
  stacks: readonly StackRef[],
  ref: string,
  all: boolean,
  allow: readonly string[],
  outDir: string,
): Promise<{ summaries: PlanSummary[]; failures: string[] }> {
  const base = synthesizeAtRef(ref, all ? 'all' : [...new Set(stacks.map((s) => s.app))]);
  const at = `\`${ref}\` (${base.sha.slice(0, 7)})`;
  if (!all) {
    const [stack] = stacks;
    if (!base.apps.includes(stack.app)) throw new Error(`${stack.name} cannot be compared with ${ref}: apps/${stack.app} does not exist at ${base.sha.slice(0, 7)} (its apps: ${base.apps.join(', ') || 'none'})`);
    if (!base.stacks.has(stack.name)) {
      const theirs = [...base.stacks.keys()].join(', ') || 'none';
      throw new Error(`${stack.name} does not exist at ${ref} (${base.sha.slice(0, 7)}): apps/${stack.app} synthesized ${theirs} there; plan it without --base`);
    }
  }
  const review = await planChange(
    stacks.filter((s) => base.stacks.has(s.name)).map((s) => base.stacks.get(s.name)!),
    stacks.map((s) => stackMember(s.stackDir)),
  );
  console.log(`state of ${ref} built in ${review.statePlans} plan(s), ${(review.timings.state / 1000).toFixed(1)} s; change planned in ${(review.timings.plan / 1000).toFixed(1)} s`);
  const failures: string[] = [];
  const summaries: PlanSummary[] = [];
  for (const change of review.stacks) {
    if (change.error) {
      failures.push(change.error.message);
      continue;
    }
    const notes = [
      change.new
        ? `Planned offline from an empty state: ${change.name} does not exist at ${at}, so every resource is new.`
        : `Planned offline against a state built from ${at}: what this change does to the stack as that commit would have deployed it. Values AWS assigns (IDs, ARNs, DNS names) are stable placeholders.`,
    ];
    summaries.push(report(writeSummary(outDir, change.name, change.plan as PlanJson, { notes, allow: allowFor(change.name, allow) })));
  }
  return { summaries, failures };
}

async function planOffline(stackDir: string): Promise<PlanJson> {
  // Loaded only here: a credentialed plan needs no harness.
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

