import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Member } from '@privatelink-cdktf/terraform-harness';
import { REPO_ROOT } from './run';

/** The stacks a git ref synthesizes, by name, and where they came from. */
export interface BaseSynthesis {
  ref: string;
  /** The commit the ref names. */
  sha: string;
  /** The apps that exist at the ref. */
  apps: string[];
  /** Every stack the asked apps synthesized at the ref, by stack name. */
  stacks: Map<string, Member>;
}

function git(args: string[], cwd = REPO_ROOT): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.error) throw new Error(`git could not start: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** The commit a ref names; a clear error for anything git does not know as a commit. */
export function resolveCommit(ref: string): string {
  if (ref === '' || ref.startsWith('-')) throw new Error(`--base '${ref}' is not a git ref: give a branch, tag or commit, for example origin/main`);
  const resolved = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (resolved.status !== 0 || !/^[0-9a-f]{40}$/.test(resolved.stdout)) {
    throw new Error(`--base '${ref}' is not a commit in this repository: give a branch, tag or commit that \`git rev-parse\` knows, for example origin/main (fetch it first in a shallow clone)`);
  }
  return resolved.stdout;
}

/**
 * Synthesizes apps as they are at a git ref: a temporary worktree at that commit, whose
 * node_modules links to this checkout's installed packages (so nothing is installed; the libraries
 * and apps are the ref's own workspace packages, bundled by the ref's scripts/synth.cjs), removed
 * afterwards. The third-party packages are this checkout's, which matters only when the change
 * upgrades them.
 */
export function synthesizeAtRef(ref: string, apps: readonly string[] | 'all'): BaseSynthesis {
  const sha = resolveCommit(ref);
  const worktree = fs.mkdtempSync(path.join(os.tmpdir(), 'privatelink-base-'));
  fs.rmSync(worktree, { recursive: true, force: true });
  const added = git(['worktree', 'add', '--detach', '--quiet', worktree, sha]);
  if (added.status !== 0) throw new Error(`could not check out ${ref} (${sha.slice(0, 7)}) in a temporary worktree: ${added.stderr}`);
  try {
    const present = fs.existsSync(path.join(worktree, 'apps'))
      ? fs.readdirSync(path.join(worktree, 'apps')).filter((app) => fs.existsSync(path.join(worktree, 'apps', app, 'cdktf.json'))).sort()
      : [];
    const wanted = apps === 'all' ? present : apps.filter((app) => present.includes(app));
    const stacks = new Map<string, Member>();
    if (wanted.length > 0) {
      linkNodeModules(worktree);
      const synth = path.join(worktree, 'scripts', 'synth.cjs');
      if (!fs.existsSync(synth)) throw new Error(`${ref} (${sha.slice(0, 7)}) has no scripts/synth.cjs, so its stacks cannot be synthesized here`);
      const outdir = path.join(worktree, '.base-synth');
      const result = spawnSync(process.execPath, [synth, '--outdir', outdir, ...wanted], { cwd: worktree, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`synthesizing ${wanted.join(', ')} at ${ref} (${sha.slice(0, 7)}) failed:\n${result.stderr || result.stdout}`);
      for (const app of wanted) {
        const stacksDir = path.join(outdir, app, 'stacks');
        for (const name of fs.existsSync(stacksDir) ? fs.readdirSync(stacksDir).sort() : []) {
          const file = path.join(stacksDir, name, 'cdk.tf.json');
          if (fs.existsSync(file)) stacks.set(name, { name, config: JSON.parse(fs.readFileSync(file, 'utf8')) as object });
        }
      }
    }
    return { ref, sha, apps: present, stacks };
  } finally {
    git(['worktree', 'remove', '--force', worktree]);
    fs.rmSync(worktree, { recursive: true, force: true });
    git(['worktree', 'prune']);
  }
}

/**
 * node_modules for the worktree: a link to each package installed in this checkout, but the
 * worktree's own workspace packages (an app found through its package name reads the ref's files,
 * such as a tenants file) and its own `.cache`, so the base's synth bundle goes with the worktree.
 */
function linkNodeModules(worktree: string): void {
  const source = path.join(REPO_ROOT, 'node_modules');
  const target = path.join(worktree, 'node_modules');
  fs.mkdirSync(target, { recursive: true });
  const own = workspacePackages(worktree);
  const scopes = new Set([...own.keys()].filter((name) => name.startsWith('@')).map((name) => name.split('/')[0]));
  for (const entry of fs.readdirSync(source)) {
    if (entry === '.cache') continue;
    if (scopes.has(entry)) {
      // A scope that holds workspace packages: link its other packages one by one.
      fs.mkdirSync(path.join(target, entry));
      for (const scoped of fs.readdirSync(path.join(source, entry))) {
        if (!own.has(`${entry}/${scoped}`)) fs.symlinkSync(path.join(source, entry, scoped), path.join(target, entry, scoped));
      }
    } else if (!own.has(entry)) {
      fs.symlinkSync(path.join(source, entry), path.join(target, entry));
    }
  }
  for (const [name, dir] of own) {
    fs.mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
    fs.symlinkSync(dir, path.join(target, name));
  }
}

/** The worktree's workspace packages by name, from its package.json `workspaces` (`dir` or `dir/*`). */
function workspacePackages(root: string): Map<string, string> {
  const { workspaces = [] } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { workspaces?: string[] };
  const dirs = workspaces.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [path.join(root, pattern)];
    const parent = path.join(root, pattern.slice(0, -2));
    return fs.existsSync(parent) ? fs.readdirSync(parent).map((name) => path.join(parent, name)) : [];
  });
  const packages = new Map<string, string>();
  for (const dir of dirs) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) packages.set((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string }).name, dir);
  }
  return packages;
}
