import { VpcEndpointConnectionAccepter } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-accepter';
import { VpcEndpointServiceAllowedPrincipal } from '@cdktf/provider-aws/lib/vpc-endpoint-service-allowed-principal';
import { Testing } from 'cdktf';
import { Guardrails } from '@privatelink-cdktf/core';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { EndpointService } from '../src/endpoint-service';
import { principalSuffix, requireTenantConfig, requireTenantList, Tenant, type TenantConfig } from '../src/tenant';
import { NLB_ARN, resourcesOf, synthJson, testStack } from './helpers';

const ACME: TenantConfig = { key: 'acme-bank', principals: ['arn:aws:iam::444444444444:root'], endpointIds: ['vpce-0a1b2c3d4e5f60718'] };
const HOSPITAL: TenantConfig = { key: 'city-hospital', principals: ['arn:aws:iam::555555555555:role/privatelink-consumer', 'arn:aws:iam::555555555555:user/network-admin'] };
const OFFICE: TenantConfig = { key: 'prefecture-office', principals: ['arn:aws:iam::666666666666:root'] };

function addresses(tenants: readonly TenantConfig[], type = 'aws_vpc_endpoint_service_allowed_principal'): string[] {
  const stack = testStack();
  new EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], tenants });
  return Object.keys(resourcesOf(synthJson(stack), type)).sort();
}

describe('Tenant', () => {
  it('creates one allowed principal per principal, addressed by tenant key and principal', () => {
    const stack = testStack();
    new EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], tenants: [ACME, HOSPITAL] });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(VpcEndpointServiceAllowedPrincipal, {
      principal_arn: 'arn:aws:iam::555555555555:role/privatelink-consumer',
      vpc_endpoint_service_id: expect.stringMatching(/^\$\{aws_vpc_endpoint_service\.Service_\w+\.id\}$/),
    });
    expect(addresses([ACME, HOSPITAL]).map((a) => a.replace(/_[0-9A-F]{8}$/, ''))).toEqual([
      'Service_Tenant-acme-bank_Principal-444444444444-root',
      'Service_Tenant-city-hospital_Principal-555555555555-role-privatelink-consumer',
      'Service_Tenant-city-hospital_Principal-555555555555-user-network-admin',
    ]);
  });

  it('accepts the known endpoints of a tenant', () => {
    const stack = testStack();
    new EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], tenants: [ACME] });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcEndpointConnectionAccepter, { vpc_endpoint_id: 'vpce-0a1b2c3d4e5f60718' });
    expect(addresses([ACME], 'aws_vpc_endpoint_connection_accepter')[0]).toMatch(/^Service_Tenant-acme-bank_Accept-vpce-0a1b2c3d4e5f60718_/);
  });

  it('leaves every other tenant untouched when one is added or removed', () => {
    const all = addresses([ACME, HOSPITAL, OFFICE]);
    const withoutHospital = addresses([ACME, OFFICE]);
    const reordered = addresses([OFFICE, ACME]);
    expect(all.filter((a) => !a.includes('city-hospital'))).toEqual(withoutHospital);
    expect(reordered).toEqual(withoutHospital);
  });

  it('derives readable suffixes from principals', () => {
    expect(principalSuffix('arn:aws:iam::444444444444:root')).toBe('444444444444-root');
    expect(principalSuffix('arn:aws:iam::444444444444:role/path/app.consumer')).toBe('444444444444-role-path-app-consumer');
    expect(principalSuffix('*')).toBe('any');
    expect(principalSuffix('elasticloadbalancing.amazonaws.com')).toBe('elasticloadbalancing-amazonaws-com');
    // A run of other characters becomes one hyphen.
    expect(principalSuffix('*.amazonaws.com')).toBe('-amazonaws-com');
  });

  describe('rejects', () => {
    const make = (tenant: Partial<TenantConfig>, acceptanceRequired?: boolean) =>
      new EndpointService(testStack(), 'Service', { networkLoadBalancerArns: [NLB_ARN], acceptanceRequired, tenants: [{ ...ACME, ...tenant }] });

    it('malformed account IDs and principal ARNs', () => {
      expect(() => make({ principals: ['arn:aws:iam::12345:root'] })).toThrow(/EndpointService 'unit-dev\/Service': 'tenants\[0\].principals' has 'arn:aws:iam::12345:root', which is not an IAM principal; give account roots/);
      expect(() => make({ principals: ['444444444444'] })).toThrow(/'tenants\[0\].principals' has '444444444444', an account ID rather than a principal ARN; write the account root ARN arn:aws:iam::444444444444:root/);
      expect(() => make({ principals: ['arn:aws:s3:::bucket'] })).toThrow(/'tenants\[0\].principals' has 'arn:aws:s3:::bucket', which is not an IAM principal/);
      expect(() => make({ principals: ['arn:aws:iam::444444444444:group/admins'] })).toThrow(/which is not an IAM principal/);
    });

    it('a tenant with no principals, a principal listed twice, or two principals with one address', () => {
      expect(() => make({ principals: [] })).toThrow(/'tenants\[0\].principals' is empty/);
      expect(() => make({ principals: [ACME.principals[0], ACME.principals[0]] })).toThrow(/'tenants\[0\].principals' lists .* twice; list each principal once/);
      expect(() => make({ principals: ['arn:aws:iam::444444444444:role/a.b', 'arn:aws:iam::444444444444:role/a-b'] })).toThrow(/'tenants\[0\].principals' has 'arn:aws:iam::444444444444:role\/a-b', which gets the same address as another principal/);
    });

    it('one principal in two tenants', () => {
      expect(() => addresses([ACME, { key: 'acme-bank-2', principals: ACME.principals }])).toThrow(
        /EndpointService 'unit-dev\/Service': 'tenants\[1\].principals' has 'arn:aws:iam::444444444444:root', which tenants\[0\] \('acme-bank'\) already has; give each principal to one tenant/,
      );
    });

    const bad: BadInputCase[] = [
      {
        name: 'a tenant that is not a mapping (untyped JS)',
        run: () => new EndpointService(testStack(), 'Service', { networkLoadBalancerArns: [NLB_ARN], tenants: [null as unknown as TenantConfig] }),
        field: 'tenants[0]',
        value: 'is null',
        fix: /give \{ key: 'acme-bank', principals: \['arn:aws:iam::123456789012:root'\] \}/,
      },
      {
        name: 'a tenant that is not a mapping, checked on its own',
        run: () => requireTenantConfig({ scope: testStack(), field: '' }, 'acme-bank' as unknown as TenantConfig),
        field: 'tenant',
        value: "is 'acme-bank'",
        fix: /give \{ key: 'acme-bank'/,
      },
      { name: 'a key that is not a string (untyped JS)', run: () => make({ key: 42 as unknown as string }), field: 'tenants[0].key', value: 'is 42', fix: /give a stable key such as 'acme-bank'/ },
      { name: 'a principal that is not a string (untyped JS)', run: () => make({ principals: [42 as unknown as string] }), field: 'tenants[0].principals', value: 'has 42', fix: /give principal ARNs as strings/ },
      { name: 'an account ID with a suffix', run: () => make({ principals: ['444444444444:root'] }), field: 'tenants[0].principals', value: "'444444444444:root', which is not an IAM principal", fix: /give account roots/ },
      {
        name: 'an endpoint listed twice',
        run: () => make({ endpointIds: ['vpce-0a1b2c3d4e5f60718', 'vpce-0a1b2c3d4e5f60718'] }),
        field: 'tenants[0].endpointIds',
        value: "lists 'vpce-0a1b2c3d4e5f60718' twice",
        fix: /^list each endpoint once$/,
      },
    ];
    it.each(bad.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));

    it('malformed endpoint IDs, and endpoint IDs when nothing needs accepting', () => {
      expect(() => make({ endpointIds: ['vpc-0a1b2c3d'] })).toThrow(/'tenants\[0\].endpointIds' is 'vpc-0a1b2c3d', which is not a VPC endpoint ID; give a VPC endpoint ID, for example vpce-/);
      expect(() => make({}, false)).toThrow(/'tenants\[0\].endpointIds' is set while acceptanceRequired is false/);
    });
  });

  describe('offboarded', () => {
    const OFFBOARDED: TenantConfig = { ...ACME, state: 'offboarded' };

    it('allows no principal and accepts no endpoint, and lists its endpoints to reject', () => {
      const stack = testStack();
      const service = new EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], tenants: [OFFBOARDED, HOSPITAL] });
      const json = synthJson(stack);
      expect(Object.values(resourcesOf(json, 'aws_vpc_endpoint_service_allowed_principal')).map((r) => r.principal_arn).sort()).toEqual([...HOSPITAL.principals].sort());
      expect(resourcesOf(json, 'aws_vpc_endpoint_connection_accepter')).toEqual({});
      expect(service.endpointsToReject).toEqual(['vpce-0a1b2c3d4e5f60718']);
      expect(service.tenants.map((t) => [t.key, t.state])).toEqual([
        ['acme-bank', 'offboarded'],
        ['city-hospital', 'active'],
      ]);
    });

    it('removes exactly the principals and accepters of the tenant it offboards, leaving the rest as they were', () => {
      const before = addresses([ACME, HOSPITAL]).concat(addresses([ACME, HOSPITAL], 'aws_vpc_endpoint_connection_accepter'));
      const after = addresses([OFFBOARDED, HOSPITAL]).concat(addresses([OFFBOARDED, HOSPITAL], 'aws_vpc_endpoint_connection_accepter'));
      expect(before.filter((a) => !a.includes('Tenant-acme-bank'))).toEqual(after);
      expect(before.filter((a) => a.includes('Tenant-acme-bank'))).toHaveLength(2);
    });

    it('keeps its principals and endpoints its own, so no other tenant inherits them', () => {
      expect(() => addresses([OFFBOARDED, { key: 'new-bank', principals: ACME.principals }])).toThrow(
        /'tenants\[1\].principals' has 'arn:aws:iam::444444444444:root', which tenants\[0\] \('acme-bank'\) already has; give each principal to one tenant; to bring an offboarded tenant back, set its state to active/,
      );
      expect(() => addresses([OFFBOARDED, { ...HOSPITAL, endpointIds: ACME.endpointIds }])).toThrow(/'tenants\[1\].endpointIds' has 'vpce-0a1b2c3d4e5f60718', which tenants\[0\] \('acme-bank'\) already has; an endpoint belongs to one tenant/);
    });

    it('keeps its endpoints to reject when the service accepts endpoints without review', () => {
      const service = new EndpointService(testStack(), 'Service', { networkLoadBalancerArns: [NLB_ARN], acceptanceRequired: false, tenants: [OFFBOARDED, HOSPITAL] });
      expect(service.endpointsToReject).toEqual(['vpce-0a1b2c3d4e5f60718']);
    });

    it('does not need a principal review: a * principal on record is no opt-in', () => {
      expect(() => addresses([{ key: 'everyone', principals: ['*'], state: 'offboarded' }, HOSPITAL])).not.toThrow();
    });

    it('rejects a state that does not exist', () => {
      expect(() => addresses([{ ...ACME, state: 'paused' as 'active' }])).toThrow(/'tenants\[0\].state' is 'paused'; use one of 'active', 'offboarded'/);
    });
  });

  it('checks its own props when used on its own, naming its own fields', () => {
    const stack = testStack();
    expect(() => new Tenant(stack, 'Acme', { ...ACME, principals: ['444444444444'], serviceId: 'vpce-svc-0123456789abcdef0' })).toThrow(/Tenant 'unit-dev\/Acme': 'principals' has '444444444444', an account ID/);
    expect(() => new Tenant(stack, 'Nokey', { principals: ACME.principals, serviceId: 'vpce-svc-0123456789abcdef0' } as unknown as TenantConfig & { serviceId: string })).toThrow(/Tenant 'unit-dev\/Nokey': 'key' is missing/);
  });
});

describe('Tenant on its own', () => {
  const SERVICE_ID = 'vpce-svc-0123456789abcdef0';

  it('allows user and role names with digits and other characters, each run of them a hyphen in the address', () => {
    const stack = testStack();
    new Tenant(stack, 'Ops', { serviceId: SERVICE_ID, key: 'ops', principals: ['arn:aws:iam::444444444444:user/operator2', 'arn:aws:iam::444444444444:role/ops/_deploy'] });
    expect(Object.keys(resourcesOf(synthJson(stack), 'aws_vpc_endpoint_service_allowed_principal')).map((a) => a.replace(/_[0-9A-F]{8}$/, '')).sort()).toEqual([
      'Ops_Principal-444444444444-role-ops-deploy',
      'Ops_Principal-444444444444-user-operator2',
    ]);
  });

  it("allows '*' only with allowAnyPrincipal, which acknowledges PL-ES-2 for the reviewer", () => {
    expect(() => new Tenant(testStack(), 'Anyone', { serviceId: SERVICE_ID, key: 'anyone', principals: ['*'] })).toThrow(/Tenant 'unit-dev\/Anyone': 'principals' has '\*', so any AWS account could connect; .*set allowAnyPrincipal: true/);
    const stack = testStack();
    new Tenant(stack, 'Anyone', { serviceId: SERVICE_ID, key: 'anyone', principals: ['*'], allowAnyPrincipal: true });
    expect(Guardrails.of(stack).findings().map((f) => [f.ruleId, f.suppression?.source])).toEqual([['PL-ES-2', 'construct']]);
  });

  it('keeps an offboarded tenant that once allowed anyone on record without an opt-in, since it allows nobody', () => {
    const stack = testStack();
    new Tenant(stack, 'Gone', { serviceId: SERVICE_ID, key: 'gone', principals: ['*'], state: 'offboarded' });
    expect(Guardrails.of(stack).findings()).toEqual([]);
  });
});

describe('requireTenantList', () => {
  it('checks the keys and endpoint IDs of tenants given without principals', () => {
    const stack = testStack();
    const tenants = [
      { key: 'acme-bank', endpointIds: ['vpce-0a1b2c3d4e5f60718'] },
      { key: 'city-hospital', endpointIds: ['vpce-0a1b2c3d4e5f60718'] },
    ] as unknown as TenantConfig[];
    expect(() => requireTenantList((index) => ({ scope: stack, field: `tenants[${index}]` }), tenants)).toThrow(
      /'tenants\[1\].endpointIds' has 'vpce-0a1b2c3d4e5f60718', which tenants\[0\] \('acme-bank'\) already has; an endpoint belongs to one tenant/,
    );
  });
});
