import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;
const POLL_MS = 100;

/** A slot this process holds until it calls `release()`. */
export interface HeldSlot {
  release(): void;
}

/**
 * Takes one of `slots` slots shared by every process on the machine, waiting in line. A slot is a
 * directory (mkdir is atomic) whose holder touches it every few seconds; a slot nobody has touched
 * for 30 s belongs to a process that died and is taken over.
 *
 * Waiters queue by a ticket file named after the time they arrived, and only the first `slots`
 * of them try for a free slot, so a process that needs several Terraform runs in a row is not
 * overtaken again and again by processes that arrived later. Tickets are touched like slots, and a
 * ticket nobody touches is skipped.
 *
 * Turbo runs several Jest processes at once, each planning stacks: slots keep the Terraform
 * processes of all of them within the cores instead of oversubscribing them.
 */
export async function acquireFileSlot(dir: string, slots: number): Promise<HeldSlot> {
  const queue = path.join(dir, 'queue');
  fs.mkdirSync(queue, { recursive: true });
  const name = `${String(Date.now()).padStart(15, '0')}-${String(process.pid).padStart(8, '0')}-${randomBytes(4).toString('hex')}`;
  const ticket = path.join(queue, name);
  fs.writeFileSync(ticket, '');
  const heartbeat = setInterval(() => touch(ticket), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    for (;;) {
      if (waitersAhead(queue, name) < slots) {
        for (let i = 0; i < slots; i++) {
          const slot = path.join(dir, `slot-${i}`);
          if (tryTake(slot)) return hold(slot);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    clearInterval(heartbeat);
    fs.rmSync(ticket, { force: true });
  }
}

/** Runs `fn` while holding one of `slots` machine-wide slots (see {@link acquireFileSlot}). */
export async function withFileSlots<T>(dir: string, slots: number, fn: () => Promise<T>): Promise<T> {
  const slot = await acquireFileSlot(dir, slots);
  try {
    return await fn();
  } finally {
    slot.release();
  }
}

/** A lock shared by every process on the machine: {@link withFileSlots} with one slot. */
export function withFileLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  return withFileSlots(dir, 1, fn);
}

/** Live tickets that arrived before this one (a ticket untouched for 30 s is a process that died). */
function waitersAhead(queue: string, name: string): number {
  let ahead = 0;
  for (const other of fs.readdirSync(queue)) {
    if (other >= name) continue;
    const age = ageOf(path.join(queue, other));
    if (age !== undefined && age > STALE_MS) fs.rmSync(path.join(queue, other), { force: true });
    else if (age !== undefined) ahead++;
  }
  return ahead;
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

function hold(slot: string): HeldSlot {
  const heartbeat = setInterval(() => touch(slot), HEARTBEAT_MS);
  heartbeat.unref();
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      clearInterval(heartbeat);
      fs.rmSync(slot, { recursive: true, force: true });
    },
  };
}

function touch(file: string): void {
  const now = new Date();
  fs.utimes(file, now, now, () => undefined);
}

function ageOf(file: string): number | undefined {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}
