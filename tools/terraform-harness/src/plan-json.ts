// Shapes of `terraform validate -json`, `terraform plan -json` (its diagnostics) and
// `terraform show -json <plan>`: what the harness and its callers read, the rest left open.

export interface Diagnostic {
  severity: 'error' | 'warning';
  summary: string;
  detail?: string;
  address?: string;
  range?: { filename: string; start: { line: number; column: number } };
}

export interface ValidateOutput {
  valid: boolean;
  error_count: number;
  warning_count: number;
  diagnostics: Diagnostic[];
}

export type ChangeAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';

export interface ResourceChange {
  address: string;
  module_address?: string;
  previous_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  provider_name: string;
  action_reason?: string;
  change: {
    actions: ChangeAction[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    /** Attributes only known after apply: `true`, or nested objects/arrays of flags. */
    after_unknown?: Record<string, unknown>;
    after_sensitive?: Record<string, unknown> | boolean;
    before_sensitive?: Record<string, unknown> | boolean;
    replace_paths?: Array<Array<string | number>>;
  };
}

export interface PlannedResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  provider_name?: string;
  schema_version?: number;
  values: Record<string, unknown>;
  sensitive_values?: Record<string, unknown>;
}

export interface PlannedModule {
  address?: string;
  resources?: PlannedResource[];
  child_modules?: PlannedModule[];
}

/** A resource in the plan's `configuration`: its provider configuration and expressions. */
export interface ConfiguredResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  provider_config_key?: string;
  expressions?: Record<string, unknown>;
  depends_on?: string[];
  [key: string]: unknown;
}

export interface ConfiguredModule {
  resources?: ConfiguredResource[];
  module_calls?: Record<string, { source?: string; module?: ConfiguredModule; [key: string]: unknown }>;
  outputs?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface ProviderConfig {
  name: string;
  full_name?: string;
  alias?: string;
  module_address?: string;
  expressions?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface CheckResult {
  address: { kind: string; module?: string; name?: string; to_display: string; [key: string]: unknown };
  status: string;
  instances?: Array<{ address: { module?: string; to_display: string; [key: string]: unknown }; [key: string]: unknown }>;
}

export interface TerraformPlan {
  format_version: string;
  terraform_version: string;
  resource_changes?: ResourceChange[];
  resource_drift?: ResourceChange[];
  output_changes?: Record<string, unknown>;
  planned_values?: { root_module: PlannedModule; outputs?: Record<string, unknown> };
  prior_state?: { format_version?: string; terraform_version?: string; values?: { root_module: PlannedModule; outputs?: Record<string, unknown> } };
  configuration?: { provider_config?: Record<string, ProviderConfig>; root_module?: ConfiguredModule };
  relevant_attributes?: Array<{ resource: string; attribute: unknown[] }>;
  checks?: CheckResult[];
  errored?: boolean;
  [key: string]: unknown;
}
