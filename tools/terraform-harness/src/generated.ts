import * as fc from 'fast-check';
import type { Diagnostic } from './plan-json';
import { formatDiagnostic } from './plan';
import type { PlanTimings } from './step-timer';
import { validateCases } from './validate-cases';

export interface GeneratedOptions<T> {
  /** The inputs to generate, for example props of one construct. */
  arbitrary: fc.Arbitrary<T>;
  /**
   * Builds a stack from one value and returns its synthesized Terraform JSON (a string or parsed).
   * Throwing means the construct rejected the value at synth time, which the property allows.
   */
  synthesize: (value: T) => object | string;
  /** How many values to generate. @default fuzzRuns(100) */
  numRuns?: number;
  /** fast-check seed; the same seed generates the same values. @default FUZZ_SEED, else random */
  seed?: number;
  /** Names the Terraform working dir. */
  label?: string;
}

export interface GeneratedFailure<T> {
  /** Position among the generated values: `fc.sample(arbitrary, { seed, numRuns })[index]`. */
  index: number;
  value: T;
  diagnostics: Diagnostic[];
  /** The value, the seed to replay it and Terraform's errors, for a test failure message. */
  message: string;
}

export interface GeneratedReport<T> {
  seed: number;
  numRuns: number;
  /** Values the construct accepted: each was synthesized and validated. */
  synthesized: number;
  /** Values the construct rejected at synth time, with its message. */
  rejected: Array<{ index: number; value: T; error: string }>;
  /** Synthesized values that `terraform validate` rejected: the property's counterexamples. */
  failures: Array<GeneratedFailure<T>>;
  /** Terraform validate runs (one, plus one after each run with failures). */
  terraformRuns: number;
  timings: PlanTimings;
  /** Wall time of generating, synthesizing and validating every value. */
  elapsedMs: number;
}

/** FUZZ_RUNS when set (`npm run fuzz` sets it high), else the bounded number `npm test` runs. */
export function fuzzRuns(defaultRuns: number, env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.FUZZ_RUNS);
  return Number.isInteger(configured) && configured > 0 ? configured : defaultRuns;
}

/** FUZZ_SEED when set (to replay a failure), else a fresh seed that the report carries. */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.FUZZ_SEED);
  return env.FUZZ_SEED !== undefined && Number.isInteger(configured) ? configured : Math.floor(Math.random() * 0x7fffffff);
}

/**
 * The property "whatever synthesizes passes `terraform validate`", checked on generated inputs:
 * generates `numRuns` values, synthesizes each (a value the construct rejects is counted, not
 * failed), validates all the synthesized stacks in one Terraform run (validateCases), and maps each
 * Terraform error back to the value that produced it. Failing values come with their seed and
 * index, to turn into ordinary tests.
 */
export async function validateGenerated<T>(options: GeneratedOptions<T>): Promise<GeneratedReport<T>> {
  const started = performance.now();
  const seed = options.seed ?? fuzzSeed();
  const numRuns = options.numRuns ?? fuzzRuns(100);
  const values = fc.sample(options.arbitrary, { numRuns, seed });
  const rejected: GeneratedReport<T>['rejected'] = [];
  const cases: Array<{ name: string; config: object; index: number }> = [];
  values.forEach((value, index) => {
    try {
      const synthesized = options.synthesize(value);
      cases.push({ name: `case-${index}`, config: typeof synthesized === 'string' ? (JSON.parse(synthesized) as object) : synthesized, index });
    } catch (error) {
      rejected.push({ index, value, error: error instanceof Error ? error.message : String(error) });
    }
  });
  const validation = await validateCases(cases, { label: options.label ?? 'generated' });
  const failures: Array<GeneratedFailure<T>> = [];
  validation.cases.forEach((result, i) => {
    if (result.valid) return;
    const { index } = cases[i];
    const value = values[index];
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    failures.push({
      index,
      value,
      diagnostics: result.diagnostics,
      message: `generated value #${index} (replay: FUZZ_SEED=${seed}, fc.sample(arbitrary, { seed: ${seed}, numRuns: ${numRuns} })[${index}]) synthesizes but terraform validate rejects it:\n  ${fc.stringify(value)}\n${errors.map(formatDiagnostic).join('\n')}`,
    });
  });
  return {
    seed,
    numRuns,
    synthesized: cases.length,
    rejected,
    failures,
    terraformRuns: validation.runs,
    timings: validation.timings,
    elapsedMs: Math.round(performance.now() - started),
  };
}
