import { planBatch, stackMember, type PlanOutcome, type PlanResult } from './plan';
import { findSynthesizedStacks, type SynthesizedStack } from './synthesized-stacks';

/**
 * Every stack an app synthesized to cdktf.out, planned once for a test file: `planAll()` in
 * `beforeAll` (all stacks in one Terraform run), then `get(name)` in tests. A stack Terraform
 * rejects fails only the tests that read it: `get` throws its error, the others read their plans.
 */
export class AppPlans {
  public readonly stacks: readonly SynthesizedStack[];
  private readonly outcomes = new Map<string, PlanOutcome>();

  constructor(appDir: string) {
    this.stacks = findSynthesizedStacks(appDir);
  }

  public async planAll(): Promise<void> {
    if (this.stacks.length === 0) return;
    for (const outcome of await planBatch(this.stacks.map((stack) => stackMember(stack.dir)))) this.outcomes.set(outcome.name, outcome);
  }

  /** The plan of one stack; throws its Terraform error, or when it was not planned (not synthesized, or planAll() not awaited). */
  public get(name: string): PlanResult {
    const outcome = this.outcomes.get(name);
    if (!outcome) throw new Error(`${name} was not planned: synthesized stacks are ${this.stacks.map((s) => s.name).join(', ') || 'none (run npm run synth)'}; call planAll() in beforeAll`);
    if (outcome.error) throw outcome.error;
    return outcome.result;
  }
}
