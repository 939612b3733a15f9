import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App } from 'cdktf';

/**
 * Synthesizes stacks the way `cdktf synth` does (aspects, validations including the guardrails,
 * cdk.tf.json written to disk) and returns each stack's file exactly as written.
 */
export function synthesizeApp(build: (app: App) => void): Record<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'stability-'));
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
    const stacksDir = path.join(outdir, 'stacks');
    return Object.fromEntries(fs.readdirSync(stacksDir).sort().map((stack) => [stack, fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8')]));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** A synthesized stack as JSON. */
export interface StackJson {
  resource?: Record<string, Record<string, Record<string, unknown> & { '//'?: { metadata?: { path?: string } } }>>;
  [block: string]: unknown;
}

/** A resource by its Terraform address, with the construct path cdktf records for it. */
export interface AddressedResource {
  readonly address: string;
  readonly path: string;
  readonly attributes: Record<string, unknown>;
}

export function resourcesOf(json: StackJson): Map<string, AddressedResource> {
  const resources = new Map<string, AddressedResource>();
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    for (const [name, attributes] of Object.entries(byName)) {
      resources.set(`${type}.${name}`, { address: `${type}.${name}`, path: attributes['//']?.metadata?.path ?? '', attributes });
    }
  }
  return resources;
}

/** How the resources of a second synth differ from the first. */
export interface ResourceDiff {
  readonly added: AddressedResource[];
  readonly removed: AddressedResource[];
  /** Same address, different attributes. */
  readonly changed: string[];
  /** Same address, identical attributes. */
  readonly kept: string[];
}

export function diffResources(before: StackJson, after: StackJson): ResourceDiff {
  const a = resourcesOf(before);
  const b = resourcesOf(after);
  const added = [...b.values()].filter((r) => !a.has(r.address));
  const removed = [...a.values()].filter((r) => !b.has(r.address));
  const common = [...a.keys()].filter((address) => b.has(address));
  const same = (address: string) => JSON.stringify(a.get(address)?.attributes) === JSON.stringify(b.get(address)?.attributes);
  return { added, removed, changed: common.filter((x) => !same(x)), kept: common.filter(same) };
}

/** The stack JSON without the resources and `check` blocks that lie under any of the given construct paths. */
export function withoutResourcesUnder(json: StackJson, ...prefixes: string[]): StackJson {
  const under = (p: string) => prefixes.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
  const pathOf = (block: unknown) => (block as { '//'?: { metadata?: { path?: string } } })['//']?.metadata?.path ?? '';
  const resource: StackJson['resource'] = {};
  for (const [type, byName] of Object.entries(json.resource ?? {})) {
    const kept = Object.entries(byName).filter(([, attributes]) => !under(pathOf(attributes)));
    if (kept.length > 0) resource[type] = Object.fromEntries(kept);
  }
  if (json.check === undefined) return { ...json, resource };
  const check = Object.fromEntries(Object.entries(json.check as Record<string, unknown>).filter(([, block]) => !under(pathOf(block))));
  return { ...json, resource, check };
}

/** True when the construct path lies under one of the prefixes. */
export function isUnder(constructPath: string, prefix: string): boolean {
  return constructPath === prefix || constructPath.startsWith(`${prefix}/`);
}
