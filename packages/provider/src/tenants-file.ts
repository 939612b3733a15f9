import * as fs from 'node:fs';
import { ConfigError } from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { TENANT_STATES, type TenantConfig, requireTenantConfig, requireTenantList } from './tenant';

/**
 * The tenants of one endpoint service as data, in YAML (or JSON, which YAML reads too):
 *
 * ```yaml
 * tenants:
 *   - key: acme-bank
 *     principals: [arn:aws:iam::555500001111:root]
 *     endpointIds: [vpce-0a1b2c3d4e5f60718]
 *   - key: old-customer
 *     state: offboarded
 *     principals: [arn:aws:iam::555500009999:root]
 * ```
 */
export interface TenantsFileContent {
  readonly tenants: readonly TenantConfig[];
}

const FIELDS = ['key', 'principals', 'endpointIds', 'state'] as const;
const TENANT = z.strictObject({
  key: z.string(),
  principals: z.array(z.string()),
  endpointIds: z.array(z.string()).optional(),
  state: z.enum(TENANT_STATES).optional(),
});
const TENANTS_FILE = z.strictObject({ tenants: z.array(TENANT) });

/** A tenants file that cannot be used: the message names the file (and line), the entry, the field and the fix. */
export class TenantsFileError extends Error {
  public readonly file: string;
  /** The index of the entry in `tenants`. @default - the file as a whole */
  public readonly entry?: number;
  /** The field of the entry, for example `principals[1]`. @default - the entry or file as a whole */
  public readonly field?: string;

  constructor(file: string, message: string, where: { entry?: number; field?: string; line?: number } = {}) {
    super(`${file}${where.line !== undefined ? `:${where.line}` : ''}: ${message}`);
    this.name = 'TenantsFileError';
    this.file = file;
    this.entry = where.entry;
    this.field = where.field;
  }
}

/** Reads a tenants file and checks it the way the Tenant and EndpointService constructs will. */
export function loadTenantsFile(file: string): TenantConfig[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new TenantsFileError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); create it with \`tenants: []\`, or check the path`);
  }
  return parseTenantsFile(text, file);
}

/** Checks the text of a tenants file; `file` names it in errors. Entries keep their order. */
export function parseTenantsFile(text: string, file: string): TenantConfig[] {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (path: readonly PropertyKey[]) => lineAt(document, lines, path);
  if (document.errors.length > 0) {
    const [error] = document.errors;
    throw new TenantsFileError(file, `is not valid YAML or JSON: ${error.message.split('\n')[0]}; fix the syntax`, { line: lines.linePos(error.pos[0]).line });
  }
  const parsed = TENANTS_FILE.safeParse(document.toJS() ?? {}, { reportInput: true });
  if (!parsed.success) {
    // A misspelt field also leaves the right one missing: name the misspelling, which is the cause.
    const issue = parsed.error.issues.find((candidate) => candidate.code === 'unrecognized_keys') ?? parsed.error.issues[0];
    // Only `tenants` holds a list, so a numeric second part is always an entry of it.
    const [, entry, ...rest] = issue.path;
    const where = typeof entry === 'number' ? { entry, field: fieldPath(rest) } : { field: fieldPath(issue.path) };
    throw new TenantsFileError(file, `${entryLabel(document, where.entry)}${describeIssue(issue, where)}`, { ...where, line: lineOf(issue.path) });
  }
  const tenants: TenantConfig[] = parsed.data.tenants.map((tenant) => ({
    key: tenant.key,
    principals: tenant.principals,
    ...(tenant.endpointIds !== undefined ? { endpointIds: tenant.endpointIds } : {}),
    ...(tenant.state !== undefined ? { state: tenant.state } : {}),
  }));
  // The constructs' own checks, each entry a scope of its own so errors say which entry.
  // Stryker disable next-line StringLiteral: the root's ID only prefixes the entries' paths, which are matched and stripped whole
  const root = new Construct(undefined as unknown as Construct, '');
  const entries = tenants.map((_, index) => new TenantsFileEntry(root, `tenants[${index}]`));
  try {
    tenants.forEach((tenant, index) => requireTenantConfig({ scope: entries[index], field: '' }, tenant));
    requireTenantList((index) => ({ scope: entries[index], field: '' }), tenants);
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: the file has passed the schema, so the checks throw ConfigErrors only
    if (!(error instanceof ConfigError)) throw error;
    // Every check reports at the entry it checks.
    const entry = entries.findIndex((scope) => scope.node.path === error.constructPath);
    const prefix = `${TenantsFileEntry.name} '${error.constructPath}': `;
    const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    throw new TenantsFileError(file, `${entryLabel(document, entry)}${detail}`, { entry, field: error.field, line: lineOf(['tenants', entry, error.field]) });
  }
  return tenants;
}

/** One entry of a tenants file, as a scope for the constructs' checks. */
class TenantsFileEntry extends Construct {}

function entryLabel(document: Document, entry: number | undefined): string {
  if (entry === undefined) return '';
  const key = document.getIn(['tenants', entry, 'key']);
  return `tenants[${entry}]${typeof key === 'string' ? ` (${key})` : ''}: `;
}

function fieldPath(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  // An entry has no nested mappings: a field is a name, maybe with a list index.
  return path.map((part) => (typeof part === 'number' ? `[${part}]` : String(part))).join('');
}

function describeIssue(issue: z.core.$ZodIssue, { entry, field }: { entry?: number; field?: string }): string {
  const subject = field ? `'${field}'` : entry !== undefined ? 'the entry' : 'the file';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = entry === undefined ? ['tenants'] : [...FIELDS];
      const unknown = issue.keys.map((key) => `'${key}'`).join(', ');
      const guess = issue.keys.map((key) => known.find((name) => name.toLowerCase().startsWith(key.toLowerCase().slice(0, 4)))).find(Boolean);
      return `${subject} has the unknown field${issue.keys.length > 1 ? 's' : ''} ${unknown}; ${guess ? `did you mean '${guess}'? ` : ''}the fields are ${known.join(', ')}`;
    }
    case 'invalid_type':
      if (issue.input === undefined) return `${subject} is missing; ${fixFor(field, entry)}`;
      return `${subject} is ${describeInput(issue.input)}, not ${article(issue.expected)}; ${fixFor(field, entry)}`;
    case 'invalid_value':
      return `${subject} is ${describeInput(issue.input)}; use one of ${issue.values.map((value) => `'${String(value)}'`).join(', ')}`;
    // Strict mappings, lists of strings and an enum give only the issues above.
    // Stryker disable next-line ConditionalExpression: unreachable, see above
    default:
      // Stryker disable next-line StringLiteral: unreachable, see above
      return `${subject}: ${issue.message}`;
  }
}

/** The fix for each field that can have the wrong type (`state` is checked by value), for an entry, and for the file. */
const FIX = {
  tenants: 'give a list of tenants, for example `tenants: []`',
  entry: 'write the entry as a mapping, for example { key: acme-bank, principals: [arn:aws:iam::123456789012:root] }',
  key: "give a stable key such as 'acme-bank'",
  principals: 'give a list of principal ARNs, for example [arn:aws:iam::123456789012:root]',
  endpointIds: 'give a list of endpoint IDs, for example [vpce-0a1b2c3d4e5f60718]',
} as const;

/** The fix for a field (`principals[1]` is one of `principals`), else for the entry, else for the file. */
function fixFor(field: string | undefined, entry: number | undefined): string {
  if (field !== undefined) return FIX[field.split('[')[0] as keyof typeof FIX];
  return entry === undefined ? FIX.tenants : FIX.entry;
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a mapping';
  // The schema's only other type is string.
  return `a ${type}`;
}

function describeInput(input: unknown): string {
  if (input === null) return 'empty';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return typeof input === 'string' ? `'${input}'` : String(input);
}

/** The 1-based line of the node at `path`, or of its nearest parent that exists. */
function lineAt(document: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = document.getIn(path.slice(0, length), true);
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    if (range) return lines.linePos(range[0]).line;
  }
  return undefined;
}
