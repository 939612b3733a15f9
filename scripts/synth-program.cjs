// The synth program: every asked app's main.ts with its libraries (from source), cdktf and the AWS
// provider modules, bundled by esbuild into ONE CommonJS file under node_modules/.cache. Node then
// reads and compiles one file instead of resolving ~550 modules, which is most of what synthesis
// costs. The bundle is reused until one of its inputs changes (each input's size and mtime are kept
// with it), so an edit to any app, library or installed package rebuilds it (~1 s). The packages
// are bundled as published, unchanged; for CDK Terrain (framework 'cdktn') the imports of cdktf and
// @cdktf/provider-aws resolve to cdktn and @cdktn/provider-aws instead.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { RENAMED_PACKAGES } = require('./frameworks.cjs');
const { LIBRARY_SOURCES } = require('./workspace-libraries.cjs');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'privatelink-cdktf', 'synth');

/** Files that change what esbuild emits without being bundled: this script, esbuild itself, the tsconfig files. */
function buildInputs() {
  const tsconfigs = ['apps', 'packages'].flatMap((group) =>
    fs.readdirSync(path.join(ROOT, group)).map((name) => path.join(ROOT, group, name, 'tsconfig.json')).filter((file) => fs.existsSync(file)),
  );
  return [__filename, path.join(__dirname, 'workspace-libraries.cjs'), path.join(__dirname, 'frameworks.cjs'), require.resolve('esbuild/package.json'), path.join(ROOT, 'tsconfig.base.json'), ...tsconfigs];
}

/**
 * Loads the synth program for these apps (`{ name, dir }`): an object with one function per app
 * name that runs that app's main.ts, which builds its App and calls `app.synth()`.
 * @param {ReadonlyArray<{ name: string, dir: string }>} apps
 * @param {{ cacheDir?: string, framework?: import('./frameworks.cjs').Framework }} [options] cacheDir: where bundles
 *   are kept (tests use a scratch dir); framework: the Terraform CDK the apps run on (default cdktf)
 * @returns {Promise<{ program: Record<string, () => void>, bundleSeconds?: number }>} bundleSeconds: set when the bundle was (re)built
 */
async function loadSynthProgram(apps, { cacheDir = DEFAULT_CACHE_DIR, framework = 'cdktf' } = {}) {
  if (!['cdktf', 'cdktn'].includes(framework)) throw new Error(`unknown framework '${framework}': cdktf or cdktn`);
  const key = crypto.createHash('sha256').update([framework, ...apps.map((app) => app.dir).sort()].join('\n')).digest('hex').slice(0, 16);
  const bundle = path.join(cacheDir, `${key}.js`);
  const inputsFile = path.join(cacheDir, `${key}.inputs.json`);
  if (isFresh(inputsFile)) return { program: require(bundle) };
  const started = performance.now();
  await build(apps, framework, bundle, inputsFile);
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

async function build(apps, framework, bundle, inputsFile) {
  const esbuild = require('esbuild');
  const entry = `module.exports = {\n${apps.map((app) => `  ${JSON.stringify(app.name)}: () => require(${JSON.stringify(path.join(app.dir, 'main.ts'))}),`).join('\n')}\n};\n`;
  const result = await esbuild.build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: '<synth-entry>', loader: 'js' },
    bundle: true,
    platform: 'node',
    // The oldest Node the repository runs on (the CDK Terrain CLI runs the same bundle on Node 22).
    target: 'node20',
    format: 'cjs',
    // Construct types name themselves in error messages (`NetworkLoadBalancer 'stack/Nlb': ...`).
    keepNames: true,
    // Libraries from their sources, as in Jest: no build step, never a stale dist/. Under cdktn, the
    // framework packages by their cdktn names (an alias also covers subpaths: @cdktf/provider-aws/lib/vpc).
    alias: { ...Object.fromEntries(LIBRARY_SOURCES), ...(framework === 'cdktn' ? frameworkAliases() : {}) },
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

/** cdktf → cdktn and @cdktf/provider-aws → @cdktn/provider-aws (the libraries already map to their sources). */
function frameworkAliases() {
  return Object.fromEntries([...RENAMED_PACKAGES].filter(([from]) => !LIBRARY_SOURCES.has(from)));
}

function writeAtomically(file, contents) {
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, contents);
  fs.renameSync(partial, file);
}

module.exports = { loadSynthProgram };
