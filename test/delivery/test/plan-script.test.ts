import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { PlanSummary } from '@privatelink-cdktf/plan-review';

// `npm run plan -- <stack> --offline` end to end, as a user runs it: synth of the owning app through
// turbo, an offline plan with the harness, and the summary files.
const root = path.join(__dirname, '..', '..', '..');
const STACK = 'saas-provider-dev';
const planScript = (...args: string[]) =>
  spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=@privatelink-cdktf/source', path.join(root, 'scripts', 'plan.ts'), ...args], { cwd: root, encoding: 'utf8' });

describe('scripts/plan.ts --offline', () => {
  let outDir: string;
  let run: ReturnType<typeof planScript>;
  let markdown: string;
  let json: PlanSummary;

  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-summary-'));
    run = planScript(STACK, '--offline', '--out', outDir);
    if (run.status !== 0) throw new Error(`plan failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    markdown = fs.readFileSync(path.join(outDir, `${STACK}.md`), 'utf8');
    json = JSON.parse(fs.readFileSync(path.join(outDir, `${STACK}.json`), 'utf8')) as PlanSummary;
    // A synth through turbo and a real plan, on a machine that may be busy.
  }, 10 * 60_000);

  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('prints the counts and where the summary is', () => {
    const { add, change, destroy } = json.counts;
    expect(run.stdout).toContain(`${STACK}: ${add} to add, ${change} to change, ${destroy} to destroy`);
    expect(run.stdout).toContain(`${STACK}.md`);
  });

  it('writes the title and counts of a first plan: everything to add', () => {
    expect(markdown.split('\n')[0]).toBe(`## Terraform plan: \`${STACK}\``);
    const resources = Object.values(readStack().resource).reduce((n, byName) => n + Object.keys(byName).length, 0);
    expect(json.counts).toEqual({ add: resources, change: 0, destroy: 0, replace: 0 });
    expect(markdown).toContain(`**${resources} to add, 0 to change, 0 to destroy**`);
    expect(markdown).not.toContain('Replacements and destroys');
    expect(markdown).toContain('> Planned offline: empty state and mock credentials');
  });

  it('lists every resource of the synthesized stack with its action', () => {
    for (const [type, byName] of Object.entries(readStack().resource)) {
      for (const name of Object.keys(byName)) expect(markdown).toContain(`| + create | \`${type}.${name}\` |`);
    }
  });

  it('draws the stack with its VPC', () => {
    const block = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(block).toBeDefined();
    expect(block).toMatch(/^flowchart LR\n/);
    const [vpcName] = Object.keys(readStack().resource.aws_vpc);
    expect(block).toContain(`r_aws_vpc_${vpcName}`);
    expect(json.mermaid).toBe(block);
  });

  describe('without --offline', () => {
    // A stand-in for terraform that records each call and answers `show -json` with a plan in
    // which the endpoint service is replaced: the real path minus AWS.
    let fakeDir: string;
    const calls = (): string[] => fs.readFileSync(path.join(fakeDir, 'calls.log'), 'utf8').trim().split('\n');
    const plan = {
      format_version: '1.2',
      terraform_version: '1.11.4',
      resource_changes: [
        {
          address: 'aws_vpc_endpoint_service.Service',
          mode: 'managed',
          type: 'aws_vpc_endpoint_service',
          name: 'Service',
          action_reason: 'replace_because_cannot_update',
          change: { actions: ['delete', 'create'], before: {}, after: { acceptance_required: true }, replace_paths: [['network_load_balancer_arns']] },
        },
      ],
    };
    const ALLOW = ['--allow-replace', 'aws_vpc_endpoint_service.Service'];
    const realPlan = (stack: string, ...extra: string[]) => {
      fs.rmSync(path.join(fakeDir, 'calls.log'), { force: true });
      return spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=@privatelink-cdktf/source', path.join(root, 'scripts', 'plan.ts'), stack, '--no-synth', '--out', outDir, ...extra], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, TERRAFORM_BIN: path.join(fakeDir, 'terraform'), FAKE_TF_DIR: fakeDir },
      });
    };

    beforeAll(() => {
      fakeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-terraform-'));
      fs.writeFileSync(path.join(fakeDir, 'plan.json'), JSON.stringify(plan));
      const script = '#!/bin/sh\necho "$(basename "$PWD") $*" >> "$FAKE_TF_DIR/calls.log"\nif [ "$1" = show ]; then cat "$FAKE_TF_DIR/plan.json"; fi\n';
      fs.writeFileSync(path.join(fakeDir, 'terraform'), script, { mode: 0o755 });
    });
    afterAll(() => fs.rmSync(fakeDir, { recursive: true, force: true }));

    it('inits, plans to plan.tfplan and reads it back, in the stack dir with its real backend', () => {
      const run = realPlan('saas-provider-stg', ...ALLOW);
      expect(run.stderr).not.toContain('error:');
      expect(run.status).toBe(0);
      expect(calls()).toEqual([
        'saas-provider-stg init -input=false',
        'saas-provider-stg plan -input=false -lock-timeout=120s -out=plan.tfplan',
        'saas-provider-stg show -json plan.tfplan',
      ]);
      const markdown = fs.readFileSync(path.join(outDir, 'saas-provider-stg.md'), 'utf8');
      expect(markdown).toContain('**1 to add, 0 to change, 1 to destroy** (1 replacement, counted in both)');
      expect(markdown).toContain('| -/+ replace | `aws_vpc_endpoint_service.Service` | an argument that cannot be updated in place changed; forced by `network_load_balancer_arns` |');
      expect(markdown).not.toMatch(/^> /m);
      expect(markdown).toContain('### Replacements the change allows');
    });

    it('fails the identity guard on that replacement without the allow list, after writing the summary', () => {
      const run = realPlan('saas-provider-stg');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('error: the identity guard stops 1 replacement(s) or destroy(s):\n  - saas-provider-stg: aws_vpc_endpoint_service.Service is replaced (forced by `network_load_balancer_arns`)');
      expect(fs.readFileSync(path.join(outDir, 'saas-provider-stg.md'), 'utf8')).toContain('### ⛔ Identity guard');
    });

    it('warns that a stack with local state compares with whatever state this machine has', () => {
      expect(realPlan('saas-provider-dev', ...ALLOW).status).toBe(0);
      expect(fs.readFileSync(path.join(outDir, 'saas-provider-dev.md'), 'utf8')).toContain('> This stack keeps its state on the local disk');
    });

    it('fails when terraform fails, and writes no summary', () => {
      fs.writeFileSync(path.join(fakeDir, 'terraform'), '#!/bin/sh\necho "Error: No valid credential sources found" >&2\nexit 1\n', { mode: 0o755 });
      fs.rmSync(path.join(outDir, 'saas-provider-prod.md'), { force: true });
      const run = realPlan('saas-provider-prod');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('No valid credential sources found');
      expect(run.stderr).toContain('init -input=false` failed with exit code 1');
      expect(fs.existsSync(path.join(outDir, 'saas-provider-prod.md'))).toBe(false);
    });
  });

  it('rejects a stack that does not exist, naming the ones that do', () => {
    const wrong = planScript('saas-provider-qa', '--offline', '--no-synth', '--out', outDir);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toContain("unknown stack 'saas-provider-qa'");
    expect(wrong.stderr).toContain('saas-provider-prod');
  });

  it('needs exactly one stack name', () => {
    const none = planScript('--offline');
    expect(none.status).not.toBe(0);
    expect(none.stderr).toContain('usage: npm run plan -- <stack>');
    expect(none.stderr).toContain('npm run plan -- --all --offline --base <git-ref>');
  });
});

function readStack(): { resource: Record<string, Record<string, unknown>> } {
  return JSON.parse(fs.readFileSync(path.join(root, 'apps', 'saas-provider', 'cdktf.out', 'stacks', STACK, 'cdk.tf.json'), 'utf8'));
}
