import * as fs from 'node:fs';
import * as path from 'node:path';

export interface StackRef {
  /** `<app>-<environment>`, as `cdktf deploy` knows it. */
  name: string;
  app: string;
  environment: string;
  /** Absolute path of `apps/<app>`. */
  appDir: string;
  /** Absolute path of `apps/<app>/cdktf.out/stacks/<name>`. */
  stackDir: string;
}

/**
 * The environments a stack can be for: core's `ENVIRONMENT_NAMES`, repeated here so the CLI does
 * not load cdktf to list stacks (a test keeps the two equal).
 */
export const ENVIRONMENT_NAMES = ['dev', 'stg', 'prod'] as const;

/**
 * Every stack of the repository: one per app in `apps/` and environment file in its
 * `src/environments/` (`dev.ts`, `stg.ts`, `prod.ts`; other files there are shared settings),
 * sorted by name.
 */
export function listStacks(repoRoot: string): StackRef[] {
  const appsDir = path.join(repoRoot, 'apps');
  const stacks: StackRef[] = [];
  for (const app of fs.readdirSync(appsDir).sort()) {
    const environmentsDir = path.join(appsDir, app, 'src', 'environments');
    if (!fs.existsSync(environmentsDir)) continue;
    for (const file of fs.readdirSync(environmentsDir).sort()) {
      const environment = /^(.+)\.ts$/.exec(file)?.[1];
      if (!environment || !(ENVIRONMENT_NAMES as readonly string[]).includes(environment)) continue;
      const name = `${app}-${environment}`;
      const appDir = path.join(appsDir, app);
      stacks.push({ name, app, environment, appDir, stackDir: path.join(appDir, 'cdktf.out', 'stacks', name) });
    }
  }
  return stacks.sort((a, b) => a.name.localeCompare(b.name));
}

/** The stack of that name, or an error that lists the stacks there are. */
export function findStack(repoRoot: string, name: string): StackRef {
  const stacks = listStacks(repoRoot);
  const stack = stacks.find((s) => s.name === name);
  if (!stack) throw new Error(`unknown stack '${name}'; the stacks are: ${stacks.map((s) => s.name).join(', ')}`);
  return stack;
}

/** The backend type a synthesized stack keeps its state in: `s3`, `local` (also when none is set), `cloud`... */
export function stackBackend(stackDir: string): string {
  const config = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf8')) as {
    terraform?: { backend?: Record<string, unknown>; cloud?: unknown };
  };
  if (config.terraform?.cloud) return 'cloud';
  return Object.keys(config.terraform?.backend ?? {})[0] ?? 'local';
}
