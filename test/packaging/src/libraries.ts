import * as fs from 'node:fs';
import * as path from 'node:path';
import { execOk } from './exec';

/** The repository root: this package sits in test/packaging. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The published libraries, in the order they depend on each other. */
export const LIBRARIES = ['core', 'consumer', 'provider', 's3-access'] as const;
export type Library = (typeof LIBRARIES)[number];

/** Each library is published twice from one source: for CDKTF and for CDK Terrain (scripts/build-cdktn.cjs). */
export const FRAMEWORKS = ['cdktf', 'cdktn'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

interface FrameworkNames {
  library: string;
  cli: string;
  providerAws: string;
  scope: string;
  peers: Record<string, string>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const frameworks = require(path.join(REPO_ROOT, 'scripts', 'frameworks.cjs')) as { FRAMEWORKS: Record<Framework, FrameworkNames> };
/** Package names and peer ranges of each framework's set (scripts/frameworks.cjs). */
export const namesOf = (framework: Framework): FrameworkNames => frameworks.FRAMEWORKS[framework];

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export const libraryDir = (library: Library): string => path.join(REPO_ROOT, 'packages', library);
/** The directory npm packs for a library's set: the library itself, or its CDK Terrain package in `cdktn/`. */
export const packageDir = (library: Library, framework: Framework): string => (framework === 'cdktf' ? libraryDir(library) : path.join(libraryDir(library), 'cdktn'));
export const manifestOf = (library: Library, framework: Framework = 'cdktf'): Manifest =>
  JSON.parse(fs.readFileSync(path.join(packageDir(library, framework), 'package.json'), 'utf8')) as Manifest;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** True when every `src/**\/*.ts` has a `.js` and a `.d.ts` in dist/ that is at least as new. */
export function isBuilt(library: Library): boolean {
  const dir = libraryDir(library);
  return sourceFiles(path.join(dir, 'src')).every((source) => {
    const base = path.join(dir, 'dist', path.relative(path.join(dir, 'src'), source)).replace(/\.ts$/, '');
    const sourceTime = fs.statSync(source).mtimeMs;
    return ['.js', '.d.ts'].every((ext) => fs.existsSync(base + ext) && fs.statSync(base + ext).mtimeMs >= sourceTime);
  });
}

/**
 * Deletes what tsc left in `<packageDir>/dist` for sources that no longer exist in
 * `<packageDir>/src` (tsc never removes an output), so the tarball is what a clean build would
 * pack. Returns the deleted paths.
 */
export function pruneOrphanedOutputs(packageDir: string): string[] {
  const [src, dist] = [path.join(packageDir, 'src'), path.join(packageDir, 'dist')];
  if (!fs.existsSync(dist)) return [];
  // dist/x.js, dist/x.d.ts and their maps come from src/x.ts.
  const sourceOf = (output: string): string => path.join(src, path.relative(dist, output).replace(/(\.js|\.d\.ts)(\.map)?$/, '.ts'));
  const orphans = fs
    .readdirSync(dist, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(js|d\.ts)(\.map)?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((output) => !fs.existsSync(sourceOf(output)));
  for (const orphan of orphans) fs.rmSync(orphan);
  return orphans;
}

/**
 * Builds the libraries whose dist/ is missing or older than their sources, dependencies first
 * (a library compiles against the declarations of the ones it uses), independent ones in parallel,
 * then writes every library's CDK Terrain package from its build (a rewrite, well under a second).
 * Returns the libraries it built.
 */
export async function buildStaleLibraries(): Promise<Library[]> {
  const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const internalDeps = (library: Library): Library[] =>
    LIBRARIES.filter((other) => manifestOf(library).dependencies?.[manifestOf(other).name] !== undefined);
  const built: Library[] = [];
  const done = new Set<Library>();
  while (done.size < LIBRARIES.length) {
    const wave = LIBRARIES.filter((l) => !done.has(l) && internalDeps(l).every((d) => done.has(d)));
    if (wave.length === 0) throw new Error('the libraries depend on each other in a cycle');
    await Promise.all(
      wave.map(async (library) => {
        pruneOrphanedOutputs(libraryDir(library));
        // A dependency rebuilt in an earlier wave changes this library's inputs too.
        if (!isBuilt(library) || internalDeps(library).some((d) => built.includes(d))) {
          await execOk(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: libraryDir(library) });
          built.push(library);
        }
        done.add(library);
      }),
    );
  }
  const buildCdktn = path.join(REPO_ROOT, 'scripts', 'build-cdktn.cjs');
  await Promise.all(LIBRARIES.map((library) => execOk(process.execPath, [buildCdktn], { cwd: libraryDir(library) })));
  return built;
}
