// Synthesizes apps the way `cdktf synth` does (each app's main.ts, cdktf.json output dir and
// context, the app's directory as working directory), but every asked app in ONE Node process
// running one cached bundle (scripts/synth-program.cjs): cdktf, the provider modules and the
// libraries load once, from one file.
//
//   node scripts/synth.cjs [--outdir DIR] [--framework cdktf|cdktn] [APP ...]
//
// APP is an app's name (apps/<name>) or directory; none means every app. Each app writes to its
// cdktf.json `output` (cdktf.out), or to DIR/<name> with --outdir. When the cdktf or cdktn CLI runs
// one app (cdktf.json: `node ../../scripts/synth.cjs .`), it writes to the CLI's CDKTF_OUTDIR.
// --framework cdktn (or PRIVATELINK_FRAMEWORK=cdktn, which `npx cdktn` sets) synthesizes with CDK
// Terrain: cdktn and @cdktn/provider-aws in place of cdktf and @cdktf/provider-aws.
const fs = require('node:fs');
const path = require('node:path');
const { loadSynthProgram } = require('./synth-program.cjs');

const APPS_DIR = path.resolve(__dirname, '..', 'apps');
const USAGE = 'usage: node scripts/synth.cjs [--outdir DIR] [--framework cdktf|cdktn] [APP ...]';
const FRAMEWORKS = ['cdktf', 'cdktn'];

function fail(message, code = 1) {
  console.error(`synth: ${message}`);
  process.exit(code);
}

function parseArgs(argv) {
  const args = { names: [], outdir: undefined, framework: process.env.PRIVATELINK_FRAMEWORK || 'cdktf' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--outdir') args.outdir = path.resolve(argv[++i] ?? fail(`--outdir needs a directory\n${USAGE}`, 2));
    else if (argv[i] === '--framework') args.framework = argv[++i];
    else if (argv[i].startsWith('-')) fail(`unknown option ${argv[i]}\n${USAGE}`, 2);
    else args.names.push(argv[i]);
  }
  if (!FRAMEWORKS.includes(args.framework)) fail(`unknown framework '${args.framework}': ${FRAMEWORKS.join(' or ')}\n${USAGE}`, 2);
  return args;
}

const known = fs
  .readdirSync(APPS_DIR)
  .filter((name) => fs.existsSync(path.join(APPS_DIR, name, 'cdktf.json')))
  .sort();

/** An app named by its name under apps/ or by its directory. */
function appOf(argument) {
  const dir = fs.existsSync(path.join(argument, 'cdktf.json')) ? path.resolve(argument) : path.join(APPS_DIR, argument);
  if (path.dirname(dir) !== APPS_DIR || !known.includes(path.basename(dir))) {
    fail(`'${argument}' is not an app: give a name under apps/ (${known.join(', ')}) or an app's directory`, 2);
  }
  return { name: path.basename(dir), dir };
}

const args = parseArgs(process.argv.slice(2));
const apps = (args.names.length > 0 ? args.names : known).map(appOf);
const invokedFrom = process.cwd();
const cliOutdir = apps.length === 1 && !args.outdir ? process.env.CDKTF_OUTDIR : undefined;
// Context given on the command line (`cdktf synth --context`, which the CLI passes this way) wins over cdktf.json.
const givenContext = JSON.parse(process.env.CDKTF_CONTEXT_JSON ?? '{}');

async function loadProgram() {
  try {
    const loaded = await loadSynthProgram(apps, { framework: args.framework });
    if (loaded.bundleSeconds !== undefined) {
      console.log(`bundled ${apps.map((app) => app.name).join(', ')} for ${args.framework} in ${loaded.bundleSeconds.toFixed(2)} s (first synth of these apps, or an input changed)`);
    }
    return loaded.program;
  } catch (error) {
    // esbuild's message lists each file, line and problem.
    return fail(`could not bundle ${apps.map((app) => app.name).join(', ')}\n${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs each app's main.ts from the program, into its output dir, and reports its stacks. */
function synthesize(program) {
  for (const app of apps) {
    const config = JSON.parse(fs.readFileSync(path.join(app.dir, 'cdktf.json'), 'utf8'));
    const outdir = cliOutdir ? path.resolve(invokedFrom, cliOutdir) : args.outdir ? path.join(args.outdir, app.name) : path.resolve(app.dir, config.output ?? 'cdktf.out');
    const started = performance.now();
    // A fresh output dir, so a stack removed from the app leaves nothing behind (the CLI manages its own).
    if (!cliOutdir) fs.rmSync(outdir, { recursive: true, force: true });
    fs.mkdirSync(outdir, { recursive: true });
    process.env.CDKTF_OUTDIR = outdir;
    process.env.CDKTF_CONTEXT_JSON = JSON.stringify({ ...config.context, ...givenContext });
    process.chdir(app.dir);
    try {
      program[app.name]();
    } catch (error) {
      // A ConfigError says which construct, field and value and how to fix it; a stack trace adds nothing.
      const detail = error instanceof Error ? (error.name === 'ConfigError' ? error.message : error.stack) : String(error);
      fail(`${app.name} failed\n${detail}`);
    }
    const { stacks } = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`✓ ${app.name}: ${Object.keys(stacks).join(', ')} → ${path.relative(invokedFrom, outdir)} (${seconds} s)`);
  }
}

loadProgram().then(synthesize);
