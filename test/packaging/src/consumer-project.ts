import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exec, execOk } from './exec';
import { REPO_ROOT, type Library } from './libraries';
import type { Tarball } from './tarball';

/**
 * Packages a user installs next to the libraries. They are linked from the workspace's
 * node_modules instead of installed: the same pinned versions, without copying ~400 MB of
 * @cdktf/provider-aws for every run. @types/node only serves the examples' `console`.
 */
export const LINKED_PACKAGES = ['cdktf', 'constructs', '@cdktf/provider-aws', '@types/node'] as const;

export interface ConsumerProject {
  dir: string;
  /** The installed copy of a library: `<dir>/node_modules/@privatelink-cdktf/<library>`. */
  installedDir(library: Library): string;
}

/**
 * A new npm project in the OS temp dir, outside the workspace, with the tarballs installed by npm
 * (so each library's own dependencies resolve to the other tarballs, never to the workspace).
 */
export async function createConsumerProject(tarballs: readonly Tarball[]): Promise<ConsumerProject> {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'privatelink-cdktf-consumer-'));
  if (!path.relative(REPO_ROOT, dir).startsWith('..')) throw new Error(`${dir} is inside the workspace ${REPO_ROOT}; set TMPDIR elsewhere`);
  const dependencies = Object.fromEntries(tarballs.map((t) => [`@privatelink-cdktf/${t.library}`, `file:${t.file}`]));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'consumer-project', version: '1.0.0', private: true, dependencies }, null, 2));
  // --offline: nothing may come from a registry; --legacy-peer-deps: the peers are linked below.
  await execOk('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--no-package-lock'], { cwd: dir });
  for (const name of LINKED_PACKAGES) {
    const link = path.join(dir, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', name), link, 'dir');
  }
  return { dir, installedDir: (library) => path.join(dir, 'node_modules', '@privatelink-cdktf', library) };
}

export interface CompiledExamples {
  /** Compiler errors by library; a library with none compiled cleanly. */
  errors: Map<Library, string[]>;
  /** Errors in no example's file (in a library's declarations, for example). */
  otherErrors: string[];
}

/** Compiles the examples (`src/<library>.ts`) with the workspace's TypeScript in strict mode, to dist/. */
export async function compileExamples(project: ConsumerProject, examples: ReadonlyMap<Library, string>): Promise<CompiledExamples> {
  fs.mkdirSync(path.join(project.dir, 'src'), { recursive: true });
  for (const [library, code] of examples) fs.writeFileSync(path.join(project.dir, 'src', `${library}.ts`), code);
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'Node16',
      moduleResolution: 'Node16',
      lib: ['ES2022'],
      strict: true,
      noImplicitReturns: true,
      noFallthroughCasesInSwitch: true,
      esModuleInterop: true,
      // Check every declaration file, the libraries' included, as a strict user's compiler would.
      skipLibCheck: false,
      types: ['node'],
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  };
  fs.writeFileSync(path.join(project.dir, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const { stdout } = await exec(process.execPath, [tsc, '-p', '.', '--pretty', 'false'], { cwd: project.dir });
  const errors = new Map<Library, string[]>([...examples.keys()].map((l) => [l, []]));
  const otherErrors: string[] = [];
  for (const line of stdout.split('\n').filter((l) => /error TS\d+/.test(l))) {
    const library = [...examples.keys()].find((l) => line.startsWith(`src/${l}.ts(`) || line.includes(`node_modules/@privatelink-cdktf/${l}/`));
    if (library) errors.get(library)!.push(line);
    else otherErrors.push(line);
  }
  return { errors, otherErrors };
}

/** Runs a compiled example; its `app.synth()` writes to `<project>/out/<library>/cdktf.out`. */
export async function runExample(project: ConsumerProject, library: Library): Promise<string> {
  const outDir = path.join(project.dir, 'out', library);
  fs.mkdirSync(outDir, { recursive: true });
  await execOk(process.execPath, [path.join(project.dir, 'dist', `${library}.js`)], {
    cwd: outDir,
    env: { ...process.env, CDKTF_OUTDIR: path.join(outDir, 'cdktf.out') },
  });
  return outDir;
}
