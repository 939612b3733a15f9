import { Aspects, Lazy, TerraformResource, TerraformStack, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';
import { isProduction } from '../production';
import type { GuardrailRule } from './guardrail-rule';
import { OPT_IN_METADATA, recordOptIn, type RecordedOptIn } from './opt-ins';
import { PRIVATELINK_RULES } from './pack';
import { StackModel } from './stack-model';
import { absoluteSuppressionPath, pathIsUnder, requireSuppression, type GuardrailSuppression } from './suppression';

/** A suppression as applied: from the stack's owner, or acknowledged by a construct for an opt-in its user chose by name. */
export interface AppliedSuppression extends GuardrailSuppression {
  readonly source: 'stack' | 'construct';
}

/** One rule's verdict on one resource. */
export interface GuardrailFinding {
  readonly ruleId: string;
  /** Construct path of the resource. */
  readonly path: string;
  /** Terraform address of the resource. */
  readonly address: string;
  readonly problem: string;
  readonly fix: string;
  /** The suppression that accepts the finding. @default - unsuppressed: the synth fails */
  readonly suppression?: AppliedSuppression;
}

const GUARDRAILS = Symbol.for('@privatelink-cdktf/core.Guardrails');
const ACKNOWLEDGED = 'privatelink-cdktf:guardrails:acknowledged';
const RULE_ID = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$/;

interface Collection {
  readonly resources: TerraformResource[];
  readonly acknowledgements: AppliedSuppression[];
  readonly optIns: RecordedOptIn[];
  evaluation?: Evaluation;
}

interface Evaluation {
  readonly findings: GuardrailFinding[];
  readonly suppressions: AppliedSuppression[];
  readonly unknownRules: AppliedSuppression[];
}

/**
 * The guardrail pack of a stack, in the spirit of cdk-nag: an Aspect collects every resource at
 * synth time, the rules judge the whole stack once, and the synth fails with one message that lists
 * each unsuppressed finding (rule, construct path, what is wrong, how to fix it). Suppressions and
 * the rules that ran are written to the synthesized JSON under `"//": { "guardrails": ... }`.
 *
 * EnvironmentStack applies it to every stack; for other stacks call `Guardrails.of(stack)`.
 */
export class Guardrails {
  /** The pack of the stack that holds `scope`, applied on first use. */
  public static of(scope: IConstruct): Guardrails {
    const stack = TerraformStack.of(scope);
    const holder = stack as unknown as Record<symbol, Guardrails | undefined>;
    return (holder[GUARDRAILS] ??= new Guardrails(stack));
  }

  /**
   * Lets a construct accept a rule for itself and everything under it, because its user chose the
   * unsafe option by name (for example `allowAnyPrincipal: true` accepts NO_ANY_PRINCIPAL,
   * `PL-ES-2`). Name the rule by its constant (`Guardrails.acknowledge(this, NO_ANY_PRINCIPAL, ...)`)
   * or, for rules of your own, by ID. Recorded in the synthesized JSON like any suppression.
   */
  public static acknowledge(scope: IConstruct, rule: GuardrailRule | string, reason: string): void {
    const ruleId = typeof rule === 'string' ? rule : rule?.id;
    requireSuppression(scope, 'acknowledge', { ruleId, path: scope.node.path || '/', reason });
    scope.node.addMetadata(ACKNOWLEDGED, { ruleId: ruleId.trim(), reason: reason.trim() });
  }

  /**
   * Records a named opt-in that no rule judges (for example an AWS service accepted with
   * `unlisted: true`), so reviewers see it in the synthesized JSON under `optIns`.
   */
  public static recordOptIn(scope: IConstruct, optIn: string, detail: string): void {
    recordOptIn(scope, optIn, detail);
  }

  public readonly stack: TerraformStack;
  private readonly ruleList: GuardrailRule[] = [...PRIVATELINK_RULES];
  private readonly stackSuppressions: AppliedSuppression[] = [];
  private collection?: Collection;

  private constructor(stack: TerraformStack) {
    this.stack = stack;
    const aspect: IAspect = { visit: (node) => this.collect(node) };
    Aspects.of(stack).add(aspect);
    stack.node.addValidation({ validate: () => this.validate() });
    stack.addOverride('//.guardrails', Lazy.anyValue({ produce: () => this.record() }));
  }

  /** The rules that run: the PrivateLink pack and any added with {@link addRule}. */
  public get rules(): readonly GuardrailRule[] {
    return [...this.ruleList];
  }

  /** True when production-only rules apply: core's `isProduction` of the stack (EnvironmentStack: a production environment). */
  public get production(): boolean {
    return isProduction(this.stack);
  }

  /** Adds a rule of your own; its ID must be unique. */
  public addRule(rule: GuardrailRule): this {
    if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id)) configError(this.stack, 'guardrails.rules', `has rule ID ${formatValue(rule.id)}`, "use letters, digits and hyphens, for example 'ACME-1'");
    if (!rule.rationale?.trim()) configError(this.stack, 'guardrails.rules', `has rule ${formatValue(rule.id)} without a rationale`, 'say in one line why the rule exists');
    if (this.ruleList.some((existing) => existing.id === rule.id)) configError(this.stack, 'guardrails.rules', `has rule ID ${formatValue(rule.id)} twice`, 'give every rule its own ID');
    this.ruleList.push(rule);
    this.forget();
    return this;
  }

  /** Accepts findings of a rule at a construct path (and below), with a reason a reviewer reads. */
  public suppress(...suppressions: GuardrailSuppression[]): this {
    suppressions.forEach((suppression, index) => {
      requireSuppression(this.stack, `guardrails.suppressions[${this.stackSuppressions.length + index}]`, suppression);
    });
    for (const { ruleId, path, reason } of suppressions) {
      this.stackSuppressions.push({ ruleId: ruleId.trim(), path: absoluteSuppressionPath(this.stack.node.path, path.trim()), reason: reason.trim(), source: 'stack' });
    }
    this.forget();
    return this;
  }

  /** Judges the stack as it is now: every finding, suppressed or not. */
  public findings(): GuardrailFinding[] {
    return this.evaluate(this.collectAll()).findings;
  }

  /** Drops a cached verdict once rules or suppressions change. */
  private forget(): void {
    if (this.collection) this.collection.evaluation = undefined;
  }

  private collect(node: IConstruct): void {
    if (node === this.stack) this.collection = { resources: [], acknowledgements: [], optIns: [] };
    const collection = this.collection;
    if (!collection || TerraformStack.of(node) !== this.stack) return;
    if (TerraformResource.isTerraformResource(node)) collection.resources.push(node);
    for (const entry of node.node.metadata) {
      if (entry.type === OPT_IN_METADATA) {
        const { optIn, detail } = entry.data as { optIn: string; detail: string };
        collection.optIns.push({ path: node.node.path, optIn, detail });
      }
      if (entry.type !== ACKNOWLEDGED) continue;
      const { ruleId, reason } = entry.data as { ruleId: string; reason: string };
      collection.acknowledgements.push({ ruleId, path: node.node.path, reason, source: 'construct' });
    }
  }

  /** Runs the aspect over the tree when synthesis did not (for example `findings()` before a synth). */
  private collectAll(): Collection {
    this.stack.node.findAll().forEach((node) => this.collect(node));
    return this.collection as Collection;
  }

  private evaluate(collection: Collection): Evaluation {
    // Stryker disable next-line ConditionalExpression: the cache only saves work; evaluating the same collection again gives equal findings
    if (collection.evaluation) return collection.evaluation;
    const model = new StackModel(this.stack, this.production, collection.resources);
    const suppressions = [...this.stackSuppressions, ...collection.acknowledgements];
    const findings: GuardrailFinding[] = [];
    for (const rule of this.ruleList) {
      for (const violation of rule.check(model)) {
        const { path, address } = violation.resource;
        const suppression = suppressions.find((s) => s.ruleId === rule.id && pathIsUnder(path, s.path));
        findings.push({ ruleId: rule.id, path, address, problem: violation.problem, fix: violation.fix, ...(suppression ? { suppression } : {}) });
      }
    }
    const ruleIds = new Set(this.ruleList.map((rule) => rule.id));
    const unknownRules = suppressions.filter((s) => !ruleIds.has(s.ruleId));
    collection.evaluation = { findings, suppressions, unknownRules };
    return collection.evaluation;
  }

  /** The resources of the last synth, else of the tree as it stands. */
  private collected(): Collection {
    return this.collection ?? this.collectAll();
  }

  private current(): Evaluation {
    return this.evaluate(this.collected());
  }

  private validate(): string[] {
    const { findings, unknownRules } = this.current();
    const problems = [
      ...findings.filter((f) => !f.suppression).map((f) => `[${f.ruleId}] ${f.path} (${f.address}): ${f.problem}. Fix: ${f.fix}.`),
      ...unknownRules.map((s) => `[${s.ruleId}] ${s.path}: a suppression names rule ${formatValue(s.ruleId)}, which is not in the pack. Fix: use one of ${this.ruleList.map((r) => r.id).join(', ')}.`),
    ];
    if (problems.length === 0) return [];
    return [
      [
        `Guardrails found ${problems.length} unsuppressed problem${problems.length === 1 ? '' : 's'} in stack '${this.stack.node.id}':`,
        ...problems.map((problem) => `  ${problem}`),
        `Fix each one, or accept it with Guardrails.of(stack).suppress({ ruleId, path, reason }) (EnvironmentStack: the guardrails.suppressions prop) and a reason a reviewer will accept.`,
      ].join('\n'),
    ];
  }

  /** What the synthesized JSON records for reviewers: the rules that ran, each suppression with what it covers, and the named opt-ins. */
  private record(): Record<string, unknown> {
    const collection = this.collected();
    const { findings, suppressions } = this.evaluate(collection);
    const { optIns } = collection;
    return {
      ...(optIns.length > 0 ? { optIns: optIns.map((o) => ({ ...o })) } : {}),
      rules: this.ruleList.map((rule) => rule.id),
      suppressions: suppressions.map((s) => ({
        ruleId: s.ruleId,
        path: s.path,
        reason: s.reason,
        source: s.source,
        suppressed: findings.filter((f) => f.suppression === s).map((f) => f.address),
      })),
    };
  }
}
