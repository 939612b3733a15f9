import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdktf';
import { EnvironmentStack } from '../../src/environment-stack';
import { type GuardrailRule } from '../../src/guardrails/guardrail-rule';
import { Guardrails, type GuardrailFinding } from '../../src/guardrails/guardrails';

/** An EnvironmentStack (dev, or prod with `production`); EnvironmentStack applies the guardrail pack itself. */
export function guardedStack(options: { production?: boolean } = {}): EnvironmentStack {
  return packStack(options);
}

function packStack(options: { production?: boolean }): EnvironmentStack {
  // A production stack keeps its state in S3 (PL-PROD-1), so only the rule under test can fire.
  const environment = options.production
    ? { name: 'prod' as const, accountId: '333333333333', backend: { type: 's3' as const, bucket: 'guard-terraform-state' } }
    : { name: 'dev' as const, accountId: '111111111111' };
  const stack = new EnvironmentStack(Testing.app(), { application: 'guard', environment });
  return stack;
}

/**
 * Synthesizes like `cdktf synth` (aspects, validations, cdk.tf.json on disk) and returns the file's
 * JSON, `//` metadata included. Throws what the synth throws.
 */
export function synthesizeToFile(stack: EnvironmentStack): SynthesizedFile {
  const outdir = Testing.fullSynth(stack);
  try {
    return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', stack.node.id, 'cdk.tf.json'), 'utf8')) as SynthesizedFile;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

export interface SynthesizedFile {
  '//': {
    guardrails: {
      rules: string[];
      suppressions: Array<{ ruleId: string; path: string; reason: string; source: string; suppressed: string[] }>;
      optIns?: Array<{ path: string; optIn: string; detail: string }>;
    };
  };
  resource: Record<string, Record<string, Record<string, unknown>>>;
}

/** The findings of one rule. */
export function findingsOf(stack: EnvironmentStack, ruleId: string): GuardrailFinding[] {
  return Guardrails.of(stack).findings().filter((finding) => finding.ruleId === ruleId);
}

export interface RuleCase {
  /** What the fixture is, for the test name. */
  readonly name: string;
  readonly production?: boolean;
  /** Adds the resources; `stack` is a fresh guarded stack. */
  build(stack: EnvironmentStack): void;
}

export interface FailingCase extends RuleCase {
  /** The construct path, relative to the stack, of the resource at fault. */
  readonly path: string;
  /** Words the finding's message contains. @default - not checked */
  readonly problem?: RegExp;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The three tests every rule has: each compliant fixture synthesizes; each non-compliant one fails
 * the synth naming the rule and the construct, and synthesizes once suppressed, with the
 * suppression written to cdk.tf.json. Fixtures break only the rule under test, which the suppressed
 * case proves (the whole synth must then pass).
 */
export function describeRule(rule: string | GuardrailRule, cases: { compliant: readonly RuleCase[]; nonCompliant: readonly FailingCase[] }): void {
  const ruleId = typeof rule === 'string' ? rule : rule.id;
  // A rule outside the default pack (PENDING_RULES) is added to each stack, as a user would.
  const guardedStack = (options: { production?: boolean }) => {
    const stack = packStack(options);
    if (typeof rule !== 'string' && !Guardrails.of(stack).rules.some((r) => r.id === rule.id)) Guardrails.of(stack).addRule(rule);
    return stack;
  };
  describe(ruleId, () => {
    it('has a rationale', () => {
      const found = Guardrails.of(guardedStack({})).rules.find((r) => r.id === ruleId);
      expect(found?.rationale).toMatch(/\w+ \w+ \w+/);
    });

    it.each(cases.compliant.map((c) => [c.name, c] as const))('passes %s', (_name, c) => {
      const stack = guardedStack({ production: c.production });
      c.build(stack);
      expect(() => synthesizeToFile(stack)).not.toThrow();
      expect(findingsOf(stack, ruleId)).toEqual([]);
    });

    it.each(cases.nonCompliant.map((c) => [c.name, c] as const))('fails the synth for %s', (_name, c) => {
      const stack = guardedStack({ production: c.production });
      c.build(stack);
      expect(() => synthesizeToFile(stack)).toThrow(new RegExp(`\\[${escape(ruleId)}\\] ${escape(`${stack.node.id}/${c.path}`)} \\(aws_`));
      const findings = findingsOf(stack, ruleId);
      expect(findings.map((f) => f.path)).toContain(`${stack.node.id}/${c.path}`);
      if (c.problem) expect(findings.map((f) => f.problem).join('\n')).toMatch(c.problem);
    });

    it.each(cases.nonCompliant.map((c) => [c.name, c] as const))('accepts %s when suppressed, and records the suppression', (_name, c) => {
      const stack = guardedStack({ production: c.production });
      c.build(stack);
      const reason = 'Accepted in review: fixture for the guardrail test';
      Guardrails.of(stack).suppress({ ruleId, path: c.path, reason });
      const json = synthesizeToFile(stack);
      const recorded = json['//'].guardrails.suppressions.find((s) => s.ruleId === ruleId);
      expect(recorded).toMatchObject({ path: `${stack.node.id}/${c.path}`, reason, source: 'stack' });
      expect(recorded?.suppressed.length).toBeGreaterThan(0);
      expect(findingsOf(stack, ruleId).every((f) => f.suppression !== undefined)).toBe(true);
    });
  });
}
