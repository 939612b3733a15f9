import type { PlanAction, PlanJson, PlanResourceChange } from './plan-json';

/** One verb per resource, the way a reviewer reads it. */
export type ReviewAction = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'forget' | 'no-op';

export interface ChangeCounts {
  add: number;
  change: number;
  destroy: number;
  /** Replacements, already counted in both `add` and `destroy`. */
  replace: number;
}

export interface ReviewedChange {
  address: string;
  type: string;
  action: ReviewAction;
  /** Terraform's reason for a replacement or a delete, e.g. `replace_because_cannot_update`. */
  reason?: string;
  /** Attributes that force a replacement, rendered as `tags.Name` or `ingress[0].cidr_blocks`. */
  replacePaths: string[];
  /** The address before a move. */
  movedFrom?: string;
  importing: boolean;
}

export function reviewAction(actions: readonly PlanAction[]): ReviewAction {
  if (actions.includes('create') && actions.includes('delete')) return 'replace';
  if (actions.includes('delete')) return 'delete';
  if (actions.includes('create')) return 'create';
  if (actions.includes('update')) return 'update';
  if (actions.includes('read')) return 'read';
  if (actions.includes('forget')) return 'forget';
  return 'no-op';
}

export function renderAttributePath(path: ReadonlyArray<string | number>): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
}

/** Managed resources and data sources of the plan, in Terraform's order (sorted by address). */
export function reviewChanges(plan: PlanJson): ReviewedChange[] {
  return (plan.resource_changes ?? []).map((rc: PlanResourceChange) => {
    const action = reviewAction(rc.change.actions);
    return {
      address: rc.address,
      type: rc.type,
      action,
      reason: rc.action_reason,
      replacePaths: (rc.change.replace_paths ?? []).map(renderAttributePath),
      movedFrom: rc.previous_address && rc.previous_address !== rc.address ? rc.previous_address : undefined,
      importing: Boolean(rc.change.importing),
    };
  });
}

/** Like Terraform's "Plan: X to add, Y to change, Z to destroy": a replacement adds and destroys. */
export function countChanges(changes: readonly ReviewedChange[]): ChangeCounts {
  const counts: ChangeCounts = { add: 0, change: 0, destroy: 0, replace: 0 };
  for (const { action } of changes) {
    if (action === 'create' || action === 'replace') counts.add++;
    if (action === 'update') counts.change++;
    if (action === 'delete' || action === 'replace') counts.destroy++;
    if (action === 'replace') counts.replace++;
  }
  return counts;
}

/** Replacements and deletes: what can cut off a customer, first in the review. */
export function riskyChanges(changes: readonly ReviewedChange[]): ReviewedChange[] {
  return changes.filter((c) => c.action === 'replace' || c.action === 'delete');
}

const REASONS: Record<string, string> = {
  replace_because_cannot_update: 'an argument that cannot be updated in place changed',
  replace_because_tainted: 'the resource is tainted',
  replace_by_request: 'replacement was requested (-replace)',
  replace_by_triggers: 'a replace_triggered_by reference changed',
  delete_because_no_resource_config: 'the resource is no longer in the configuration',
  delete_because_no_module: 'its module is no longer in the configuration',
  delete_because_wrong_repetition: 'count/for_each was added or removed',
  delete_because_count_index: 'its count index is out of range',
  delete_because_each_key: 'its for_each key is gone',
  delete_because_no_move_target: 'the target of its moved block does not exist',
};

/** Terraform's `action_reason` in words (`replace_by_triggers` → "a replace_triggered_by reference changed"). */
export function explainReason(reason: string): string {
  return REASONS[reason] ?? reason;
}

/** A reviewer's sentence for Terraform's `action_reason`, plus the attributes that force a replacement. */
export function explainChange(change: ReviewedChange): string {
  const parts: string[] = [];
  if (change.reason) parts.push(explainReason(change.reason));
  if (change.replacePaths.length > 0) parts.push(`forced by ${change.replacePaths.map((p) => `\`${p}\``).join(', ')}`);
  if (parts.length === 0) parts.push(change.action === 'delete' ? 'removed from the configuration' : 'replaced');
  return parts.join('; ');
}
