import { Aspects, type ITerraformDependable, TerraformProvider, TerraformResource, Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { configError } from './config-error';
import { describeKind } from './validate';

/** Terraform meta-arguments that constructs pass through to the resources they create. */
export interface MetaArguments {
  /** The AWS provider for every resource of the construct, for example a second account or region. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
  /** Resources the construct's main resources wait for. @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** What a constructor needs from its meta-arguments once {@link applyConstructContract} has checked them. */
export interface ConstructContract {
  /** For the `dependsOn` of the construct's main resources: the caller's list, or undefined when empty. */
  readonly dependsOn?: ITerraformDependable[];
  /** The provider every resource of the construct uses, if the caller gave one. */
  readonly provider?: TerraformProvider;
}

/**
 * The first call of every constructor, right after `super(scope, id)`: checks that the props object
 * is there (an untyped JavaScript caller gets a ConfigError, never a TypeError), checks the
 * meta-arguments (`provider` is a TerraformProvider, `dependsOn` a list of resources or modules),
 * puts every resource of the construct on the provider, and returns what the main resources take.
 */
export function applyConstructContract(scope: IConstruct, props: MetaArguments | undefined | null, options: { propsOptional?: boolean } = {}): ConstructContract {
  if (props === undefined || props === null) {
    if (options.propsOptional && props === undefined) return {};
    configError(scope, 'props', props === null ? 'is null' : 'is missing', `pass the props object as the third argument: new ${scope.constructor.name}(scope, id, { ... })`);
  }
  if (typeof props !== 'object' || Array.isArray(props)) {
    configError(scope, 'props', `is ${describeKind(props)}`, `pass the props object as the third argument: new ${scope.constructor.name}(scope, id, { ... })`);
  }
  const { provider, dependsOn } = props;
  if (provider !== undefined && !TerraformProvider.isTerraformProvider(provider)) {
    configError(scope, 'provider', `is ${describeKind(provider)}, not a Terraform provider`, 'pass an AwsProvider construct, for example new AwsProvider(stack, "us", { region: "us-east-1", alias: "us" })');
  }
  if (dependsOn !== undefined) {
    if (!Array.isArray(dependsOn)) configError(scope, 'dependsOn', `is ${describeKind(dependsOn)}, not a list`, 'pass a list of resources or modules, for example [bucket]');
    dependsOn.forEach((item, index) => {
      if (typeof (item as { fqn?: unknown } | null)?.fqn !== 'string') {
        configError(scope, `dependsOn[${index}]`, `is ${describeKind(item)}`, 'pass resources, data sources or modules (constructs with an fqn), not their IDs');
      }
    });
  }
  useProvider(scope, provider);
  return {
    ...(dependsOn && dependsOn.length > 0 ? { dependsOn: [...dependsOn] } : {}),
    ...(provider ? { provider } : {}),
  };
}

/**
 * Puts every resource under `scope` on `provider`, including resources added later (rules added
 * through methods), unless a resource names its own, so a construct never splits across two
 * accounts or regions. {@link applyConstructContract} calls it.
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
