import { Token } from 'cdktf';
import { requireAddressInSubnet, requireSubnetPlacement, zoneOf } from '../src/subnet-ref';
import { assertBadInput, type BadInputCase } from '../src/testing';
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

describe('requireSubnetPlacement messages', () => {
  const scope = widget();
  const place = (subnets: unknown, minZones: number, options: { region?: string } = {}) => () => requireSubnetPlacement(scope, 'subnets', subnets as never, minZones, options);
  const cases: BadInputCase[] = [
    { name: 'null subnets', run: place(null, 2), field: 'subnets', value: 'is null', fix: /^give one subnet in each of at least 2 Availability Zones, for example \[\{ subnetId: 'subnet-\.\.\.', availabilityZoneId: 'apne1-az1' \}\]$/ },
    { name: 'missing subnets for one zone', run: place(undefined, 1), field: 'subnets', value: 'is missing', fix: /^give one subnet in each of at least 1 Availability Zone, for example/ },
    { name: 'subnets as an object', run: place({ subnetId: 'subnet-1' }, 1), field: 'subnets', value: 'is an object, not a list', fix: /at least 1 Availability Zone,/ },
    { name: 'an empty list', run: place([], 3), field: 'subnets', value: 'is empty', fix: /at least 3 Availability Zones/ },
    { name: 'a subnet as a string', run: place([{ subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1' }, 'subnet-2'], 1), field: 'subnets[1]', value: "is 'subnet-2'", fix: /^give \{ subnetId: 'subnet-\.\.\.', availabilityZoneId: 'apne1-az1' \}$/ },
    { name: 'a hole in the list', run: place([undefined], 1), field: 'subnets[0]', value: 'is undefined', fix: /subnetId/ },
    { name: 'a subnet without ID', run: place([{ availabilityZoneId: 'apne1-az1' }], 1), field: 'subnets[0]', value: 'is {"availabilityZoneId":"apne1-az1"}', fix: /subnetId/ },
    { name: 'a subnet without zone', run: place([{ subnetId: 'subnet-1' }], 1), field: 'subnets', value: "has subnet 'subnet-1' without a zone", fix: /^give its availabilityZone or availabilityZoneId$/ },
    {
      name: 'two subnets in one zone',
      run: place([{ subnetId: 'subnet-1', availabilityZone: 'ap-northeast-1a' }, { subnetId: 'subnet-2', availabilityZone: 'ap-northeast-1a' }], 1),
      field: 'subnets',
      value: "has two subnets in ap-northeast-1a ('subnet-1' and 'subnet-2')",
      fix: /^give one subnet per Availability Zone$/,
    },
    {
      name: 'two subnets for three zones',
      run: place([{ subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1' }, { subnetId: 'subnet-2', availabilityZoneId: 'apne1-az2' }], 3),
      field: 'subnets',
      value: 'has 2 subnets',
      fix: /^give subnets in at least 3 Availability Zones$/,
    },
    { name: 'a zone that is no zone', run: place([{ subnetId: 'subnet-1', availabilityZone: 'tokyo' }], 1), field: 'subnets', value: "'tokyo'", fix: /./ },
    { name: 'a block of IPv6', run: place([{ subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1', cidrBlock: '2001:db8::/64' }], 1), field: 'subnets[0].cidrBlock', value: "'2001:db8::/64'", fix: /IPv4/ },
    { name: 'a block larger than /16', run: place([{ subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.0.0/15' }], 1), field: 'subnets[0].cidrBlock', value: "'10.0.0.0/15'", fix: /from \/16 to \/28/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));

  it('counts subnets whose zone is known only at apply time, without checking the zone', () => {
    const zone = Token.asString({ Ref: 'zone' });
    const subnets = [
      { subnetId: 'subnet-1', availabilityZoneId: zone },
      { subnetId: 'subnet-2', availabilityZoneId: zone },
      { subnetId: 'subnet-3', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.0.0/16' },
    ];
    expect(requireSubnetPlacement(scope, 'subnets', subnets, 3, { region: 'ap-northeast-1' })).toEqual(subnets);
  });

  it('returns a copy of the list', () => {
    const subnets = [{ subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1' }];
    const placed = requireSubnetPlacement(scope, 'subnets', subnets, 1);
    expect(placed).toEqual(subnets);
    expect(placed).not.toBe(subnets);
  });
});

describe('requireAddressInSubnet with values known only at apply time', () => {
  const scope = widget();

  it('checks nothing more than the form of an address or block it cannot know', () => {
    const subnet = { subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.16.0/20' };
    const address = Token.asString({ Ref: 'address' });
    expect(requireAddressInSubnet(scope, 'ip', address, subnet)).toBe(address);
    expect(requireAddressInSubnet(scope, 'ip', '192.168.0.1', { ...subnet, cidrBlock: Token.asString({ Ref: 'block' }) })).toBe('192.168.0.1');
  });
});
