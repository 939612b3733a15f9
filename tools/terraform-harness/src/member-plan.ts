import type { CheckResult, ConfiguredModule, PlannedModule, ProviderConfig, ResourceChange, TerraformPlan } from './plan-json';

/**
 * The part of a batched plan (`show -json` of a root whose child modules are the members) that
 * belongs to one member, shaped as the plan of that member alone: addresses without the
 * `module.<name>.` prefix, its planned values, prior state and configuration as the root module,
 * its provider configurations under their own keys, and its outputs (re-exported by the root as
 * `<module>__<output>`) under their own names.
 */
export function memberPlan(plan: TerraformPlan, module: string, outputs: ReadonlyMap<string, string>): TerraformPlan {
  const prefix = `module.${module}`;
  /** The address inside the member, or undefined when it is not the member's. */
  const strip = (address: string | undefined): string | undefined => {
    if (address === undefined) return undefined;
    if (address.startsWith(`${prefix}.`)) return address.slice(prefix.length + 1);
    return undefined;
  };
  const mine = (address: string): boolean => address.startsWith(`${prefix}.`);

  const changes = (list: ResourceChange[] | undefined): ResourceChange[] | undefined =>
    list
      ?.filter((rc) => mine(rc.address))
      .map((rc) => {
        const copy: ResourceChange = { ...rc, address: strip(rc.address)! };
        if (rc.module_address === prefix) delete copy.module_address;
        else if (rc.module_address) copy.module_address = strip(rc.module_address);
        if (rc.previous_address) copy.previous_address = strip(rc.previous_address) ?? rc.previous_address;
        return copy;
      });

  const byName = <T>(record: Record<string, T> | undefined): Record<string, T> | undefined => {
    if (!record) return undefined;
    const picked: Record<string, T> = {};
    for (const [exported, value] of Object.entries(record)) {
      const own = outputs.get(exported);
      if (own !== undefined) picked[own] = value;
    }
    return picked;
  };

  const result: TerraformPlan = { ...plan };
  result.resource_changes = changes(plan.resource_changes) ?? [];
  if (plan.resource_drift) result.resource_drift = changes(plan.resource_drift);
  if (plan.output_changes) result.output_changes = byName(plan.output_changes);
  if (plan.planned_values) {
    result.planned_values = { root_module: asRoot(childModule(plan.planned_values.root_module, prefix), strip) };
    const planned = byName(plan.planned_values.outputs);
    if (planned) result.planned_values.outputs = planned;
  }
  if (plan.prior_state?.values) {
    const values = { root_module: asRoot(childModule(plan.prior_state.values.root_module, prefix), strip) } as NonNullable<TerraformPlan['prior_state']>['values'] & object;
    const prior = byName(plan.prior_state.values.outputs);
    if (prior) values.outputs = prior;
    result.prior_state = { ...plan.prior_state, values };
  }
  if (plan.configuration) {
    result.configuration = {
      provider_config: providerConfigs(plan.configuration.provider_config, prefix),
      root_module: configuredModule(plan.configuration.root_module?.module_calls?.[module]?.module, prefix),
    };
  }
  if (plan.relevant_attributes) {
    result.relevant_attributes = plan.relevant_attributes.filter((a) => mine(a.resource)).map((a) => ({ ...a, resource: strip(a.resource)! }));
  }
  if (plan.checks) result.checks = checks(plan.checks, prefix);
  return result;
}

function childModule(root: PlannedModule | undefined, prefix: string): PlannedModule | undefined {
  return root?.child_modules?.find((m) => m.address === prefix);
}

function asRoot(module: PlannedModule | undefined, strip: (a: string | undefined) => string | undefined): PlannedModule {
  const convert = (m: PlannedModule, isRoot: boolean): PlannedModule => {
    const out: PlannedModule = {};
    if (!isRoot && m.address) out.address = strip(m.address);
    if (m.resources) out.resources = m.resources.map((r) => ({ ...r, address: strip(r.address)! }));
    if (m.child_modules) out.child_modules = m.child_modules.map((c) => convert(c, false));
    return out;
  };
  return module ? convert(module, true) : {};
}

function providerConfigs(configs: Record<string, ProviderConfig> | undefined, prefix: string): Record<string, ProviderConfig> {
  const out: Record<string, ProviderConfig> = {};
  for (const [key, config] of Object.entries(configs ?? {})) {
    const own = ownKey(key, prefix);
    if (own === undefined) continue;
    const copy: ProviderConfig = { ...config };
    if (config.module_address === prefix) delete copy.module_address;
    else if (config.module_address?.startsWith(`${prefix}.`)) copy.module_address = config.module_address.slice(prefix.length + 1);
    out[own] = copy;
  }
  return out;
}

/** `module.a:aws` → `aws`, `module.a.module.b:aws.x` → `module.b:aws.x`; other modules' keys → undefined. */
function ownKey(key: string, prefix: string): string | undefined {
  if (key.startsWith(`${prefix}:`)) return key.slice(prefix.length + 1);
  if (key.startsWith(`${prefix}.`)) return key.slice(prefix.length + 1);
  return undefined;
}

function configuredModule(module: ConfiguredModule | undefined, prefix: string): ConfiguredModule {
  if (!module) return {};
  const copy: ConfiguredModule = { ...module };
  if (module.resources) {
    copy.resources = module.resources.map((r) => (r.provider_config_key ? { ...r, provider_config_key: ownKey(r.provider_config_key, prefix) ?? r.provider_config_key } : r));
  }
  if (module.module_calls) {
    copy.module_calls = Object.fromEntries(
      Object.entries(module.module_calls).map(([name, call]) => [name, call.module ? { ...call, module: configuredModule(call.module, prefix) } : call]),
    );
  }
  return copy;
}

function checks(list: CheckResult[], prefix: string): CheckResult[] {
  const inMember = (module: string | undefined) => module === prefix || module?.startsWith(`${prefix}.`);
  const rewrite = <T extends { module?: string; to_display: string }>(address: T): T => {
    const copy = { ...address };
    if (address.module === prefix) delete copy.module;
    else if (address.module) copy.module = address.module.slice(prefix.length + 1);
    copy.to_display = address.to_display.startsWith(`${prefix}.`) ? address.to_display.slice(prefix.length + 1) : address.to_display;
    return copy;
  };
  return list
    .filter((check) => inMember(check.address.module))
    .map((check) => ({ ...check, address: rewrite(check.address), instances: check.instances?.map((i) => ({ ...i, address: rewrite(i.address) })) }));
}
