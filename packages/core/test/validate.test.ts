import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  cidrsOverlap, configError, isCidr, physicalName, policyDocument, requireAccountId, requireArn, requireCidr,
  requireDnsName, requireKeys, requireNarrowCidrs, requirePort, requireRegion, validateSubnetPlacement,
} from '../src';

class Widget extends Construct {}
const scope = new Widget(new TerraformStack(Testing.app(), 'prod'), 'Service');

describe('error style', () => {
  it('names the construct, its path, the field, the value and the fix', () => {
    expect(() => configError(scope, 'subnetIds', 'has 1 subnet', 'give two')).toThrow("Widget 'prod/Service': 'subnetIds' has 1 subnet; give two");
  });
});

describe('checks', () => {
  it('rejects ports outside 1-65535 and accepts the range ends', () => {
    expect(() => requirePort(scope, 'port', 0)).toThrow(/'port' has port 0; use a whole number from 1 to 65535/);
    expect(() => requirePort(scope, 'port', 65536)).toThrow(/65536/);
    expect(() => requirePort(scope, 'port', 44.5)).toThrow(/44.5/);
    expect(requirePort(scope, 'port', 1)).toBe(1);
    expect(requirePort(scope, 'port', 65535)).toBe(65535);
  });

  it('checks account IDs, ARNs, regions and DNS names', () => {
    expect(() => requireAccountId(scope, 'accountId', '12345')).toThrow(/'accountId' is '12345'; an AWS account ID is exactly 12 digits/);
    expect(requireAccountId(scope, 'accountId', '123456789012')).toBe('123456789012');
    expect(() => requireArn(scope, 'arn', 'arn:aws:s3:::bucket', 'iam')).toThrow(/not an iam ARN/);
    expect(requireArn(scope, 'arn', 'arn:aws:iam::123456789012:role/x', 'iam')).toContain('role/x');
    expect(() => requireRegion(scope, 'region', 'ap-northeast-9')).toThrow(/unknown region 'ap-northeast-9'/);
    expect(() => requireDnsName(scope, 'name', 'Bad_Name')).toThrow(/not a valid DNS name/);
    expect(requireDnsName(scope, 'name', 'api.example.com')).toBe('api.example.com');
  });

  it('parses CIDRs and finds overlaps', () => {
    expect(isCidr('10.0.0.0/16')).toBe(true);
    expect(isCidr('2001:db8::/32')).toBe(true);
    expect(isCidr('10.0.0.300/16')).toBe(false);
    expect(cidrsOverlap('10.0.0.0/16', '10.0.128.0/20')).toBe(true);
    expect(cidrsOverlap('10.0.0.0/16', '10.1.0.0/16')).toBe(false);
    expect(() => requireCidr(scope, 'cidr', '10.0.0.0')).toThrow(/not a CIDR block/);
  });

  it('rejects the open internet unless opted in by name', () => {
    expect(() => requireNarrowCidrs(scope, 'sourceCidrs', ['0.0.0.0/0'], { name: 'allowInternet', given: false })).toThrow(/set 'allowInternet: true'/);
    expect(requireNarrowCidrs(scope, 'sourceCidrs', ['0.0.0.0/0'], { name: 'allowInternet', given: true })).toEqual(['0.0.0.0/0']);
  });

  it('requires stable, unique, address-safe keys', () => {
    expect(() => requireKeys(scope, 'tenants', ['acme', 'acme'])).toThrow(/lists 'acme' twice/);
    expect(() => requireKeys(scope, 'tenants', ['Acme Bank'])).toThrow(/has key 'Acme Bank'/);
    expect(() => requireKeys(scope, 'tenants', ['acme-bank', 'globex'])).not.toThrow();
  });

  it('requires one subnet per zone and enough zones', () => {
    expect(() => validateSubnetPlacement(scope, 'subnets', [], 2)).toThrow(/'subnets' is empty/);
    expect(() => validateSubnetPlacement(scope, 'subnets', [{ subnetId: 'subnet-1', availabilityZone: 'ap-northeast-1a' }], 2)).toThrow(/has 1 subnet; give subnets in at least 2/);
    expect(() =>
      validateSubnetPlacement(scope, 'subnets', [
        { subnetId: 'subnet-1', availabilityZoneId: 'apne1-az1' },
        { subnetId: 'subnet-2', availabilityZoneId: 'apne1-az1' },
      ], 2),
    ).toThrow(/two subnets in apne1-az1/);
    expect(() => validateSubnetPlacement(scope, 'subnets', [{ subnetId: 'subnet-1' }], 1)).toThrow(/without a zone/);
  });
});

describe('physicalName', () => {
  it('joins, lowers and cleans parts', () => {
    expect(physicalName(['SaaS Provider', 'prod', 'nlb'])).toBe('saas-provider-prod-nlb');
  });
  it('cuts long names and keeps them distinct with a hash', () => {
    const a = physicalName(['a'.repeat(40), 'tenant-one'], 32);
    const b = physicalName(['a'.repeat(40), 'tenant-two'], 32);
    expect(a).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});

describe('policyDocument', () => {
  it('renders typed statements', () => {
    const json = JSON.parse(policyDocument(scope, 'policy', [
      { sid: 'Read', principals: '*', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'], conditions: [{ test: 'StringEquals', variable: 'aws:SourceVpce', values: ['vpce-1'] }] },
    ]));
    expect(json.Statement[0]).toEqual({
      Sid: 'Read', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::b/*'],
      Condition: { StringEquals: { 'aws:SourceVpce': ['vpce-1'] } },
    });
  });
  it('rejects a statement without actions', () => {
    expect(() => policyDocument(scope, 'policy', [{ sid: 'Nothing', actions: [] }])).toThrow(/'policy\[Nothing\].actions' is empty/);
  });
  it('rejects malformed actions and empty documents', () => {
    expect(() => policyDocument(scope, 'policy', [{ actions: ['GetObject'] }])).toThrow(/service:Action/);
    expect(() => policyDocument(scope, 'policy', [])).toThrow(/has no statements/);
  });
});
