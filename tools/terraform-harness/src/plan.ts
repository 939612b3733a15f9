import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, ResourceChange, TerraformPlan, ValidateOutput } from './plan-json';
import { StepTimer, type PlanTimings } from './step-timer';
import { TerraformWorkspace, assetConflict, type Member } from './workspace';

export type { PlanTimings } from './step-timer';

export interface PlanOptions {
  /** Label used in messages and in the temp dir name. */
  name?: string;
  /** Keep the temp working dir (its path is `workDir`) for inspection instead of deleting it. */
  keepDir?: boolean;
  /**
   * Also run `terraform validate -json` and report its diagnostics in `validation` (a plan validates
   * anyway; this is for tests that read validate's own warnings). Costs one more provider load.
   */
  validate?: boolean;
}

export interface ChangeSummary {
  add: number;
  change: number;
  destroy: number;
}

export interface PlanResult {
  name: string;
  /** The Terraform working dir (removed after the run unless `keepDir`); shared by a batch. */
  workDir: string;
  /** `valid` is true (an invalid configuration has no result); diagnostics are the warnings. */
  validation: ValidateOutput;
  plan: TerraformPlan;
  resourceChanges: ResourceChange[];
  /** Addresses of all resource changes, or only those of one resource type. */
  addresses(type?: string): string[];
  /** The changes of one resource type. */
  ofType(type: string): ResourceChange[];
  /** The planned attributes (`change.after`) of each resource of one type. */
  planned(type: string): Record<string, unknown>[];
  summary: ChangeSummary;
  /** Times of the Terraform run this plan came from (shared by every configuration in a batch). */
  timings: PlanTimings;
  /** How many configurations that Terraform run planned. */
  batchSize: number;
}

/** A configuration's plan, or why it has none. */
export type PlanOutcome = { name: string; result: PlanResult; error?: undefined } | { name: string; result?: undefined; error: Error };

/** A stack dir (`cdktf.out/stacks/<name>`) as a configuration to plan, with its assets. */
export function stackMember(stackDir: string, name?: string): Member {
  const dir = path.resolve(stackDir);
  const file = path.join(dir, 'cdk.tf.json');
  if (!fs.existsSync(file)) throw new Error(`no cdk.tf.json in ${dir}: run cdktf synth first`);
  return { name: name ?? path.basename(dir), config: JSON.parse(fs.readFileSync(file, 'utf8')) as object, sourceDir: dir };
}

/**
 * Plans a Terraform JSON config offline: init, plan (no refresh, empty local state), show -json.
 * `config` is the parsed JSON or the path of a JSON file such as a stack's cdk.tf.json.
 */
export async function planConfig(config: object | string, options: PlanOptions = {}): Promise<PlanResult> {
  if (typeof config === 'string') {
    const file = path.resolve(config);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as object;
    return only(await planBatch([{ name: options.name ?? path.basename(path.dirname(file)), config: parsed }], options));
  }
  return only(await planBatch([{ name: options.name ?? 'config', config }], options));
}

/** Plans `<stackDir>/cdk.tf.json` with the stack dir's other files, so relative asset paths still resolve. */
export async function planStackDir(stackDir: string, options: PlanOptions = {}): Promise<PlanResult> {
  return only(await planBatch([stackMember(stackDir, options.name)], options));
}

/** Plans several configurations in one Terraform run; rejects naming every one that failed. */
export async function planConfigs(members: readonly Member[], options: Omit<PlanOptions, 'name'> = {}): Promise<PlanResult[]> {
  const outcomes = await planBatch(members, options);
  const failed = outcomes.filter((o) => o.error);
  if (failed.length > 0) throw new Error(failed.map((o) => o.error!.message).join('\n\n'));
  return outcomes.map((o) => o.result!);
}

function only(outcomes: PlanOutcome[]): PlanResult {
  const [outcome] = outcomes;
  if (outcome.error) throw outcome.error;
  return outcome.result;
}

/**
 * Plans many configurations in as few Terraform runs as possible: one working dir with each
 * configuration as a child module (see TerraformWorkspace), one init, one plan, one show -json.
 * Every configuration gets its own outcome, in the order given: a plan as if it had been planned
 * alone, or the error Terraform reported against it. A configuration that fails does not take the
 * others down: the run is repeated without it, and when an error cannot be traced to one
 * configuration, each is planned on its own.
 */
export async function planBatch(members: readonly Member[], options: Omit<PlanOptions, 'name'> & { label?: string } = {}): Promise<PlanOutcome[]> {
  const outcomes = new Map<string, PlanOutcome>();
  for (const group of batchable(members)) await planGroup(group, options, outcomes);
  return members.map((m) => outcomes.get(m.name)!);
}

/** Groups that can share a working dir: import blocks only work in a root module, and assets must not clash. */
function batchable(members: readonly Member[]): Member[][] {
  const groups: Member[][] = [[]];
  for (const member of members) {
    if ('import' in member.config) {
      groups.push([member]);
      continue;
    }
    const fits = groups.find((g) => g.length === 0 || (!('import' in g[0].config) && !assetConflict([...g, member])));
    if (fits) fits.push(member);
    else groups.push([member]);
  }
  return groups.filter((g) => g.length > 0);
}

async function planGroup(members: readonly Member[], options: PlanOptions & { label?: string }, outcomes: Map<string, PlanOutcome>): Promise<void> {
  const label = options.label ?? (members.length === 1 ? members[0].name : `${members.length}-configs`);
  const workspace = await TerraformWorkspace.create(label);
  const timer = new StepTimer(() => workspace.queuedMs);
  let remaining = [...members];
  const fail = (member: Member, error: Error) => outcomes.set(member.name, { name: member.name, error });
  /** Plans each member on its own: an error could not be traced to one of them. */
  const isolate = async () => {
    // The runs of one member each take their own slot: this one would only hold one back.
    workspace.release();
    for (const member of remaining) await planGroup([member], options, outcomes);
    remaining = [];
  };
  try {
    while (remaining.length > 0) {
      await workspace.setMembers(remaining);
      try {
        await timer.step('init', () => workspace.init());
      } catch (error) {
        if (remaining.length > 1) return await isolate();
        return void fail(remaining[0], error as Error);
      }

      let validated: ValidateOutput | undefined;
      if (options.validate) {
        validated = await timer.step('validate', () => workspace.validate());
        const failed = failedMembers(workspace, validated.diagnostics, remaining, 'terraform validate');
        if (failed === undefined) {
          if (remaining.length > 1) return await isolate();
          return void fail(remaining[0], diagnosticsError('terraform validate', remaining[0].name, workspace.dir, validated.diagnostics));
        }
        if (failed.size > 0) {
          for (const [member, error] of failed) fail(member, error);
          remaining = remaining.filter((m) => !failed.has(m));
          continue;
        }
      }

      const planned = await timer.step('plan', () => workspace.plan({ out: 'plan.tfplan' }));
      if (planned.exitCode !== 0) {
        const failed = failedMembers(workspace, planned.diagnostics, remaining, 'terraform plan');
        if (failed === undefined || failed.size === 0) {
          if (remaining.length > 1) return await isolate();
          return void fail(remaining[0], diagnosticsError('terraform plan', remaining[0].name, workspace.dir, planned.diagnostics, planned.exitCode));
        }
        for (const [member, error] of failed) fail(member, error);
        remaining = remaining.filter((m) => !failed.has(m));
        continue;
      }

      const plan = await timer.step('show', () => workspace.show('plan.tfplan'));
      const timings = timer.timings();
      for (const member of remaining) {
        const own = (list: Diagnostic[]) => list.filter((d) => workspace.memberOf(d) === member.name).map((d) => workspace.forMember(d));
        const warnings = own(validated ? validated.diagnostics : planned.diagnostics);
        const result = planResult(member.name, workspace.dir, workspace.planOf(plan, member.name), warnings, timings, remaining.length);
        reportPlan(result);
        outcomes.set(member.name, { name: member.name, result });
      }
      remaining = [];
    }
  } finally {
    if (options.keepDir) workspace.release();
    else await workspace.dispose();
  }
}

/**
 * The members with errors among these diagnostics, each with its error; undefined when an error
 * belongs to no member (then the run cannot tell who is at fault).
 */
function failedMembers(workspace: TerraformWorkspace, diagnostics: Diagnostic[], members: readonly Member[], command: string): Map<Member, Error> | undefined {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const failed = new Map<Member, Error>();
  for (const member of members) {
    const own = errors.filter((d) => workspace.memberOf(d) === member.name);
    if (own.length > 0) failed.set(member, diagnosticsError(command, member.name, workspace.dir, own.map((d) => workspace.forMember(d))));
  }
  if (errors.some((d) => workspace.memberOf(d) === undefined)) return undefined;
  return failed;
}

function diagnosticsError(command: string, name: string, workDir: string, diagnostics: Diagnostic[], exitCode?: number): Error {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) return new Error(`${command} failed (exit code ${exitCode ?? '?'}) in ${name} (${workDir}) without a diagnostic`);
  return new Error(`${command} found ${errors.length} error(s) in ${name} (${workDir}):\n${errors.map(formatDiagnostic).join('\n')}`);
}

function planResult(name: string, workDir: string, plan: TerraformPlan, warnings: Diagnostic[], timings: PlanTimings, batchSize: number): PlanResult {
  const resourceChanges = plan.resource_changes ?? [];
  const ofType = (type: string) => resourceChanges.filter((rc) => rc.type === type);
  return {
    name,
    workDir,
    validation: { valid: true, error_count: 0, warning_count: warnings.length, diagnostics: warnings },
    plan,
    resourceChanges,
    addresses: (type) => (type ? ofType(type) : resourceChanges).map((rc) => rc.address),
    ofType,
    planned: (type) => ofType(type).map((rc) => rc.change.after as Record<string, unknown>),
    summary: summarizeChanges(resourceChanges),
    timings,
    batchSize,
  };
}

/**
 * One line per configuration on stderr (outside Jest's console capture), so every test log shows
 * that real Terraform validated and planned each stack, and how long the run's steps took.
 */
function reportPlan(result: PlanResult): void {
  const { summary, timings, batchSize } = result;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const steps = [
    `init ${seconds(timings.init)}`,
    timings.validate > 0 ? `validate ${seconds(timings.validate)}` : '',
    `plan ${seconds(timings.plan)}`,
    `show ${seconds(timings.show)}`,
    timings.queued >= 500 ? `queued ${seconds(timings.queued)} for a plan slot` : '',
  ].filter(Boolean).join(', ');
  const run = batchSize > 1 ? `one run for ${batchSize} configurations: ` : '';
  process.stderr.write(
    `terraform ✓ ${result.name}: validate ok; plan ${summary.add} to add, ${summary.change} to change, ${summary.destroy} to destroy (${run}${steps})\n`,
  );
}

export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where = [diagnostic.address, diagnostic.range && `${diagnostic.range.filename}:${diagnostic.range.start.line}`]
    .filter(Boolean)
    .join(', ');
  const detail = diagnostic.detail ? `\n    ${diagnostic.detail.replace(/\n/g, '\n    ')}` : '';
  return `  - ${diagnostic.summary}${where ? ` (${where})` : ''}${detail}`;
}

/** Counts like Terraform's "Plan: X to add, Y to change, Z to destroy" (a replacement adds and destroys). */
export function summarizeChanges(resourceChanges: ResourceChange[]): ChangeSummary {
  const summary = { add: 0, change: 0, destroy: 0 };
  for (const { change } of resourceChanges) {
    if (change.actions.includes('create')) summary.add++;
    if (change.actions.includes('update')) summary.change++;
    if (change.actions.includes('delete')) summary.destroy++;
  }
  return summary;
}
