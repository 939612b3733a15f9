import * as fs from 'node:fs';

const STALE_MS = 120_000;
const POLL_MS = 100;

/**
 * Runs `fn` while holding a lock shared by every process on the machine (a directory: mkdir is
 * atomic). Terraform fills the shared plugin cache without locking, so two inits that install into
 * an empty cache at once can fail with "file exists"; holding this lock around init prevents that.
 * A lock older than two minutes belongs to a process that died and is taken over.
 */
export async function withFileLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = lockAge(lockDir);
      if (age !== undefined && age > STALE_MS) fs.rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function lockAge(lockDir: string): number | undefined {
  try {
    return Date.now() - fs.statSync(lockDir).mtimeMs;
  } catch {
    return undefined;
  }
}
