import type { IConstruct } from 'constructs';
import { configError } from '../config-error';

/**
 * A named opt-in a user chose on a construct that no guardrail rule judges (for example
 * `unlisted: true` to reach an AWS service newer than the catalogue). Written to the synthesized
 * JSON under `"//": { "guardrails": { "optIns": [...] } }`, so a reviewer sees it with the plan.
 */
export interface RecordedOptIn {
  /** The construct path. */
  readonly path: string;
  /** The option's name as the user wrote it, for example `unlisted`. */
  readonly optIn: string;
  /** What it allowed, in one line. */
  readonly detail: string;
}

/** The metadata type under which opt-ins are recorded on constructs. */
export const OPT_IN_METADATA = 'privatelink-cdktf:guardrails:opt-in';

/** Records that the user of `scope` chose `optIn` by name; see {@link RecordedOptIn}. */
export function recordOptIn(scope: IConstruct, optIn: string, detail: string): void {
  if (!optIn?.trim()) configError(scope, 'optIn', 'is empty', 'name the option the user set');
  if (!detail?.trim()) configError(scope, optIn, 'was recorded without a detail', 'say in one line what the opt-in allows');
  scope.node.addMetadata(OPT_IN_METADATA, { optIn: optIn.trim(), detail: detail.trim() });
}
