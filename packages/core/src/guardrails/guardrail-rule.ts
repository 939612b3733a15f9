import type { TerraformStack } from 'cdktf';
import type { SynthesizedResource } from './synthesized-resource';

/**
 * What a finding is about: a resource (a {@link SynthesizedResource}), or a part of the stack that
 * is not a resource, such as its backend (`{ path: stack.node.path, address: 'terraform.backend' }`).
 */
export interface GuardrailSubject {
  /** The construct path a suppression names. */
  readonly path: string;
  /** The Terraform address, or the block of cdk.tf.json. */
  readonly address: string;
}

/** What a rule found wrong with one resource (or another part of the stack). */
export interface GuardrailViolation {
  /** The resource at fault; its construct path is what a suppression names. */
  readonly resource: GuardrailSubject;
  /** What is wrong, for example `'kms_master_key_id' is not set, so messages are stored unencrypted`. */
  readonly problem: string;
  /** How to fix it, for example `give the topic a customer managed key`. */
  readonly fix: string;
}

/**
 * A whole-stack view for rules: every managed resource of the stack as synthesized, and lookups
 * that follow references between them (a flow log's `vpc_id` to its VPC, an endpoint's security
 * groups to their ingress rules).
 */
export interface GuardrailContext {
  readonly stack: TerraformStack;
  /** True when the stack says it is production (`isProduction`, as EnvironmentStack for `prod`). */
  readonly production: boolean;
  /** Every managed resource of the stack, in construct tree order. */
  readonly resources: readonly SynthesizedResource[];
  /** The resources of the given Terraform types. */
  ofType(...types: string[]): SynthesizedResource[];
  /** The resources of the given types that a value refers to (`${aws_vpc.Name.id}`). */
  referenced(value: unknown, ...types: string[]): SynthesizedResource[];
  /** True when the value refers to the resource. */
  refersTo(value: unknown, target: SynthesizedResource): boolean;
}

/**
 * One rule of a guardrail pack. `check` sees the whole stack, so it can judge a resource alone
 * (an SNS topic without a key) or a relation (a VPC with no flow log pointing at it).
 */
export interface GuardrailRule {
  /** A stable ID that suppressions name, for example `PL-SNS-1` or `ACME-1`. */
  readonly id: string;
  /** Why the rule exists, in one line. */
  readonly rationale: string;
  check(context: GuardrailContext): readonly GuardrailViolation[];
}

/** A problem with one resource, before the rule's ID and the resource are attached. */
export interface ResourceProblem {
  readonly problem: string;
  readonly fix: string;
}

/**
 * A rule that judges resources of some types one at a time; `check` returns the problems of one
 * resource (none when it complies) and may use the context to follow references.
 */
export function resourceRule(
  id: string,
  rationale: string,
  types: readonly string[],
  check: (resource: SynthesizedResource, context: GuardrailContext) => ResourceProblem | readonly ResourceProblem[] | undefined,
): GuardrailRule {
  return {
    id,
    rationale,
    check: (context) =>
      context.ofType(...types).flatMap((resource) => {
        const result = check(resource, context);
        const problems = result === undefined ? [] : Array.isArray(result) ? result : [result as ResourceProblem];
        return problems.map((problem) => ({ resource, ...problem }));
      }),
  };
}
