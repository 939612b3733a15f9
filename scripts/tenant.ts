// npm run tenant -- list <env>
// npm run tenant -- add <env> <key> --principal <arn> [--principal <arn>...] [--endpoint vpce-...]... [--dry-run]
// npm run tenant -- remove <env> <key> [--dry-run]
// npm run tenant -- offboard <env> <key> [--dry-run]
//
// Edits the tenants file of a saas-provider environment (apps/saas-provider/src/environments/
// <env>.tenants.yaml), keeping its order and comments: `add` appends a tenant (or adds principals and
// endpoints to one), `remove` deletes it, `offboard` keeps it on record as offboarded. The new file is
// checked as synth checks it, the app is synthesized before and after, and the resources the next plan
// adds, removes or changes are printed; the file is written only if all of that succeeds.
// --tenants-dir DIR edits the files in DIR instead (synthesized with the cdktf context tenantsDir).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parseTenantsFile, type TenantConfig } from '@privatelink-cdktf/provider';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { REPO_ROOT, capture, displayPath, main } from './run';

const USAGE = `usage:
  npm run tenant -- list <env>
  npm run tenant -- add <env> <key> --principal <arn> [--principal <arn>...] [--endpoint vpce-...]... [--dry-run]
  npm run tenant -- remove <env> <key> [--dry-run]
  npm run tenant -- offboard <env> <key> [--dry-run]
options: --tenants-dir DIR  the tenants files' directory (default apps/saas-provider/src/environments)`;

const APP = 'saas-provider';
const ENVIRONMENTS = ['dev', 'stg', 'prod'];
const DEFAULT_DIR = path.join(REPO_ROOT, 'apps', APP, 'src', 'environments');

main(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      principal: { type: 'string', multiple: true, default: [] },
      endpoint: { type: 'string', multiple: true, default: [] },
      'dry-run': { type: 'boolean', default: false },
      'tenants-dir': { type: 'string', default: DEFAULT_DIR },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const [command, environment, key, ...extra] = positionals;
  if (!['list', 'add', 'remove', 'offboard'].includes(command)) throw new Error(`unknown command ${command === undefined ? '(none)' : `'${command}'`}\n${USAGE}`);
  if (!ENVIRONMENTS.includes(environment)) throw new Error(`expected an environment (${ENVIRONMENTS.join(', ')}), got ${environment === undefined ? 'none' : `'${environment}'`}\n${USAGE}`);
  const dir = path.resolve(values['tenants-dir']);
  const file = path.join(dir, `${environment}.tenants.yaml`);
  const shown = displayPath(file);
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : 'tenants: []\n';
  const tenants = parseTenantsFile(text, shown);

  if (command === 'list') {
    if (key !== undefined) throw new Error(`list takes no key\n${USAGE}`);
    return list(tenants, shown);
  }
  if (key === undefined || extra.length > 0) throw new Error(`expected one tenant key\n${USAGE}`);
  if (command !== 'add' && (values.principal.length > 0 || values.endpoint.length > 0)) throw new Error(`--principal and --endpoint go with add\n${USAGE}`);

  const document = parseDocument(text);
  const summary = edit(document, tenants, command, key, values.principal, values.endpoint);
  const updated = document.toString();
  // The same checks synth makes, before anything is synthesized or written.
  const after = parseTenantsFile(updated, shown);

  const stack = `${APP}-${environment}`;
  const before = synthesize(stack, dir);
  const candidateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenants-'));
  let synthesized: StackJson;
  try {
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.tenants.yaml'))) fs.copyFileSync(path.join(dir, name), path.join(candidateDir, name));
    fs.writeFileSync(path.join(candidateDir, `${environment}.tenants.yaml`), updated);
    synthesized = synthesize(stack, candidateDir);
  } catch (error) {
    throw new Error(`${shown} is unchanged: ${APP} does not synthesize with this edit\n${error instanceof Error ? error.message.replace(/^`[^`]*` failed with exit code \d+:\n/, '') : String(error)}`);
  } finally {
    fs.rmSync(candidateDir, { recursive: true, force: true });
  }

  console.log(summary);
  report(stack, compare(before, synthesized));
  if (values['dry-run']) {
    console.log(`dry run: ${shown} is unchanged`);
  } else {
    writeAtomically(file, updated);
    console.log(`wrote ${shown}`);
  }
  const offboarded = after.find((t) => t.key === key && t.state === 'offboarded');
  if (command === 'offboard' && offboarded && (offboarded.endpointIds ?? []).length > 0) {
    const region = synthesized.provider?.aws?.[0]?.region ?? 'ap-northeast-1';
    console.log(
      [
        '',
        `Terraform rejects the connections it accepted (${(offboarded.endpointIds ?? []).join(', ')}) when it destroys their accepters.`,
        'An endpoint of this tenant that was accepted by hand, or still waits, has no accepter: list it under its endpointIds and reject it yourself',
        '(the AWS provider has no resource that rejects a connection):',
        `  SERVICE_ID=$(cd apps/${APP}/cdktf.out/stacks/${stack} && terraform output -raw service_id)`,
        `  aws ec2 reject-vpc-endpoint-connections --region ${region} --service-id "$SERVICE_ID" --vpc-endpoint-ids ${(offboarded.endpointIds ?? []).join(' ')}`,
      ].join('\n'),
    );
  }
});

function list(tenants: readonly TenantConfig[], file: string): void {
  console.log(`${file}: ${tenants.length} tenant${tenants.length === 1 ? '' : 's'}`);
  for (const tenant of tenants) {
    console.log(`${tenant.key}  ${tenant.state ?? 'active'}`);
    for (const principal of tenant.principals) console.log(`  principal  ${principal}`);
    for (const endpoint of tenant.endpointIds ?? []) console.log(`  endpoint   ${endpoint}${tenant.state === 'offboarded' ? '  (to reject)' : ''}`);
  }
}

/** Applies the command to the YAML document in place (comments and order kept); returns what it did. */
function edit(document: Document, tenants: readonly TenantConfig[], command: string, key: string, principals: readonly string[], endpoints: readonly string[]): string {
  if (!isMap(document.contents)) document.contents = document.createNode({ tenants: [] }) as YAMLMap;
  let list = document.get('tenants') as YAMLSeq | undefined;
  if (!isSeq(list)) {
    list = document.createNode([]) as YAMLSeq;
    document.set('tenants', list);
  }
  list.flow = false;
  const index = tenants.findIndex((t) => t.key === key);
  const existing = tenants[index];
  const entry = index >= 0 ? (list.items[index] as YAMLMap) : undefined;
  if (command === 'add') {
    if (!existing) {
      if (principals.length === 0) throw new Error(`a new tenant needs at least one --principal <arn>\n${USAGE}`);
      list.add(document.createNode({ key, principals, ...(endpoints.length > 0 ? { endpointIds: endpoints } : {}) }));
      return `added tenant ${key} (${principals.length} principal${principals.length === 1 ? '' : 's'}${endpoints.length > 0 ? `, ${endpoints.length} endpoint${endpoints.length === 1 ? '' : 's'}` : ''})`;
    }
    if (existing.state === 'offboarded') throw new Error(`tenant ${key} is offboarded; to bring it back, set its state to active in the file, or remove it first`);
    if (principals.length === 0 && endpoints.length === 0) throw new Error(`tenant ${key} exists: give the --principal or --endpoint to add to it`);
    appendAll(document, entry as YAMLMap, 'principals', principals);
    appendAll(document, entry as YAMLMap, 'endpointIds', endpoints);
    return `updated tenant ${key}: ${[...principals, ...endpoints].join(', ')} added`;
  }
  if (!existing) throw new Error(`there is no tenant ${key}; the tenants are ${tenants.map((t) => t.key).join(', ') || 'none'}`);
  if (command === 'remove') {
    list.delete(index);
    return `removed tenant ${key}`;
  }
  if (existing.state === 'offboarded') throw new Error(`tenant ${key} is already offboarded`);
  const map = entry as YAMLMap;
  // `state` goes right after `key`, where a reader looks for it.
  map.delete('state');
  map.items.splice(1, 0, document.createPair('state', 'offboarded'));
  return `offboarded tenant ${key}`;
}

function appendAll(document: Document, entry: YAMLMap, field: string, values: readonly string[]): void {
  if (values.length === 0) return;
  let list = entry.get(field) as YAMLSeq | undefined;
  if (!isSeq(list)) {
    list = document.createNode([]) as YAMLSeq;
    entry.set(field, list);
  }
  for (const value of values) list.add(value);
}

interface StackJson {
  provider?: { aws?: { region?: string }[] };
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown }>;
}

/** Synthesizes the app with the tenants files of `tenantsDir` (one Node process, cached bundle) and returns one stack. */
function synthesize(stack: string, tenantsDir: string): StackJson {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tenant-synth-'));
  try {
    capture(process.execPath, [path.join(REPO_ROOT, 'scripts', 'synth.cjs'), '--outdir', outdir, APP], {
      cwd: REPO_ROOT,
      env: { ...process.env, CDKTF_CONTEXT_JSON: JSON.stringify({ tenantsDir }) },
    });
    return JSON.parse(fs.readFileSync(path.join(outdir, APP, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as StackJson;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

interface StackChanges {
  added: [string, Record<string, unknown>][];
  removed: [string, Record<string, unknown>][];
  changed: string[];
  outputs: string[];
}

function resources(json: StackJson): Map<string, Record<string, unknown>> {
  const all = new Map<string, Record<string, unknown>>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, attributes] of Object.entries(byName)) {
      // cdktf's metadata (construct paths) is not planned.
      all.set(`${type}.${name}`, Object.fromEntries(Object.entries(attributes).filter(([field]) => field !== '//')));
    }
  }
  return all;
}

function compare(before: StackJson, after: StackJson): StackChanges {
  const [a, b] = [resources(before), resources(after)];
  const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
  return {
    added: [...b].filter(([address]) => !a.has(address)),
    removed: [...a].filter(([address]) => !b.has(address)),
    changed: [...b.keys()].filter((address) => a.has(address) && !same(a.get(address), b.get(address))),
    outputs: Object.keys(after.output ?? {}).filter((name) => !same(before.output?.[name], after.output?.[name])),
  };
}

function report(stack: string, changes: StackChanges): void {
  const { added, removed, changed } = changes;
  if (added.length + removed.length + changed.length === 0) {
    console.log(`${stack}: the next plan changes no resource`);
    return;
  }
  console.log(
    `${stack}: the next plan adds ${added.length}, changes ${changed.length} and removes ${removed.length} resource${added.length + changed.length + removed.length === 1 ? '' : 's'} (against the tenants file before this edit; npm run plan -- ${stack} compares with the deployed state):`,
  );
  for (const [address, attributes] of added) console.log(`  + ${address}${describe(address, attributes, 'add')}`);
  for (const address of changed) console.log(`  ~ ${address}`);
  for (const [address, attributes] of removed) console.log(`  - ${address}${describe(address, attributes, 'remove')}`);
  for (const name of changes.outputs) console.log(`  output ${name} changes`);
}

function describe(address: string, attributes: Record<string, unknown>, action: 'add' | 'remove'): string {
  if (address.startsWith('aws_vpc_endpoint_service_allowed_principal.')) {
    return action === 'add'
      ? `  allows ${String(attributes.principal_arn)} to create endpoints`
      : `  no longer allows ${String(attributes.principal_arn)}: no new endpoints; endpoints already connected stay until rejected`;
  }
  if (address.startsWith('aws_vpc_endpoint_connection_accepter.')) {
    return action === 'add'
      ? `  accepts the connection of ${String(attributes.vpc_endpoint_id)}`
      : `  rejects the connection of ${String(attributes.vpc_endpoint_id)} (deleting the accepter calls RejectVpcEndpointConnections)`;
  }
  return '';
}

function writeAtomically(file: string, contents: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, contents);
  fs.renameSync(partial, file);
}

