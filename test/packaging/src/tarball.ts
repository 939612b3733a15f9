import * as fs from 'node:fs';
import * as path from 'node:path';
import { execOk } from './exec';
import { packageDir, type Framework, type Library } from './libraries';

export interface Tarball {
  library: Library;
  framework: Framework;
  file: string;
  /** Paths inside the package, e.g. `dist/index.js`. */
  files: string[];
  /** Where the tarball is unpacked (`<dir>/package/...`). */
  unpackedDir: string;
}

/** `npm pack` of a library's package for one framework into `destination`, unpacked next to it for inspection. */
export async function pack(library: Library, framework: Framework, destination: string): Promise<Tarball> {
  const { stdout } = await execOk('npm', ['pack', '--json', '--pack-destination', destination], { cwd: packageDir(library, framework) });
  const [report] = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  const file = path.join(destination, report.filename);
  const unpackedDir = path.join(destination, `${framework}-${library}-unpacked`);
  fs.mkdirSync(unpackedDir, { recursive: true });
  await execOk('tar', ['-xzf', file, '-C', unpackedDir], { cwd: destination });
  return { library, framework, file, files: report.files.map((f) => f.path).sort(), unpackedDir };
}

/** Files a consumer must never download: tests, build caches, local settings. */
export function unwantedFiles(files: readonly string[]): string[] {
  return files.filter(
    (f) =>
      /(^|\/)(test|tests|__tests__|__snapshots__|coverage)\//.test(f) ||
      /\.(test|spec)\.(ts|js|d\.ts|map)$/.test(f) ||
      /\.tsbuildinfo$/.test(f) ||
      /(^|\/)(tsconfig(\.\w+)?\.json|jest\.config\.js|\.swcrc|cdktf\.out\/.*)$/.test(f),
  );
}

/** Each source map's `sources` that do not exist in the tarball, as `<map>: <source>`. */
export function danglingMapSources(tarball: Tarball): string[] {
  const inside = new Set(tarball.files);
  const dangling: string[] = [];
  for (const map of tarball.files.filter((f) => f.endsWith('.map'))) {
    const parsed = JSON.parse(fs.readFileSync(path.join(tarball.unpackedDir, 'package', map), 'utf8')) as { sources?: string[]; sourceRoot?: string };
    if (!parsed.sources || parsed.sources.length === 0) dangling.push(`${map}: no sources`);
    for (const source of parsed.sources ?? []) {
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(map), parsed.sourceRoot ?? '', source));
      if (!inside.has(resolved)) dangling.push(`${map}: ${source}`);
    }
  }
  return dangling;
}
