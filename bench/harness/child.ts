// One harness measurement in a fresh process, printing its result as JSON on the last line.
//   node --import tsx bench/harness/child.ts one <stackDir>          plan one stack
//   node --import tsx bench/harness/child.ts batch <stackDir...>     plan the stacks in one Terraform run
//   node --import tsx bench/harness/child.ts serial <stackDir...>    plan the stacks one after the other, one run each
//   node --import tsx bench/harness/child.ts cases <n> <seed>        validate n generated security groups
import { planBatch, planStackDir, stackMember, validateGenerated, type PlanTimings } from '@privatelink-cdktf/terraform-harness';
import { generatedSecurityGroups } from './cases';

export interface HarnessSample {
  /** Configurations planned (or generated values, for `cases`). */
  readonly count: number;
  /** Terraform's steps, summed over the runs the child made. */
  readonly timings: PlanTimings;
  /** `cases` only: values the construct accepted, each synthesized and validated. */
  readonly validated?: number;
  readonly terraformRuns: number;
}

const add = (a: PlanTimings, b: PlanTimings): PlanTimings => ({
  init: a.init + b.init,
  validate: a.validate + b.validate,
  plan: a.plan + b.plan,
  show: a.show + b.show,
  queued: a.queued + b.queued,
  total: a.total + b.total,
});
const ZERO: PlanTimings = { init: 0, validate: 0, plan: 0, show: 0, queued: 0, total: 0 };

async function main(): Promise<HarnessSample> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'one') {
    const result = await planStackDir(args[0]);
    return { count: 1, timings: result.timings, terraformRuns: 1 };
  }
  if (mode === 'batch') {
    const outcomes = await planBatch(args.map((dir) => stackMember(dir)));
    const failed = outcomes.filter((o) => o.error);
    if (failed.length > 0) throw failed[0].error;
    return { count: outcomes.length, timings: outcomes[0].result!.timings, terraformRuns: 1 };
  }
  if (mode === 'serial') {
    let timings = ZERO;
    for (const dir of args) timings = add(timings, (await planStackDir(dir)).timings);
    return { count: args.length, timings, terraformRuns: args.length };
  }
  if (mode === 'cases') {
    const report = await validateGenerated({ ...generatedSecurityGroups, numRuns: Number(args[0]), seed: Number(args[1]), label: 'bench-cases' });
    if (report.failures.length > 0) throw new Error(report.failures[0].message);
    return { count: report.numRuns, validated: report.synthesized, timings: report.timings, terraformRuns: report.terraformRuns };
  }
  throw new Error(`unknown mode ${mode}: one, batch, serial or cases`);
}

main().then(
  (sample) => console.log(JSON.stringify(sample)),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
