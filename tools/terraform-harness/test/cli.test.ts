import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findSynthesizedStacks } from '../src/synthesized-stacks';
import { TERRAFORM_TIMEOUT_MS } from '../src/timeout';

const TSX = path.join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx');

/** Runs the command line from source (tsx) in its own process, as the bin runs it from dist/. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, ['-e', `require(${JSON.stringify(require.resolve('../src/cli'))}).main(process.argv.slice(1)).then((code) => { process.exitCode = code; })`, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function writeStack(appDir: string, name: string, config: object, extraFiles: Record<string, string> = {}): void {
  const dir = path.join(appDir, 'cdktf.out', 'stacks', name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(config));
  for (const [file, content] of Object.entries(extraFiles)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}

function stackConfig(resource: object): object {
  return {
    terraform: {
      required_providers: { aws: { source: 'aws', version: '6.25.0' } },
      backend: { local: { path: 'terraform.demo.tfstate' } },
    },
    provider: { aws: [{ region: 'us-east-1' }] },
    resource,
  };
}

describe('tf-harness validate', () => {
  let appDir: string;

  beforeAll(() => {
    appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-harness-cli-test-'));
    // Reads a relative asset at plan time (so the stack dir must be copied whole) and carries a lock
    // file from an earlier deploy pinning 6.25.0 (which must not be copied, or init would reject it).
    writeStack(
      appDir,
      'b-assets',
      stackConfig({
        aws_s3_object: {
          readme: { bucket: 'example', key: 'hello.txt', source: 'assets/hello.txt', etag: '${filemd5("assets/hello.txt")}' },
        },
      }),
      {
        'assets/hello.txt': 'hello\n',
        '.terraform.lock.hcl': 'provider "registry.terraform.io/hashicorp/aws" {\n  version = "6.25.0"\n}\n',
      },
    );
    writeStack(appDir, 'a-broken', stackConfig({ aws_vpc: { main: { cidr_block: '10.0.0.0/16', bogus_argument: 1 } } }));
  });

  afterAll(() => fs.rmSync(appDir, { recursive: true, force: true }));

  test('finds synthesized stacks sorted by name', () => {
    expect(findSynthesizedStacks(appDir)).toEqual([
      { name: 'a-broken', dir: path.join(appDir, 'cdktf.out', 'stacks', 'a-broken') },
      { name: 'b-assets', dir: path.join(appDir, 'cdktf.out', 'stacks', 'b-assets') },
    ]);
  });

  test('prints one line per stack and exits 1 with the error text when one fails', async () => {
    const { code, stdout, stderr } = await runCli(['validate', appDir]);
    expect(stdout).toMatch(/✓ b-assets {2}terraform validate ok, plan: 1 to add, 0 to change, 0 to destroy \(\d+\.\ds\)/);
    expect(stdout).toMatch(/✗ a-broken {2}terraform plan found 1 error\(s\) in a-broken/);
    expect(stderr).toMatch(/✗ a-broken\n[\s\S]*bogus_argument[\s\S]*1 of 2 stack\(s\) failed/);
    expect(code).toBe(1);
  }, TERRAFORM_TIMEOUT_MS);

  test('exits 0 when every stack passes', async () => {
    fs.rmSync(path.join(appDir, 'cdktf.out', 'stacks', 'a-broken'), { recursive: true });
    const { code, stdout } = await runCli(['validate', appDir]);
    expect(stdout.trim().split('\n')).toEqual([expect.stringMatching(/^✓ b-assets {2}terraform validate ok, plan: 1 to add/)]);
    expect(code).toBe(0);
  }, TERRAFORM_TIMEOUT_MS);

  test('fails clearly when an app has no synthesized stacks', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-harness-empty-'));
    try {
      const { code, stderr } = await runCli(['validate', appDir, empty]);
      expect(stderr).toContain(`no synthesized stacks in ${empty}/cdktf.out/stacks`);
      expect(code).toBe(1);
    } finally {
      fs.rmSync(empty, { recursive: true });
    }
  });

  test('prints usage and exits 2 without app dirs', async () => {
    const { code, stderr } = await runCli(['validate']);
    expect(stderr).toContain('usage: tf-harness validate <appDir...>');
    expect(code).toBe(2);
  });
});
