import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withFileLock } from '../src/file-lock';

describe('withFileLock', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-lock-'));
  const lock = path.join(dir, 'lock');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lets one holder in at a time and releases the lock afterwards', async () => {
    let inside = 0;
    let most = 0;
    const hold = () =>
      withFileLock(lock, async () => {
        most = Math.max(most, ++inside);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inside--;
      });
    await Promise.all([hold(), hold(), hold()]);
    expect(most).toBe(1);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('releases the lock when the holder throws', async () => {
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a process that died', async () => {
    fs.mkdirSync(lock);
    const old = new Date(Date.now() - 10 * 60_000);
    fs.utimesSync(lock, old, old);
    await expect(withFileLock(lock, async () => 'taken')).resolves.toBe('taken');
  });
});
