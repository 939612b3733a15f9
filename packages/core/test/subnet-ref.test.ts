import { requireAddressInSubnet, requireSubnetPlacement, zoneOf } from '../src/subnet-ref';
import { widget } from './helpers';

describe('zoneOf', () => {
  it('prefers the AZ ID', () => {
    expect(zoneOf({ subnetId: 's', availabilityZone: 'ap-northeast-1a', availabilityZoneId: 'apne1-az4' })).toBe('apne1-az4');
    expect(zoneOf({ subnetId: 's', availabilityZone: 'ap-northeast-1a' })).toBe('ap-northeast-1a');
  });
});

describe('requireSubnetPlacement', () => {
  const scope = widget();

  it('requires one subnet per zone and enough zones', () => {
    expect(() => requireSubnetPlacement(scope, 'subnets', [], 2)).toThrow(/'subnets' is empty/);
    expect(() => requireSubnetPlacement(scope, 'subnets', [{ subnetId: 'subnet-1', availabilityZone: 'ap-northeast-1a' }], 2)).toThrow(/has 1 subnet; give subnets in at least 2/);
    expect(() =>
      requireSubnetPlacement(scope, 'subnets', [
        { subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1' },
        { subnetId: 'subnet-2', availabilityZoneId: 'apne1-az1' },
      ], 2),
    ).toThrow(/two subnets in apne1-az1/);
    expect(() => requireSubnetPlacement(scope, 'subnets', [{ subnetId: 'subnet-1' }], 1)).toThrow(/without a zone/);
  });

  it('accepts subnets in distinct zones', () => {
    const subnets = [
      { subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1' },
      { subnetId: 'subnet-2', availabilityZone: 'ap-northeast-1c' },
    ];
    expect(requireSubnetPlacement(scope, 'subnets', subnets, 2)).toEqual(subnets);
  });

  it("refuses a zone of another region when the region is given", () => {
    expect(() => requireSubnetPlacement(scope, 'subnets', [{ subnetId: 'subnet-1', availabilityZoneId: 'use1-az1' }], 1, { region: 'ap-northeast-1' })).toThrow(
      /'subnets' has 'use1-az1', a zone of us-east-1, but the stack deploys to ap-northeast-1; give zones of ap-northeast-1, for example apne1-az1/,
    );
  });

  it("checks a subnet's CIDR block when it is given", () => {
    expect(() => requireSubnetPlacement(scope, 'subnets', [{ subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.0.1/24' }], 1)).toThrow(/'subnets\[0\]\.cidrBlock' has '10.0.0.1\/24', which has host bits set; use 10.0.0.0\/24/);
    expect(() => requireSubnetPlacement(scope, 'subnets', [{ subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.0.0/29' }], 1)).toThrow(/a \/29 block; use a prefix from \/16 to \/28/);
    expect(requireSubnetPlacement(scope, 'subnets', [{ subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.0.0/28' }], 1)).toHaveLength(1);
  });

  it('refuses what untyped callers pass instead of a list of subnets', () => {
    expect(() => requireSubnetPlacement(scope, 'subnets', undefined, 1)).toThrow(/'subnets' is missing/);
    expect(() => requireSubnetPlacement(scope, 'subnets', 'subnet-1' as never, 1)).toThrow(/'subnets' is the string 'subnet-1', not a list/);
    expect(() => requireSubnetPlacement(scope, 'subnets', [null] as never, 1)).toThrow(/'subnets\[0\]' is null/);
  });
});

describe('requireAddressInSubnet', () => {
  const scope = widget();
  const subnet = { subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.16.0/20' };

  it('accepts an address inside the block that AWS does not reserve', () => {
    expect(requireAddressInSubnet(scope, 'ipAddresses.apne1-az1', '10.0.16.4', subnet)).toBe('10.0.16.4');
    expect(requireAddressInSubnet(scope, 'ipAddresses.apne1-az1', '10.0.31.254', subnet)).toBe('10.0.31.254');
  });

  it('refuses an address outside the block, naming the block', () => {
    expect(() => requireAddressInSubnet(scope, 'ipAddresses.apne1-az1', '10.0.32.10', subnet)).toThrow(/'ipAddresses.apne1-az1' is '10.0.32.10', outside subnet 'subnet-1' \(10.0.16.0\/20\); give an address inside 10.0.16.0\/20/);
  });

  it.each(['10.0.16.0', '10.0.16.1', '10.0.16.2', '10.0.16.3', '10.0.31.255'])('refuses %s, which AWS reserves', (address) => {
    expect(() => requireAddressInSubnet(scope, 'ip', address, subnet)).toThrow(new RegExp(`'ip' is '${address.replace(/\./g, '\\.')}', which AWS reserves in subnet 10\\.0\\.16\\.0/20 \\(10\\.0\\.16\\.0, 10\\.0\\.16\\.1, 10\\.0\\.16\\.2, 10\\.0\\.16\\.3, 10\\.0\\.31\\.255\\); give another address`));
  });

  it('checks only the form when the block is unknown', () => {
    expect(requireAddressInSubnet(scope, 'ip', '192.168.0.1', { subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1' })).toBe('192.168.0.1');
    expect(() => requireAddressInSubnet(scope, 'ip', '10.0.0.300', { subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1' })).toThrow(/'ip' is '10.0.0.300', which is not an IPv4 address/);
    expect(() => requireAddressInSubnet(scope, 'ip', '2001:db8::1', subnet)).toThrow(/'ip' is '2001:db8::1', which is not an IPv4 address/);
  });
});
