import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AppPlans } from '../src/app-plans';
import { planConfig, type PlanResult } from '../src/plan';
import { TERRAFORM_NOT_FOUND_MESSAGE } from '../src/terraform';
import { TERRAFORM_TIMEOUT_MS } from '../src/timeout';

/** A hand-written cdk.tf.json as cdktf would synthesize it: 6.25.0 pin, s3 backend, provider array. */
function networkConfig(targetType: string) {
  return {
    terraform: {
      required_providers: { aws: { source: 'aws', version: '6.25.0' } },
      backend: { s3: { bucket: 'remote-state', key: 'harness.tfstate', region: 'us-east-1' } },
    },
    provider: {
      aws: [
        {
          region: 'us-east-1',
          default_tags: [{ tags: { Project: 'harness-test' } }],
          assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/deployer' }],
        },
      ],
    },
    // IAM policy documents are rendered by the provider itself, so reading one needs no AWS call.
    data: {
      aws_iam_policy_document: {
        read: { statement: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::example/*'] }] },
      },
    },
    resource: {
      aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
      aws_lb_target_group: {
        nlb: { name: 'harness-nlb', target_type: targetType, protocol: 'TCP', port: 443, vpc_id: '${aws_vpc.main.id}' },
      },
      aws_iam_policy: { read: { name: 'harness-read', policy: '${data.aws_iam_policy_document.read.json}' } },
    },
  };
}

describe('planConfig with real terraform', () => {
  let result: PlanResult;

  beforeAll(async () => {
    result = await planConfig(networkConfig('ip'), { name: 'network', validate: true });
  }, TERRAFORM_TIMEOUT_MS);

  test('plans the vpc and target group as creates, offline, despite the 6.25.0 pin and s3 backend', () => {
    expect(result.validation.valid).toBe(true);
    expect(result.addresses('aws_vpc')).toEqual(['aws_vpc.main']);
    expect(result.addresses('aws_lb_target_group')).toEqual(['aws_lb_target_group.nlb']);
    for (const change of result.resourceChanges) expect(change.change.actions).toEqual(['create']);
    expect(result.summary).toEqual({ add: 3, change: 0, destroy: 0 });
  });

  test('exposes planned values and what is only known after apply', () => {
    const tg = result.resourceChanges.find((rc) => rc.address === 'aws_lb_target_group.nlb');
    expect(tg?.change.after).toMatchObject({ target_type: 'ip', protocol: 'TCP', port: 443 });
    expect(tg?.change.after_unknown).toMatchObject({ vpc_id: true, arn: true });
    expect(tg?.change.after).toMatchObject({ tags_all: { Project: 'harness-test' } });
  });

  test('reads the changes and planned attributes of one resource type', () => {
    expect(result.ofType('aws_lb_target_group').map((rc) => rc.address)).toEqual(['aws_lb_target_group.nlb']);
    expect(result.planned('aws_vpc')).toEqual([expect.objectContaining({ cidr_block: '10.0.0.0/16' })]);
    expect(result.planned('aws_subnet')).toEqual([]);
  });

  test('computes an IAM policy document locally during the plan', () => {
    const policy = result.resourceChanges.find((rc) => rc.address === 'aws_iam_policy.read');
    expect(JSON.parse(String(policy?.change.after?.policy))).toMatchObject({
      Statement: [{ Action: 's3:GetObject', Resource: 'arn:aws:s3:::example/*' }],
    });
  });

  test('records step timings that add up to at most the total, and removes its temp dir', () => {
    const { init, validate, plan, show, queued, total } = result.timings;
    expect(Math.min(init, validate, plan, show)).toBeGreaterThan(0);
    expect(total).toBeGreaterThanOrEqual(init + validate + plan + show + queued);
    expect(result.batchSize).toBe(1);
    expect(fs.existsSync(result.workDir)).toBe(false);
  });

  test('rejects an invalid target_type with the provider diagnostic, from terraform validate when asked', async () => {
    // The provider's enum check runs on static values, so validate already reports it. (Errors that
    // only plan finds, and how each is traced to its configuration, are in plan-batch.test.ts.)
    await expect(planConfig(networkConfig('albx'), { name: 'invalid', validate: true })).rejects.toThrow(
      /terraform validate found 1 error\(s\) in invalid[\s\S]*target_type[\s\S]*albx[\s\S]*aws_lb_target_group\.nlb/,
    );
  }, TERRAFORM_TIMEOUT_MS);
});

describe('missing terraform', () => {
  const saved = { TERRAFORM_BIN: process.env.TERRAFORM_BIN, CI: process.env.CI };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  test.each(['true', undefined])('fails with install instructions (CI=%s), never skips', async (ci) => {
    process.env.TERRAFORM_BIN = '/nonexistent/bin/terraform';
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    const rejection = expect(planConfig(networkConfig('ip'), { name: 'no-terraform' })).rejects;
    await rejection.toThrow(TERRAFORM_NOT_FOUND_MESSAGE);
    await rejection.toThrow('/nonexistent/bin/terraform');
  }, TERRAFORM_TIMEOUT_MS);
});

describe('AppPlans', () => {
  it('says which stacks exist when asked for a plan it does not have', () => {
    const appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-plans-'));
    try {
      expect(() => new AppPlans(appDir).get('app-dev')).toThrow('app-dev was not planned: synthesized stacks are none (run npm run synth); call planAll() in beforeAll');
    } finally {
      fs.rmSync(appDir, { recursive: true, force: true });
    }
  });
});
