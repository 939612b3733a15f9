import * as fs from 'node:fs';
import * as path from 'node:path';
import { transformFileSync } from '@swc/core';
import type { AppDir } from './apps';

/**
 * Compiles the apps and the one-process prototype to CommonJS with swc (no type check), mirroring
 * the repo layout under node_modules/.cache so the compiled files resolve the workspace's
 * node_modules. Returns the compiled prototype entry.
 */
export function compileForNode(root: string, apps: readonly AppDir[]): string {
  const out = compiledDir(root);
  fs.rmSync(out, { recursive: true, force: true });
  const sources = [path.join(root, 'bench', 'synth', 'synth-all.ts'), path.join(root, 'bench', 'synth', 'apps.ts')];
  for (const app of apps) {
    sources.push(path.join(app.dir, 'main.ts'), ...tsFiles(path.join(app.dir, 'src')));
    copy(root, out, path.join(app.dir, 'cdktf.json'));
  }
  for (const file of sources) {
    const { code } = transformFileSync(file, {
      swcrc: false,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, code);
  }
  return path.join(out, 'bench', 'synth', 'synth-all.js');
}

export const compiledDir = (root: string) => path.join(root, 'node_modules', '.cache', 'privatelink-bench');

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

function copy(root: string, out: string, file: string): void {
  const target = path.join(out, path.relative(root, file));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(file, target);
}
