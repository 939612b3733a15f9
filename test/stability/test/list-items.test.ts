import { GatewayEndpoint } from '@privatelink-cdktf/consumer';
import { EnvironmentStack } from '@privatelink-cdktf/core';
import type { TenantConfig } from '@privatelink-cdktf/provider';
import { ENVIRONMENTS as CONSUMER_ENVIRONMENTS } from '../../../apps/tenant-consumer/src/environments';
import { TenantConsumerStack } from '../../../apps/tenant-consumer/src/tenant-consumer-stack';
import type { AppConfig as ConsumerConfig } from '../../../apps/tenant-consumer/src/config';
import { ENVIRONMENTS as PROVIDER_ENVIRONMENTS } from '../../../apps/saas-provider/src/environments';
import { SaasProviderStack } from '../../../apps/saas-provider/src/saas-provider-stack';
import type { AppConfig as ProviderConfig } from '../../../apps/saas-provider/src/config';
import { diffResources, isUnder, synthesizeApp, withoutResourcesUnder, type StackJson } from './synthesize';

/**
 * Items of a list (tenants, endpoints, route tables) are addressed by their key, so adding one and
 * removing another must add and remove exactly their resources and leave every other resource, and
 * everything else in the stack, byte for byte as it was.
 */
function expectOnlyItemsChanged(before: StackJson, after: StackJson, items: { added: string; removed: string }): void {
  const diff = diffResources(before, after);
  expect(diff.changed).toEqual([]);
  expect(diff.added.length).toBeGreaterThan(0);
  expect(diff.removed.length).toBeGreaterThan(0);
  expect(diff.added.filter((r) => !isUnder(r.path, items.added)).map((r) => r.address)).toEqual([]);
  expect(diff.removed.filter((r) => !isUnder(r.path, items.removed)).map((r) => r.address)).toEqual([]);
  expect(diff.kept.length).toBeGreaterThan(diff.added.length + diff.removed.length);
  // Providers, backend, outputs, guardrail record and all other resources: identical.
  expect(withoutResourcesUnder(after, items.added)).toEqual(withoutResourcesUnder(before, items.removed));
}

function synthOne<C>(Stack: new (scope: import('constructs').Construct, config: C) => EnvironmentStack, config: C): StackJson {
  const files = synthesizeApp((app) => new Stack(app, config));
  return JSON.parse(Object.values(files)[0]) as StackJson;
}

describe.each(PROVIDER_ENVIRONMENTS.map((config) => [config.environment.name, config] as const))('saas-provider-%s tenants', (env, config) => {
  const tenants = config.service.tenants;
  const removed = tenants[0];
  const added: TenantConfig = { key: 'river-clinic', principals: ['arn:aws:iam::555500009999:root'], endpointIds: ['vpce-0123456789abcdef0'] };
  const withTenants = (list: readonly TenantConfig[]): ProviderConfig => ({ ...config, service: { ...config.service, tenants: list } });

  it(`adds river-clinic and removes ${removed.key} without touching anything else`, () => {
    // Keep one tenant in the second version: the app requires at least one.
    const before = synthOne(SaasProviderStack, withTenants([...tenants, ...(tenants.length === 1 ? [{ key: 'kept', principals: ['arn:aws:iam::555500008888:root'] }] : [])]));
    const after = synthOne(SaasProviderStack, withTenants([...tenants.slice(1), ...(tenants.length === 1 ? [{ key: 'kept', principals: ['arn:aws:iam::555500008888:root'] }] : []), added]));
    const service = `saas-provider-${env}/Service/EndpointService`;
    expectOnlyItemsChanged(before, after, { added: `${service}/Tenant-river-clinic`, removed: `${service}/Tenant-${removed.key}` });
  });

  it('adds only an accepter when a tenant sends another endpoint ID', () => {
    const tenant = tenants[tenants.length - 1];
    const before = synthOne(SaasProviderStack, config);
    const after = synthOne(SaasProviderStack, withTenants([...tenants.slice(0, -1), { ...tenant, endpointIds: [...(tenant.endpointIds ?? []), 'vpce-0fedcba9876543210'] }]));
    const diff = diffResources(before, after);
    expect(diff.changed).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.added.map((r) => r.path)).toEqual([`saas-provider-${env}/Service/EndpointService/Tenant-${tenant.key}/Accept-vpce-0fedcba9876543210`]);
  });
});

describe('saas-provider-prod consumer CIDRs', () => {
  const config = PROVIDER_ENVIRONMENTS.find((c) => c.environment.name === 'prod') as ProviderConfig;

  it('adds and removes only the security group rules of the CIDR blocks that changed', () => {
    const cidrs = config.service.consumerCidrs ?? [];
    expect(cidrs.length).toBeGreaterThan(1);
    const before = synthOne(SaasProviderStack, config);
    const after = synthOne(SaasProviderStack, { ...config, service: { ...config.service, consumerCidrs: [...cidrs.slice(1), '10.200.0.0/16'] } });
    const group = 'saas-provider-prod/Service/LoadBalancer/SecurityGroup';
    const diff = diffResources(before, after);
    expect(diff.changed).toEqual([]);
    expect(diff.added.map((r) => r.path)).toEqual([`${group}/In-tcp-443-10-200-0-0-16`]);
    expect(diff.removed.map((r) => r.path)).toEqual([`${group}/In-tcp-443-${cidrs[0].replace(/[./]/g, '-')}`]);
  });
});

describe.each(CONSUMER_ENVIRONMENTS.map((config) => [config.environment.name, config] as const))('tenant-consumer-%s AWS service endpoints', (env, config) => {
  it('adds secretsmanager and removes kinesis without touching anything else', () => {
    expect(Object.keys(config.awsServices)).toContain('kinesis');
    const rest = Object.fromEntries(Object.entries(config.awsServices).filter(([key]) => key !== 'kinesis'));
    const after: ConsumerConfig = { ...config, awsServices: { ...rest, secretsmanager: 'secretsmanager' } };
    const services = `tenant-consumer-${env}/AwsServices`;
    expectOnlyItemsChanged(synthOne(TenantConsumerStack, config), synthOne(TenantConsumerStack, after), { added: `${services}/secretsmanager`, removed: `${services}/kinesis` });
  });
});

describe('tenant-consumer-dev zones', () => {
  const config = CONSUMER_ENVIRONMENTS.find((c) => c.environment.name === 'dev') as ConsumerConfig;

  it("adds a zone's subnet and route tables, and only widens the endpoints' subnet lists in place", () => {
    const zones = [...config.network.zones, 'apne1-az4'];
    expect(config.network.zones).not.toContain('apne1-az4');
    const before = synthOne(TenantConsumerStack, config);
    const after = synthOne(TenantConsumerStack, { ...config, network: { ...config.network, zones }, saasService: { ...config.saasService, availabilityZoneIds: zones } });
    const diff = diffResources(before, after);
    expect(diff.removed).toEqual([]);
    expect(diff.added.length).toBeGreaterThan(0);
    expect(diff.added.filter((r) => !r.path.endsWith('-apne1-az4')).map((r) => r.path)).toEqual([]);
    // Interface endpoints span the zones: the new subnet joins subnet_ids (an in-place update), nothing else moves.
    const attributes = (json: StackJson, address: string) => {
      const [type, name] = address.split('.');
      return Object.fromEntries(Object.entries(json.resource?.[type]?.[name] ?? {}).filter(([key]) => key !== 'subnet_ids'));
    };
    expect(diff.changed.length).toBeGreaterThan(0);
    for (const address of diff.changed) {
      expect(address).toMatch(/^aws_vpc_endpoint\./);
      expect(attributes(after, address)).toEqual(attributes(before, address));
    }
  });
});

describe('tenant-consumer-prod zones', () => {
  const config = CONSUMER_ENVIRONMENTS.find((c) => c.environment.name === 'prod') as ConsumerConfig;

  it("removes a zone's subnet and route table and moves no other subnet", () => {
    const removed = config.network.zones[0];
    const zones = config.network.zones.slice(1);
    const resolverIps = Object.fromEntries(Object.entries(config.onPremises?.resolverIpAddresses ?? {}).filter(([zone]) => zone !== removed));
    const before = synthOne(TenantConsumerStack, config);
    const after = synthOne(TenantConsumerStack, {
      ...config,
      network: { ...config.network, zones },
      onPremises: config.onPremises && { ...config.onPremises, resolverIpAddresses: resolverIps },
    });
    const diff = diffResources(before, after);
    expect(diff.added).toEqual([]);
    expect(diff.removed.filter((r) => !r.path.endsWith(`-${removed}`)).map((r) => r.path)).toEqual([]);
    const subnets = (json: StackJson) => Object.entries(json.resource?.aws_subnet ?? {}).filter(([name]) => !name.includes(removed));
    expect(subnets(after)).toEqual(subnets(before));
  });
});

describe('gateway endpoint route tables', () => {
  class GatewayStack extends EnvironmentStack {
    constructor(scope: import('constructs').Construct, routeTables: Record<string, string>) {
      super(scope, { application: 'gateway', environment: { name: 'dev', accountId: '111111111111' } });
      new GatewayEndpoint(this, 'S3', {
        vpcId: 'vpc-0a1b2c3d4e5f60718',
        service: 's3',
        name: 'gateway-dev-s3',
        routeTables,
        policy: [{ principals: '*', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports-111111111111/*'] }],
      });
    }
  }

  it('adds one route table and removes another without touching the endpoint or the rest', () => {
    const before = synthOne(GatewayStack, { 'apne1-az1': 'rtb-0a1b2c3d4e5f60711', 'apne1-az2': 'rtb-0a1b2c3d4e5f60712', 'apne1-az4': 'rtb-0a1b2c3d4e5f60714' });
    const after = synthOne(GatewayStack, { 'apne1-az2': 'rtb-0a1b2c3d4e5f60712', 'apne1-az4': 'rtb-0a1b2c3d4e5f60714', onprem: 'rtb-0a1b2c3d4e5f60799' });
    expectOnlyItemsChanged(before, after, { added: 'gateway-dev/S3/RouteTable-onprem', removed: 'gateway-dev/S3/RouteTable-apne1-az1' });
    expect(diffResources(before, after).kept).toEqual(expect.arrayContaining([expect.stringMatching(/^aws_vpc_endpoint\.S3_Endpoint_/)]));
  });
});
