import * as fs from 'node:fs';
import * as path from 'node:path';

const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;
const POLL_MS = 100;

/**
 * Runs `fn` while holding one of `slots` slots shared by every process on the machine. A slot is a
 * directory (mkdir is atomic) whose holder touches it every few seconds; a slot nobody has touched
 * for 30 s belongs to a process that died and is taken over.
 *
 * Turbo runs several Jest processes at once, each planning stacks: slots keep the Terraform
 * processes of all of them within the cores instead of oversubscribing them.
 */
export async function withFileSlots<T>(dir: string, slots: number, fn: () => Promise<T>): Promise<T> {
  fs.mkdirSync(dir, { recursive: true });
  for (;;) {
    for (let i = 0; i < slots; i++) {
      const slot = path.join(dir, `slot-${i}`);
      if (tryTake(slot)) return holding(slot, fn);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A lock shared by every process on the machine: {@link withFileSlots} with one slot. */
export function withFileLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  return withFileSlots(dir, 1, fn);
}

function tryTake(slot: string): boolean {
  try {
    fs.mkdirSync(slot);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = ageOf(slot);
    if (age !== undefined && age > STALE_MS) fs.rmSync(slot, { recursive: true, force: true });
    return false;
  }
}

async function holding<T>(slot: string, fn: () => Promise<T>): Promise<T> {
  const heartbeat = setInterval(() => {
    const now = new Date();
    fs.utimes(slot, now, now, () => undefined);
  }, HEARTBEAT_MS);
  try {
    return await fn();
  } finally {
    clearInterval(heartbeat);
    fs.rmSync(slot, { recursive: true, force: true });
  }
}

function ageOf(slot: string): number | undefined {
  try {
    return Date.now() - fs.statSync(slot).mtimeMs;
  } catch {
    return undefined;
  }
}
