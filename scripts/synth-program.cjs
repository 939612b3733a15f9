// The synth program: every asked app's main.ts with its libraries (from source), cdktf and the AWS
// provider modules, bundled by esbuild into ONE CommonJS file under node_modules/.cache. Node then
// reads and compiles one file instead of resolving ~550 modules, which is most of what synthesis
// costs. The bundle is reused until one of its inputs changes (each input's size and mtime are kept
// with it), so an edit to any app, library or installed package rebuilds it (~1 s).
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { LIBRARY_SOURCES } = require('./workspace-libraries.cjs');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'privatelink-cdktf', 'synth');

/** Files that change what esbuild emits without being bundled: this script, esbuild itself, the tsconfig files. */
function buildInputs() {
  const tsconfigs = ['apps', 'packages'].flatMap((group) =>
    fs.readdirSync(path.join(ROOT, group)).map((name) => path.join(ROOT, group, name, 'tsconfig.json')).filter((file) => fs.existsSync(file)),
  );
  return [__filename, path.join(__dirname, 'workspace-libraries.cjs'), require.resolve('esbuild/package.json'), path.join(ROOT, 'tsconfig.base.json'), ...tsconfigs];
}

/**
 * Loads the synth program for these apps (`{ name, dir }`): an object with one function per app
 * name that runs that app's main.ts, which builds its App and calls `app.synth()`.
 * @param {ReadonlyArray<{ name: string, dir: string }>} apps
 * @param {{ cacheDir?: string }} [options] cacheDir: where bundles are kept (tests use a scratch dir)
 * @returns {Promise<{ program: Record<string, () => void>, bundleSeconds?: number }>} bundleSeconds: set when the bundle was (re)built
 */
async function loadSynthProgram(apps, { cacheDir = DEFAULT_CACHE_DIR } = {}) {
  const key = crypto.createHash('sha256').update(apps.map((app) => app.dir).sort().join('\n')).digest('hex').slice(0, 16);
  const bundle = path.join(cacheDir, `${key}.js`);
  const inputsFile = path.join(cacheDir, `${key}.inputs.json`);
  if (isFresh(inputsFile)) return { program: require(bundle) };
  const started = performance.now();
  await build(apps, bundle, inputsFile);
  return { program: require(bundle), bundleSeconds: (performance.now() - started) / 1000 };
}

/** True when the bundle's recorded inputs all still have the size and mtime they had when it was built. */
function isFresh(inputsFile) {
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(inputsFile, 'utf8'));
  } catch {
    return false; // never built, or the record is unreadable
  }
  return inputs.every(([file, size, mtimeMs]) => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs;
  });
}

async function build(apps, bundle, inputsFile) {
  const esbuild = require('esbuild');
  const entry = `module.exports = {\n${apps.map((app) => `  ${JSON.stringify(app.name)}: () => require(${JSON.stringify(path.join(app.dir, 'main.ts'))}),`).join('\n')}\n};\n`;
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: '<synth-entry>', loader: 'js' },
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    format: 'cjs',
    // Construct types name themselves in error messages (`NetworkLoadBalancer 'stack/Nlb': ...`).
    keepNames: true,
    // Libraries from their sources, as in Jest: no build step, never a stale dist/.
    alias: Object.fromEntries(LIBRARY_SOURCES),
    plugins: [tokenStackTracesOnRequest],
    absWorkingDir: ROOT,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const files = [...Object.keys(result.metafile.inputs).filter((input) => !input.startsWith('<')).map((input) => path.resolve(ROOT, input)), ...buildInputs()];
  const inputs = files.map((file) => {
    const stat = fs.statSync(file);
    return [file, stat.size, stat.mtimeMs];
  });
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  // Write, then rename: a parallel synth of the same apps never reads half a file.
  writeAtomically(bundle, result.outputFiles[0].contents);
  writeAtomically(inputsFile, JSON.stringify(inputs));
}

/**
 * cdktf records a full stack trace for every token it creates, only to show it if that token ever
 * fails to resolve; formatting them is ~15% of a synth. The bundle records them only with
 * PRIVATELINK_CDKTF_STACK_TRACES=1 (the AWS CDK likewise records them only in debug mode), and
 * otherwise says so where the trace would be. Jest runs cdktf as published, traces included.
 */
const TOKEN_STACK_TRACE = /node_modules[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]stack-trace\.js$/;
const CAPTURE = 'function captureStackTrace(below) {';
const tokenStackTracesOnRequest = {
  name: 'token-stack-traces-on-request',
  setup(build) {
    build.onLoad({ filter: TOKEN_STACK_TRACE }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes(CAPTURE)) {
        throw new Error(`${args.path} no longer defines \`${CAPTURE}\`: cdktf changed; update tokenStackTracesOnRequest in scripts/synth-program.cjs`);
      }
      const gate = `${CAPTURE}\n    if (process.env.PRIVATELINK_CDKTF_STACK_TRACES !== '1') return ['(not recorded: synthesize with PRIVATELINK_CDKTF_STACK_TRACES=1 to see where this token was created)'];`;
      return { contents: source.replace(CAPTURE, gate), loader: 'js' };
    });
  },
};

function writeAtomically(file, contents) {
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, contents);
  fs.renameSync(partial, file);
}

module.exports = { loadSynthProgram };
