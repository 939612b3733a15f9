import { Aspects, TerraformResource, type ITerraformDependable, type TerraformProvider } from 'cdktf';
import type { IConstruct } from 'constructs';

/** Terraform meta-arguments a construct passes through to the resources it creates. */
export interface MetaArgumentProps {
  /** The AWS provider for every resource of the construct, for example another account's. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Resources the construct's main resources wait for. @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * Sets `provider` on every resource under `scope`, including those added after construction,
 * unless a resource names its own.
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
export function dependsOnOf(props: MetaArgumentProps): ITerraformDependable[] | undefined {
  return props.dependsOn && props.dependsOn.length > 0 ? [...props.dependsOn] : undefined;
}
