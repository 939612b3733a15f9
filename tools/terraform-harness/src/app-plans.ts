import { planStackDir, type PlanResult } from './plan';
import { findSynthesizedStacks, type SynthesizedStack } from './synthesized-stacks';

/**
 * Every stack an app synthesized to cdktf.out, planned once for a test file: `planAll()` in
 * `beforeAll` (all stacks at once, within the machine-wide plan slots), then `get(name)` in tests.
 */
export class AppPlans {
  public readonly stacks: readonly SynthesizedStack[];
  private readonly results = new Map<string, PlanResult>();

  constructor(appDir: string) {
    this.stacks = findSynthesizedStacks(appDir);
  }

  public async planAll(): Promise<void> {
    for (const result of await Promise.all(this.stacks.map((stack) => planStackDir(stack.dir)))) this.results.set(result.name, result);
  }

  /** The plan of one stack; throws when it was not planned (not synthesized, or planAll() not awaited). */
  public get(name: string): PlanResult {
    const result = this.results.get(name);
    if (!result) throw new Error(`${name} was not planned: synthesized stacks are ${this.stacks.map((s) => s.name).join(', ') || 'none (run npm run synth)'}; call planAll() in beforeAll`);
    return result;
  }
}
