// The parts of `terraform show -json <planfile>` that a review reads. Everything is optional that
// Terraform leaves out in some plans (no changes, no configuration, older format versions).

export type PlanAction = 'no-op' | 'create' | 'read' | 'update' | 'delete' | 'forget';

export interface PlanResourceChange {
  address: string;
  /** Set when the resource was moved (a `moved` block or `terraform state mv`). */
  previous_address?: string;
  module_address?: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  /** Why Terraform replaces or deletes it, e.g. `replace_because_cannot_update`. */
  action_reason?: string;
  change: {
    actions: PlanAction[];
    before?: Record<string, unknown> | null;
    after?: Record<string, unknown> | null;
    /** Attribute paths that force the replacement, e.g. `[["subnet_ids"], ["tags", "Name"]]`. */
    replace_paths?: Array<Array<string | number>>;
    importing?: { id?: string } | null;
  };
}

/** An expression in the plan's `configuration`: what it refers to, at any depth. */
export interface ConfigResource {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  expressions?: Record<string, unknown>;
}

export interface ConfigModule {
  resources?: ConfigResource[];
  module_calls?: Record<string, { module?: ConfigModule }>;
}

export interface PlanJson {
  format_version?: string;
  terraform_version?: string;
  resource_changes?: PlanResourceChange[];
  configuration?: { root_module?: ConfigModule };
  errored?: boolean;
}
