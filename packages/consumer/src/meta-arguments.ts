import { Aspects, type ITerraformDependable, type TerraformProvider, TerraformResource, Token } from 'cdktf';
import type { IConstruct } from 'constructs';

/** Terraform meta-arguments that constructs pass through to the resources they create. */
export interface MetaArguments {
  /** The AWS provider for every resource of the construct, for example a second account or region. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Resources the construct's main resource waits for. @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * Puts every resource under `scope` on `provider`, including resources added later (rules added
 * through methods), so a construct never splits across two accounts or regions.
 */
export function useProvider(scope: IConstruct, provider: TerraformProvider | undefined): void {
  if (!provider) return;
  Aspects.of(scope).add({
    visit(node: IConstruct) {
      if (node instanceof TerraformResource && node.provider === undefined) node.provider = provider;
    },
  });
}

/** The literal region of a provider, if it has one. */
export function providerRegion(provider: TerraformProvider | undefined): string | undefined {
  const region = (provider as { region?: unknown } | undefined)?.region;
  return typeof region === 'string' && !Token.isUnresolved(region) ? region : undefined;
}
