import * as path from 'node:path';
import { AppPlans, TERRAFORM_TIMEOUT_MS } from '@privatelink-cdktf/terraform-harness';
import { ENVIRONMENTS } from '../src/environments';

// Real Terraform on what `npm run synth` wrote to cdktf.out (turbo runs synth before test):
// init, validate and an offline plan of every stack, planned once and read many times.
const plans = new AppPlans(path.join(__dirname, '..'));
const stacks = plans.stacks;

beforeAll(() => plans.planAll(), TERRAFORM_TIMEOUT_MS);

it('finds a synthesized stack per environment (run `npm run synth` first)', () => {
  expect(stacks.map((s) => s.name)).toEqual(['s3-private-access-dev', 's3-private-access-prod', 's3-private-access-stg']);
});

describe.each(ENVIRONMENTS.map((config) => [`s3-private-access-${config.environment.name}`, config] as const))('%s plan', (name, config) => {
  const plan = () => plans.get(name);

  it('validates without warnings, only creates and reads no data sources', () => {
    expect(plan().validation.valid).toBe(true);
    expect(plan().validation.diagnostics).toEqual([]);
    expect(plan().resourceChanges.every((rc) => rc.change.actions.join() === 'create')).toBe(true);
    expect(plan().resourceChanges.filter((rc) => rc.address.startsWith('data.'))).toEqual([]);
  });

  it('plans the guarded bucket and the gateway endpoint on every route table', () => {
    expect(plan().planned('aws_s3_bucket')).toEqual([expect.objectContaining({ bucket: config.bucket.name })]);
    expect(plan().ofType('aws_s3_bucket_policy')).toHaveLength(1);
    expect(plan().planned('aws_vpc_endpoint')).toEqual(expect.arrayContaining([expect.objectContaining({ vpc_endpoint_type: 'Gateway', service_name: 'com.amazonaws.ap-northeast-1.s3' })]));
    expect(plan().ofType('aws_vpc_endpoint_route_table_association')).toHaveLength(config.network.zones.length);
  });

  it('plans the access paths of the environment', () => {
    const interfaces = plan().planned('aws_vpc_endpoint').filter((e) => e.vpc_endpoint_type === 'Interface').map((e) => e.service_name).sort();
    expect(interfaces).toEqual([...(config.interfaceEndpoint ? ['com.amazonaws.ap-northeast-1.s3'] : []), ...(config.proxy ? ['com.amazonaws.ap-northeast-1.sts'] : [])].sort());
    expect(plan().ofType('aws_route53_resolver_endpoint')).toHaveLength(config.interfaceEndpoint ? 1 : 0);
    expect(plan().ofType('aws_transfer_server')).toHaveLength(config.sftp ? 1 : 0);
    expect(plan().ofType('aws_transfer_user')).toHaveLength(Object.keys(config.sftp?.users ?? {}).length);
    expect(plan().ofType('aws_ec2_client_vpn_endpoint')).toHaveLength(config.clientVpn ? 1 : 0);
    expect(plan().ofType('aws_ec2_client_vpn_network_association')).toHaveLength(config.clientVpn ? config.network.zones.length : 0);
    expect(plan().planned('aws_instance')).toHaveLength((config.proxy ? 1 : 0) + (config.syncHost ? 1 : 0));
    for (const instance of plan().planned('aws_instance')) {
      expect(instance).toMatchObject({ associate_public_ip_address: false, metadata_options: [expect.objectContaining({ http_tokens: 'required' })] });
    }
  });
});

