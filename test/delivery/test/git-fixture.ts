import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const git = (root: string, args: string[], env: NodeJS.ProcessEnv = process.env, input?: string): string =>
  execFileSync('git', args, { cwd: root, env, input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trim();

/**
 * A commit of the working tree as it is now, with some files edited, made with git plumbing only:
 * no branch moves, the index and the working tree stay untouched, and the commit is left for git's
 * garbage collection. A test names it with `--base <sha>` to stand for "the code before the change".
 */
export function commitWorkingTree(root: string, edits: Record<string, (text: string) => string>): string {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'git-fixture-'));
  const env = { ...process.env, GIT_INDEX_FILE: path.join(scratch, 'index') };
  try {
    git(root, ['read-tree', 'HEAD'], env);
    git(root, ['add', '--all', '--', '.'], env);
    for (const [file, edit] of Object.entries(edits)) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const edited = edit(text);
      if (edited === text) throw new Error(`the edit of ${file} changed nothing`);
      const blob = git(root, ['hash-object', '-w', '--stdin'], env, edited);
      git(root, ['update-index', '--cacheinfo', `100644,${blob},${file}`], env);
    }
    const tree = git(root, ['write-tree'], env);
    return git(root, ['commit-tree', tree, '-p', 'HEAD', '-m', 'test fixture: the code before the change'], {
      ...env,
      GIT_AUTHOR_NAME: 'fixture',
      GIT_AUTHOR_EMAIL: 'fixture@example.com',
      GIT_COMMITTER_NAME: 'fixture',
      GIT_COMMITTER_EMAIL: 'fixture@example.com',
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
