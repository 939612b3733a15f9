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
  });

  it('requireZone takes IDs or names of the region', () => {
    expect(requireZone(scope, 'zones', 'ap-northeast-1a', { region: 'ap-northeast-1' })).toBe('ap-northeast-1a');
    expect(() => requireZone(scope, 'zones', 'us-east-1a', { region: 'ap-northeast-1' })).toThrow(/a zone of us-east-1/);
    expect(() => requireZone(scope, 'zones', 'tokyo-1', { region: 'ap-northeast-1' })).toThrow(/neither an AZ ID nor an AZ name; give an AZ ID such as apne1-az1 or an AZ name such as ap-northeast-1a/);
  });
});
