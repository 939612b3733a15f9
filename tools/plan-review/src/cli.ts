import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { TerraformWorkspace, type Member } from '@privatelink-cdktf/terraform-harness';
import { planChange } from './change-review';
import type { PlanJson } from './plan-json';
import { buildState } from './state-builder';
import type { PlanSummary } from './summary';
import { writeSummary } from './write-summary';

export const USAGE = `usage:
  plan-review diff <base> <head> [--name <stack>] [--out <dir>] [--allow-replace <address>]...
      plans <head> against a state built from <base>, offline, and writes <out>/<stack>.md and .json
  plan-review summarize <plan.json> [--name <stack>] [--out <dir>] [--allow-replace <address>]...
      summarizes a plan you made yourself (terraform show -json plan.tfplan > plan.json)
  plan-review state <config> [--out <file>]
      writes the state built offline from a configuration (default terraform.tfstate)

<base>, <head> and <config> are Terraform JSON: a cdk.tf.json, another .tf.json file, or a cdktf
stack dir (cdktf.out/stacks/<name>). diff and summarize exit 1 when the identity guard stops a
replacement or destroy that --allow-replace does not name.`;

type Write = (line: string) => void;

/** A Terraform JSON configuration from a file or a stack dir holding cdk.tf.json. */
function member(argument: string, name?: string): Member {
  const resolved = path.resolve(argument);
  const file = fs.existsSync(resolved) && fs.statSync(resolved).isDirectory() ? path.join(resolved, 'cdk.tf.json') : resolved;
  if (!fs.existsSync(file)) throw new Error(`${argument}: no such file${file !== resolved ? ` (looked for ${file})` : ''}`);
  const stackDir = path.basename(file) === 'cdk.tf.json';
  const stackName = name ?? (stackDir ? path.basename(path.dirname(file)) : path.basename(file).replace(/(\.tf)?\.json$/, ''));
  // A stack dir's other files are its assets; a lone .tf.json file brings none.
  return { name: stackName, config: JSON.parse(fs.readFileSync(file, 'utf8')) as object, ...(stackDir ? { sourceDir: path.dirname(file) } : {}) };
}

/**
 * The `plan-review` command line; returns the exit code: 0, 1 when the identity guard stops the
 * change or something fails, 2 on bad usage.
 */
export async function main(argv: string[], out: Write = (l) => process.stdout.write(`${l}\n`), err: Write = (l) => process.stderr.write(`${l}\n`)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        out: { type: 'string' },
        'allow-replace': { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const arity: Record<string, number> = { diff: 2, summarize: 1, state: 1 };
  if (!command || arity[command] === undefined || args.length !== arity[command]) {
    err(USAGE);
    return 2;
  }
  try {
    const summaryDir = path.resolve(values.out ?? 'plan-summary');
    const report = (summary: PlanSummary, files: { markdownFile: string; jsonFile: string }): number => {
      const { add, change, destroy, replace } = summary.counts;
      out(`${summary.stack}: ${add} to add, ${change} to change, ${destroy} to destroy${replace > 0 ? ` (${replace} replaced)` : ''}`);
      out(`summary: ${path.relative(process.cwd(), files.markdownFile)} and ${path.relative(process.cwd(), files.jsonFile)}`);
      for (const finding of summary.guard.violations) err(`identity guard: ${finding.message}`);
      return summary.guard.violations.length > 0 ? 1 : 0;
    };
    if (command === 'diff') {
      const head = member(args[1], values.name);
      const base = { ...member(args[0]), name: head.name };
      const review = await planChange([base], [head]);
      const [change] = review.stacks;
      if (change.error) throw change.error;
      const notes = [`Planned offline against a state built from ${args[0]}. Values AWS assigns (IDs, ARNs, DNS names) are stable placeholders.`];
      const written = writeSummary(summaryDir, head.name, change.plan as PlanJson, { notes, allow: values['allow-replace'] });
      return report(written.summary, written);
    }
    if (command === 'summarize') {
      const plan = JSON.parse(fs.readFileSync(path.resolve(args[0]), 'utf8')) as PlanJson;
      const name = values.name ?? path.basename(args[0]).replace(/\.json$/, '');
      const written = writeSummary(summaryDir, name, plan, { allow: values['allow-replace'] });
      return report(written.summary, written);
    }
    const config = member(args[0]);
    const workspace = await TerraformWorkspace.create(`state-${config.name}`);
    try {
      const { state, plans } = await buildState(workspace, [config]);
      const file = path.resolve(values.out ?? 'terraform.tfstate');
      fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
      out(`${config.name}: state of ${state.resources.length} resources built in ${plans} plans: ${path.relative(process.cwd(), file)}`);
      return 0;
    } finally {
      await workspace.dispose();
    }
  } catch (error) {
    err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
