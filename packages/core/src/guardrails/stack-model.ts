import type { TerraformStack } from 'cdktf';
import type { GuardrailContext } from './guardrail-rule';
import { referencesIn, type SynthesizedResource } from './synthesized-resource';

/** The {@link GuardrailContext} of one evaluation, indexed by address and type. */
export class StackModel implements GuardrailContext {
  private readonly byAddress = new Map<string, SynthesizedResource>();
  private readonly byType = new Map<string, SynthesizedResource[]>();

  constructor(
    public readonly stack: TerraformStack,
    public readonly production: boolean,
    public readonly resources: readonly SynthesizedResource[],
  ) {
    for (const resource of resources) {
      this.byAddress.set(resource.address, resource);
      this.byType.set(resource.type, [...(this.byType.get(resource.type) ?? []), resource]);
    }
  }

  public ofType(...types: string[]): SynthesizedResource[] {
    return types.flatMap((type) => this.byType.get(type) ?? []);
  }

  public referenced(value: unknown, ...types: string[]): SynthesizedResource[] {
    const found = referencesIn(value)
      .map((reference) => this.byAddress.get(reference.address))
      .filter((resource): resource is SynthesizedResource => resource !== undefined && (types.length === 0 || types.includes(resource.type)));
    return [...new Set(found)];
  }

  public refersTo(value: unknown, target: SynthesizedResource): boolean {
    return referencesIn(value).some((reference) => reference.address === target.address);
  }
}
