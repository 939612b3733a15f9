#!/usr/bin/env node
// `npx cdktn <command>`: the CDK Terrain CLI (cdktn-cli, which needs Node >= 22.19) on Node 22, while
// everything else in the repository runs on the machine's Node 20. The CLI and a Node 22 binary come
// from the npm registry, pinned by scripts/cdktn-cli/package-lock.json. They live in their own npm
// project, not in the workspace: a package that ships Node links a `node` into node_modules/.bin,
// which every npm script puts first on PATH, so in the workspace it would move every task to Node 22.
//
// On first use, or after that lockfile changed, this installs the project (`npm ci`). It runs the CLI
// with Node 22 first on PATH, so the app command the CLI starts (cdktf.json: node ../../scripts/synth.cjs .)
// runs on Node 22 too, and with PRIVATELINK_FRAMEWORK=cdktn, so that it synthesizes with cdktn and
// @cdktn/provider-aws: the apps are written against cdktf, and the synth bundle maps those imports.
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const PROJECT = path.join(__dirname, 'cdktn-cli');
const MODULES = path.join(PROJECT, 'node_modules');
const STAMP = path.join(MODULES, '.installed-from-lockfile');
const LOCK = path.join(PROJECT, '.installing');
const MINIMUM_NODE = [22, 19];

const lockfileHash = () => crypto.createHash('sha256').update(fs.readFileSync(path.join(PROJECT, 'package-lock.json'))).digest('hex');

const isInstalled = () => {
  try {
    return fs.readFileSync(STAMP, 'utf8') === lockfileHash();
  } catch {
    return false;
  }
};

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Installs scripts/cdktn-cli (npm ci) unless it is installed from the current lockfile; one process at a time. */
function ensureInstalled({ log = (line) => console.error(line) } = {}) {
  if (isInstalled()) return;
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than the longest install is left over from a killed process.
      if (Date.now() - fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs > 10 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another process has been installing ${PROJECT} for 10 minutes (${LOCK})`);
      sleep(500);
    }
  }
  try {
    if (isInstalled()) return; // another process installed it while this one waited
    log(`cdktn: installing the CDK Terrain CLI and Node 22 into ${path.relative(process.cwd(), PROJECT) || '.'} (npm ci, once per lockfile change)`);
    // Not the workspace's npm settings: this is a project of its own.
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: PROJECT, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm ci in ${PROJECT} failed (${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
    fs.writeFileSync(STAMP, lockfileHash());
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

const atLeast = (version, [major, minor]) => {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
};

/** This Node when it is new enough for the CLI, else the Node 22 of scripts/cdktn-cli for this platform. */
function node22() {
  if (atLeast(process.versions.node, MINIMUM_NODE)) return process.execPath;
  const binary = path.join(MODULES, `node-${process.platform}-${process.arch}`, 'bin', 'node');
  if (!fs.existsSync(binary)) {
    throw new Error(`cdktn-cli needs Node >= ${MINIMUM_NODE.join('.')}; scripts/cdktn-cli provides it for linux-x64 only, and this is ${process.platform}-${process.arch} with Node ${process.versions.node}: run npx cdktn with Node 22`);
  }
  return binary;
}

/** The command that runs the CDK Terrain CLI: [Node 22, the CLI's entry point], and the environment to run it in. */
function cdktnCommand(env = process.env) {
  ensureInstalled();
  const node = node22();
  const cli = path.join(MODULES, 'cdktn-cli', 'bin', 'cdktn');
  return {
    command: node,
    args: [cli],
    env: { ...env, PATH: [path.dirname(node), env.PATH].join(path.delimiter), PRIVATELINK_FRAMEWORK: 'cdktn' },
  };
}

if (require.main === module) {
  let cdktn;
  try {
    cdktn = cdktnCommand();
  } catch (error) {
    console.error(`cdktn: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const child = spawn(cdktn.command, [...cdktn.args, ...process.argv.slice(2)], { stdio: 'inherit', env: cdktn.env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
}

module.exports = { cdktnCommand, ensureInstalled };
