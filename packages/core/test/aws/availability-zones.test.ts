import { Token } from 'cdktf';
import {
  AZ_ID_REGION_CODES,
  isAzId,
  isAzName,
  regionOfAzId,
  regionOfAzName,
  regionOfZone,
  requireAzId,
  requireZone,
  zoneNumber,
} from '../../src/aws/availability-zones';
import { AWS_REGIONS } from '../../src/regions';
import { assertBadInput, type BadInputCase } from '../../src/testing';
import { widget } from '../helpers';

const scope = widget();

describe('AZ IDs and names', () => {
  it('has a region code for every region', () => {
    expect(Object.keys(AZ_ID_REGION_CODES).sort()).toEqual([...AWS_REGIONS].sort());
    expect(new Set(Object.values(AZ_ID_REGION_CODES)).size).toBe(AWS_REGIONS.length);
  });

  it.each([
    ['apne1-az1', 'ap-northeast-1'],
    ['use1-az6', 'us-east-1'],
    ['usw2-lax1-az1', 'us-west-2'],
    ['cnnw1-az2', 'cn-northwest-1'],
    ['usgw1-az1', 'us-gov-west-1'],
    ['euc2-az3', 'eu-central-2'],
  ])('%s is in %s', (id, region) => {
    expect(isAzId(id)).toBe(true);
    expect(regionOfAzId(id)).toBe(region);
    expect(regionOfZone(id)).toBe(region);
  });

  it('reads regions and numbers of AZ names', () => {
    expect(isAzName('ap-northeast-1c')).toBe(true);
    expect(regionOfAzName('ap-northeast-1c')).toBe('ap-northeast-1');
    expect(regionOfAzName('us-west-2-lax-1a')).toBe('us-west-2');
    expect(regionOfAzName('us-gov-west-1a')).toBe('us-gov-west-1');
    expect(regionOfAzName('xx-nowhere-1a')).toBeUndefined();
    expect(zoneNumber('apne1-az4')).toBe(4);
    expect(zoneNumber('ap-northeast-1c')).toBe(3);
    expect(zoneNumber('tokyo')).toBeUndefined();
  });

  it('reads only strings', () => {
    // A list of one zone would read as the zone if it were turned into text.
    expect(isAzId(['apne1-az1'] as never)).toBe(false);
    expect(isAzName(['ap-northeast-1a'] as never)).toBe(false);
    expect(regionOfAzId(['apne1-az1'] as never)).toBeUndefined();
    expect(regionOfAzName(['ap-northeast-1a'] as never)).toBeUndefined();
    expect(zoneNumber(['apne1-az4'] as never)).toBeUndefined();
    expect(zoneNumber(['ap-northeast-1c'] as never)).toBeUndefined();
  });
});

describe('requireAzId', () => {
  it("refuses an AZ ID of another region", () => {
    expect(() => requireAzId(scope, 'zones', 'use1-az1', { region: 'ap-northeast-1' })).toThrow(
      "'zones' has 'use1-az1', a zone of us-east-1, but the stack deploys to ap-northeast-1; give zones of ap-northeast-1, for example apne1-az1",
    );
  });

  it('refuses AZ names and unknown codes', () => {
    expect(() => requireAzId(scope, 'zones', 'ap-northeast-1a')).toThrow(/not an AZ ID: it is an AZ name, which differs between accounts/);
    expect(() => requireAzId(scope, 'zones', 'xyz9-az1')).toThrow(/belongs to no known region/);
    expect(requireAzId(scope, 'zones', 'apne1-az4', { region: 'ap-northeast-1' })).toBe('apne1-az4');
    expect(requireAzId(scope, 'zones', 'use1-az1')).toBe('use1-az1');
    expect(requireZone(scope, 'zones', 'us-east-1a')).toBe('us-east-1a');
  });

  it('requireZone takes IDs or names of the region', () => {
    expect(requireZone(scope, 'zones', 'ap-northeast-1a', { region: 'ap-northeast-1' })).toBe('ap-northeast-1a');
    expect(() => requireZone(scope, 'zones', 'us-east-1a', { region: 'ap-northeast-1' })).toThrow(/a zone of us-east-1/);
    expect(() => requireZone(scope, 'zones', 'tokyo-1', { region: 'ap-northeast-1' })).toThrow(/neither an AZ ID nor an AZ name; give an AZ ID such as apne1-az1 or an AZ name such as ap-northeast-1a/);
  });

  it('accepts unresolved zones, and any known zone when the region is unresolved', () => {
    const token = Token.asString({ Ref: 'zone' });
    expect(requireAzId(scope, 'zones', token, { region: 'ap-northeast-1' })).toBe(token);
    expect(requireZone(scope, 'zones', token, { region: 'ap-northeast-1' })).toBe(token);
    expect(requireAzId(scope, 'zones', 'use1-az1', { region: Token.asString({ Ref: 'region' }) })).toBe('use1-az1');
  });

  const cases: BadInputCase[] = [
    {
      name: 'no AZ ID, with an example of the region',
      run: () => requireAzId(scope, 'zoneIds', 'tokyo', { region: 'us-east-1' }),
      field: 'zoneIds',
      value: "'tokyo', which is not an AZ ID;",
      fix: /^give AZ IDs such as use1-az1$/,
    },
    {
      name: 'no zone, with examples of the region',
      run: () => requireZone(scope, 'zones', 'virginia', { region: 'us-east-1' }),
      field: 'zones',
      value: "'virginia', which is neither an AZ ID nor an AZ name",
      fix: /^give an AZ ID such as use1-az1 or an AZ name such as us-east-1a$/,
    },
    {
      name: 'no zone, with examples of ap-northeast-1 when the region is not known',
      run: () => requireZone(scope, 'zones', 'tokyo'),
      field: 'zones',
      value: "'tokyo', which is neither an AZ ID nor an AZ name",
      fix: /^give an AZ ID such as apne1-az1 or an AZ name such as ap-northeast-1a$/,
    },
    {
      name: 'an AZ ID of no known region, in a stack of a region',
      run: () => requireAzId(scope, 'zoneIds', 'xyz9-az1', { region: 'us-east-1' }),
      field: 'zoneIds',
      value: "'xyz9-az1', which belongs to no known region",
      fix: /^give a zone of us-east-1, for example use1-az1$/,
    },
    {
      name: 'an AZ ID of no known region, in a stack of an unknown region',
      run: () => requireAzId(scope, 'zoneIds', 'xyz9-az1'),
      field: 'zoneIds',
      value: "'xyz9-az1', which belongs to no known region",
      fix: /^give a zone of the stack's region, for example apne1-az1$/,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => assertBadInput(c));
});
