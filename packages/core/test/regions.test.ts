import { Token } from 'cdktf';
import { AWS_REGIONS, dnsSuffixOf, partitionOf, requireRegion } from '../src/regions';
import { widget } from './helpers';

describe('requireRegion', () => {
  const scope = widget();

  it('returns a known region, and a region known only at apply time', () => {
    expect(requireRegion(scope, 'region', 'ap-northeast-1')).toBe('ap-northeast-1');
    expect(requireRegion(scope, 'region', 'us-gov-west-1')).toBe('us-gov-west-1');
    const token = Token.asString({ Ref: 'region' });
    expect(requireRegion(scope, 'region', token)).toBe(token);
  });

  it('names the field, the value and the fix for anything else', () => {
    expect(() => requireRegion(scope, 'environment.region', 'Tokyo')).toThrow("Widget 'prod/Service': 'environment.region' has unknown region 'Tokyo'; use an AWS region code such as ap-northeast-1 or us-east-1");
    expect(() => requireRegion(scope, 'region', 1 as never)).toThrow("'region' has unknown region 1;");
    expect(() => requireRegion(scope, 'region', undefined as never)).toThrow("'region' has unknown region undefined;");
  });

  it('knows the commercial, China and GovCloud regions', () => {
    expect(AWS_REGIONS).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'cn-northwest-1', 'us-gov-east-1']));
  });
});

describe('partitionOf and dnsSuffixOf', () => {
  it.each([
    ['ap-northeast-1', 'aws', 'amazonaws.com'],
    ['us-east-1', 'aws', 'amazonaws.com'],
    ['cn-north-1', 'aws-cn', 'amazonaws.com.cn'],
    ['cn-northwest-1', 'aws-cn', 'amazonaws.com.cn'],
    ['us-gov-west-1', 'aws-us-gov', 'amazonaws.com'],
  ])('%s is in partition %s with DNS suffix %s', (region, partition, suffix) => {
    expect(partitionOf(region)).toBe(partition);
    expect(dnsSuffixOf(region)).toBe(suffix);
  });
});
