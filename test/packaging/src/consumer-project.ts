import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exec, execOk } from './exec';
import { namesOf, REPO_ROOT, type Framework, type Library } from './libraries';
import type { Tarball } from './tarball';

/**
 * Packages a user installs next to the libraries of one framework's set. They are linked from the
 * workspace's node_modules instead of installed: the same pinned versions, without copying
 * ~400 MB of provider bindings for every run. @types/node only serves the examples' `console`.
 */
export const linkedPackages = (framework: Framework): string[] => [namesOf(framework).library, 'constructs', namesOf(framework).providerAws, '@types/node'];

export interface ConsumerProject {
  framework: Framework;
  dir: string;
  /** The installed copy of a library: `<dir>/node_modules/<scope>/<library>`. */
  installedDir(library: Library): string;
}

/**
 * A new npm project in the OS temp dir, outside the workspace, with one framework's tarballs
 * installed by npm (so each library's own dependencies resolve to the other tarballs, never to the
 * workspace) and that framework's packages linked.
 */
export async function createConsumerProject(framework: Framework, tarballs: readonly Tarball[]): Promise<ConsumerProject> {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), `privatelink-${framework}-consumer-`));
  if (!path.relative(REPO_ROOT, dir).startsWith('..')) throw new Error(`${dir} is inside the workspace ${REPO_ROOT}; set TMPDIR elsewhere`);
  const { scope } = namesOf(framework);
  const dependencies = Object.fromEntries(tarballs.map((t) => [`${scope}/${t.library}`, `file:${t.file}`]));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `${framework}-consumer-project`, version: '1.0.0', private: true, dependencies }, null, 2));
  // --offline: nothing may come from a registry; --legacy-peer-deps: the peers are linked below.
  await execOk('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', '--no-package-lock'], { cwd: dir });
  for (const name of linkedPackages(framework)) {
    const link = path.join(dir, 'node_modules', name);
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules', name), link, 'dir');
  }
  return { framework, dir, installedDir: (library) => path.join(dir, 'node_modules', scope, library) };
}

/** Every package directory under a project's node_modules (scoped ones as `@scope/name`), nested ones included. */
export function installedPackages(project: ConsumerProject): string[] {
  const found: string[] = [];
  const walk = (modules: string): void => {
    if (!fs.existsSync(modules)) return;
    for (const entry of fs.readdirSync(modules, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const names = entry.name.startsWith('@') ? fs.readdirSync(path.join(modules, entry.name)).map((n) => `${entry.name}/${n}`) : [entry.name];
      for (const name of names) {
        found.push(name);
        // Linked packages are the workspace's own; their trees are not the project's.
        if (!fs.lstatSync(path.join(modules, name)).isSymbolicLink()) walk(path.join(modules, name, 'node_modules'));
      }
    }
  };
  walk(path.join(project.dir, 'node_modules'));
  return found;
}

export interface CompiledExamples {
  /** Compiler errors by example; an example with none compiled cleanly. */
  errors: Map<string, string[]>;
  /** Errors in no example's file (in a library's declarations, for example). */
  otherErrors: string[];
}

/** Compiles the examples (`src/<name>.ts`) with the workspace's TypeScript in strict mode, to dist/. */
export async function compileExamples(project: ConsumerProject, examples: ReadonlyMap<string, string>): Promise<CompiledExamples> {
  fs.mkdirSync(path.join(project.dir, 'src'), { recursive: true });
  for (const [name, code] of examples) fs.writeFileSync(path.join(project.dir, 'src', `${name}.ts`), code);
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
  const { scope } = namesOf(project.framework);
  const errors = new Map<string, string[]>([...examples.keys()].map((l) => [l, []]));
  const otherErrors: string[] = [];
  for (const line of stdout.split('\n').filter((l) => /error TS\d+/.test(l))) {
    const name = [...examples.keys()].find((l) => line.startsWith(`src/${l}.ts(`) || line.includes(`node_modules/${scope}/${l}/`));
    if (name) errors.get(name)!.push(line);
    else otherErrors.push(line);
  }
  return { errors, otherErrors };
}

/** The command that runs a framework's own CLI: cdktf-cli on this Node, cdktn-cli on Node 22 (`npx cdktn`). */
function cliCommand(framework: Framework): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  if (framework === 'cdktf') return { command: process.execPath, args: [path.join(REPO_ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf')], env: process.env };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { cdktnCommand } = require(path.join(REPO_ROOT, 'scripts', 'cdktn.cjs')) as { cdktnCommand(): { command: string; args: string[]; env: NodeJS.ProcessEnv } };
  return cdktnCommand();
}

export interface CliSynth {
  /** The app's directory, with `cdktf.out/stacks/<stack>/cdk.tf.json`. */
  outDir: string;
  /** Every module file the app loaded, by real path. */
  loadedModules: string[];
}

/**
 * Synthesizes a compiled example as its user would: `cdktf synth` (or `cdktn synth`) in an app dir whose
 * cdktf.json runs it with node. A preloaded script records the modules the app loads.
 */
export async function synthWithCli(project: ConsumerProject, name: string): Promise<CliSynth> {
  const outDir = path.join(project.dir, 'out', name);
  fs.mkdirSync(outDir, { recursive: true });
  const recorder = path.join(outDir, 'record-modules.cjs');
  const loadedFile = path.join(outDir, 'loaded-modules.json');
  fs.writeFileSync(recorder, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loadedFile)}, JSON.stringify(Object.keys(require.cache))));\n`);
  const cdktfJson = { language: 'typescript', app: `node --require ./record-modules.cjs ${path.join('..', '..', 'dist', `${name}.js`)}`, output: 'cdktf.out', sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} };
  fs.writeFileSync(path.join(outDir, 'cdktf.json'), JSON.stringify(cdktfJson, null, 2));
  const cli = cliCommand(project.framework);
  // CHECKPOINT_DISABLE: no telemetry call to a host this machine cannot reach.
  await execOk(cli.command, [...cli.args, 'synth'], { cwd: outDir, env: { ...cli.env, CHECKPOINT_DISABLE: '1', CI: '1' } });
  return { outDir, loadedModules: JSON.parse(fs.readFileSync(loadedFile, 'utf8')) as string[] };
}
