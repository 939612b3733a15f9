import * as fs from 'node:fs';
import * as path from 'node:path';

/** An app of the workspace: a dir under apps/ with a cdktf.json. */
export interface AppDir {
  readonly name: string;
  readonly dir: string;
}

export function findApps(root: string): AppDir[] {
  const appsDir = path.join(root, 'apps');
  return fs
    .readdirSync(appsDir)
    .filter((name) => fs.existsSync(path.join(appsDir, name, 'cdktf.json')))
    .sort()
    .map((name) => ({ name, dir: path.join(appsDir, name) }));
}

/** A synthesized stack: its name and Terraform JSON. */
export interface StackJson {
  readonly name: string;
  readonly json: TerraformJson;
}

export interface TerraformJson {
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, unknown>>;
  readonly provider?: Record<string, unknown>;
}

/** Every stack under a cdktf output dir (`<outdir>/stacks/<stack>/cdk.tf.json`). */
export function readStacks(outdir: string): StackJson[] {
  const stacksDir = path.join(outdir, 'stacks');
  if (!fs.existsSync(stacksDir)) return [];
  return fs
    .readdirSync(stacksDir)
    .sort()
    .map((name) => ({ name, json: JSON.parse(fs.readFileSync(path.join(stacksDir, name, 'cdk.tf.json'), 'utf8')) as TerraformJson }));
}

export const resourceCount = (json: TerraformJson): number =>
  Object.values(json.resource ?? {}).reduce((sum, byName) => sum + Object.keys(byName).length, 0);

/**
 * The provider modules a set of stacks needs: `aws_vpc_endpoint` -> `@cdktf/provider-aws/lib/vpc-endpoint`,
 * data sources -> `lib/data-aws-...`, and `lib/provider` for the provider block.
 */
export function providerModules(stacks: readonly StackJson[]): string[] {
  const modules = new Set<string>();
  const kebab = (type: string) => type.replace(/^aws_/, '').replace(/_/g, '-');
  for (const { json } of stacks) {
    if (json.provider?.aws) modules.add('@cdktf/provider-aws/lib/provider');
    for (const type of Object.keys(json.resource ?? {})) if (type.startsWith('aws_')) modules.add(`@cdktf/provider-aws/lib/${kebab(type)}`);
    for (const type of Object.keys(json.data ?? {})) if (type.startsWith('aws_')) modules.add(`@cdktf/provider-aws/lib/data-aws-${kebab(type)}`);
  }
  return [...modules].sort();
}
