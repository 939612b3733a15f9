import { DxPublicVirtualInterface } from '@cdktf/provider-aws/lib/dx-public-virtual-interface';
import { Testing } from 'cdktf';
import { PublicDirectConnect, type PublicDirectConnectProps } from '../src/public-direct-connect';
import { devStack, expectPreventDestroyInProduction } from './helpers';

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
