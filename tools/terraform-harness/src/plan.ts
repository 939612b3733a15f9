import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HARNESS_TMP_ROOT, ensureCliConfig } from './cli-config';
import type { Diagnostic, ResourceChange, TerraformPlan, ValidateOutput } from './plan-json';
import { withFileLock, withFileSlots } from './file-lock';
import { prepareForOfflinePlan } from './prepare';
import { runTerraform } from './terraform';

export interface PlanOptions {
  /** Label used in messages and in the temp dir name. */
  name?: string;
  /** Keep the temp working dir (its path is `workDir`) for inspection instead of deleting it. */
  keepDir?: boolean;
}

/** Milliseconds spent in each Terraform step. */
export interface PlanTimings {
  init: number;
  validate: number;
  plan: number;
  show: number;
  total: number;
}

export interface ChangeSummary {
  add: number;
  change: number;
  destroy: number;
}

export interface PlanResult {
  name: string;
  workDir: string;
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
  timings: PlanTimings;
}

/** Files of a stack dir that belong to an earlier `cdktf deploy`, not to the synthesized config. */
const SKIPPED_STACK_FILES = /^(\.terraform|\.terraform\.lock\.hcl|.*\.tfstate(\.backup)?|.*\.tfplan)$/;

/** TF_HARNESS_CONCURRENCY, else the CPU count: each plan keeps a ~600 MB provider process busy, machine-wide. */
export function harnessConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.TF_HARNESS_CONCURRENCY);
  return Number.isInteger(configured) && configured > 0 ? configured : os.availableParallelism();
}

/**
 * Plans a Terraform JSON config offline: init, validate, plan (no refresh, empty local state), show -json.
 * `config` is the parsed JSON or the path of a JSON file such as a stack's cdk.tf.json.
 */
export async function planConfig(config: object | string, options: PlanOptions = {}): Promise<PlanResult> {
  if (typeof config === 'string') {
    const file = path.resolve(config);
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as object;
    return planPrepared(parsed, undefined, { name: path.basename(path.dirname(file)), ...options });
  }
  return planPrepared(config, undefined, options);
}

/** Plans `<stackDir>/cdk.tf.json`, copying the whole stack dir so relative asset paths still resolve. */
export async function planStackDir(stackDir: string, options: PlanOptions = {}): Promise<PlanResult> {
  const dir = path.resolve(stackDir);
  const file = path.join(dir, 'cdk.tf.json');
  if (!fs.existsSync(file)) throw new Error(`no cdk.tf.json in ${dir}: run cdktf synth first`);
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as object;
  return planPrepared(parsed, dir, { name: path.basename(dir), ...options });
}

async function planPrepared(config: object, sourceDir: string | undefined, options: PlanOptions): Promise<PlanResult> {
  // Slots shared by every process on the machine, not only this one (see withFileSlots).
  return withFileSlots(path.join(HARNESS_TMP_ROOT, 'plan-slots'), harnessConcurrency(), () => planInTempDir(config, sourceDir, options));
}

async function planInTempDir(config: object, sourceDir: string | undefined, options: PlanOptions): Promise<PlanResult> {
  const name = options.name ?? 'config';
  const { awsVersion, mirrorDir, pluginCacheDir } = ensureCliConfig();
  const workDir = await fs.promises.mkdtemp(path.join(HARNESS_TMP_ROOT, `plan-${name.replace(/[^\w.-]/g, '_')}-`));
  try {
    if (sourceDir) {
      await fs.promises.cp(sourceDir, workDir, {
        recursive: true,
        filter: (src) => !SKIPPED_STACK_FILES.test(path.basename(src)),
      });
    }
    const prepared = prepareForOfflinePlan(config, { awsVersion });
    await fs.promises.writeFile(path.join(workDir, 'cdk.tf.json'), JSON.stringify(prepared, null, 2));

    const started = performance.now();
    const timed = async <T>(step: () => Promise<T>): Promise<[T, number]> => {
      const t0 = performance.now();
      const value = await step();
      return [value, Math.round(performance.now() - t0)];
    };

    // The provider comes from the mirror or the shared plugin cache, linked rather than copied.
    // A mirror is only read, so inits run at once; into the plugin cache they take turns across
    // processes, because Terraform writes it without a lock of its own.
    const init = () => runTerraform(['init', '-input=false', '-no-color'], workDir);
    const [, initMs] = await timed(() => (mirrorDir ? init() : withFileLock(path.join(pluginCacheDir, '.init-lock'), init)));
    const [validation, validate] = await timed(() => validateIn(workDir, name));
    const [, planMs] = await timed(() =>
      runTerraform(['plan', '-refresh=false', '-input=false', '-lock=false', '-no-color', '-out=plan.tfplan'], workDir),
    );
    const [shown, show] = await timed(() => runTerraform(['show', '-json', '-no-color', 'plan.tfplan'], workDir));

    const plan = JSON.parse(shown.stdout) as TerraformPlan;
    const resourceChanges = plan.resource_changes ?? [];
    const timings = { init: initMs, validate, plan: planMs, show, total: Math.round(performance.now() - started) };
    const summary = summarizeChanges(resourceChanges);
    reportPlan(name, summary, timings);
    const ofType = (type: string) => resourceChanges.filter((rc) => rc.type === type);
    return {
      name,
      workDir,
      validation,
      plan,
      resourceChanges,
      addresses: (type) => (type ? ofType(type) : resourceChanges).map((rc) => rc.address),
      ofType,
      planned: (type) => ofType(type).map((rc) => rc.change.after as Record<string, unknown>),
      summary,
      timings,
    };
  } finally {
    if (!options.keepDir) await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}

/**
 * One line per plan on stderr (outside Jest's console capture), so every test log shows that real
 * Terraform validated and planned each stack, and how long each step took.
 */
function reportPlan(name: string, summary: ChangeSummary, timings: PlanTimings): void {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  process.stderr.write(
    `terraform ✓ ${name}: validate ok; plan ${summary.add} to add, ${summary.change} to change, ${summary.destroy} to destroy ` +
      `(init ${seconds(timings.init)}, validate ${seconds(timings.validate)}, plan ${seconds(timings.plan)}, show ${seconds(timings.show)})\n`,
  );
}

async function validateIn(workDir: string, name: string): Promise<ValidateOutput> {
  // validate -json exits 1 on an invalid config but still prints its report on stdout.
  const { stdout } = await runTerraform(['validate', '-json', '-no-color'], workDir, { okExitCodes: [0, 1] });
  const validation = JSON.parse(stdout) as ValidateOutput;
  if (!validation.valid) {
    const errors = validation.diagnostics.filter((d) => d.severity === 'error');
    throw new Error(
      `terraform validate found ${errors.length} error(s) in ${name} (${workDir}):\n${errors.map(formatDiagnostic).join('\n')}`,
    );
  }
  return validation;
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
