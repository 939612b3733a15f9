import { Token } from 'cdktf';
import * as fc from 'fast-check';
import {
  addressInCidr,
  awsReservedAddresses,
  cidrContains,
  cidrContainsAddress,
  cidrsOverlap,
  familiesCoveredBy,
  formatIpAddress,
  isAwsReservedAddress,
  isCidr,
  isIpAddress,
  parseCidr,
  parseIpAddress,
  requireCidr,
  requireIpAddress,
  subnetOfCidr,
} from '../../src/aws/cidr';
import { assertBadInput, type BadInputCase } from '../../src/testing';
import { widget } from '../helpers';

const scope = widget();

describe('parseCidr', () => {
  it('parses both families and reports host bits with the network address', () => {
    expect(parseCidr('10.0.0.1/16')).toMatchObject({ family: 'ipv4', prefixLength: 16, network: '10.0.0.0/16', hasHostBits: true });
    expect(parseCidr('10.0.0.0/16')).toMatchObject({ hasHostBits: false });
    expect(parseCidr('2001:db8::1/32')).toMatchObject({ family: 'ipv6', prefixLength: 32, network: '2001:db8::/32', hasHostBits: true });
    expect(parseCidr('0::/0')).toMatchObject({ family: 'ipv6', network: '::/0', hasHostBits: false });
  });

  it.each(['10.0.0.0', '10.0.0/16', '10.0.0.256/16', '10.0.0.0/33', '::/129', '10.0.0.0/16/1', '0x0a.0.0.0/8', 'abc/8', '', '10.0.0.0/-1', '10.0.0.0/ 8'])('refuses %p', (text) => {
    expect(parseCidr(text)).toBeUndefined();
    expect(isCidr(text)).toBe(false);
  });

  it('accepts well-formed blocks of both families', () => {
    expect(isCidr('10.0.0.0/16')).toBe(true);
    expect(isCidr('2001:db8::/56')).toBe(true);
  });

  it('parses and formats addresses', () => {
    expect(parseIpAddress('10.0.0.2')).toEqual({ family: 'ipv4', value: 0x0a000002n });
    expect(formatIpAddress({ family: 'ipv6', value: 1n })).toBe('::1');
    // RFC 5952: the longest run of zeros is the one left out.
    expect(formatIpAddress(parseIpAddress('2001:0:0:1:0:0:0:1')!)).toBe('2001:0:0:1::1');
    expect(parseCidr(42 as never)).toBeUndefined();
    expect(isIpAddress('10.0.0.1', 'ipv6')).toBe(false);
    expect(isIpAddress('2001:db8::1')).toBe(true);
    expect(isIpAddress('10.0.0')).toBe(false);
    expect(parseIpAddress('::ffff:10.0.0.1')).toEqual({ family: 'ipv6', value: 0xffff0a000001n });
    expect(parseIpAddress('fe80::1%eth0')).toBeUndefined();
    expect(parseIpAddress('1')).toBeUndefined();
    expect(parseIpAddress(42 as never)).toBeUndefined();
  });
});

describe('relations between blocks', () => {
  it('finds overlaps and containment in both families', () => {
    expect(cidrsOverlap('10.0.0.0/16', '10.0.128.0/20')).toBe(true);
    expect(cidrsOverlap('10.0.0.0/16', '10.1.0.0/16')).toBe(false);
    expect(cidrsOverlap('2001:db8::/32', '2001:db8:1::/48')).toBe(true);
    expect(cidrsOverlap('2001:db8::/32', '2001:db9::/32')).toBe(false);
    expect(cidrsOverlap('10.0.0.0/8', '::/0')).toBe(false);
    expect(cidrContains('10.0.0.0/16', '10.0.1.0/24')).toBe(true);
    expect(cidrContains('10.0.1.0/24', '10.0.0.0/16')).toBe(false);
    expect(cidrContainsAddress('10.0.0.0/16', '10.0.255.255')).toBe(true);
    expect(cidrContainsAddress('10.0.0.0/16', '10.1.0.0')).toBe(false);
    expect(cidrContainsAddress('2001:db8::/32', '2001:db8::10')).toBe(true);
  });

  it('counts blocks that share only their edge address as overlapping', () => {
    expect(cidrsOverlap('10.0.0.0/31', '10.0.0.1/32')).toBe(true);
    expect(cidrsOverlap('10.0.0.1/32', '10.0.0.0/31')).toBe(true);
  });

  it('carves no subnet of a malformed block or a prefix that is not a whole number', () => {
    expect(subnetOfCidr('10.0.0.0', 24, 0)).toBeUndefined();
    expect(subnetOfCidr('10.0.0.0/16', 24.5, 0)).toBeUndefined();
    expect(subnetOfCidr('10.0.0.0/16', 33, 0)).toBeUndefined();
    expect(subnetOfCidr('10.0.0.0/16', 16, 0)).toBe('10.0.0.0/16');
  });

  it('counts the edges of a block as inside it', () => {
    expect(cidrContains('10.0.0.0/16', '10.0.255.0/24')).toBe(true);
    expect(cidrContains('10.0.0.0/16', '10.0.0.0/16')).toBe(true);
    expect(cidrContainsAddress('10.1.0.0/16', '10.1.0.0')).toBe(true);
    expect(cidrContainsAddress('10.1.0.0/16', '10.0.255.255')).toBe(false);
  });

  it('relates no blocks or addresses of different families or malformed ones', () => {
    expect(cidrContains('::/0', '10.0.0.0/8')).toBe(false);
    expect(cidrContains('10.0.0.0', '10.0.0.0/8')).toBe(false);
    expect(cidrContains('10.0.0.0/8', '10.0.0.0')).toBe(false);
    expect(cidrContainsAddress('::/0', '10.0.0.1')).toBe(false);
    expect(cidrContainsAddress('10.0.0.0', '10.0.0.1')).toBe(false);
    expect(cidrContainsAddress('10.0.0.0/8', '10.0.0')).toBe(false);
    expect(cidrsOverlap('10.0.0.0', '10.0.0.0/8')).toBe(false);
    expect(cidrsOverlap('10.0.0.0/8', '10.0.0')).toBe(false);
  });

  it('overlap is symmetric and containment implies overlap (generated blocks)', () => {
    const block = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 })).map(([value, prefix]) => {
      const parsed = parseCidr(`${formatIpAddress({ family: 'ipv4', value: BigInt(value) })}/${prefix}`)!;
      return parsed.network;
    });
    fc.assert(
      fc.property(block, block, (a, b) => {
        expect(cidrsOverlap(a, b)).toBe(cidrsOverlap(b, a));
        if (cidrContains(a, b)) expect(cidrsOverlap(a, b)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('carves subnets and addresses inside a block', () => {
    expect(subnetOfCidr('10.0.0.0/16', 20, 2)).toBe('10.0.32.0/20');
    expect(subnetOfCidr('10.0.0.0/16', 20, 16)).toBeUndefined();
    expect(subnetOfCidr('10.0.0.0/16', 8, 0)).toBeUndefined();
    expect(subnetOfCidr('2001:db8::/56', 64, 1)).toBe('2001:db8:0:1::/64');
    expect(addressInCidr('10.0.0.0/16', 2)).toBe('10.0.0.2');
    expect(addressInCidr('10.0.0.0/30', 4)).toBeUndefined();
  });

  it('gives every address of a block from its first to its last, and none outside', () => {
    expect(addressInCidr('10.0.0.0/30', 0)).toBe('10.0.0.0');
    expect(addressInCidr('10.0.0.0/30', 3)).toBe('10.0.0.3');
    expect(addressInCidr('10.0.0.4/30', -1)).toBeUndefined();
    expect(addressInCidr('10.0.0.0/30', 1.5)).toBeUndefined();
    expect(addressInCidr('10.0.0.0', 1)).toBeUndefined();
  });

  it('knows the addresses AWS reserves in every IPv4 subnet: the first four and the last', () => {
    expect(awsReservedAddresses('10.0.1.0/24')).toEqual(['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.255']);
    expect(isAwsReservedAddress('10.0.1.0/24', '10.0.1.3')).toBe(true);
    expect(isAwsReservedAddress('10.0.1.0/24', '10.0.1.4')).toBe(false);
    expect(isAwsReservedAddress('10.0.1.0/24', '10.0.1.255')).toBe(true);
    expect(awsReservedAddresses('2001:db8::/64')).toEqual([]);
  });

  it('lists each reserved address once in the smallest subnets', () => {
    expect(awsReservedAddresses('10.0.1.0/30')).toEqual(['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3']);
    expect(awsReservedAddresses('10.0.1.0/31')).toEqual(['10.0.1.0', '10.0.1.1']);
    expect(awsReservedAddresses('10.0.1.4/32')).toEqual(['10.0.1.4']);
    expect(awsReservedAddresses('10.0.1.0')).toEqual([]);
  });

  it('reserves no address that is malformed or of the other family', () => {
    expect(isAwsReservedAddress('10.0.1.0/24', '10.0.1')).toBe(false);
    // ::a00:100 has the value of 10.0.1.0, the subnet's network address, but is an IPv6 address.
    expect(isAwsReservedAddress('10.0.1.0/24', '::a00:100')).toBe(false);
  });
});

describe('familiesCoveredBy', () => {
  it.each([
    [['0.0.0.0/0'], ['ipv4']],
    [['::/0'], ['ipv6']],
    [['0::/0'], ['ipv6']],
    [['0.0.0.0/1', '128.0.0.0/1'], ['ipv4']],
    [['128.0.0.0/1', '0.0.0.0/2', '64.0.0.0/2'], ['ipv4']],
    [['0.0.0.0/1', '128.0.0.0/2'], []],
    [['0.0.0.0/1', '128.0.0.0/1', '::/1', '8000::/1'], ['ipv4', 'ipv6']],
    [['10.0.0.0/8'], []],
    [[], []],
    [['0.0.0.0/1', '0.0.0.0/2', '128.0.0.0/1'], ['ipv4']],
    [['10.0.0.0/8', 'not a block', Token.asString({ Ref: 'cidr' })], []],
  ])('%p covers %p', (cidrs, families) => {
    expect(familiesCoveredBy(cidrs)).toEqual(families);
  });

  it('sees the whole internet in any split into halves (generated)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), (bits) => {
        const blocks = Array.from({ length: 2 ** bits }, (_, i) => subnetOfCidr('0.0.0.0/0', bits, i)!);
        expect(familiesCoveredBy(blocks)).toEqual(['ipv4']);
        expect(familiesCoveredBy(blocks.slice(1))).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  it('sees the whole internet in blocks that double in size from a single address', () => {
    // 0.0.0.0/32, 0.0.0.1/32, 0.0.0.2/31, 0.0.0.4/30, ... 128.0.0.0/1
    const ladder = ['0.0.0.0/32', ...Array.from({ length: 32 }, (_, k) => `${formatIpAddress({ family: 'ipv4', value: 1n << BigInt(k) })}/${32 - k}`)];
    expect(familiesCoveredBy(ladder)).toEqual(['ipv4']);
    expect(familiesCoveredBy([...ladder].reverse())).toEqual(['ipv4']);
    expect(familiesCoveredBy([...ladder.slice(16), ...ladder.slice(0, 16)])).toEqual(['ipv4']);
    expect(familiesCoveredBy(ladder.filter((cidr) => cidr !== '0.0.0.1/32'))).toEqual([]);
  });
});

describe('requireCidr', () => {
  it('names the network address when host bits are set', () => {
    expect(() => requireCidr(scope, 'cidrBlock', '10.0.0.1/16')).toThrow("'cidrBlock' has '10.0.0.1/16', which has host bits set; use 10.0.0.0/16");
    expect(() => requireCidr(scope, 'cidrBlock', '2001:db8::1/64')).toThrow(/use 2001:db8::\/64/);
  });

  it('checks the family and the prefix range when asked', () => {
    expect(() => requireCidr(scope, 'cidrBlock', '2001:db8::/56', { family: 'ipv4' })).toThrow(/an IPv6 block; give an IPv4 block/);
    expect(() => requireCidr(scope, 'cidrBlock', '10.0.0.0/8', { prefixLength: { min: 16, max: 28 } })).toThrow(/a \/8 block; use a prefix from \/16 to \/28/);
    expect(requireCidr(scope, 'cidrBlock', '10.0.0.0/16', { family: 'ipv4', prefixLength: { min: 16, max: 28 } })).toBe('10.0.0.0/16');
  });

  it('refuses what is not a CIDR block, typed or not', () => {
    expect(() => requireCidr(scope, 'cidr', '10.0.0.0')).toThrow(/not a CIDR block; write it as address\/prefix/);
    expect(() => requireCidr(scope, 'cidr', 10 as never)).toThrow(/'cidr' is 10, which is not a CIDR block/);
  });

  it('checks addresses', () => {
    expect(() => requireIpAddress(scope, 'ip', '10.0.0.300', 'ipv4')).toThrow("'ip' is '10.0.0.300', which is not an IPv4 address; give an IPv4 address such as 10.0.1.10");
    expect(requireIpAddress(scope, 'ip', '10.0.0.3')).toBe('10.0.0.3');
  });

  it('accepts unresolved values', () => {
    const token = Token.asString({ Ref: 'x' });
    expect(requireCidr(scope, 'cidr', token, { family: 'ipv6' })).toBe(token);
    expect(requireIpAddress(scope, 'ip', token, 'ipv4')).toBe(token);
  });

  const cases: BadInputCase[] = [
    {
      name: 'an IPv4 block where IPv6 is asked for',
      run: () => requireCidr(scope, 'ipv6CidrBlock', '10.0.0.0/16', { family: 'ipv6' }),
      field: 'ipv6CidrBlock',
      value: "'10.0.0.0/16', an IPv4 block",
      fix: /^give an IPv6 block, for example 2001:db8::\/56$/,
    },
    {
      name: 'an IPv6 block where IPv4 is asked for',
      run: () => requireCidr(scope, 'cidrBlock', '2001:db8::/56', { family: 'ipv4' }),
      field: 'cidrBlock',
      value: "'2001:db8::/56', an IPv6 block",
      fix: /^give an IPv4 block, for example 10\.0\.0\.0\/16$/,
    },
    {
      name: 'no block where IPv6 is asked for',
      run: () => requireCidr(scope, 'ipv6CidrBlock', '2001:db8::', { family: 'ipv6' }),
      field: 'ipv6CidrBlock',
      value: "'2001:db8::', which is not a CIDR block",
      fix: /^write it as address\/prefix, for example 2001:db8::\/56$/,
    },
    {
      name: 'a prefix longer than allowed, with the family maximum',
      run: () => requireCidr(scope, 'ipv6CidrBlock', '2001:db8::/56', { prefixLength: { min: 64 } }),
      field: 'ipv6CidrBlock',
      value: "'2001:db8::/56', a /56 block",
      fix: /^use a prefix from \/64 to \/128$/,
    },
    {
      name: 'a prefix shorter than allowed, from /0',
      run: () => requireCidr(scope, 'cidrBlock', '10.0.0.0/28', { prefixLength: { max: 24 } }),
      field: 'cidrBlock',
      value: "'10.0.0.0/28', a /28 block",
      fix: /^use a prefix from \/0 to \/24$/,
    },
    {
      name: 'an IPv4 address where IPv6 is asked for',
      run: () => requireIpAddress(scope, 'ipv6Address', '10.0.0.1', 'ipv6'),
      field: 'ipv6Address',
      value: "'10.0.0.1', which is not an IPv6 address",
      fix: /^give an IPv6 address such as 2001:db8::10$/,
    },
    {
      name: 'no address of either family',
      run: () => requireIpAddress(scope, 'address', '10.0.0'),
      field: 'address',
      value: "'10.0.0', which is not an IP address",
      fix: /^give an IP address such as 10\.0\.1\.10$/,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => assertBadInput(c));
});
