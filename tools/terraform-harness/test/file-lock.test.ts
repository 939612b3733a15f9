import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { acquireFileSlot, withFileLock, withFileSlots } from '../src/file-lock';

describe('withFileSlots', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-slots-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const measure = async (slots: number, holders: number) => {
    let inside = 0;
    let most = 0;
    const hold = () =>
      withFileSlots(path.join(dir, `s${slots}`), slots, async () => {
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setTimeout(resolve, 40));
        inside--;
      });
    await Promise.all(Array.from({ length: holders }, hold));
    return most;
  };

  it('lets at most `slots` holders in at once, and uses them all', async () => {
    expect(await measure(1, 3)).toBe(1);
    expect(await measure(2, 5)).toBe(2);
    expect(fs.readdirSync(path.join(dir, 's2'))).toEqual(['queue']);
    expect(fs.readdirSync(path.join(dir, 's2', 'queue'))).toEqual([]);
  });

  it('serves waiters in the order they arrived', async () => {
    const lock = path.join(dir, 'fifo');
    const order: number[] = [];
    const first = await acquireFileSlot(lock, 1);
    const waiters = [1, 2, 3].map(async (n) => {
      await new Promise((resolve) => setTimeout(resolve, n * 20));
      const slot = await acquireFileSlot(lock, 1);
      order.push(n);
      await new Promise((resolve) => setTimeout(resolve, 30));
      slot.release();
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    first.release();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
  });

  it('releases the slot when the holder throws', async () => {
    const lock = path.join(dir, 'throws');
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(fs.readdirSync(lock)).toEqual(['queue']);
  });

  it('takes over a slot left by a process that died', async () => {
    const lock = path.join(dir, 'dead');
    fs.mkdirSync(path.join(lock, 'slot-0'), { recursive: true });
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(path.join(lock, 'slot-0'), old, old);
    await expect(withFileLock(lock, async () => 'taken')).resolves.toBe('taken');
  });
});
