import { countChanges, explainChange, reviewChanges, riskyChanges, type ChangeCounts, type ReviewAction, type ReviewedChange } from './changes';
import { checkIdentity, type GuardResult } from './identity-guard';
import { renderMermaid } from './mermaid';
import type { PlanJson } from './plan-json';
import { buildTopology } from './topology';

export interface PlanSummary {
  stack: string;
  terraformVersion?: string;
  counts: ChangeCounts;
  /** Replacements and deletes, each with Terraform's reason in words. */
  risky: Array<ReviewedChange & { why: string }>;
  changes: ReviewedChange[];
  /** The Mermaid flowchart source, when the plan has resources the diagram knows. */
  mermaid?: string;
  /** What the reviewer must know about how the plan was made, e.g. that its state was empty. */
  notes: string[];
  /** Terraform stopped planning part-way (`errored` in the plan JSON). */
  errored: boolean;
  /** The identity guard: replacements and destroys of resources others depend on (checkIdentity). */
  guard: GuardResult;
}

export interface SummaryOptions {
  /** What the reviewer must know about how the plan was made, e.g. that its state was empty. */
  notes?: readonly string[];
  /** Addresses whose replacement or destroy the change intends (the identity guard lets them pass). */
  allow?: readonly string[];
}

/** The order in which actions are listed: the dangerous ones first, unchanged resources last. */
const ACTION_ORDER: readonly ReviewAction[] = ['replace', 'delete', 'update', 'create', 'read', 'forget', 'no-op'];

/** Terraform's own symbols, so the list reads like `terraform plan`. */
const ACTION_LABELS: Record<ReviewAction, string> = {
  replace: '-/+ replace',
  delete: '- destroy',
  update: '~ update',
  create: '+ create',
  read: '<= read',
  forget: '. forget',
  'no-op': 'no change',
};

// Terraform's order: by code point, not by locale (`aws_iam_role.x` before `aws_iam_role_policy.y`).
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function summarizePlan(stack: string, plan: PlanJson, options: SummaryOptions = {}): PlanSummary {
  const changes = reviewChanges(plan).sort(
    (a, b) => ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action) || byCodePoint(a.address, b.address),
  );
  return {
    stack,
    terraformVersion: plan.terraform_version,
    counts: countChanges(changes),
    risky: riskyChanges(changes).map((c) => ({ ...c, why: explainChange(c) })),
    changes,
    mermaid: renderMermaid(buildTopology(plan)),
    notes: [...(options.notes ?? [])],
    errored: plan.errored === true,
    guard: checkIdentity(plan, options.allow),
  };
}

/** Inline code in a Markdown table cell: backticks cannot be escaped inside it, pipes must be. */
const code = (text: string): string => `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

const notesOf = (change: ReviewedChange): string =>
  [change.movedFrom && `moved from ${code(change.movedFrom)}`, change.importing && 'imported'].filter(Boolean).join('; ');

/** A table of resources; the note column only when a row has a note. */
function resourceTable(changes: readonly ReviewedChange[]): string[] {
  const withNotes = changes.some((c) => notesOf(c) !== '');
  const header = withNotes ? ['| action | resource | note |', '| --- | --- | --- |'] : ['| action | resource |', '| --- | --- |'];
  return [
    ...header,
    ...changes.map((c) => `| ${cell(ACTION_LABELS[c.action])} | ${code(c.address)} |${withNotes ? ` ${notesOf(c)} |` : ''}`),
  ];
}

export function renderMarkdown(summary: PlanSummary): string {
  const { counts } = summary;
  const out: string[] = [`## Terraform plan: ${code(summary.stack)}`, ''];
  const replaced = counts.replace > 0 ? ` (${counts.replace} ${counts.replace === 1 ? 'replacement' : 'replacements'}, counted in both)` : '';
  out.push(`**${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy**${replaced}`, '');
  for (const note of summary.notes) out.push(`> ${note.replace(/\r?\n/g, ' ')}`, '');
  if (summary.errored) out.push('> ❌ Terraform reported errors: this plan is incomplete.', '');

  const { violations, allowed } = summary.guard;
  if (violations.length > 0) {
    out.push('### ⛔ Identity guard: this change breaks what others depend on', '');
    for (const finding of violations) out.push(`- ${finding.message.replace(/\r?\n/g, ' ')}`);
    out.push('');
  }
  if (allowed.length > 0) {
    out.push('### Replacements the change allows', '');
    for (const finding of allowed) out.push(`- ${code(finding.address)} (${finding.action === 'replace' ? 'replaced' : 'destroyed'}, allowed by the change): ${finding.breaks.replace(/\r?\n/g, ' ')}`);
    out.push('');
  }

  if (summary.risky.length > 0) {
    out.push('### ⚠️ Replacements and destroys', '');
    out.push('| action | resource | why |', '| --- | --- | --- |');
    for (const change of summary.risky) out.push(`| ${cell(ACTION_LABELS[change.action])} | ${code(change.address)} | ${cell(change.why)} |`);
    out.push('');
  }

  const changed = summary.changes.filter((c) => c.action !== 'no-op' || c.movedFrom);
  const unchanged = summary.changes.filter((c) => c.action === 'no-op' && !c.movedFrom);
  out.push('### Resources', '');
  if (changed.length === 0) {
    out.push('No changes: the infrastructure matches the configuration.', '');
  } else {
    out.push(...resourceTable(changed), '');
  }
  if (unchanged.length > 0) {
    out.push(`<details><summary>${unchanged.length} unchanged</summary>`, '');
    out.push(...resourceTable(unchanged), '', '</details>', '');
  }

  out.push('### PrivateLink topology', '');
  if (summary.mermaid) {
    out.push('```mermaid', summary.mermaid, '```', '');
  } else {
    out.push('Nothing in this plan belongs to the PrivateLink topology.', '');
  }
  if (summary.terraformVersion) out.push(`<sub>Terraform ${summary.terraformVersion}</sub>`, '');
  return out.join('\n');
}
