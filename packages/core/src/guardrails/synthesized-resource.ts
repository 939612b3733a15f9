import { DefaultTokenResolver, StringConcat, TerraformResource, Tokenization } from 'cdktf';

/**
 * A resource as it lands in cdk.tf.json: Terraform type, logical name, snake_case attributes with
 * overrides applied and references rendered as `${aws_vpc.Network_Vpc_1A2B3C4D.id}`.
 */
export interface SynthesizedResource {
  /** For example `aws_vpc_endpoint`. */
  readonly type: string;
  /** The logical ID, for example `Endpoint_Endpoint_1A2B3C4D`. */
  readonly name: string;
  /** `<type>.<name>`, the Terraform address. */
  readonly address: string;
  /** The construct path, for example `app-prod/Endpoint/Endpoint`. */
  readonly path: string;
  /** The synthesized attributes, without the `//` metadata. */
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly construct: TerraformResource;
}

const RESOLVER = new DefaultTokenResolver(new StringConcat());

/**
 * Reads a resource through its own `toTerraform()` and resolves the tokens, so rules see exactly
 * what Terraform will see (constructor config, setters and `addOverride` alike), not cdktf internals.
 */
export function synthesizedResource(resource: TerraformResource): SynthesizedResource {
  const fragment = Tokenization.resolve(resource.toTerraform(), { scope: resource, preparing: false, resolver: RESOLVER }) as {
    resource?: Record<string, Record<string, Record<string, unknown>>>;
  };
  const type = resource.terraformResourceType;
  const name = resource.friendlyUniqueId;
  // A moved resource synthesizes no `resource` block; its attributes are then unknown (empty).
  const attributes = { ...fragment.resource?.[type]?.[name] };
  delete attributes['//'];
  return { type, name, address: `${type}.${name}`, path: resource.node.path, attributes, construct: resource };
}

/** True for a string that Terraform computes (contains `${...}`): literal checks skip it. */
export function isExpression(value: unknown): value is string {
  return typeof value === 'string' && value.includes('${');
}

/**
 * A nested block as a list of objects: cdktf writes single blocks as an object and repeated blocks
 * as a list, and Terraform JSON accepts both.
 */
export function blocksOf(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null);
  if (typeof value === 'object' && value !== null) return [value as Record<string, unknown>];
  return [];
}

/** The literal strings of an attribute that is a string or a list of strings. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  return [];
}

/**
 * A literal boolean as Terraform reads it (`true`, `"true"`), `undefined` when not set, and
 * `'unknown'` for an expression.
 */
export function booleanOf(value: unknown): boolean | undefined | 'unknown' {
  if (value === undefined || value === null) return undefined;
  if (isExpression(value)) return 'unknown';
  return value === true || value === 'true';
}

/** A reference inside a Terraform expression: `aws_vpc.Name.default_security_group_id`. */
export interface ResourceReference {
  /** `aws_vpc.Name` */
  readonly address: string;
  /** `default_security_group_id`, or `''` for a reference to the whole resource. */
  readonly attribute: string;
}

const REFERENCE = /(?<![\w.])(aws_[a-z0-9_]+)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.([a-z_][a-z0-9_]*))?/g;

/** The managed resources (not data sources) that a value refers to in its expressions. */
export function referencesIn(value: unknown): ResourceReference[] {
  const found = new Map<string, ResourceReference>();
  for (const text of deepStrings(value)) {
    if (!text.includes('${')) continue;
    for (const match of text.matchAll(REFERENCE)) {
      const reference = { address: `${match[1]}.${match[2]}`, attribute: match[3] ?? '' };
      found.set(`${reference.address}#${reference.attribute}`, reference);
    }
  }
  return [...found.values()];
}

function deepStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(deepStrings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(deepStrings);
  return [];
}
