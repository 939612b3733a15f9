// Minimal shapes of `terraform validate -json` and `terraform show -json <plan>`: only what tests read.

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
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  provider_name: string;
  change: {
    actions: ChangeAction[];
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    /** Attributes only known after apply: `true`, or nested objects/arrays of flags. */
    after_unknown?: Record<string, unknown>;
  };
}

export interface PlannedResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  values: Record<string, unknown>;
}

export interface PlannedModule {
  address?: string;
  resources?: PlannedResource[];
  child_modules?: PlannedModule[];
}

export interface TerraformPlan {
  format_version: string;
  terraform_version: string;
  resource_changes?: ResourceChange[];
  planned_values?: { root_module: PlannedModule; outputs?: Record<string, unknown> };
  configuration?: Record<string, unknown>;
  errored?: boolean;
}
