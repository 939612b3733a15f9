import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  formatDiagnostic,
  type ConfiguredModule,
  type ConfiguredResource,
  type Diagnostic,
  type Member,
  type ResourceChange,
  type TerraformPlan,
  type TerraformWorkspace,
} from '@privatelink-cdktf/terraform-harness';
import { emptyValue, placeholderValue, type PlaceholderContext } from './placeholders';
import { providerSchemas, type ProviderSchemas, type ValueType } from './provider-schemas';

type Json = Record<string, unknown>;
type Path = ReadonlyArray<string | number>;

/** One resource instance in a Terraform state (format version 4). */
export interface StateInstance {
  index_key?: number | string;
  schema_version: number;
  attributes: Json;
  sensitive_attributes: unknown[];
}

export interface StateResource {
  module?: string;
  mode: 'managed';
  type: string;
  name: string;
  provider: string;
  instances: StateInstance[];
}

/** A Terraform state file (format version 4), as `terraform.tfstate` holds it. */
export interface StateFile {
  version: 4;
  terraform_version: string;
  serial: number;
  lineage: string;
  outputs: Json;
  resources: StateResource[];
  check_results: null;
}

export interface BuiltState {
  state: StateFile;
  /** Terraform plans it took: the empty-state plan, then one per convergence round. */
  plans: number;
}

/** Where the working dir keeps the state it plans against (the offline backend's path). */
export const STATE_FILE = 'terraform.tfstate';

const MAX_CONVERGENCE_PLANS = 8;

/**
 * Builds, from configurations alone and without AWS, a state that these configurations plan
 * against with no changes: what their deployed infrastructure would look like.
 *
 * 1. Plan from an empty state; every planned value goes into the state as planned.
 * 2. Every value known only after apply gets a stable placeholder of the right shape (an ARN of the
 *    resource's own service, an ID with its prefix, an address, a one-element list where the
 *    configuration reads an element), and the state records each resource type's schema version.
 *    An argument that is a plain reference (`${aws_vpc.main.id}`) takes the referenced placeholder.
 * 3. Plan the same configurations against that state, take what Terraform now computes (arguments
 *    built from placeholders, policies rendered with their ARNs), and repeat until Terraform plans
 *    no change.
 *
 * The members are left set in the workspace without their outputs (a state without outputs would
 * always differ from a configuration with them), and the state in `<workspace>/terraform.tfstate`.
 */
export async function buildState(workspace: TerraformWorkspace, members: readonly Member[], options: { modules?: boolean } = {}): Promise<BuiltState> {
  // The first plan keeps the outputs: what they read of a resource (`dns_entry[0]`) must exist in the state.
  await workspace.setMembers(members, { modules: options.modules });
  await workspace.init();
  const stateFile = path.join(workspace.dir, STATE_FILE);
  fs.rmSync(stateFile, { force: true });
  const schemas = await providerSchemas(workspace);

  const empty = await workspace.plan({ out: 'state-base.tfplan' });
  if (empty.exitCode !== 0) throw planError(workspace, 'plan the configuration from an empty state', empty.diagnostics);
  const planned = await workspace.show('state-base.tfplan');
  let state = initialState(planned, schemas);
  let plans = 1;
  await workspace.setMembers(members.map(withoutOutputs), { modules: options.modules });
  await workspace.init();

  for (;;) {
    fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
    const check = await workspace.plan({ out: 'state-check.tfplan', detailedExitCode: true });
    plans++;
    if (check.exitCode === 1) throw planError(workspace, 'plan the configuration against the built state', check.diagnostics);
    if (check.exitCode === 0) return { state, plans };
    const plan = await workspace.show('state-check.tfplan');
    const changing = (plan.resource_changes ?? []).filter((rc) => rc.mode === 'managed' && !rc.change.actions.every((a) => a === 'no-op'));
    if (changing.length === 0) return { state, plans };
    if (plans > MAX_CONVERGENCE_PLANS) {
      throw new Error(`the built state did not converge after ${plans} plans; still changing:\n${changing.map(describeChange).join('\n')}`);
    }
    state = converge(state, plan, schemas);
  }
}

function withoutOutputs(member: Member): Member {
  const config = { ...(member.config as Json) };
  delete config.output;
  return { ...member, config };
}

function planError(workspace: TerraformWorkspace, what: string, diagnostics: Diagnostic[]): Error {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const byMember = new Map<string, string[]>();
  for (const d of errors) {
    const member = workspace.memberOf(d) ?? '(the generated root)';
    byMember.set(member, [...(byMember.get(member) ?? []), formatDiagnostic(workspace.forMember(d))]);
  }
  const lines = [...byMember].map(([member, list]) => `${member}:\n${list.join('\n')}`);
  return new Error(`terraform could not ${what}:\n${lines.join('\n') || '(no diagnostic)'}`);
}

/** `aws_lb.x: name "a" → "b", subnets [...] → [...]`: why a state has not converged. */
function describeChange(rc: ResourceChange): string {
  const before = rc.change.before ?? {};
  const after = rc.change.after ?? {};
  const changed = Object.keys({ ...before, ...after })
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]) || (rc.change.after_unknown as Json | undefined)?.[k] === true)
    .map((k) => `${k} ${JSON.stringify(before[k])} → ${(rc.change.after_unknown as Json | undefined)?.[k] === true ? '(known after apply)' : JSON.stringify(after[k])}`);
  return `  - ${rc.address} (${rc.change.actions.join(', ')}): ${changed.join('; ').slice(0, 500)}`;
}

/** Every configured resource by its full address (module path included), with its module path. */
function configuredResources(module: ConfiguredModule | undefined, prefix = '', into = new Map<string, { resource: ConfiguredResource; prefix: string }>()) {
  for (const resource of module?.resources ?? []) into.set(`${prefix}${resource.address}`, { resource, prefix });
  for (const [name, call] of Object.entries(module?.module_calls ?? {})) configuredResources(call.module, `${prefix}module.${name}.`, into);
  return into;
}

/**
 * What the configuration reads of each resource: `module.x.aws_vpc_endpoint.e` → {`dns_entry`,
 * `dns_entry.dns_name`}. A collection known only after apply that is read gets one element.
 */
function readAttributes(module: ConfiguredModule | undefined, prefix = '', into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'references' && Array.isArray(inner)) {
        for (const reference of inner) {
          const parsed = parseTraversal(String(reference));
          if (!parsed || parsed.attribute.length === 0) continue;
          const address = `${prefix}${parsed.resource}`;
          const names = parsed.attribute.filter((p): p is string => typeof p === 'string');
          const set = into.get(address) ?? new Set<string>();
          for (let i = 1; i <= names.length; i++) set.add(names.slice(0, i).join('.'));
          into.set(address, set);
        }
      } else visit(inner);
    }
  };
  for (const resource of module?.resources ?? []) visit(resource.expressions);
  visit(module?.outputs);
  for (const [name, call] of Object.entries(module?.module_calls ?? {})) readAttributes(call.module, `${prefix}module.${name}.`, into);
  return into;
}

/**
 * `aws_vpc.main.id` → { resource: `aws_vpc.main`, attribute: ['id'] }; `aws_x.y[2].a[0].b` → index 2,
 * attribute ['a', 0, 'b']. Data sources, variables, locals and modules → undefined.
 */
export function parseTraversal(reference: string): { resource: string; index?: number | string; attribute: Array<string | number> } | undefined {
  const match = /^([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)((?:\[(?:\d+|"[^"]*")\])?)((?:\.[A-Za-z_][\w-]*|\[(?:\d+|"[^"]*")\])*)$/.exec(reference);
  if (!match || ['data', 'var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self'].includes(match[1])) return undefined;
  const steps = [...match[4].matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+|"[^"]*")\]/g)].map((m) => (m[1] !== undefined ? m[1] : m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : Number(m[2])));
  const index = match[3] ? (match[3].slice(1, -1).startsWith('"') ? (JSON.parse(match[3].slice(1, -1)) as string) : Number(match[3].slice(1, -1))) : undefined;
  return { resource: `${match[1]}.${match[2]}`, index, attribute: steps };
}

interface Context {
  schemas: ProviderSchemas;
  configured: Map<string, { resource: ConfiguredResource; prefix: string }>;
  read: Map<string, Set<string>>;
  regions: Map<string, string>;
}

function contextOf(plan: TerraformPlan, schemas: ProviderSchemas): Context {
  const regions = new Map<string, string>();
  for (const [key, config] of Object.entries(plan.configuration?.provider_config ?? {})) {
    const region = (config.expressions?.region as { constant_value?: unknown } | undefined)?.constant_value;
    if (typeof region === 'string') regions.set(key, region);
  }
  return { schemas, configured: configuredResources(plan.configuration?.root_module), read: readAttributes(plan.configuration?.root_module), regions };
}

const withoutIndex = (address: string): string => address.replace(/\[[^\]]*\]$/, '');

/** The provider configuration key of a resource (`module.a:aws.use1`) and its address in a state. */
function providerOf(rc: ResourceChange, context: Context, plan: TerraformPlan): { key: string; address: string } {
  const key = context.configured.get(withoutIndex(rc.address))?.resource.provider_config_key ?? 'aws';
  const [modulePath, local] = key.includes(':') ? key.split(':') : [undefined, key];
  const alias = local.split('.')[1];
  const source = plan.configuration?.provider_config?.[key]?.full_name ?? rc.provider_name;
  return { key, address: `${modulePath ? `${modulePath}.` : ''}provider["${source}"]${alias ? `.${alias}` : ''}` };
}

function schemaOf(rc: ResourceChange, context: Context): { version: number; type?: ValueType; arguments?: string[] } {
  const schema = context.schemas[rc.provider_name]?.[rc.type];
  if (!schema) throw new Error(`no schema for ${rc.type} in ${rc.provider_name}: the state of ${rc.address} cannot be built`);
  return schema;
}

/**
 * A value with every unknown part filled: from the prior state where it has one (an ID kept across
 * a replacement), else a placeholder.
 */
function fill(value: unknown, unknown: unknown, type: ValueType | undefined, placeholder: PlaceholderContext, at: Path, isRead: (p: Path) => boolean, prior: unknown): unknown {
  if (unknown === true) return prior !== undefined && prior !== null ? prior : placeholderValue(type, placeholder, at, isRead);
  if (Array.isArray(value)) {
    const element = type && (type.kind === 'list' || type.kind === 'set') ? type.element : undefined;
    return value.map((v, i) => fill(v, Array.isArray(unknown) ? unknown[i] : undefined, element, placeholder, [...at, i], isRead, Array.isArray(prior) ? prior[i] : undefined));
  }
  if (value !== null && typeof value === 'object') {
    const attributes = type?.kind === 'object' ? type.attributes : undefined;
    const element = type?.kind === 'map' ? type.element : undefined;
    const unknownObject = unknown && typeof unknown === 'object' && !Array.isArray(unknown) ? (unknown as Json) : {};
    const priorObject = prior && typeof prior === 'object' && !Array.isArray(prior) ? (prior as Json) : {};
    const out: Json = {};
    for (const key of new Set([...Object.keys(value), ...Object.keys(unknownObject)])) {
      out[key] = fill((value as Json)[key], unknownObject[key], attributes?.[key] ?? element, placeholder, [...at, key], isRead, priorObject[key]);
    }
    return out;
  }
  return value === undefined ? null : value;
}

/** The attributes of one resource instance from its planned change. */
function instanceAttributes(rc: ResourceChange, context: Context, plan: TerraformPlan, prior: Json | undefined): Json {
  const schema = schemaOf(rc, context);
  const provider = providerOf(rc, context, plan);
  const after = (rc.change.after ?? {}) as Json;
  const placeholder: PlaceholderContext = { address: rc.address, type: rc.type, region: context.regions.get(provider.key) ?? 'us-east-1', known: { ...prior, ...after } };
  const read = context.read.get(withoutIndex(rc.address)) ?? new Set<string>();
  const isRead = (at: Path) => read.has(at.filter((p): p is string => typeof p === 'string').join('.'));
  const unknown = { ...((rc.change.after_unknown ?? {}) as Json) };
  const filled = fill(after, unknown, schema.type, placeholder, [], isRead, prior) as Json;
  // An optional argument the configuration leaves out, which AWS would fill in: empty, as AWS
  // reports most of them, rather than a made-up value a provider check could trip on. The ID is
  // optional in the provider's schema but always AWS's.
  const configured = new Set(Object.keys(context.configured.get(withoutIndex(rc.address))?.resource.expressions ?? {}));
  const attributes = schema.type?.kind === 'object' ? schema.type.attributes : {};
  for (const name of schema.arguments ?? []) {
    if (unknown[name] === true && name !== 'id' && !configured.has(name) && (prior?.[name] === undefined || prior[name] === null) && !read.has(name)) {
      filled[name] = emptyValue(attributes[name]);
    }
  }
  return filled;
}

/** `after_sensitive` as the state's list of sensitive attribute paths. */
function sensitivePaths(flags: unknown, at: unknown[] = [], into: unknown[][] = []): unknown[][] {
  if (flags === true) into.push(at);
  else if (Array.isArray(flags)) flags.forEach((f, i) => sensitivePaths(f, [...at, { type: 'index', value: { value: i, type: 'number' } }], into));
  else if (flags && typeof flags === 'object') for (const [k, f] of Object.entries(flags)) sensitivePaths(f, [...at, { type: 'get_attr', value: k }], into);
  return into;
}

function resourceKey(rc: ResourceChange): string {
  return withoutIndex(rc.address);
}

/** The state Terraform would write if it applied this plan, with placeholders for what AWS would answer. */
function initialState(plan: TerraformPlan, schemas: ProviderSchemas): StateFile {
  const context = contextOf(plan, schemas);
  const resources = new Map<string, StateResource>();
  const unknownArguments: Array<{ rc: ResourceChange; instance: StateInstance; attribute: string }> = [];
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed' || !rc.change.actions.includes('create')) continue;
    const instance: StateInstance = {
      ...(rc.index !== undefined ? { index_key: rc.index } : {}),
      schema_version: schemaOf(rc, context).version,
      attributes: instanceAttributes(rc, context, plan, undefined),
      sensitive_attributes: sensitivePaths(rc.change.after_sensitive),
    };
    for (const [attribute, flag] of Object.entries(rc.change.after_unknown ?? {})) if (flag === true) unknownArguments.push({ rc, instance, attribute });
    const key = resourceKey(rc);
    const resource = resources.get(key) ?? {
      ...(rc.module_address ? { module: rc.module_address } : {}),
      mode: 'managed' as const,
      type: rc.type,
      name: rc.name,
      provider: providerOf(rc, context, plan).address,
      instances: [],
    };
    resource.instances.push(instance);
    resources.set(key, resource);
  }
  resolvePlainReferences(unknownArguments, resources, context);
  return { version: 4, terraform_version: plan.terraform_version, serial: 1, lineage: randomUUID(), outputs: {}, resources: [...resources.values()], check_results: null };
}

/**
 * Arguments known only after apply that are a plain reference (`"${aws_vpc.main.id}"`, or a list of
 * them) take the referenced placeholder, repeated until nothing changes, so references agree before
 * the first convergence plan and most states converge in one round.
 */
function resolvePlainReferences(unknowns: Array<{ rc: ResourceChange; instance: StateInstance; attribute: string }>, resources: Map<string, StateResource>, context: Context): void {
  const lookup = (prefix: string, reference: string): unknown => {
    const parsed = parseTraversal(reference);
    if (!parsed) return undefined;
    const resource = resources.get(`${prefix}${parsed.resource}`);
    const instance = resource?.instances.find((i) => i.index_key === parsed.index);
    let value: unknown = instance?.attributes;
    for (const step of parsed.attribute) value = value === null || value === undefined ? undefined : (value as Record<string | number, unknown>)[step];
    return value;
  };
  const plain = (text: unknown): string | undefined => (typeof text === 'string' ? /^\$\{([^${}\s()]+)\}$/.exec(text)?.[1] : undefined);
  for (let round = 0; round < 20; round++) {
    let changed = false;
    for (const { rc, instance, attribute } of unknowns) {
      const configured = context.configured.get(withoutIndex(rc.address));
      if (!configured) continue;
      const expression = (configured.resource.expressions?.[attribute] as { constant_value?: unknown } | undefined)?.constant_value;
      let resolved: unknown;
      if (plain(expression)) resolved = lookup(configured.prefix, plain(expression)!);
      else if (Array.isArray(expression) && expression.length > 0 && expression.every((e) => plain(e))) {
        const values = expression.map((e) => lookup(configured.prefix, plain(e)!));
        resolved = values.every((v) => v !== undefined && v !== null) ? values : undefined;
      }
      if (resolved === undefined || resolved === null) continue;
      if (JSON.stringify(instance.attributes[attribute]) !== JSON.stringify(resolved)) {
        instance.attributes[attribute] = resolved;
        changed = true;
      }
    }
    if (!changed) return;
  }
}

/** The state after one convergence round: every changing instance takes what Terraform planned for it. */
function converge(state: StateFile, plan: TerraformPlan, schemas: ProviderSchemas): StateFile {
  const context = contextOf(plan, schemas);
  const resources = new Map(state.resources.map((r) => [`${r.module ? `${r.module}.` : ''}${r.type}.${r.name}`, { ...r, instances: r.instances.map((i) => ({ ...i })) }]));
  for (const rc of plan.resource_changes ?? []) {
    if (rc.mode !== 'managed' || rc.change.actions.every((a) => a === 'no-op')) continue;
    const resource = resources.get(resourceKey(rc));
    const instance = resource?.instances.find((i) => i.index_key === rc.index);
    if (!resource || !instance) throw new Error(`${rc.address} is planned (${rc.change.actions.join(', ')}) but is not in the built state`);
    instance.attributes = instanceAttributes(rc, context, plan, instance.attributes);
    instance.sensitive_attributes = sensitivePaths(rc.change.after_sensitive);
  }
  return { ...state, serial: state.serial + 1, resources: [...resources.values()] };
}

/**
 * One stack's part of a state built for many (each a child module), as the state of that stack
 * alone; `modulePath` is the stack's module (`module.saas-provider-prod`), or undefined when the
 * state already is the stack's own.
 */
export function stackState(state: StateFile, modulePath: string | undefined): StateFile {
  if (!modulePath) return state;
  const resources = state.resources
    .filter((r) => r.module === modulePath || r.module?.startsWith(`${modulePath}.`))
    .map(({ module, ...resource }) => {
      const inner = module === modulePath ? undefined : module!.slice(modulePath.length + 1);
      return { ...(inner ? { module: inner } : {}), ...resource, provider: resource.provider.replace(`${modulePath}.`, '') };
    });
  return { ...state, lineage: randomUUID(), serial: 1, resources };
}

/** The states of several stacks as one state, each stack under its module path (or at the root, for undefined). */
export function combineStates(states: ReadonlyArray<{ state: StateFile; modulePath: string | undefined }>): StateFile {
  const [first] = states;
  if (!first) throw new Error('no states to combine');
  const resources = states.flatMap(({ state, modulePath }) =>
    state.resources.map(({ module, ...resource }) => {
      const full = [modulePath, module].filter(Boolean).join('.');
      return { ...(full ? { module: full } : {}), ...resource, provider: modulePath ? `${modulePath}.${resource.provider}` : resource.provider };
    }),
  );
  return { ...first.state, serial: 1, lineage: randomUUID(), resources };
}
