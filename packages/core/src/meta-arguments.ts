import { Aspects, type ITerraformDependable, type TerraformProvider, TerraformResource, Token } from 'cdktf';
import type { IConstruct } from 'constructs';

/** Terraform meta-arguments that constructs pass through to the resources they create. */
export interface MetaArguments {
  /** The AWS provider for every resource of the construct, for example a second account or region. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Resources the construct's main resources wait for. @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * Puts every resource under `scope` on `provider`, including resources added later (rules added
 * through methods), unless a resource names its own, so a construct never splits across two
 * accounts or regions.
 */
export function useProvider(scope: IConstruct, provider: TerraformProvider | undefined): void {
  if (!provider) return;
  Aspects.of(scope).add({
    visit(node: IConstruct) {
      if (node instanceof TerraformResource && node.provider === undefined) node.provider = provider;
    },
  });
}

/** The dependsOn list of a main resource: the caller's, or undefined when empty. */
export function dependsOnOf(props: MetaArguments): ITerraformDependable[] | undefined {
  return props.dependsOn && props.dependsOn.length > 0 ? [...props.dependsOn] : undefined;
}

/** The literal region of a provider, if it has one. */
export function providerRegion(provider: TerraformProvider | undefined): string | undefined {
  const region = (provider as { region?: unknown } | undefined)?.region;
  return typeof region === 'string' && !Token.isUnresolved(region) ? region : undefined;
}
