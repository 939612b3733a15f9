import type { Diagnostic } from './plan-json';
import { StepTimer, type PlanTimings } from './step-timer';
import { TerraformWorkspace, type Member } from './workspace';

/** One generated configuration and what `terraform validate` said about it. */
export interface CaseValidation {
  name: string;
  valid: boolean;
  /** Its errors and warnings, with addresses and file names as if it had been validated alone. */
  diagnostics: Diagnostic[];
}

export interface ValidateCasesResult {
  cases: CaseValidation[];
  /** Terraform runs it took: one, plus one more after each run that found errors (see validateCases). */
  runs: number;
  timings: PlanTimings;
}

/**
 * Runs `terraform validate` on many configurations (generated cases) in ONE working dir: each case
 * is a child module, and all of them share one mock provider configuration per alias, so Terraform
 * starts the AWS provider once rather than once per case. Results come back per case, in order.
 *
 * A case with errors is taken out and the others are validated again without it (an error while
 * Terraform reads the configuration stops it before it looks at the rest, so the other cases'
 * silence in that run proves nothing). An error that names no case splits the cases in halves.
 */
export async function validateCases(cases: readonly Member[], options: { label?: string; keepDir?: boolean } = {}): Promise<ValidateCasesResult> {
  const results = new Map<string, CaseValidation>();
  const workspace = await TerraformWorkspace.create(options.label ?? `validate-${cases.length}-cases`);
  const timer = new StepTimer(() => workspace.queuedMs);
  let runs = 0;
  const validate = async (members: readonly Member[]): Promise<void> => {
    let remaining = [...members];
    while (remaining.length > 0) {
      await workspace.setMembers(remaining, { providers: 'shared' });
      await timer.step('init', () => workspace.init());
      const report = await timer.step('validate', () => workspace.validate());
      runs++;
      const errors = report.diagnostics.filter((d) => d.severity === 'error');
      const unplaced = errors.filter((d) => workspace.memberOf(d) === undefined);
      if (unplaced.length > 0) {
        if (remaining.length === 1) {
          results.set(remaining[0].name, { name: remaining[0].name, valid: false, diagnostics: report.diagnostics });
          return;
        }
        const half = Math.ceil(remaining.length / 2);
        await validate(remaining.slice(0, half));
        await validate(remaining.slice(half));
        return;
      }
      const failed = new Set(errors.map((d) => workspace.memberOf(d)!));
      for (const member of remaining) {
        if (failed.size > 0 && !failed.has(member.name)) continue;
        const own = report.diagnostics.filter((d) => workspace.memberOf(d) === member.name).map((d) => workspace.forMember(d));
        results.set(member.name, { name: member.name, valid: !failed.has(member.name), diagnostics: own });
      }
      remaining = failed.size > 0 ? remaining.filter((m) => !failed.has(m.name)) : [];
    }
  };
  try {
    if (cases.length > 0) await validate(cases);
  } finally {
    if (options.keepDir) workspace.release();
    else await workspace.dispose();
  }
  return { cases: cases.map((c) => results.get(c.name)!), runs, timings: timer.timings() };
}
