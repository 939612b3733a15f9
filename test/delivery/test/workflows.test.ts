import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { listStacks } from '../../../scripts/stacks';

// The GitHub Actions workflows cannot run here, so these tests read them as data: valid YAML, the
// right triggers, the right stacks, scripts that exist, OIDC instead of keys, gated environments.
// The pull request comment script is the one piece of logic in them, and it is run for real
// against a fake GitHub API.
const root = path.join(__dirname, '..', '..', '..');
const workflowsDir = path.join(root, '.github', 'workflows');
const rootScripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
const apps = fs.readdirSync(path.join(root, 'apps')).sort();

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  name?: string;
  needs?: string | string[];
  environment?: string | { name: string };
  strategy?: { matrix?: Record<string, unknown> & { include?: Array<Record<string, string>> } };
  /** A job that calls a reusable workflow has `uses` and `with` instead of steps. */
  uses?: string;
  with?: Record<string, unknown>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function load(file: string): Workflow {
  const doc = parseDocument(fs.readFileSync(path.join(workflowsDir, file), 'utf8'), { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('\n')}`);
  return doc.toJS() as Workflow;
}
const steps = (workflow: Workflow): Step[] => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
const stepUsing = (job: Job, action: string): Step | undefined => job.steps?.find((s) => s.uses?.startsWith(`${action}@`));
const stepsOf = (job: Job): Step[] => job.steps ?? [];
/** The shell of a job's step with id `review`. */
const reviewShell = (job: Job): string => stepsOf(job).find((s) => s.id === 'review')?.run ?? '';

describe('every workflow', () => {
  const files = fs.readdirSync(workflowsDir).filter((f) => /\.ya?ml$/.test(f)).sort();

  it('is one of the five, and parses as YAML without duplicate keys', () => {
    expect(files).toEqual(['ci.yml', 'deploy-environment.yml', 'deploy.yml', 'plan.yml', 'release.yml']);
    for (const file of files) expect(() => load(file)).not.toThrow();
  });

  it.each(files.filter((f) => f !== 'deploy.yml'))('%s only runs npm scripts that exist in the root package.json', (file) => {
    const text = fs.readFileSync(path.join(workflowsDir, file), 'utf8');
    // `npm run x`, `npm run-script x`, and npm's shorthands `npm test` / `npm start`.
    const referenced = [...text.matchAll(/\bnpm (?:run(?:-script)? ([\w:-]+)|(test|start)\b)/g)].map((m) => m[1] ?? m[2]);
    expect(referenced.length).toBeGreaterThan(0);
    for (const script of referenced) expect(Object.keys(rootScripts)).toContain(script);
  });

  it.each(files)('%s pins every action to a major version', (file) => {
    for (const step of steps(load(file)).filter((s) => s.uses)) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
  });

  it.each(files.filter((f) => f !== 'deploy.yml'))('%s uses Node 20 with the npm cache and installs with npm ci', (file) => {
    const workflow = load(file);
    for (const job of Object.values(workflow.jobs)) {
      expect(stepUsing(job, 'actions/setup-node')?.with).toMatchObject({ 'node-version': 20, cache: 'npm' });
      expect(stepsOf(job).some((s) => /^npm ci\b/.test(s.run ?? ''))).toBe(true);
    }
  });

  it.each(files)('%s never takes static AWS keys', (file) => {
    const text = fs.readFileSync(path.join(workflowsDir, file), 'utf8');
    expect(text).not.toMatch(/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY/);
  });

  it.each(files)('%s turns off the Terraform wrapper, whose extra output breaks `terraform show -json`', (file) => {
    for (const job of Object.values(load(file).jobs)) {
      const terraform = stepUsing(job, 'hashicorp/setup-terraform');
      if (terraform) expect(terraform.with?.terraform_wrapper).toBe(false);
    }
  });
});

describe('plan.yml', () => {
  const workflow = load('plan.yml');
  const review = workflow.jobs.review;
  const job = workflow.jobs.plan;
  const include = job.strategy?.matrix?.include ?? [];
  const text = fs.readFileSync(path.join(workflowsDir, 'plan.yml'), 'utf8');

  it('runs on pull requests, again when the allow-replace label or the description changes', () => {
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect((workflow.on.pull_request as { types: string[] }).types).toEqual(expect.arrayContaining(['opened', 'synchronize', 'labeled', 'unlabeled', 'edited']));
  });

  it('may mint an OIDC token and write pull request comments, nothing more', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write', 'pull-requests': 'write' });
  });

  describe('the offline review', () => {
    const run = stepsOf(review).find((s) => s.id === 'review')!;

    it('needs no credentials: it never assumes a role, so it runs for forks too', () => {
      expect(stepUsing(review, 'aws-actions/configure-aws-credentials')).toBeUndefined();
      expect((review as { if?: string }).if).toBeUndefined();
    });

    it('checks out the history, installs, sets up Terraform, then reviews every stack against the base commit', () => {
      expect(stepUsing(review, 'actions/checkout')?.with).toEqual({ 'fetch-depth': 0 });
      const order = ['actions/checkout', 'actions/setup-node', 'npm ci', 'hashicorp/setup-terraform'];
      const positions = order.map((what) => stepsOf(review).findIndex((s) => s.uses?.startsWith(`${what}@`) || s.run?.startsWith(what)));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(stepsOf(review).indexOf(run)).toBeGreaterThan(positions.at(-1)!);
      expect(run.run).toContain('npm run plan -- --all --offline --base "$BASE_SHA" "${allow[@]}"');
      expect(run.env?.BASE_SHA).toBe('${{ github.event.pull_request.base.sha }}');
    });

    it('fails the check when the identity guard stops a change: the review does not continue on error', () => {
      expect((run as Step & { 'continue-on-error'?: unknown })['continue-on-error']).toBeUndefined();
      expect(stepUsing(review, 'actions/github-script')?.if).toBe('${{ !cancelled() }}');
      expect(String(stepUsing(review, 'actions/github-script')?.with?.script)).toContain("postReviewComments({ github, context, dir: 'plan-summary', outcome: process.env.REVIEW_OUTCOME })");
    });

    it('allows the addresses the description names, only with the allow-replace label, without putting text from the pull request into the script', async () => {
      expect(run.env).toMatchObject({ ALLOW_LABEL: "${{ contains(github.event.pull_request.labels.*.name, 'allow-replace') }}", PR_BODY: '${{ github.event.pull_request.body }}' });
      expect(run.run).not.toContain('${{');
      // The step's shell, run for real with a stand-in npm that prints its arguments.
      const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-npm-'));
      try {
        fs.writeFileSync(path.join(bin, 'npm'), '#!/bin/sh\nfor a in "$@"; do echo "[$a]"; done\n', { mode: 0o755 });
        const body = 'Moves the NLB.\r\nallow-replace: saas-provider-stg:aws_lb.Service_LoadBalancer_1\n  allow-replace: aws_s3_bucket.x  (why)\nallow-replace: $(touch pwned)\n';
        const shell = (label: string) =>
          execFileSync('bash', ['-c', run.run!], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, BASE_SHA: 'abc123', ALLOW_LABEL: label, PR_BODY: body }, cwd: bin, encoding: 'utf8' });
        expect(shell('true').trim().split('\n')).toEqual([
          '[run]', '[plan]', '[--]', '[--all]', '[--offline]', '[--base]', '[abc123]',
          '[--allow-replace]', '[saas-provider-stg:aws_lb.Service_LoadBalancer_1]', '[--allow-replace]', '[aws_s3_bucket.x]', '[--allow-replace]', '[$(touch]',
        ]);
        expect(fs.existsSync(path.join(bin, 'pwned'))).toBe(false);
        expect(shell('false')).not.toContain('--allow-replace');
      } finally {
        fs.rmSync(bin, { recursive: true, force: true });
      }
    });
  });

  describe('the plan with credentials', () => {
    it('plans exactly the stacks there are, each with its app and environment', () => {
      expect(include.map((m) => m.stack).sort()).toEqual(listStacks(root).map((s) => s.name));
      for (const stack of listStacks(root)) {
        expect(include.find((m) => m.stack === stack.name)).toEqual({ stack: stack.name, app: stack.app, environment: stack.environment });
      }
      expect(job.strategy).toMatchObject({ 'fail-fast': false });
    });

    it('runs only where credentials exist: not for forks, and not for an environment without a plan role', () => {
      expect((job as { if?: string }).if).toBe('${{ github.event.pull_request.head.repo.full_name == github.repository }}');
      for (const step of stepsOf(job)) expect(step.if).toMatch(/env\.PLAN_ROLE != ''/);
      const role = String((job as { env?: Record<string, string> }).env?.PLAN_ROLE);
      expect(role).toContain("matrix.environment == 'prod' && vars.AWS_PLAN_ROLE_ARN_PROD");
      expect(role).toContain("matrix.environment == 'stg' && vars.AWS_PLAN_ROLE_ARN_STG");
      expect(role).toContain("matrix.environment == 'dev' && vars.AWS_PLAN_ROLE_ARN_DEV");
      expect(stepUsing(job, 'aws-actions/configure-aws-credentials')?.with?.['role-to-assume']).toBe('${{ env.PLAN_ROLE }}');
    });

    it('installs, sets up Terraform, assumes the role of the environment, then plans (which synthesizes) with the same allow list', () => {
      const order = ['actions/setup-node', 'npm ci', 'hashicorp/setup-terraform', 'aws-actions/configure-aws-credentials'];
      const positions = order.map((what) => stepsOf(job).findIndex((s) => s.uses?.startsWith(`${what}@`) || s.run?.startsWith(what)));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      const plan = stepsOf(job).find((s) => s.id === 'plan')!;
      expect(stepsOf(job).indexOf(plan)).toBeGreaterThan(positions.at(-1)!);
      expect(plan.run).toContain('npm run plan -- "$STACK" "${allow[@]}"');
      expect(plan.run!.slice(0, plan.run!.indexOf('npm run plan'))).toBe(reviewShell(review).slice(0, reviewShell(review).indexOf('npm run plan')));
      expect((plan as Step & { 'continue-on-error'?: unknown })['continue-on-error']).toBeUndefined();
    });

    it('comments with the stack, its summary file and the plan outcome', () => {
      const comment = stepUsing(job, 'actions/github-script')!;
      expect(comment.if).toBe("${{ !cancelled() && env.PLAN_ROLE != '' }}");
      expect(comment.env).toEqual({ STACK: '${{ matrix.stack }}', SUMMARY_FILE: 'plan-summary/${{ matrix.stack }}.md', PLAN_OUTCOME: '${{ steps.plan.outcome }}' });
      expect(String(comment.with?.script)).toContain("kind: 'plan'");
    });
  });

  it('documents the label and the description lines that allow a replacement', () => {
    expect(text).toContain('add the label `allow-replace` and name each address in the description');
  });

  describe('the pull request comments (.github/scripts/plan-comment.cjs, run against an in-memory pull request)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { postPlanComment, postReviewComments } = require(path.join(root, '.github', 'scripts', 'plan-comment.cjs')) as {
      postPlanComment: (options: Record<string, unknown>) => Promise<void>;
      postReviewComments: (options: Record<string, unknown>) => Promise<void>;
    };
    let tmp: string;

    beforeAll(() => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-comment-'));
    });
    afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

    function fakeGitHub(comments: FakeComment[]) {
      const listComments = async () => comments;
      return {
        paginate: async (method: unknown) => {
          expect(method).toBe(listComments);
          return comments.map((c) => ({ ...c }));
        },
        rest: {
          issues: {
            listComments,
            updateComment: async ({ comment_id, body }: { comment_id: number; body: string }) => {
              comments.find((c) => c.id === comment_id)!.body = body;
            },
            createComment: async ({ issue_number, body }: { issue_number: number; body: string }) => {
              expect(issue_number).toBe(42);
              comments.push({ id: comments.length + 1, user: { type: 'Bot' }, body });
            },
          },
        },
      };
    }
    const context = { serverUrl: 'https://github.com', runId: 7, repo: { owner: 'o', repo: 'r' }, issue: { number: 42 } };

    async function post(stack: string, markdown: string | undefined, outcome: string, comments: FakeComment[], kind = 'plan'): Promise<void> {
      const file = path.join(tmp, `${stack}.md`);
      fs.rmSync(file, { force: true });
      if (markdown !== undefined) fs.writeFileSync(file, markdown);
      await postPlanComment({ github: fakeGitHub(comments), context, stack, summaryFile: file, outcome, kind });
    }

    it('creates one comment per stack, then updates it instead of adding another', async () => {
      const comments: FakeComment[] = [{ id: 1, user: { type: 'User' }, body: 'LGTM' }];
      await post('saas-provider-dev', '## plan one', 'success', comments);
      await post('saas-provider-prod', '## prod plan', 'success', comments);
      await post('saas-provider-dev', '## plan two', 'success', comments);
      expect(comments.map((c) => c.body)).toEqual([
        'LGTM',
        '<!-- plan-summary:saas-provider-dev -->\n## plan two',
        '<!-- plan-summary:saas-provider-prod -->\n## prod plan',
      ]);
    });

    it('keeps the review and the credentialed plan of a stack in two comments', async () => {
      const comments: FakeComment[] = [];
      await post('saas-provider-dev', '## plan', 'success', comments, 'plan');
      await post('saas-provider-dev', '## review', 'success', comments, 'review');
      expect(comments.map((c) => c.body.split('\n')[0])).toEqual(['<!-- plan-summary:saas-provider-dev -->', '<!-- plan-review:saas-provider-dev -->']);
    });

    it('does not take over a human comment that quotes the marker', async () => {
      const comments: FakeComment[] = [{ id: 1, user: { type: 'User' }, body: 'why is <!-- plan-summary:tenant-consumer-dev --> here?' }];
      await post('tenant-consumer-dev', '## plan', 'success', comments);
      expect(comments).toHaveLength(2);
      expect(comments[0].body).toContain('why is');
    });

    it('replaces the summary with the failure when the plan did not finish', async () => {
      const comments: FakeComment[] = [];
      await post('s3-private-access-stg', '## good plan', 'success', comments);
      await post('s3-private-access-stg', undefined, 'failure', comments);
      expect(comments).toHaveLength(1);
      expect(comments[0].body).toContain('<!-- plan-summary:s3-private-access-stg -->');
      expect(comments[0].body).toContain('❌ The plan did not finish (failure)');
      expect(comments[0].body).toContain('https://github.com/o/r/actions/runs/7');
      expect(comments[0].body).not.toContain('good plan');
    });

    it('posts the summary of a plan the identity guard stopped, with the failed check under it', async () => {
      const comments: FakeComment[] = [];
      await post('saas-provider-stg', '## plan\n### ⛔ Identity guard', 'failure', comments, 'review');
      expect(comments[0].body).toContain('### ⛔ Identity guard');
      expect(comments[0].body).toContain('❌ The check failed (failure): see the identity guard above');
    });

    it('cuts a summary GitHub would refuse, and says where the whole one is', async () => {
      const comments: FakeComment[] = [];
      await post('saas-provider-dev', `## big\n${'x'.repeat(100_000)}`, 'success', comments);
      expect(comments[0].body.length).toBeLessThan(65_536);
      expect(comments[0].body).toContain('plan-summary-saas-provider-dev artifact');
    });

    it('comments the review of every stack, and marks a stack reviewed before but not now as not finished', async () => {
      const dir = fs.mkdtempSync(path.join(tmp, 'summaries-'));
      fs.writeFileSync(path.join(dir, 'saas-provider-dev.md'), '## dev review');
      fs.writeFileSync(path.join(dir, 'saas-provider-prod.md'), '## prod review');
      const comments: FakeComment[] = [{ id: 1, user: { type: 'Bot' }, body: '<!-- plan-review:tenant-consumer-dev -->\n## old review' }];
      await postReviewComments({ github: fakeGitHub(comments), context, dir, outcome: 'failure' });
      expect(comments.map((c) => c.body.split('\n').slice(0, 2).join(' '))).toEqual([
        '<!-- plan-review:tenant-consumer-dev --> ## Change review (offline, against the base branch): `tenant-consumer-dev`',
        '<!-- plan-review:saas-provider-dev --> ## dev review',
        '<!-- plan-review:saas-provider-prod --> ## prod review',
      ]);
      const none: FakeComment[] = [];
      await postReviewComments({ github: fakeGitHub(none), context, dir: path.join(tmp, 'nowhere'), outcome: 'failure' });
      expect(none.map((c) => c.body.split('\n')[0])).toEqual(['<!-- plan-review:every-stack -->']);
    });
  });
});

interface FakeComment {
  id: number;
  user: { type: string };
  body: string;
}

describe('deploy.yml', () => {
  const workflow = load('deploy.yml');
  const called = load('deploy-environment.yml');
  const job = called.jobs.deploy;

  it('runs on pushes to main', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
  });

  it('deploys dev, then stg, then prod, one call of the environment workflow each', () => {
    expect(workflow.jobs).toEqual({
      dev: { uses: './.github/workflows/deploy-environment.yml', with: { environment: 'dev' } },
      stg: { needs: 'dev', uses: './.github/workflows/deploy-environment.yml', with: { environment: 'stg' } },
      prod: { needs: 'stg', uses: './.github/workflows/deploy-environment.yml', with: { environment: 'prod' } },
    });
    expect(called.on).toEqual({ workflow_call: { inputs: { environment: { description: expect.any(String), required: true, type: 'string' } } } });
  });

  it('runs each deploy in the GitHub environment it deploys, where stg and prod have required reviewers', () => {
    expect(job.environment).toBe('${{ inputs.environment }}');
    const text = fs.readFileSync(path.join(workflowsDir, 'deploy.yml'), 'utf8');
    expect(text).toMatch(/stg and prod: "Required reviewers"/);
  });

  it('deploys every app with approval given and remote state required, by OIDC', () => {
    expect([...(job.strategy?.matrix?.app as string[])].sort()).toEqual(apps);
    expect(stepsOf(job).map((s) => s.run).filter(Boolean)).toContain('npm run deploy -- ${{ matrix.app }}-${{ inputs.environment }} --auto-approve --require-remote-state');
    expect(stepUsing(job, 'aws-actions/configure-aws-credentials')?.with?.['role-to-assume']).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}');
  });

  it('may mint an OIDC token and read the code', () => {
    expect(workflow.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(called.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
  });
});

describe('release.yml', () => {
  const workflow = load('release.yml');
  const job = Object.values(workflow.jobs)[0];
  const changesets = stepUsing(job, 'changesets/action')!;

  it('runs on pushes to main with the permissions Changesets and provenance need', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', 'id-token': 'write' });
  });

  it('versions with Changesets and publishes with provenance and the npm token', () => {
    expect(changesets.with).toMatchObject({ version: 'npm run version-packages', publish: 'npm run release' });
    expect(rootScripts['version-packages']).toMatch(/^changeset version\b/);
    expect(rootScripts.release).toMatch(/^turbo run build && changeset publish$/);
    expect(changesets.env).toMatchObject({ NPM_CONFIG_PROVENANCE: true, NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}', NPM_TOKEN: '${{ secrets.NPM_TOKEN }}' });
    expect(stepUsing(job, 'actions/setup-node')?.with?.['registry-url']).toBe('https://registry.npmjs.org');
  });

  it('can only publish the four libraries and the two tools: every other workspace package is private', () => {
    const workspaces = ['packages', 'tools', 'apps', 'test'].flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir))
        .filter((name) => fs.existsSync(path.join(root, dir, name, 'package.json')))
        .map((name) => JSON.parse(fs.readFileSync(path.join(root, dir, name, 'package.json'), 'utf8')) as { name: string; private?: boolean }),
    );
    expect(workspaces.filter((p) => !p.private).map((p) => p.name).sort()).toEqual(
      ['@privatelink-cdktf/consumer', '@privatelink-cdktf/core', '@privatelink-cdktf/plan-review', '@privatelink-cdktf/provider', '@privatelink-cdktf/s3-access', '@privatelink-cdktf/terraform-harness'],
    );
  });
});

describe('ci.yml', () => {
  const workflow = load('ci.yml');

  it('runs npm ci and npm test on pull requests and on main, with Terraform', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    const job = Object.values(workflow.jobs)[0];
    expect(stepsOf(job).map((s) => s.run).filter(Boolean)).toEqual(['npm ci --no-audit --no-fund && npm test']);
    expect(stepUsing(job, 'hashicorp/setup-terraform')).toBeDefined();
  });
});

describe('the Changesets config', () => {
  it('is valid for this workspace, public, on main, versions the libraries and nothing private', async () => {
    // Changesets' own reader (a dependency of @changesets/cli), which validates the config against
    // the workspace packages and expands the ignore globs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { getPackages } = require('@manypkg/get-packages') as { getPackages: (dir: string) => Promise<{ packages: Array<{ packageJson: { name: string; private?: boolean } }> }> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { read } = require('@changesets/config') as {
      read: (dir: string, packages: unknown) => Promise<{ access: string; baseBranch: string; ignore: string[]; privatePackages: { version: boolean; tag: boolean } }>;
    };
    const packages = await getPackages(root);
    const config = await read(root, packages);
    expect(config).toMatchObject({ access: 'public', baseBranch: 'main', privatePackages: { version: false, tag: false } });
    const named = (p: { packageJson: { name: string; private?: boolean } }) => p.packageJson.name;
    // Apps and test packages are ignored by name (or glob); no library is.
    expect(config.ignore.filter((name) => !packages.packages.find((p) => named(p) === name)?.packageJson.private)).toEqual([]);
    for (const app of apps) expect(config.ignore).toContain(`@privatelink-cdktf/app-${app}`);
    const testPackages = packages.packages.filter((p) => /\/test\//.test(`${(p as { dir?: string }).dir}/`)).map(named);
    expect(testPackages.length).toBeGreaterThan(0);
    for (const name of testPackages) expect(config.ignore).toContain(name);
  });
});
