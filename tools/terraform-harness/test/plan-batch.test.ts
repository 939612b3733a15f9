import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planBatch, planConfig, stackMember, type PlanOutcome, type PlanResult } from '../src/plan';
import { TERRAFORM_TIMEOUT_MS } from '../src/timeout';

const AWS = { source: 'aws', version: '6.25.0' };

/** A stack as cdktf writes it: pinned provider, s3 backend, default tags, role to assume. */
function network(name: string, targetType = 'ip') {
  return {
    terraform: { required_providers: { aws: AWS }, backend: { s3: { bucket: 'state', key: `${name}.tfstate`, region: 'us-east-1' } } },
    provider: { aws: [{ region: 'us-east-1', default_tags: [{ tags: { Stack: name } }], assume_role: [{ role_arn: 'arn:aws:iam::111111111111:role/deployer' }] }] },
    data: { aws_iam_policy_document: { read: { statement: [{ actions: ['s3:GetObject'], resources: [`arn:aws:s3:::${name}/*`] }] } } },
    resource: {
      aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
      aws_lb_target_group: { nlb: { name: `${name}-nlb`, target_type: targetType, protocol: 'TCP', port: 443, vpc_id: '${aws_vpc.main.id}' } },
      aws_iam_policy: { read: { name: `${name}-read`, policy: '${data.aws_iam_policy_document.read.json}' } },
    },
    output: { vpc_cidr: { value: '${aws_vpc.main.cidr_block}' }, policy_name: { value: '${aws_iam_policy.read.name}', sensitive: true } },
  };
}

/** Two regions: a default provider and an aliased one. */
const twoRegions = {
  terraform: { required_providers: { aws: AWS } },
  provider: { aws: [{ region: 'eu-west-1' }, { alias: 'use1', region: 'us-east-1', default_tags: [{ tags: { Region: 'use1' } }] }] },
  resource: { aws_vpc: { home: { cidr_block: '10.1.0.0/16' }, away: { provider: 'aws.use1', cidr_block: '10.2.0.0/16' } } },
};

/** Passes validate; its precondition fails only when plan evaluates the variable. */
const precondition = {
  terraform: { required_providers: { aws: AWS } },
  provider: { aws: [{ region: 'us-east-1' }] },
  variable: { cidr: { type: 'string', default: '10.0.0.0/16' } },
  resource: {
    aws_vpc: {
      main: { cidr_block: '${var.cidr}', lifecycle: { precondition: [{ condition: '${endswith(var.cidr, "/24")}', error_message: 'cidr must be a /24' }] } },
    },
  },
};

/** A stack dir whose configuration reads a file by relative path, as a cdktf asset. */
function assetStack(root: string, name: string, content: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'assets', 'hello.txt'), content);
  const config = {
    terraform: { required_providers: { aws: AWS } },
    provider: { aws: [{ region: 'us-east-1' }] },
    resource: { aws_s3_object: { hello: { bucket: 'example', key: 'hello.txt', source: 'assets/hello.txt', etag: '${filemd5("assets/hello.txt")}' } } },
  };
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(config));
  return dir;
}

describe('planBatch: several configurations in one Terraform run', () => {
  let root: string;
  let outcomes: PlanOutcome[];
  let alone: PlanResult;
  const result = (name: string): PlanResult => {
    const outcome = outcomes.find((o) => o.name === name);
    if (!outcome?.result) throw outcome?.error ?? new Error(`${name} has no outcome`);
    return outcome.result;
  };

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-assets-'));
    [outcomes, alone] = await Promise.all([
      planBatch([
        { name: 'alpha', config: network('alpha') },
        { name: 'broken', config: network('broken', 'albx') },
        { name: 'regions', config: twoRegions },
        { name: 'precondition', config: precondition },
        // The same relative path with different content cannot share one working dir.
        stackMember(assetStack(root, 'one', 'one\n')),
        stackMember(assetStack(root, 'two', 'two\n')),
        stackMember(assetStack(root, 'same-as-one', 'one\n')),
      ]),
      planConfig(network('alpha'), { name: 'alpha-alone', keepDir: true }),
    ]);
  }, TERRAFORM_TIMEOUT_MS);

  afterAll(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(alone.workDir, { recursive: true, force: true });
  });

  it('answers for every configuration, in the order given', () => {
    expect(outcomes.map((o) => [o.name, o.result ? 'planned' : 'failed'])).toEqual([
      ['alpha', 'planned'],
      ['broken', 'failed'],
      ['regions', 'planned'],
      ['precondition', 'failed'],
      ['one', 'planned'],
      ['two', 'planned'],
      ['same-as-one', 'planned'],
    ]);
  });

  it('reads each configuration its own file, running apart those whose files clash', () => {
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const etags = outcomes.slice(4).map((o) => o.result?.planned('aws_s3_object')[0].etag);
    expect(etags).toEqual([md5('one\n'), md5('two\n'), md5('one\n')]);
    expect(outcomes.slice(4).map((o) => o.result?.batchSize)).toEqual([4, 1, 4]);
  });

  it('keeps the working dir when asked, with the saved plan', () => {
    expect(fs.existsSync(path.join(alone.workDir, 'plan.tfplan'))).toBe(true);
  });

  it("reports an invalid configuration against its own name and addresses, not the batch's", () => {
    const { error } = outcomes[1];
    expect(error?.message).toMatch(/^terraform plan found 1 error\(s\) in broken \(\S+\):\n[\s\S]*target_type[\s\S]*albx[\s\S]*\(aws_lb_target_group\.nlb, cdk\.tf\.json:\d+\)/);
    expect(error?.message).not.toContain('module.');
  });

  it('finds an error that only plan sees in a configuration that validated, after setting the invalid one aside', () => {
    expect(outcomes[3].error?.message).toMatch(/terraform plan found 1 error\(s\) in precondition[\s\S]*Resource precondition failed \(cdk\.tf\.json:\d+\)[\s\S]*cidr must be a \/24/);
  });

  it('gives each of the others the plan it would have got alone', () => {
    const strip = (plan: PlanResult) => ({
      changes: plan.resourceChanges.map((rc) => ({ ...rc })),
      outputs: plan.plan.planned_values?.outputs,
      outputChanges: plan.plan.output_changes,
      planned: plan.plan.planned_values?.root_module,
      providers: plan.plan.configuration?.provider_config,
      configured: plan.plan.configuration?.root_module,
      // Terraform lists relevant attributes in no fixed order, even for the same configuration.
      relevant: (plan.plan.relevant_attributes ?? []).map((a) => JSON.stringify(a)).sort(),
    });
    expect(strip(result('alpha'))).toEqual(strip(alone));
    expect(result('alpha').summary).toEqual({ add: 3, change: 0, destroy: 0 });
    expect(result('alpha').planned('aws_lb_target_group')).toEqual([expect.objectContaining({ tags_all: { Stack: 'alpha' } })]);
    // The four that planned came from one run for all of them, and the log line says so.
    expect(result('alpha').batchSize).toBe(4);
  });

  it('keeps aliased providers and outputs per configuration', () => {
    const regions = result('regions');
    expect(Object.keys(regions.plan.configuration?.provider_config ?? {}).sort()).toEqual(['aws', 'aws.use1']);
    const away = regions.plan.configuration?.root_module?.resources?.find((r) => r.address === 'aws_vpc.away');
    expect(away?.provider_config_key).toBe('aws.use1');
    expect(regions.ofType('aws_vpc').map((rc) => [rc.address, rc.change.after?.tags_all])).toEqual([
      ['aws_vpc.away', { Region: 'use1' }],
      ['aws_vpc.home', undefined],
    ]);
    expect(Object.keys(result('alpha').plan.planned_values?.outputs ?? {}).sort()).toEqual(['policy_name', 'vpc_cidr']);
    expect(result('alpha').plan.planned_values?.outputs?.vpc_cidr).toMatchObject({ value: '10.0.0.0/16', sensitive: false });
    expect(result('alpha').plan.planned_values?.outputs?.policy_name).toMatchObject({ sensitive: true });
  });
});
