import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `npx cdktn`: the CDK Terrain CLI, which needs Node >= 22.19, on the Node 22 that scripts/cdktn-cli
// installs from the npm registry, while everything else stays on the machine's Node 20.
const root = join(__dirname, '..', '..', '..');
const manifest = (name: string) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cdktnCommand } = require('../../../scripts/cdktn.cjs') as { cdktnCommand(): { command: string; args: string[]; env: NodeJS.ProcessEnv } };

describe('npx cdktn', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'cdktn-cli-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs on Node 22 while the workspace runs on its own Node', () => {
    const { command, env } = cdktnCommand();
    expect(spawnSync(command, ['--version'], { encoding: 'utf8' }).stdout).toMatch(/^v22\./);
    // The CLI's Node comes first on PATH for the app command it starts; nothing put a `node` in the workspace's .bin.
    expect(env.PATH?.split(':')[0]).toBe(join(command, '..'));
    expect(readdirSync(join(root, 'node_modules', '.bin'))).not.toContain('node');
  });

  it('synthesizes an app with cdktn and @cdktn/provider-aws (`npx cdktn synth` in apps/saas-provider)', () => {
    const outdir = join(scratch, 'saas-provider');
    // CHECKPOINT_DISABLE: no telemetry call to a host this machine cannot reach.
    const run = spawnSync('npx', ['cdktn', 'synth', '--output', outdir], { cwd: join(root, 'apps', 'saas-provider'), encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
    expect(run.stdout).toContain('Generated Terraform code for the stacks: saas-provider-dev, saas-provider-prod, saas-provider-stg');
    const stack = JSON.parse(readFileSync(join(outdir, 'stacks', 'saas-provider-dev', 'cdk.tf.json'), 'utf8'));
    expect(stack['//'].metadata.version).toBe(manifest('cdktn').version);
    // The AWS provider version that @cdktn/provider-aws binds (6.66.0 for 25.7.0), not @cdktf/provider-aws's.
    expect(stack.terraform.required_providers.aws).toEqual({ source: 'hashicorp/aws', version: manifest('@cdktn/provider-aws').cdktn.provider.version });
    expect(manifest('@cdktf/provider-aws').cdktf.provider.version).not.toBe(manifest('@cdktn/provider-aws').cdktn.provider.version);
  });
});
