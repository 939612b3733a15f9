import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageDir, REPO_ROOT, type Framework, type Library } from './libraries';

/**
 * The first ```ts (or ```typescript) block of a library's README in one framework's set (the cdktn
 * README is the library's, rewritten by its build): the example users copy first. Throws, naming the
 * package, when there is no README or no such block.
 */
export function readmeExample(library: Library, framework: Framework): string {
  const file = path.join(packageDir(library, framework), 'README.md');
  const shown = path.relative(REPO_ROOT, file);
  if (!fs.existsSync(file)) throw new Error(`${shown} does not exist, so there is no example to install and run`);
  const example = firstTypeScriptBlock(fs.readFileSync(file, 'utf8'));
  if (example === undefined) {
    throw new Error(`${shown} has no \`\`\`ts code block: its first TypeScript block is the example this test compiles and runs`);
  }
  return example;
}

/** The heading of README.md's section for CDK Terrain users, whose first TypeScript block is a cdktn example. */
export const TERRAIN_SECTION = 'Using CDK Terrain';

/** The first TypeScript block of the repository README's "Using CDK Terrain" section. */
export function terrainExample(): string {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf(`\n## ${TERRAIN_SECTION}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${TERRAIN_SECTION}" section`);
  const end = readme.indexOf('\n## ', start + 1);
  const example = firstTypeScriptBlock(readme.slice(start, end < 0 ? undefined : end));
  if (example === undefined) throw new Error(`README.md's "${TERRAIN_SECTION}" section has no \`\`\`ts code block`);
  return example;
}

/** The body of the first fenced block tagged `ts` or `typescript`, if any. */
export function firstTypeScriptBlock(markdown: string): string | undefined {
  return /^```(?:ts|typescript)[ \t]*\r?\n([\s\S]*?)^```/m.exec(markdown)?.[1];
}
