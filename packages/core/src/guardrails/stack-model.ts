import type { TerraformResource, TerraformStack } from 'cdktf';
import type { GuardrailContext } from './guardrail-rule';
import { referencesIn, synthesizedResource, type SynthesizedResource } from './synthesized-resource';

/**
 * The {@link GuardrailContext} of one evaluation, indexed by address and type. A resource is
 * resolved (its tokens rendered, as in cdk.tf.json) only when a rule first asks for it: the pack
 * reads a few types, and resolving is most of what a check costs (cdktf resolves every resource
 * twice more to synthesize it), so route tables, roles or a thousand tenants' principals are never
 * resolved for nothing.
 */
export class StackModel implements GuardrailContext {
  private readonly byAddress = new Map<string, TerraformResource>();
  private readonly byType = new Map<string, TerraformResource[]>();
  private readonly synthesized = new Map<TerraformResource, SynthesizedResource>();

  constructor(
    public readonly stack: TerraformStack,
    public readonly production: boolean,
    private readonly constructs: readonly TerraformResource[],
  ) {
    for (const resource of constructs) {
      this.byAddress.set(`${resource.terraformResourceType}.${resource.friendlyUniqueId}`, resource);
      const ofType = this.byType.get(resource.terraformResourceType);
      if (ofType) ofType.push(resource);
      else this.byType.set(resource.terraformResourceType, [resource]);
    }
  }

  /** Every resource, resolved: for rules that judge the stack as a whole. */
  public get resources(): readonly SynthesizedResource[] {
    return this.constructs.map((resource) => this.read(resource));
  }

  public ofType(...types: string[]): SynthesizedResource[] {
    return types.flatMap((type) => (this.byType.get(type) ?? []).map((resource) => this.read(resource)));
  }

  public referenced(value: unknown, ...types: string[]): SynthesizedResource[] {
    const found = new Set<TerraformResource>();
    for (const reference of referencesIn(value)) {
      const resource = this.byAddress.get(reference.address);
      if (resource && (types.length === 0 || types.includes(resource.terraformResourceType))) found.add(resource);
    }
    return [...found].map((resource) => this.read(resource));
  }

  public refersTo(value: unknown, target: SynthesizedResource): boolean {
    return referencesIn(value).some((reference) => reference.address === target.address);
  }

  private read(resource: TerraformResource): SynthesizedResource {
    let synthesized = this.synthesized.get(resource);
    if (!synthesized) {
      synthesized = synthesizedResource(resource);
      this.synthesized.set(resource, synthesized);
    }
    return synthesized;
  }
}
