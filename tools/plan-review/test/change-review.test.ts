import { TERRAFORM_TIMEOUT_MS } from '@privatelink-cdktf/terraform-harness';
import { planChange, type ChangeReview } from '../src/change-review';
import { countChanges, reviewChanges } from '../src/changes';
import { checkIdentity } from '../src/identity-guard';
import type { PlanJson } from '../src/plan-json';
import { summarizePlan, renderMarkdown } from '../src/summary';

// A change reviewed offline with real Terraform: a state is built from the base configuration and
// the head is planned against it. The guarded stack has one resource of each type the identity
// guard protects; the head changes, for each, an argument the AWS provider cannot update in place.
const SUBNETS = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'];

function guarded(version: 1 | 2) {
  const v2 = version === 2;
  return {
    terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } }, backend: { s3: { bucket: 'state', key: 'guarded', region: 'ap-northeast-1' } } },
    provider: { aws: [{ region: 'ap-northeast-1', default_tags: [{ tags: { Stack: 'guarded' } }] }] },
    resource: {
      aws_lb: { nlb: { name: v2 ? 'review-nlb-2' : 'review-nlb', load_balancer_type: 'network', internal: true, subnets: SUBNETS } },
      aws_vpc_endpoint_service: {
        // The AWS provider 5.x updates every argument of an endpoint service in place; what replaces
        // one is a resource it must follow, such as its load balancer.
        service: { acceptance_required: true, network_load_balancer_arns: ['${aws_lb.nlb.arn}'], lifecycle: { replace_triggered_by: ['aws_lb.nlb'] } },
      },
      aws_vpc_endpoint_service_allowed_principal: { bank: { vpc_endpoint_service_id: '${aws_vpc_endpoint_service.service.id}', principal_arn: 'arn:aws:iam::555500001111:root' } },
      aws_vpc_endpoint_connection_accepter: { bank: { vpc_endpoint_service_id: '${aws_vpc_endpoint_service.service.id}', vpc_endpoint_id: 'vpce-0a1b2c3d4e5f60718' } },
      aws_vpc_endpoint: {
        interface: { vpc_id: 'vpc-0a1b2c3d4e5f60000', vpc_endpoint_type: 'Interface', service_name: v2 ? 'com.amazonaws.ap-northeast-1.ssmmessages' : 'com.amazonaws.ap-northeast-1.ssm', subnet_ids: SUBNETS },
        gateway: { vpc_id: v2 ? 'vpc-0a1b2c3d4e5f69999' : 'vpc-0a1b2c3d4e5f60000', vpc_endpoint_type: 'Gateway', service_name: 'com.amazonaws.ap-northeast-1.s3' },
      },
      aws_transfer_server: { sftp: { domain: v2 ? 'EFS' : 'S3', identity_provider_type: 'SERVICE_MANAGED', protocols: ['SFTP'] } },
      aws_route53_resolver_endpoint: {
        inbound: { name: 'review-inbound', direction: v2 ? 'OUTBOUND' : 'INBOUND', security_group_ids: ['sg-0a1b2c3d4e5f60000'], ip_address: SUBNETS.map((subnet_id) => ({ subnet_id })) },
      },
      aws_s3_bucket: { data: { bucket: v2 ? 'review-data-2' : 'review-data' } },
      aws_kms_key: { key: { description: 'review', ...(v2 ? { customer_master_key_spec: 'RSA_2048' } : {}) } },
      aws_cloudwatch_log_group: { logs: { name: v2 ? 'review-logs-2' : 'review-logs', retention_in_days: 365 } },
    },
    output: { service_name: { value: '${aws_vpc_endpoint_service.service.service_name}' } },
  };
}

/** Endpoints and policies that reference each other, so the built state must resolve references. */
const unchanged = {
  terraform: { required_providers: { aws: { source: 'aws', version: '6.25.0' } } },
  provider: { aws: [{ region: 'ap-northeast-1' }] },
  data: { aws_iam_policy_document: { read: { statement: [{ actions: ['s3:GetObject'], resources: ['${aws_s3_bucket.data.arn}/*'] }] } } },
  resource: {
    aws_vpc: { main: { cidr_block: '10.0.0.0/16' } },
    aws_subnet: { a: { vpc_id: '${aws_vpc.main.id}', cidr_block: '10.0.0.0/24', availability_zone_id: 'apne1-az1' } },
    aws_security_group: { endpoint: { name: 'endpoint', description: 'endpoint', vpc_id: '${aws_vpc.main.id}' } },
    aws_vpc_endpoint: { ssm: { vpc_id: '${aws_vpc.main.id}', vpc_endpoint_type: 'Interface', service_name: 'com.amazonaws.ap-northeast-1.ssm', subnet_ids: ['${aws_subnet.a.id}'], security_group_ids: ['${aws_security_group.endpoint.id}'] } },
    aws_route53_record: { ssm: { zone_id: 'Z0123456789ABCDEFGHIJ', name: 'ssm.internal.example.com', type: 'CNAME', ttl: 300, records: ['${aws_vpc_endpoint.ssm.dns_entry[0].dns_name}'] } },
    aws_s3_bucket: { data: { bucket: 'review-unchanged' } },
    aws_iam_policy: { read: { name: 'read', policy: '${data.aws_iam_policy_document.read.json}' } },
  },
};

let review: ChangeReview;
const planOf = (name: string): PlanJson => review.stacks.find((s) => s.name === name)!.plan as PlanJson;

beforeAll(async () => {
  review = await planChange(
    [
      { name: 'guarded', config: guarded(1) },
      { name: 'unchanged', config: unchanged },
    ],
    [
      { name: 'guarded', config: guarded(2) },
      { name: 'unchanged', config: unchanged },
    ],
  );
}, TERRAFORM_TIMEOUT_MS);

it('builds a state the base plans against with no change, so an unchanged stack shows zero of everything', () => {
  expect(review.statePlans).toBeGreaterThanOrEqual(2);
  expect(countChanges(reviewChanges(planOf('unchanged')))).toEqual({ add: 0, change: 0, destroy: 0, replace: 0 });
  expect(reviewChanges(planOf('unchanged')).every((c) => c.action === 'no-op' || c.action === 'read')).toBe(true);
});

it('shows each force-new change of a guarded resource as a replacement, with the attribute that forces it', () => {
  const replaced = Object.fromEntries(
    reviewChanges(planOf('guarded'))
      .filter((c) => c.action === 'replace')
      .map((c) => [c.address, c.replacePaths.length > 0 ? c.replacePaths : [c.reason]]),
  );
  expect(replaced).toMatchObject({
    'aws_lb.nlb': ['name'],
    'aws_vpc_endpoint_service.service': ['replace_by_triggers'],
    'aws_vpc_endpoint.interface': ['service_name'],
    'aws_vpc_endpoint.gateway': ['vpc_id'],
    'aws_transfer_server.sftp': ['domain'],
    'aws_route53_resolver_endpoint.inbound': ['direction'],
    'aws_s3_bucket.data': ['bucket'],
    'aws_kms_key.key': ['customer_master_key_spec'],
    'aws_cloudwatch_log_group.logs': ['name'],
  });
});

it('fails the identity guard for every one of them, naming the forcing attribute and what breaks', () => {
  const { violations } = checkIdentity(planOf('guarded'));
  expect(violations.map((v) => v.address).sort()).toEqual([
    'aws_cloudwatch_log_group.logs',
    'aws_kms_key.key',
    'aws_lb.nlb',
    'aws_route53_resolver_endpoint.inbound',
    'aws_s3_bucket.data',
    'aws_transfer_server.sftp',
    'aws_vpc_endpoint.gateway',
    'aws_vpc_endpoint.interface',
    'aws_vpc_endpoint_service.service',
  ]);
  const service = violations.find((v) => v.address === 'aws_vpc_endpoint_service.service')!;
  expect(service.message).toMatch(/^aws_vpc_endpoint_service\.service is replaced \(a replace_triggered_by reference changed\): its service name com\.amazonaws\.vpce\.ap-northeast-1\.vpce-svc-0[0-9a-f]{16} changes/);
  expect(service.message).toContain("tenants' endpoints vpce-0a1b2c3d4e5f60718; allowed principals arn:aws:iam::555500001111:root");
  expect(violations.find((v) => v.address === 'aws_lb.nlb')?.message).toMatch(/forced by `name`\): .*the endpoint service in front of it \(aws_vpc_endpoint_service\.service\)/);
  const markdown = renderMarkdown(summarizePlan('guarded', planOf('guarded')));
  expect(markdown).toContain('### ⛔ Identity guard');
  expect(markdown.indexOf('### ⛔ Identity guard')).toBeLessThan(markdown.indexOf('### ⚠️ Replacements and destroys'));
});

it('lets an allowed replacement pass, and lists it as allowed', () => {
  const allow = checkIdentity(planOf('guarded')).violations.map((v) => v.address);
  const summary = summarizePlan('guarded', planOf('guarded'), { allow });
  expect(summary.guard.violations).toEqual([]);
  expect(summary.guard.allowed).toHaveLength(9);
  expect(renderMarkdown(summary)).toContain('### Replacements the change allows');
  expect(renderMarkdown(summary)).not.toContain('Identity guard');
});
