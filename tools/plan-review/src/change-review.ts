import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDiagnostic, TerraformWorkspace, type Member, type TerraformPlan } from '@privatelink-cdktf/terraform-harness';
import { buildState, combineStates, STATE_FILE, type StateFile } from './state-builder';

/** One stack's plan of the change: its head configuration planned against its base state. */
export interface StackChange {
  name: string;
  /** The plan as `terraform show -json` gives it for this stack alone. */
  plan?: TerraformPlan;
  /** Why Terraform could not plan the head configuration of this stack. */
  error?: Error;
  /** True when the stack had no base configuration, so it was planned from an empty state. */
  new: boolean;
}

export interface ChangeReview {
  stacks: StackChange[];
  /** Plans the state builder took (the empty-state plan and the convergence rounds). */
  statePlans: number;
  /** Milliseconds: building the base state, and planning the head against it. */
  timings: { state: number; plan: number; total: number };
}

/**
 * Plans how a change would apply, offline: builds the state of the base configurations (see
 * buildState), then plans the head configurations against it, in one Terraform working dir for
 * every stack. Each stack's plan shows real updates, replacements (with the attributes that force
 * them) and destroys. A stack of the head that the base lacks is planned from an empty state (and
 * one the head lacks is not reviewed). A head configuration Terraform rejects gets its error, and
 * the others are planned again with that stack at its base configuration.
 */
export async function planChange(base: readonly Member[], head: readonly Member[], options: { label?: string; keepDir?: boolean } = {}): Promise<ChangeReview> {
  const started = performance.now();
  const workspace = await TerraformWorkspace.create(options.label ?? (head.length === 1 ? `review-${head[0].name}` : `review-${head.length}-stacks`));
  const headNames = new Set(head.map((m) => m.name));
  const reviewedBase = base.filter((m) => headNames.has(m.name));
  const modules = reviewedBase.length > 1 || head.length > 1;
  const changes = new Map<string, StackChange>();
  try {
    const built = reviewedBase.length > 0 ? await buildState(workspace, reviewedBase, { modules }) : { plans: 0 };
    const stateMs = performance.now() - started;
    await planHead(workspace, head, reviewedBase, modules, changes);
    const total = performance.now() - started;
    return {
      stacks: head.map((m) => changes.get(m.name)!),
      statePlans: built.plans,
      timings: { state: Math.round(stateMs), plan: Math.round(total - stateMs), total: Math.round(total) },
    };
  } finally {
    if (options.keepDir) workspace.release();
    else await workspace.dispose();
  }
}

/**
 * Plans the head configurations against the state in the workspace; a head configuration Terraform
 * rejects gets its error, and the others are planned again with that stack at its base configuration.
 */
async function planHead(workspace: TerraformWorkspace, head: readonly Member[], base: readonly Member[], modules: boolean, changes: Map<string, StackChange>): Promise<void> {
  const baseNames = new Set(base.map((m) => m.name));
  let remaining = [...head];
  // Stacks that failed stay in the run at their base configuration: their resources are in the state.
  const parked: Member[] = [];
  while (remaining.length > 0) {
    await workspace.setMembers([...remaining, ...parked], { modules });
    await workspace.init();
    const planned = await workspace.plan({ out: 'change.tfplan' });
    if (planned.exitCode !== 0) {
      const errors = planned.diagnostics.filter((d) => d.severity === 'error');
      const failing = new Set(errors.map((d) => workspace.memberOf(d)));
      if (failing.has(undefined) || failing.size === 0 || [...failing].some((name) => !remaining.some((m) => m.name === name))) {
        throw new Error(`terraform could not plan the change:\n${errors.map((d) => formatDiagnostic(workspace.forMember(d))).join('\n') || '(no diagnostic)'}`);
      }
      for (const name of failing as Set<string>) {
        const own = errors.filter((d) => workspace.memberOf(d) === name).map((d) => formatDiagnostic(workspace.forMember(d)));
        changes.set(name, { name, new: !baseNames.has(name), error: new Error(`terraform plan found ${own.length} error(s) in ${name}:\n${own.join('\n')}`) });
      }
      remaining = remaining.filter((m) => !failing.has(m.name));
      parked.push(...base.filter((m) => failing.has(m.name)));
      continue;
    }
    const plan = await workspace.show('change.tfplan');
    for (const member of remaining) changes.set(member.name, { name: member.name, new: !baseNames.has(member.name), plan: workspace.planOf(plan, member.name) });
    remaining = [];
  }
}

/**
 * Plans head configurations against states given per stack (for example states built earlier and
 * kept in a repository: see buildState and stackState), in one Terraform run. A stack without a
 * state is planned from an empty one.
 */
export async function planAgainstStates(head: readonly Member[], states: ReadonlyMap<string, StateFile>, options: { label?: string; keepDir?: boolean } = {}): Promise<ChangeReview> {
  const started = performance.now();
  const workspace = await TerraformWorkspace.create(options.label ?? `review-${head.length}-stacks`);
  const modules = head.length > 1;
  const changes = new Map<string, StackChange>();
  try {
    await workspace.setMembers(head, { modules });
    const known = head.filter((m) => states.has(m.name));
    if (known.length > 0) {
      const combined = combineStates(known.map((m) => ({ state: states.get(m.name)!, modulePath: workspace.modulePath(m.name) })));
      fs.writeFileSync(path.join(workspace.dir, STATE_FILE), JSON.stringify(combined));
    }
    // Without base configurations a failing stack cannot be parked, so it fails the whole run.
    await planHead(workspace, head, [], modules, changes);
    for (const member of head) {
      const change = changes.get(member.name);
      if (change) change.new = !states.has(member.name);
    }
    const total = Math.round(performance.now() - started);
    return { stacks: head.map((m) => changes.get(m.name)!), statePlans: 0, timings: { state: 0, plan: total, total } };
  } finally {
    if (options.keepDir) workspace.release();
    else await workspace.dispose();
  }
}
