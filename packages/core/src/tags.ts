/** The tags every resource of an environment carries (set as the AWS provider's default_tags). */
export interface StandardTagsProps {
  /** The application or product, for example `saas-provider`. */
  readonly application: string;
  /** The environment, for example `prod`. */
  readonly environment: string;
  /** Who runs it; shown to whoever finds the resource in the console. @default - no owner tag */
  readonly owner?: string;
  /** Extra tags; they win over the standard ones. @default {} */
  readonly extra?: Record<string, string>;
}

export const MANAGED_BY = 'privatelink-cdktf';

export function standardTags(props: StandardTagsProps): Record<string, string> {
  return {
    application: props.application,
    environment: props.environment,
    'managed-by': MANAGED_BY,
    ...(props.owner ? { owner: props.owner } : {}),
    ...props.extra,
  };
}

/** Adds a Name tag to a resource's own tags; AWS consoles show it in every list. */
export function nameTags(name: string, tags?: Record<string, string>): Record<string, string> {
  return { Name: name, ...tags };
}
