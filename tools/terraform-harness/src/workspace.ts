import * as fs from 'node:fs';
import * as path from 'node:path';
import { HARNESS_TMP_ROOT, ensureCliConfig } from './cli-config';
import { acquireFileSlot, withFileLock, type HeldSlot } from './file-lock';
import { harnessConcurrency } from './concurrency';
import type { Diagnostic, TerraformPlan, ValidateOutput } from './plan-json';
import { memberPlan } from './member-plan';
import { OFFLINE_PROVIDER_SETTINGS, prepareForOfflinePlan } from './prepare';
import { runTerraform, type TerraformRunResult } from './terraform';

type JsonObject = Record<string, unknown>;

/** One configuration to plan or validate: a stack's cdk.tf.json, or a generated case. */
export interface Member {
  /** Its name in results and messages (a stack name, a case label); unique within a workspace. */
  name: string;
  /** The parsed Terraform JSON. */
  config: object;
  /** The stack dir it came from: its other files (assets) are read by paths relative to it. */
  sourceDir?: string;
}

/**
 * How the members' aws providers are configured:
 * - `own`: each member keeps its own provider blocks (region, default_tags, aliases), as a plan needs;
 * - `shared`: the members' provider blocks are dropped and every member uses one mock configuration
 *   per alias from the root, so Terraform starts one provider process instead of one per member
 *   (validation does not depend on the provider's settings).
 */
export type ProviderMode = 'own' | 'shared';

interface Placed {
  name: string;
  /** The child module name, or undefined when the member is the root module itself. */
  module?: string;
  /** Output names of the member, by the root output that re-exports them. */
  outputs: Map<string, string>;
}

/**
 * Files of a stack dir that are not its assets: what an earlier `cdktf deploy` left, and Terraform
 * configuration files (Terraform would load them as part of the configuration).
 */
const SKIPPED_STACK_FILES = /^(\.terraform|\.terraform\.lock\.hcl|.*\.tfstate(\.backup)?|.*\.tfplan|.*\.tf|.*\.tf\.json)$/;

/** A lone member keeps its stack's file name; a batch root is generated next to the members' dirs. */
const STACK_FILE = 'cdk.tf.json';
const ROOT_FILE = 'main.tf.json';

/**
 * One Terraform working directory holding one or many configurations. With one member it is the
 * root module, exactly as `terraform plan` in a stack dir sees it. With several, each member is a
 * child module of a generated root (`module "<name>" { source = "./<name>" }`), so ONE init, ONE plan
 * and ONE `show -json` cover them all and the AWS provider's schema loads once instead of once per
 * stack and step. Results, diagnostics and addresses are mapped back to each member as if it had
 * been planned alone (`memberPlan`, `diagnosticsOf`).
 *
 * Child modules may configure their own providers (Terraform 1.11 still accepts provider blocks in
 * a module that is called without count, for_each or depends_on); their backend blocks are dropped
 * (a backend only applies to the root) and their outputs are re-exported from the root, so a
 * member's plan shows them as root outputs. Relative file paths (cdktf assets) resolve against the
 * working dir in Terraform, so each member's other files are copied to the root.
 *
 * Its Terraform commands hold one of the machine-wide plan slots (TF_HARNESS_CONCURRENCY, by
 * default the core count, across processes) from the first command to `release()` or `dispose()`.
 */
export class TerraformWorkspace {
  private placed: Placed[] = [];
  private initialized = false;
  private waited = 0;
  private slot?: HeldSlot;

  private constructor(readonly dir: string) {}

  static async create(label: string): Promise<TerraformWorkspace> {
    fs.mkdirSync(HARNESS_TMP_ROOT, { recursive: true });
    const dir = await fs.promises.mkdtemp(path.join(HARNESS_TMP_ROOT, `plan-${label.replace(/[^\w.-]/g, '_').slice(0, 60)}-`));
    return new TerraformWorkspace(dir);
  }

  /** True when the members are child modules of a generated root (more than one member). */
  get batched(): boolean {
    return this.placed.some((p) => p.module !== undefined);
  }

  get memberNames(): string[] {
    return this.placed.map((p) => p.name);
  }

  /**
   * Writes the configuration files for these members, replacing any earlier ones (state and plan
   * files stay). `modules: true` makes even a lone member a child module, so its addresses match
   * those of a batch (a state built for one layout does not fit the other).
   */
  async setMembers(members: readonly Member[], options: { providers?: ProviderMode; modules?: boolean } = {}): Promise<void> {
    const providers = options.providers ?? 'own';
    if (members.length === 0) throw new Error('a Terraform workspace needs at least one configuration');
    const names = new Set<string>();
    for (const { name } of members) {
      if (names.has(name)) throw new Error(`two configurations are named ${name}: names must be unique within one Terraform run`);
      names.add(name);
    }
    const conflict = assetConflict(members);
    if (conflict) throw new Error(conflict);

    await this.clearConfiguration();
    const { awsVersion } = ensureCliConfig();
    const batched = members.length > 1 || providers === 'shared' || options.modules === true;
    if (!batched) {
      const [member] = members;
      await copyAssets(member, this.dir);
      await writeJson(path.join(this.dir, STACK_FILE), prepareForOfflinePlan(member.config, { awsVersion }));
      this.placed = [{ name: member.name, outputs: new Map() }];
      this.initialized = false;
      return;
    }

    const modules = moduleNames(members.map((m) => m.name));
    const root: JsonObject = { terraform: { backend: { local: { path: 'terraform.tfstate' } } }, module: {}, output: {} };
    const aliases = new Set<string>();
    this.placed = [];
    for (const [i, member] of members.entries()) {
      const module = modules[i];
      const config = asModule(prepareForOfflinePlan(member.config, { awsVersion }) as JsonObject);
      if (providers === 'shared') for (const alias of shareProviders(config)) aliases.add(alias);
      const call: JsonObject = { source: `./${module}` };
      if (providers === 'shared') {
        call.providers = Object.fromEntries(['aws', ...[...configurationAliases(config)].map((a) => `aws.${a}`)].map((p) => [p, p]));
      }
      (root.module as JsonObject)[module] = call;
      const outputs = new Map<string, string>();
      for (const [output, definition] of Object.entries(asObject(config.output) ?? {})) {
        const exported = `${module}__${output}`;
        (root.output as JsonObject)[exported] = { value: `\${module.${module}.${output}}`, sensitive: asObject(definition)?.sensitive === true };
        outputs.set(exported, output);
      }
      await writeJson(path.join(this.dir, module, STACK_FILE), config);
      await copyAssets(member, this.dir);
      this.placed.push({ name: member.name, module, outputs });
    }
    if (providers === 'shared') {
      const { awsVersion: version } = ensureCliConfig();
      (root.terraform as JsonObject).required_providers = { aws: { source: 'hashicorp/aws', ...(version ? { version } : {}) } };
      root.provider = { aws: [{ region: 'us-east-1', ...OFFLINE_PROVIDER_SETTINGS }, ...[...aliases].sort().map((alias) => ({ alias, region: 'us-east-1', ...OFFLINE_PROVIDER_SETTINGS }))] };
    }
    if (Object.keys(root.output as JsonObject).length === 0) delete root.output;
    await writeJson(path.join(this.dir, ROOT_FILE), root);
    this.initialized = false;
  }

  /** `terraform init` (again only when the members changed): links the provider from the mirror. */
  async init(): Promise<void> {
    if (this.initialized) return;
    const { mirrorDir, pluginCacheDir } = ensureCliConfig();
    const init = () => this.terraform(['init', '-input=false', '-no-color']);
    // A mirror is only read, so inits run at once; into the plugin cache they take turns across
    // processes, because Terraform writes it without a lock of its own.
    await (mirrorDir ? init() : withFileLock(path.join(pluginCacheDir, '.init-lock'), init));
    this.initialized = true;
  }

  /**
   * `terraform plan -json` without refresh. Resolves with the exit code (0, 1 on errors, 2 with
   * `detailedExitCode` when there are changes) and every diagnostic, rather than rejecting on errors:
   * the caller decides which member they belong to.
   */
  async plan(options: { out?: string; state?: string; detailedExitCode?: boolean } = {}): Promise<{ exitCode: number; diagnostics: Diagnostic[] }> {
    const args = ['plan', '-json', '-refresh=false', '-input=false', '-lock=false', '-no-color'];
    if (options.out) args.push(`-out=${options.out}`);
    if (options.state) args.push(`-state=${options.state}`);
    if (options.detailedExitCode) args.push('-detailed-exitcode');
    const result = await this.terraform(args, { okExitCodes: [0, 1, 2] });
    return { exitCode: result.exitCode, diagnostics: jsonDiagnostics(result.stdout) };
  }

  /** `terraform show -json <planFile>`. */
  async show(planFile: string): Promise<TerraformPlan> {
    const { stdout } = await this.terraform(['show', '-json', '-no-color', planFile]);
    return JSON.parse(stdout) as TerraformPlan;
  }

  /** `terraform validate -json`: exits 1 on an invalid config but still prints its report. */
  async validate(): Promise<ValidateOutput> {
    const { stdout } = await this.terraform(['validate', '-json', '-no-color'], { okExitCodes: [0, 1] });
    return JSON.parse(stdout) as ValidateOutput;
  }

  /**
   * Any other Terraform command in this dir, e.g. `providers schema -json`. The first one takes a
   * machine-wide plan slot, which the workspace keeps for the commands that follow until
   * `release()` or `dispose()`: a run of several commands queues once, not once per command.
   */
  async terraform(args: string[], options: { okExitCodes?: number[] } = {}): Promise<TerraformRunResult> {
    if (!this.slot) {
      const asked = performance.now();
      this.slot = await acquireFileSlot(path.join(HARNESS_TMP_ROOT, 'plan-slots'), harnessConcurrency());
      this.waited += performance.now() - asked;
    }
    return runTerraform(args, this.dir, options);
  }

  /** Gives the plan slot back, for another run to use while this workspace waits or is done. */
  release(): void {
    this.slot?.release();
    this.slot = undefined;
  }

  /** Milliseconds this workspace's commands have waited for a plan slot so far. */
  get queuedMs(): number {
    return this.waited;
  }

  /** The member a diagnostic belongs to, by its address or file; undefined when it is about the root. */
  memberOf(diagnostic: Diagnostic): string | undefined {
    if (!this.batched) return this.placed[0]?.name;
    for (const { name, module } of this.placed) {
      if (diagnostic.address?.startsWith(`module.${module}.`) || diagnostic.range?.filename.startsWith(`${module}/`)) return name;
    }
    return undefined;
  }

  /** A diagnostic as the member alone would have got it: its own addresses and file names. */
  forMember(diagnostic: Diagnostic): Diagnostic {
    if (!this.batched) return diagnostic;
    const module = this.placed.find((p) => p.name === this.memberOf(diagnostic))?.module;
    if (!module) return diagnostic;
    return {
      ...diagnostic,
      address: diagnostic.address?.replace(`module.${module}.`, ''),
      range: diagnostic.range && { ...diagnostic.range, filename: diagnostic.range.filename.replace(`${module}/`, '') },
    };
  }

  /** The plan of one member, with its addresses, configuration and outputs as if planned alone. */
  planOf(plan: TerraformPlan, name: string): TerraformPlan {
    const placed = this.find(name);
    return placed.module ? memberPlan(plan, placed.module, placed.outputs) : plan;
  }

  /** The module address prefix of a member's resources (`module.<name>.`), or '' for the root. */
  addressPrefix(name: string): string {
    const { module } = this.find(name);
    return module ? `module.${module}.` : '';
  }

  /** The module path of a member (`module.<name>`), or undefined for the root. */
  modulePath(name: string): string | undefined {
    const { module } = this.find(name);
    return module && `module.${module}`;
  }

  async dispose(): Promise<void> {
    this.release();
    await fs.promises.rm(this.dir, { recursive: true, force: true });
  }

  private find(name: string): Placed {
    const placed = this.placed.find((p) => p.name === name);
    if (!placed) throw new Error(`${name} is not in this Terraform run (members: ${this.memberNames.join(', ')})`);
    return placed;
  }

  /** Removes the previous members' configuration, keeping .terraform, state and plan files. */
  private async clearConfiguration(): Promise<void> {
    for (const entry of await fs.promises.readdir(this.dir)) {
      if (entry === '.terraform' || entry === '.terraform.lock.hcl' || /\.(tfstate|tfplan)$/.test(entry) || entry.endsWith('.tfstate.backup')) continue;
      await fs.promises.rm(path.join(this.dir, entry), { recursive: true, force: true });
    }
  }
}

/** Module names from member names: Terraform identifiers, unique. */
function moduleNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let base = name.replace(/[^A-Za-z0-9_-]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `m_${base}`;
    let module = base;
    for (let i = 2; used.has(module); i++) module = `${base}_${i}`;
    used.add(module);
    return module;
  });
}

/** A root-module configuration turned into a child module: no backend, no HCP Terraform block. */
function asModule(config: JsonObject): JsonObject {
  const terraform = asObject(config.terraform);
  if (terraform) {
    delete terraform.backend;
    delete terraform.cloud;
  }
  return config;
}

/** Drops a module's aws provider blocks, declaring their aliases as passed in; returns the aliases. */
function shareProviders(config: JsonObject): Set<string> {
  const aliases = configurationAliases(config);
  const providers = asObject(config.provider);
  if (providers) {
    delete providers.aws;
    if (Object.keys(providers).length === 0) delete config.provider;
  }
  const terraform = (config.terraform = asObject(config.terraform) ?? {}) as JsonObject;
  const required = (terraform.required_providers = asObject(terraform.required_providers) ?? {}) as JsonObject;
  const aws = (required.aws = asObject(required.aws) ?? { source: 'hashicorp/aws' }) as JsonObject;
  if (aliases.size > 0) aws.configuration_aliases = [...aliases].sort().map((a) => `aws.${a}`);
  return aliases;
}

function configurationAliases(config: JsonObject): Set<string> {
  const entries = asObject(config.provider)?.aws;
  const list = Array.isArray(entries) ? entries : entries ? [entries] : [];
  const aliases = new Set<string>();
  for (const entry of list) {
    const alias = asObject(entry)?.alias;
    if (typeof alias === 'string') aliases.add(alias);
  }
  // Already turned into a module that receives its providers.
  const declared = asObject(asObject(asObject(config.terraform)?.required_providers)?.aws)?.configuration_aliases;
  if (Array.isArray(declared)) for (const a of declared) if (typeof a === 'string') aliases.add(a.replace(/^aws\./, ''));
  return aliases;
}

/** The files a member reads besides its configuration, relative to its stack dir. */
function assetFiles(member: Member): string[] {
  if (!member.sourceDir) return [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED_STACK_FILES.test(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(path.relative(member.sourceDir!, full));
    }
  };
  walk(member.sourceDir);
  return files;
}

/** Two members bringing different files at the same relative path cannot share a working dir. */
export function assetConflict(members: readonly Member[]): string | undefined {
  const seen = new Map<string, Member>();
  for (const member of members) {
    for (const file of assetFiles(member)) {
      const other = seen.get(file);
      if (other && !fs.readFileSync(path.join(other.sourceDir!, file)).equals(fs.readFileSync(path.join(member.sourceDir!, file)))) {
        return `${other.name} and ${member.name} both read ${file} with different content, so they cannot share one Terraform run`;
      }
      seen.set(file, member);
    }
  }
  return undefined;
}

async function copyAssets(member: Member, to: string): Promise<void> {
  for (const file of assetFiles(member)) {
    await fs.promises.mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await fs.promises.copyFile(path.join(member.sourceDir!, file), path.join(to, file));
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  // Indented: Terraform quotes the offending line in a diagnostic, and one-line JSON is one huge line.
  await fs.promises.writeFile(file, JSON.stringify(value, null, 2));
}

/** The diagnostics in `terraform plan -json` output (one JSON message per line). */
function jsonDiagnostics(stdout: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const message = JSON.parse(line) as { type?: string; diagnostic?: Diagnostic & { snippet?: unknown } };
    if (message.type !== 'diagnostic' || !message.diagnostic) continue;
    // The snippet quotes the whole offending line; the file and line number are enough.
    const diagnostic = { ...message.diagnostic };
    delete diagnostic.snippet;
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}

function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}
