import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { type ITerraformDependable, TerraformResource, Testing, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { ConfigError } from '../config-error';
import { EnvironmentStack } from '../environment-stack';
import type { MetaArguments } from '../meta-arguments';

/** A construct class whose constructor takes `(scope, id, props)`. */
export type ConstructClass<P> = new (scope: Construct, id: string, props: P) => Construct;

/** What {@link assertConstructContract} checks a construct class with. */
export interface ConstructContractCase<P extends MetaArguments> {
  /** The class under test. */
  readonly construct: ConstructClass<P>;
  /** Valid props for the class, built in the given stack (create what they reference there). */
  readonly props: (stack: TerraformStack) => P;
  /**
   * Terraform types of the construct's main resources, which must depend on `dependsOn`
   * (for example `['aws_vpc_endpoint']`).
   */
  readonly mainResourceTypes: readonly string[];
  /** A fresh stack for each check. @default - an EnvironmentStack 'contract-dev' in ap-northeast-1, account 111111111111 */
  readonly stack?: () => TerraformStack;
  /** The construct accepts no props at all (every prop optional), so a missing props object is valid. @default false */
  readonly propsOptional?: boolean;
}

interface SynthesizedStack {
  resource?: Record<string, Record<string, { provider?: string; depends_on?: string[] }>>;
}

function defaultStack(): TerraformStack {
  return new EnvironmentStack(Testing.app(), { application: 'contract', environment: { name: 'dev', accountId: '111111111111' } });
}

function fail(construct: string, message: string): never {
  throw new Error(`${construct} breaks the construct contract: ${message}`);
}

/** The construct's resources as synthesized, by address. */
function resourcesOf(stack: TerraformStack, construct: Construct): Array<{ address: string; type: string; provider?: string; dependsOn?: string[] }> {
  const json = JSON.parse(Testing.synth(stack)) as SynthesizedStack;
  return construct.node
    .findAll()
    .filter((node): node is TerraformResource => TerraformResource.isTerraformResource(node))
    .map((resource) => {
      const type = resource.terraformResourceType;
      const body = json.resource?.[type]?.[resource.friendlyUniqueId] ?? {};
      return { address: `${type}.${resource.friendlyUniqueId}`, type, provider: body.provider, dependsOn: body.depends_on };
    });
}

/**
 * Asserts the construct contract every construct of the libraries follows (props extend
 * MetaArguments, handled first by applyConstructContract), throwing an Error that says what is
 * broken:
 * - a missing or `null` props object gives a ConfigError that names `props` (not a TypeError);
 * - `provider: 'not a provider'` and `dependsOn: 'x'` give ConfigErrors naming those fields;
 * - with a provider alias, every resource of the construct uses it;
 * - with `dependsOn`, every main resource depends on what was given.
 *
 * Use it in any test runner: `it('follows the contract', () => assertConstructContract({ ... }))`.
 */
export function assertConstructContract<P extends MetaArguments>(contract: ConstructContractCase<P>): void {
  const name = contract.construct.name;
  const makeStack = contract.stack ?? defaultStack;

  for (const props of contract.propsOptional ? [null] : [undefined, null]) {
    const stack = makeStack();
    let error: unknown;
    try {
      new contract.construct(stack, 'Subject', props as unknown as P);
    } catch (caught) {
      error = caught;
    }
    if (!(error instanceof ConfigError) || error.field !== 'props') {
      fail(name, `props ${String(props)} gave ${error instanceof Error ? `${error.name}: ${error.message}` : 'no error'}, not a ConfigError naming 'props'`);
    }
  }

  for (const [field, value] of [['provider', 'not a provider'], ['dependsOn', 'x']] as const) {
    const stack = makeStack();
    let error: unknown;
    try {
      new contract.construct(stack, 'Subject', { ...contract.props(stack), [field]: value });
    } catch (caught) {
      error = caught;
    }
    if (!(error instanceof ConfigError) || error.field !== field) {
      fail(name, `${field}: '${value}' gave ${error instanceof Error ? `${error.name}: ${error.message}` : 'no error'}, not a ConfigError naming '${field}'`);
    }
  }

  {
    const stack = makeStack();
    const provider = new AwsProvider(stack, 'ContractProvider', { region: 'ap-northeast-1', alias: 'contract' });
    const subject = new contract.construct(stack, 'Subject', { ...contract.props(stack), provider });
    const resources = resourcesOf(stack, subject);
    if (resources.length === 0) fail(name, 'it creates no resources');
    const strays = resources.filter((r) => r.provider !== 'aws.contract');
    if (strays.length > 0) fail(name, `with provider aws.contract, ${strays.map((r) => `${r.address} uses ${r.provider ?? 'the default provider'}`).join('; ')}`);
  }

  {
    const stack = makeStack();
    const dependency: ITerraformDependable = new SnsTopic(stack, 'ContractDependency');
    const subject = new contract.construct(stack, 'Subject', { ...contract.props(stack), dependsOn: [dependency] });
    const resources = resourcesOf(stack, subject);
    const main = resources.filter((r) => contract.mainResourceTypes.includes(r.type));
    if (main.length === 0) fail(name, `it synthesized none of its main resources (${contract.mainResourceTypes.join(', ')})`);
    const waiting = main.filter((r) => !r.dependsOn?.includes('aws_sns_topic.ContractDependency'));
    if (waiting.length > 0) fail(name, `with dependsOn, ${waiting.map((r) => r.address).join(', ')} does not depend on it`);
  }
}
