import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HARNESS_TMP_ROOT, type TerraformWorkspace } from '@privatelink-cdktf/terraform-harness';

/** A value's type, as the state builder needs it: Terraform's cty types, blocks turned into objects. */
export type ValueType =
  | { kind: 'string' | 'number' | 'bool' | 'dynamic' }
  | { kind: 'list' | 'set' | 'map'; element: ValueType }
  | { kind: 'object'; attributes: Record<string, ValueType> };

/** What a state needs of a resource type: its schema version and the type of its attributes. */
export interface ResourceSchema {
  version: number;
  type: Extract<ValueType, { kind: 'object' }>;
  /** Top-level attributes and blocks a configuration can set (required or optional), as opposed to computed only. */
  arguments: string[];
}

/** Bumped when the cached shape changes, so an old cache file is not read. */
const CACHE_FORMAT = 2;

/** Resource schemas by provider source (`registry.terraform.io/hashicorp/aws`) and resource type. */
export type ProviderSchemas = Record<string, Record<string, ResourceSchema>>;

type CtyJson = string | [string, unknown];

interface SchemaBlock {
  attributes?: Record<string, { type?: CtyJson; optional?: boolean; required?: boolean; nested_type?: { attributes: SchemaBlock['attributes']; nesting_mode: string } }>;
  block_types?: Record<string, { nesting_mode: string; block: SchemaBlock }>;
}

interface ProvidersSchemaJson {
  provider_schemas?: Record<string, { resource_schemas?: Record<string, { version: number; block: SchemaBlock }> }>;
}

/**
 * The resource schemas of the providers a workspace uses (`terraform providers schema -json`, about
 * 14 MB and a few seconds for the AWS provider), kept on disk per Terraform and provider versions,
 * so a machine asks Terraform once per provider release.
 */
export async function providerSchemas(workspace: TerraformWorkspace): Promise<ProviderSchemas> {
  const { stdout: versionJson } = await workspace.terraform(['version', '-json']);
  const version = JSON.parse(versionJson) as { terraform_version: string; provider_selections?: Record<string, string> };
  const key = createHash('sha256').update(JSON.stringify([CACHE_FORMAT, version.terraform_version, version.provider_selections ?? {}])).digest('hex').slice(0, 16);
  const cacheFile = path.join(HARNESS_TMP_ROOT, 'provider-schemas', `${key}.json`);
  try {
    return JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as ProviderSchemas;
  } catch {
    // Not cached yet (or unreadable): ask Terraform.
  }
  const { stdout } = await workspace.terraform(['providers', 'schema', '-json']);
  const schemas = trimSchemas(JSON.parse(stdout) as ProvidersSchemaJson);
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(schemas));
  fs.renameSync(tmp, cacheFile);
  return schemas;
}

/** Only versions and types: the descriptions are most of the 14 MB. */
export function trimSchemas(json: ProvidersSchemaJson): ProviderSchemas {
  const out: ProviderSchemas = {};
  for (const [provider, schema] of Object.entries(json.provider_schemas ?? {})) {
    out[provider] = {};
    for (const [type, resource] of Object.entries(schema.resource_schemas ?? {})) {
      const settable = Object.entries(resource.block.attributes ?? {}).filter(([, a]) => a.optional || a.required).map(([name]) => name);
      out[provider][type] = { version: resource.version, type: blockType(resource.block), arguments: [...settable, ...Object.keys(resource.block.block_types ?? {})].sort() };
    }
  }
  return out;
}

function blockType(block: SchemaBlock): Extract<ValueType, { kind: 'object' }> {
  const attributes: Record<string, ValueType> = {};
  for (const [name, attribute] of Object.entries(block.attributes ?? {})) {
    if (attribute.type !== undefined) attributes[name] = ctyType(attribute.type);
    else if (attribute.nested_type) attributes[name] = nested(attribute.nested_type.nesting_mode, blockType({ attributes: attribute.nested_type.attributes }));
  }
  for (const [name, nestedBlock] of Object.entries(block.block_types ?? {})) attributes[name] = nested(nestedBlock.nesting_mode, blockType(nestedBlock.block));
  return { kind: 'object', attributes };
}

function nested(mode: string, element: Extract<ValueType, { kind: 'object' }>): ValueType {
  if (mode === 'list' || mode === 'set' || mode === 'map') return { kind: mode, element };
  return element; // single, group
}

function ctyType(type: CtyJson): ValueType {
  if (typeof type === 'string') return type === 'string' || type === 'number' || type === 'bool' ? { kind: type } : { kind: 'dynamic' };
  const [kind, inner] = type;
  if (kind === 'list' || kind === 'set' || kind === 'map') return { kind, element: ctyType(inner as CtyJson) };
  if (kind === 'object') {
    return { kind: 'object', attributes: Object.fromEntries(Object.entries(inner as Record<string, CtyJson>).map(([k, v]) => [k, ctyType(v)])) };
  }
  return { kind: 'dynamic' }; // tuple: never the type of a resource attribute in practice
}
