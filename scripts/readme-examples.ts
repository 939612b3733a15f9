import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Member } from '@privatelink-cdktf/terraform-harness';
import { REPO_ROOT } from './run';

// The synth program of `npm run synth`: CommonJS, shared with the apps' synth.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadSynthProgram } = require('./synth-program.cjs') as { loadSynthProgram: (apps: Array<{ name: string; dir: string }>, options: { cacheDir: string }) => Promise<{ program: unknown }> };

/** A library's first README example, synthesized: the stacks a user gets who copies it. */
export interface ReadmeExample {
  /** The package folder under packages/. */
  library: string;
  /** Its version in package.json when it was synthesized. */
  version: string;
  /** Each stack it synthesized, named `<library>-<stack>` so the stacks of all examples can share one plan. */
  stacks: Member[];
}

/** The body of the first ```ts (or ```typescript) block of a Markdown text, if any. */
export function firstTypeScriptBlock(markdown: string): string | undefined {
  return /^```(?:ts|typescript)[ \t]*\r?\n([\s\S]*?)^```/m.exec(markdown)?.[1];
}

/** The libraries in packages/ whose README opens with a TypeScript example, sorted. */
export function librariesWithExamples(root = REPO_ROOT): string[] {
  const packages = path.join(root, 'packages');
  return fs
    .readdirSync(packages)
    .filter((library) => {
      const readme = path.join(packages, library, 'README.md');
      return fs.existsSync(readme) && firstTypeScriptBlock(fs.readFileSync(readme, 'utf8')) !== undefined;
    })
    .sort();
}

/**
 * Synthesizes the first example of each library's README against the libraries' sources in this
 * working tree, the way `npm run synth` runs an app: each example is an app's main.ts, all of them
 * bundled by esbuild into one program (scripts/synth-program.cjs) and run in this process.
 */
export async function synthesizeReadmeExamples(root = REPO_ROOT): Promise<ReadmeExample[]> {
  const libraries = librariesWithExamples(root);
  // Inside the repository, so the examples resolve cdktf and the provider from its node_modules.
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const scratch = fs.mkdtempSync(path.join(cache, 'readme-examples-'));
  const previous = process.env.CDKTF_OUTDIR;
  try {
    const apps = libraries.map((library) => {
      const dir = path.join(scratch, library);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'main.ts'), firstTypeScriptBlock(fs.readFileSync(path.join(root, 'packages', library, 'README.md'), 'utf8'))!);
      return { name: library, dir };
    });
    const { program } = (await loadSynthProgram(apps, { cacheDir: path.join(scratch, 'bundle') })) as { program: Record<string, () => void> };
    return libraries.map((library) => {
      const outdir = path.join(scratch, `${library}.out`);
      process.env.CDKTF_OUTDIR = outdir;
      const log = console.log;
      console.log = () => undefined; // an example may print what it built
      try {
        program[library]();
      } finally {
        console.log = log;
      }
      const { version } = JSON.parse(fs.readFileSync(path.join(root, 'packages', library, 'package.json'), 'utf8')) as { version: string };
      const stacksDir = path.join(outdir, 'stacks');
      const stacks = fs.existsSync(stacksDir)
        ? fs.readdirSync(stacksDir).sort().map((stack) => ({ name: `${library}-${stack}`, config: JSON.parse(fs.readFileSync(path.join(stacksDir, stack, 'cdk.tf.json'), 'utf8')) as object }))
        : [];
      if (stacks.length === 0) throw new Error(`the first example of packages/${library}/README.md synthesized no stack`);
      return { library, version, stacks };
    });
  } finally {
    if (previous === undefined) delete process.env.CDKTF_OUTDIR;
    else process.env.CDKTF_OUTDIR = previous;
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
