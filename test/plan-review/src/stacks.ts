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
 * Every stack of the repository: one per app in `apps/` and environment file in its
 * `src/environments/` (`dev.ts`, `stg.ts`, `prod.ts`; `index.ts` lists them), sorted by name.
 */
export function listStacks(repoRoot: string): StackRef[] {
  const appsDir = path.join(repoRoot, 'apps');
  const stacks: StackRef[] = [];
  for (const app of fs.readdirSync(appsDir).sort()) {
    const environmentsDir = path.join(appsDir, app, 'src', 'environments');
    if (!fs.existsSync(environmentsDir)) continue;
    for (const file of fs.readdirSync(environmentsDir).sort()) {
      const environment = /^(.+)\.ts$/.exec(file)?.[1];
      if (!environment || environment === 'index') continue;
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
