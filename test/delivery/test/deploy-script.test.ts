import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const deployScript = (...args: string[]) =>
  spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'scripts', 'deploy.ts'), ...args], { cwd: root, encoding: 'utf8' });

// Only the paths that stop before `cdktf deploy`: a real deploy needs an AWS account.
describe('scripts/deploy.ts', () => {
  it('refuses to deploy a stack with local state when remote state is required', () => {
    const run = deployScript('tenant-consumer-dev', '--auto-approve', '--require-remote-state');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('tenant-consumer-dev keeps its state on the local disk');
    expect(run.stderr).toContain('apps/tenant-consumer/src/environments/dev.ts');
    expect(run.stdout + run.stderr).not.toMatch(/Deploying Stack|terraform apply/);
  });

  it('rejects an unknown stack and unknown options', () => {
    const unknown = deployScript('tenant-consumer-qa');
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("unknown stack 'tenant-consumer-qa'");
    const option = deployScript('tenant-consumer-dev', '--yes');
    expect(option.status).not.toBe(0);
    expect(option.stderr).toMatch(/Unknown option '--yes'/);
  });
});
