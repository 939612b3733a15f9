import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { type TerraformProvider, TerraformStack, Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { configError } from './config-error';
import { providerRegion } from './meta-arguments';
import { partitionOf, requireRegion } from './regions';

/** Where a construct is deployed, known at synth time so service names and ARNs can be literal. */
export interface AwsContext {
  readonly region: string;
  readonly partition: string;
  readonly accountId?: string;
}

const CONTEXT = Symbol.for('@privatelink-cdktf/core.AwsContext');

/** Records the region and account of a stack; {@link EnvironmentStack} does this for you. */
export function setAwsContext(stack: TerraformStack, context: { region: string; accountId?: string }): void {
  (stack as unknown as Record<symbol, AwsContext>)[CONTEXT] = { ...context, partition: partitionOf(context.region) };
}

/**
 * The region and account for a construct: an explicit value wins, then the stack's recorded
 * context, then the literal region of the stack's default AwsProvider. No data source is read,
 * so plans stay offline and names stay literal.
 */
export function awsContext(scope: IConstruct, explicit: { region?: string; accountId?: string } = {}): AwsContext {
  const { region, accountId } = knownAwsContext(scope, explicit);
  if (!region) {
    configError(scope, 'region', 'is unknown', 'pass `region`, or give the stack an AwsProvider with a literal region');
  }
  requireRegion(scope, 'region', region);
  return { region, partition: partitionOf(region), accountId };
}

/**
 * The region and account of a construct as far as they are known (see {@link awsContext}), without
 * failing when they are not: for checks that compare a value with where the stack deploys (an ARN
 * of another region or account) and skip what they cannot know. With `provider` (the construct's
 * own, from its props) the region is that provider's literal region, and the account is unknown:
 * a second provider may be another account.
 */
export function knownAwsContext(
  scope: IConstruct,
  explicit: { region?: string; accountId?: string; provider?: TerraformProvider } = {},
): { region?: string; accountId?: string } {
  const stack = TerraformStack.of(scope);
  const recorded = (stack as unknown as Record<symbol, AwsContext | undefined>)[CONTEXT];
  if (explicit.provider) return { region: explicit.region ?? providerRegion(explicit.provider), accountId: explicit.accountId };
  return { region: explicit.region ?? recorded?.region ?? defaultProviderRegion(stack), accountId: explicit.accountId ?? recorded?.accountId };
}

/** Like {@link awsContext}, and the account ID must be known too. */
export function requireAccountContext(scope: IConstruct, explicit: { region?: string; accountId?: string } = {}): Required<AwsContext> {
  const context = awsContext(scope, explicit);
  if (!context.accountId) {
    configError(scope, 'accountId', 'is unknown', 'pass `accountId`, or build the stack as an EnvironmentStack with its accountId');
  }
  return { ...context, accountId: context.accountId };
}

function defaultProviderRegion(stack: TerraformStack): string | undefined {
  for (const child of stack.node.children) {
    if (child instanceof AwsProvider && child.alias === undefined) {
      // A missing region stays undefined; an unresolved one is not known at synth time.
      return Token.isUnresolved(child.region) ? undefined : child.region;
    }
  }
  return undefined;
}
