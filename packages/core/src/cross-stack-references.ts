import { App, Lazy, TerraformElement, TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';
import { awsContext } from './aws-context';
import { configError, formatValue } from './config-error';

const GUARDED = Symbol.for('@privatelink-cdktf/core.CrossStackReferences.guarded');
const ALLOWED = Symbol.for('@privatelink-cdktf/core.CrossStackReferences.allowed');

/** An origin stack whose values a stack may read from Terraform state, and why. */
export interface AllowedCrossStackReference {
  /** The origin stack's name. */
  readonly from: string;
  readonly reason: string;
}

type CrossStackReference = (fromStack: TerraformStack, toStack: TerraformStack, identifier: string) => string;

/**
 * Cross-stack references, made explicit. When a value of one stack (a token such as
 * `service.serviceName`) is used in another, cdktf silently adds a `terraform_remote_state` that
 * reads the first stack's state at plan time. Between accounts that reads another account's state
 * bucket, which a real customer cannot (and must not) do, so it fails the synth with the stacks,
 * the value and the fix: hand the value over as data (the provider's outputs, a handoff document).
 * Within one account a stack may read another's state once it names that stack with {@link allow}.
 */
export class CrossStackReferences {
  /**
   * Lets `stack` read values of `origin` through `origin`'s Terraform state. Only within one
   * account; recorded in the synthesized JSON of `stack` under `"//": { "crossStackReferences" }`.
   */
  public static allow(stack: TerraformStack, origin: TerraformStack, reason: string): void {
    if (!TerraformStack.isStack(stack) || !TerraformStack.isStack(origin)) {
      configError(stack, 'crossStackReferences', 'names something that is not a stack', 'pass the two TerraformStack objects: allow(consumingStack, originStack, reason)');
    }
    if (stack === origin) configError(stack, 'crossStackReferences', 'allows the stack to read itself', 'name the other stack whose values this stack reads');
    if (typeof reason !== 'string' || reason.trim() === '') {
      configError(stack, 'crossStackReferences', `allows '${origin.node.id}' without a reason`, 'say in one line why this stack reads the other stack\'s state');
    }
    const [mine, theirs] = [accountOf(stack), accountOf(origin)];
    if (mine !== undefined && theirs !== undefined && mine !== theirs) {
      configError(
        stack,
        'crossStackReferences',
        `allows '${origin.node.id}' (account ${theirs}) from account ${mine}`,
        'a stack cannot read the state of another account: pass the values as data (the origin\'s outputs, a handoff document)',
      );
    }
    const record = allowed(stack);
    // Stryker disable next-line ConditionalExpression: adding the override again replaces it with the same lazy list, so only the first is needed
    if (record.length === 0) stack.addOverride('//.crossStackReferences', Lazy.anyValue({ produce: () => [...allowed(stack)] }));
    if (!record.some((entry) => entry.from === origin.node.id)) record.push({ from: origin.node.id, reason: reason.trim() });
  }

  /** The stacks `stack` was allowed to read, with the reasons. */
  public static allowedFor(stack: TerraformStack): readonly AllowedCrossStackReference[] {
    return [...allowed(stack)];
  }

  /**
   * Checks every cross-stack reference of the stack's app as cdktf creates it (on `app.synth()`).
   * EnvironmentStack does this for you; call it for an app of plain stacks.
   */
  public static guard(scope: IConstruct): void {
    const root = scope.node.root;
    if (!(root instanceof App)) return;
    const app = root as App & Record<symbol, boolean | undefined>;
    if (app[GUARDED]) return;
    app[GUARDED] = true;
    const create: CrossStackReference = app.crossStackReference.bind(app);
    app.crossStackReference = (fromStack, toStack, identifier) => {
      requireAllowedReference(fromStack, toStack, identifier);
      return create(fromStack, toStack, identifier);
    };
  }
}

function requireAllowedReference(fromStack: TerraformStack, toStack: TerraformStack, identifier: string): void {
  const [from, to] = [accountOf(fromStack), accountOf(toStack)];
  const value = describeValue(fromStack, identifier);
  const origin = `stack '${fromStack.node.id}'${from ? ` (account ${from})` : ''}`;
  const handOver = `pass it as a literal instead: ${fromStack.node.id} publishes it as an output, which is handed over as data (for a provider stack: npm run handoff -- ${fromStack.node.id})`;
  if (from !== undefined && to !== undefined && from !== to) {
    configError(
      toStack,
      value,
      `is a value of ${origin}, used in this stack (account ${to}); cdktf would read it from that stack's Terraform state with terraform_remote_state, across accounts`,
      handOver,
    );
  }
  if (!allowed(toStack).some((entry) => entry.from === fromStack.node.id)) {
    configError(
      toStack,
      value,
      `is a value of ${origin}, which this stack would read from that stack's Terraform state`,
      `${handOver}; or, within one account, allow it by name: CrossStackReferences.allow(${formatValue(toStack.node.id)} stack, ${formatValue(fromStack.node.id)} stack, reason)`,
    );
  }
}

/** `saas-provider-prod/Service/EndpointService/Service.service_name` for `aws_vpc_endpoint_service.<id>.service_name`. */
function describeValue(stack: TerraformStack, identifier: string): string {
  const parts = identifier.split('.');
  const [type, name, ...attribute] = parts[0] === 'data' ? [`data.${parts[1]}`, ...parts.slice(2)] : parts;
  const element = stack.node.findAll().find((node): node is TerraformElement => node instanceof TerraformElement && node.friendlyUniqueId === name);
  if (!element || attribute.length === 0) return identifier;
  return `${element.node.path}.${attribute.join('.')} (${type}.${name})`;
}

function accountOf(stack: TerraformStack): string | undefined {
  const own = (stack as unknown as { accountId?: unknown }).accountId;
  if (typeof own === 'string') return own;
  // Any region will do: only the recorded account is read.
  return awsContext(stack, { region: 'us-east-1' }).accountId;
}

function allowed(stack: TerraformStack): AllowedCrossStackReference[] {
  const holder = stack as unknown as Record<symbol, AllowedCrossStackReference[] | undefined>;
  return (holder[ALLOWED] ??= []);
}
