import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HANDOFF_FORMAT, type HandoffDocument, readHandoffDocument } from '@privatelink-cdktf/consumer';
import { Testing } from 'cdktf';
import { prod as providerProd } from '../../../apps/saas-provider/src/environments/prod';
import { SaasProviderStack } from '../../../apps/saas-provider/src/saas-provider-stack';
import { prod as consumerProd } from '../../../apps/tenant-consumer/src/environments/prod';
import { saasServiceFromHandoff } from '../../../apps/tenant-consumer/src/saas-handoff';
import { TenantConsumerStack } from '../../../apps/tenant-consumer/src/tenant-consumer-stack';

// `npm run handoff` from the provider stack's outputs to the consumer's config, without AWS: the
// state an apply of saas-provider-prod would leave (every output the stack defines, with the values
// AWS would fill in), the document written from it, and the bank's stack built from that document.
const root = path.join(__dirname, '..', '..', '..');
const SERVICE_NAME = 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0f9e8d7c6b5a49382';
// What AWS knows only after apply, by output name.
const APPLIED: Record<string, unknown> = {
  service_name: SERVICE_NAME,
  service_id: 'vpce-svc-0f9e8d7c6b5a49382',
  nlb_arn: 'arn:aws:elasticloadbalancing:ap-northeast-1:333333333333:loadbalancer/net/saas-provider-prod/0123456789abcdef',
  nlb_dns_name: 'saas-provider-prod-0123456789abcdef.elb.ap-northeast-1.amazonaws.com',
  verification_record_name: '_a1b2c3d4e5.api.saas.example.com',
  verification_record_value: 'vpce:a1b2c3d4e5f6',
  supported_regions: ['ap-northeast-1'],
  supported_ip_address_types: ['ipv4'],
  connection_topic_arn: 'arn:aws:sns:ap-northeast-1:333333333333:saas-provider-prod-endpoint-connections',
  alarm_topic_arn: 'arn:aws:sns:ap-northeast-1:333333333333:saas-provider-prod-alarms',
};

interface Synthesized {
  output: Record<string, { value: unknown }>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
}

let work: string;
let stackDir: string;
let stateFile: string;
let outputs: Record<string, { value: unknown; type: string; sensitive: boolean }>;
const handoff = (...args: string[]) =>
  spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['--tsconfig', path.join(root, 'scripts', 'tsconfig.json'), path.join(root, 'scripts', 'handoff.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
  });

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-'));
  // The provider stack as synthesized, in a stack dir of its own (nothing else writes there).
  const synthesized = Testing.synth(new SaasProviderStack(Testing.app(), providerProd));
  stackDir = path.join(work, 'saas-provider-prod');
  fs.mkdirSync(stackDir);
  fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), synthesized);
  const json = JSON.parse(synthesized) as Synthesized;
  // Literal outputs keep their synthesized value; the others are what AWS fills in.
  outputs = Object.fromEntries(
    Object.entries(json.output).map(([name, { value }]) => {
      const literal = !JSON.stringify(value).includes('${');
      if (!literal && !(name in APPLIED)) throw new Error(`output ${name} has no applied value in this test: add it to APPLIED`);
      const applied = literal ? value : APPLIED[name];
      return [name, { value: applied, type: Array.isArray(applied) ? 'list' : 'string', sensitive: false }];
    }),
  );
  stateFile = path.join(work, 'terraform.tfstate');
  fs.writeFileSync(stateFile, JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 12, lineage: 'fixture', outputs, resources: [] }));
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('npm run handoff from a state', () => {
  let document: HandoffDocument;
  let consumer: Synthesized;

  beforeAll(() => {
    const out = path.join(work, 'bank', 'prod.saas-handoff.json');
    const run = handoff('saas-provider-prod', '--stack-dir', stackDir, '--state', stateFile, '--out', out);
    if (run.status !== 0) throw new Error(`handoff failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    expect(run.stdout).toContain(`prod.saas-handoff.json: ${SERVICE_NAME} in apne1-az1, apne1-az2, apne1-az4, private DNS name api.saas.example.com`);
    document = readHandoffDocument(out);
    // The bank's prod config, with its SaaS service read from the document the provider wrote.
    const saasService = saasServiceFromHandoff(consumerProd.environment, path.dirname(out));
    consumer = JSON.parse(Testing.synth(new TenantConsumerStack(Testing.app(), { ...consumerProd, saasService }))) as Synthesized;
  }, 5 * 60_000);

  it("writes the provider's service name, zones, private DNS name, regions and IP types", () => {
    expect(document).toEqual({
      format: HANDOFF_FORMAT,
      providerStack: 'saas-provider-prod',
      serviceName: SERVICE_NAME,
      availabilityZoneIds: providerProd.network.type === 'existing' ? providerProd.network.subnets.map((s) => s.availabilityZoneId) : [],
      privateDnsName: providerProd.service.privateDnsName,
      supportedRegions: ['ap-northeast-1'],
      supportedIpAddressTypes: ['ipv4'],
    });
  });

  it("becomes the consumer's interface endpoint to the service, in the provider's zones, with private DNS", () => {
    const [saas] = Object.values(consumer.resource.aws_vpc_endpoint).filter((endpoint) => endpoint.service_name === SERVICE_NAME);
    expect(saas).toMatchObject({ vpc_endpoint_type: 'Interface', subnet_ids: expect.any(Array) });
    const zones = Object.values(consumer.resource.aws_subnet).map((subnet) => subnet.availability_zone_id);
    expect(zones.every((zone) => document.availabilityZoneIds.includes(String(zone)))).toBe(true);
    expect(consumer.output.saas_private_dns_name.value).toBe('api.saas.example.com');
  });

  it("matches the bank's committed document for prod", () => {
    const committed = readHandoffDocument(path.join(root, 'apps', 'tenant-consumer', 'src', 'environments', 'prod.saas-handoff.json'));
    expect(committed).toEqual(document);
  });
});

describe('npm run handoff with credentials', () => {
  let fake: string;

  beforeAll(() => {
    // A stand-in for terraform that records each call and answers `output -json` as Terraform does.
    fake = path.join(work, 'fake');
    fs.mkdirSync(fake);
    fs.writeFileSync(path.join(fake, 'outputs.json'), JSON.stringify(outputs));
    fs.writeFileSync(path.join(fake, 'terraform'), '#!/bin/sh\necho "$(basename "$PWD") $*" >> "$FAKE_TF_DIR/calls.log"\nif [ "$1" = output ]; then cat "$FAKE_TF_DIR/outputs.json"; fi\n', { mode: 0o755 });
  });

  it('reads the outputs through the stack backend: init, then output -json, in the stack dir', () => {
    const out = path.join(work, 'from-terraform.json');
    const run = spawnSync(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['--tsconfig', path.join(root, 'scripts', 'tsconfig.json'), path.join(root, 'scripts', 'handoff.ts'), 'saas-provider-prod', '--stack-dir', stackDir, '--out', out],
      { cwd: root, encoding: 'utf8', env: { ...process.env, TERRAFORM_BIN: path.join(fake, 'terraform'), FAKE_TF_DIR: fake } },
    );
    expect(run.stderr).not.toContain('error:');
    expect(run.status).toBe(0);
    expect(fs.readFileSync(path.join(fake, 'calls.log'), 'utf8').trim().split('\n')).toEqual(['saas-provider-prod init -input=false', 'saas-provider-prod output -json']);
    expect(readHandoffDocument(out).serviceName).toBe(SERVICE_NAME);
  });
});

describe('npm run handoff refuses', () => {
  it('a state without the handoff outputs (a stack not applied yet), naming them', () => {
    const empty = path.join(work, 'empty.tfstate');
    fs.writeFileSync(empty, JSON.stringify({ version: 4, outputs: {}, resources: [] }));
    const run = handoff('saas-provider-prod', '--stack-dir', stackDir, '--state', empty, '--out', path.join(work, 'x.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: .*empty.tfstate: has no output 'service_name', 'availability_zone_ids', 'supported_regions', 'supported_ip_address_types'; the provider stack must define the handoff outputs/);
  });

  it('a stack that is not a provider stack', () => {
    const consumerDir = path.join(work, 'tenant-consumer-prod');
    fs.mkdirSync(consumerDir);
    fs.writeFileSync(path.join(consumerDir, 'cdk.tf.json'), Testing.synth(new TenantConsumerStack(Testing.app(), consumerProd)));
    const run = handoff('tenant-consumer-prod', '--stack-dir', consumerDir, '--state', stateFile);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('error: tenant-consumer-prod defines no output service_name, availability_zone_ids, private_dns_name, supported_regions, supported_ip_address_types');
  });

  it('an output the consumer could not use, before writing anything', () => {
    const bad = path.join(work, 'bad.tfstate');
    fs.writeFileSync(bad, JSON.stringify({ version: 4, outputs: { ...outputs, availability_zone_ids: { value: ['ap-northeast-1a'] } } }));
    const out = path.join(work, 'never.json');
    const run = handoff('saas-provider-prod', '--stack-dir', stackDir, '--state', bad, '--out', out);
    expect(run.stderr).toMatch(/bad.tfstate: 'availabilityZoneIds\[0\]' is "ap-northeast-1a", which is not an AZ ID such as apne1-az1/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
