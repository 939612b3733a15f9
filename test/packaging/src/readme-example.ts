import * as fs from 'node:fs';
import * as path from 'node:path';
import { libraryDir, type Library } from './libraries';

/**
 * The first ```ts (or ```typescript) block of a library's README: the example users copy first.
 * Throws, naming the package, when there is no README or no such block.
 */
export function readmeExample(library: Library): string {
  const file = path.join(libraryDir(library), 'README.md');
  if (!fs.existsSync(file)) throw new Error(`packages/${library} has no README.md, so there is no example to install and run`);
  const example = firstTypeScriptBlock(fs.readFileSync(file, 'utf8'));
  if (example === undefined) {
    throw new Error(`packages/${library}/README.md has no \`\`\`ts code block: its first TypeScript block is the example this test compiles and runs`);
  }
  return example;
}

/** The body of the first fenced block tagged `ts` or `typescript`, if any. */
export function firstTypeScriptBlock(markdown: string): string | undefined {
  return /^```(?:ts|typescript)[ \t]*\r?\n([\s\S]*?)^```/m.exec(markdown)?.[1];
}
