import { DxPublicVirtualInterface } from '@cdktf/provider-aws/lib/dx-public-virtual-interface';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { TerraformVariable, Testing } from 'cdktf';
import { PublicDirectConnect, type PublicDirectConnectProps } from '../src/public-direct-connect';
import { devStack, expectPreventDestroyInProduction, prodStack, resources, synthJson } from './helpers';

const base: PublicDirectConnectProps = {
  name: 'unit-dev-public-vif',
  connectionId: 'dxcon-fg5678gh',
  vlan: 4000,
  bgpAsn: 65000,
  amazonAddress: '203.0.113.1/30',
  customerAddress: '203.0.113.2/30',
  routeFilterPrefixes: ['198.51.100.0/28'],
};

describe('PublicDirectConnect', () => {
  it('creates a public virtual interface on the connection with the peering addresses and public prefixes', () => {
    const stack = devStack();
    new PublicDirectConnect(stack, 'Vif', base);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(DxPublicVirtualInterface, {
      connection_id: 'dxcon-fg5678gh', vlan: 4000, bgp_asn: 65000, address_family: 'ipv4',
      amazon_address: '203.0.113.1/30', customer_address: '203.0.113.2/30', route_filter_prefixes: ['198.51.100.0/28'],
    });
  });

  it('rejects private prefixes, mismatched peering addresses and bad identifiers', () => {
    const make = (props: Partial<PublicDirectConnectProps>) => new PublicDirectConnect(devStack(), 'Vif', { ...base, ...props });
    expect(() => make({ routeFilterPrefixes: ['192.168.10.0/24'] })).toThrow(/PublicDirectConnect 'unit-dev\/Vif': 'routeFilterPrefixes' has '192.168.10.0\/24', which is or contains a non-public range; .*NAT/);
    expect(() => make({ routeFilterPrefixes: [] })).toThrow(/'routeFilterPrefixes' is empty/);
    expect(() => make({ customerAddress: '203.0.113.6/30' })).toThrow(/'customerAddress' is '203.0.113.6\/30', not the other end of '203.0.113.1\/30'/);
    expect(() => make({ amazonAddress: '203.0.113.1/24' })).toThrow(/'amazonAddress' is '203.0.113.1\/24'; .*\/30 or \/31/);
    expect(() => make({ connectionId: 'conn-1' })).toThrow(/'connectionId' is 'conn-1', which is not a Direct Connect connection or LAG ID/);
    expect(() => make({ vlan: 5000 })).toThrow(/'vlan' is 5000/);
    expect(() => make({ bgpAsn: 0 })).toThrow(/'bgpAsn' is 0/);
  });
});

describe('PublicDirectConnect in production', () => {
  it('carries prevent_destroy by default, and records an explicit opt-out as an acknowledgement of PL-PROD-2', () => {
    expectPreventDestroyInProduction((stack, preventDestroy) => new PublicDirectConnect(stack, 'Vif', { ...base, preventDestroy }), 'aws_dx_public_virtual_interface', 'Vif');
  });
});

describe('PublicDirectConnect BGP key', () => {
  const vif = (props: Partial<PublicDirectConnectProps>) => {
    const stack = devStack();
    new PublicDirectConnect(stack, 'Vif', { ...base, ...props });
    return Object.values(resources(synthJson(stack), 'aws_dx_public_virtual_interface'))[0];
  };

  it('passes the BGP key to Terraform as written', () => {
    expect(vif({ bgpAuthKey: 'md5${key}' }).bgp_auth_key).toBe('md5$${key}');
  });

  it('lets AWS generate the key when none is given', () => {
    expect(vif({}).bgp_auth_key).toBeUndefined();
  });
});

describe('PublicDirectConnect peering addresses known only at apply time', () => {
  it.each([
    ['the Amazon address', { amazonAddress: 'amazon' }],
    ['the customer address', { customerAddress: 'customer' }],
    ['both addresses', { amazonAddress: 'amazon', customerAddress: 'customer' }],
  ])('accepts %s from a variable and writes the reference', (_name, variables: Partial<Record<'amazonAddress' | 'customerAddress', string>>) => {
    const stack = devStack();
    const props = Object.fromEntries(Object.entries(variables).map(([field, name]) => [field, new TerraformVariable(stack, name, { type: 'string' }).stringValue]));
    new PublicDirectConnect(stack, 'Vif', { ...base, ...props });
    const vif = Object.values(resources(synthJson(stack), 'aws_dx_public_virtual_interface'))[0];
    expect([vif.amazon_address, vif.customer_address]).toEqual([
      variables.amazonAddress ? `\${var.${variables.amazonAddress}}` : base.amazonAddress,
      variables.customerAddress ? `\${var.${variables.customerAddress}}` : base.customerAddress,
    ]);
  });
});

describe('PublicDirectConnect opt-out in production', () => {
  it('records why prevent_destroy was dropped', () => {
    const stack = prodStack();
    new PublicDirectConnect(stack, 'Vif', { ...base, preventDestroy: false });
    Testing.synth(stack);
    const { suppressions } = (stack.toTerraform() as { '//': { guardrails: { suppressions: Array<{ ruleId: string; reason: string }> } } })['//'].guardrails;
    expect(suppressions.find((s) => s.ruleId === 'PL-PROD-2')!.reason).toBe('preventDestroy: false was set on the public virtual interface in production, so a plan may destroy it');
  });
});

const make = (props: Partial<PublicDirectConnectProps>) => () => new PublicDirectConnect(devStack(), 'Vif', { ...base, ...props });

const BAD: readonly BadInputCase[] = [
  { name: 'VLAN above 4094', run: make({ vlan: 4095 }), field: 'vlan', value: 'is 4095', fix: /from 1 to 4094 \(the VLAN ID your Direct Connect partner assigned\)/ },
  { name: 'ASN above the 32-bit range', run: make({ bgpAsn: 4294967295 }), field: 'bgpAsn', value: 'is 4294967295', fix: /from 1 to 4294967294 \(your router's ASN\)/ },
  { name: 'no route filter prefixes', run: make({ routeFilterPrefixes: [] }), field: 'routeFilterPrefixes', value: 'is empty', fix: /public prefixes your routers NAT clients to, for example \["203.0.113.0\/28"\]/ },
  { name: 'a route filter prefix twice', run: make({ routeFilterPrefixes: ['198.51.100.0/28', '198.51.100.0/28'] }), field: 'routeFilterPrefixes', value: "lists '198.51.100.0/28' twice", fix: /list each prefix once/ },
  { name: 'empty BGP key', run: make({ bgpAuthKey: ' ' }), field: 'bgpAuthKey', value: 'is empty', fix: /sensitive TerraformVariable/ },
  { name: 'BGP key as a number (untyped JS)', run: make({ bgpAuthKey: 1234 as never }), field: 'bgpAuthKey', value: 'is the number 1234, not a string', fix: /sensitive TerraformVariable/ },
  { name: 'preventDestroy as a string (untyped JS)', run: make({ preventDestroy: 'yes' as never }), field: 'preventDestroy', value: "is the string 'yes'", fix: /true or false/ },
  { name: 'Amazon address missing (untyped JS)', run: make({ amazonAddress: undefined }), field: 'amazonAddress', value: 'is missing', fix: /for example 203.0.113.1\/30/ },
  { name: 'customer address missing (untyped JS)', run: make({ customerAddress: undefined }), field: 'customerAddress', value: 'is missing', fix: /for example 203.0.113.2\/30/ },
  { name: 'Amazon address that is no CIDR', run: make({ amazonAddress: 'router-1' }), field: 'amazonAddress', value: "'router-1'", fix: /\/30 or \/31/ },
  { name: 'Amazon address in IPv6', run: make({ amazonAddress: '2001:db8::1/31' }), field: 'amazonAddress', value: "'2001:db8::1/31'", fix: /\/30 or \/31/ },
  { name: 'customer address without a prefix', run: make({ customerAddress: '203.0.113.2' }), field: 'customerAddress', value: "'203.0.113.2'", fix: /\/30 or \/31/ },
  { name: 'peering addresses of different prefixes', run: make({ customerAddress: '203.0.113.0/31' }), field: 'customerAddress', value: "'203.0.113.0/31', not the other end of '203.0.113.1/30'", fix: /different addresses of one \/30 or \/31/ },
  { name: 'peering addresses that are the same', run: make({ customerAddress: '203.0.113.1/30' }), field: 'customerAddress', value: "'203.0.113.1/30', not the other end of '203.0.113.1/30'", fix: /different addresses/ },
];

describe('PublicDirectConnect bad input', () => {
  it.each(BAD.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));
});
