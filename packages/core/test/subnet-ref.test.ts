import { requireSubnetPlacement, zoneOf } from '../src';
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

  it('refuses what untyped callers pass instead of a list of subnets', () => {
    expect(() => requireSubnetPlacement(scope, 'subnets', undefined, 1)).toThrow(/'subnets' is missing/);
    expect(() => requireSubnetPlacement(scope, 'subnets', 'subnet-1' as never, 1)).toThrow(/'subnets' is the string 'subnet-1', not a list/);
    expect(() => requireSubnetPlacement(scope, 'subnets', [null] as never, 1)).toThrow(/'subnets\[0\]' is null/);
  });
});
