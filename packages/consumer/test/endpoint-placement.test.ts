import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { requireEndpointPlacement, requireSubnetAddresses, requireVpcDns } from '../src/endpoint-placement';
import { devStack, SUBNETS, VPC } from './helpers';

const scope = () => new Construct(devStack(), 'Endpoint');
const PLACED = [
  { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.0.0/20' },
  { subnetId: 'subnet-0bbbbbbbbbbbbbbb2', availabilityZoneId: 'apne1-az2', cidrBlock: '10.0.16.0/20' },
];

describe('requireEndpointPlacement', () => {
  it('returns the subnets of a VPC in the endpoint region, in the given order', () => {
    expect(requireEndpointPlacement(scope(), { vpc: VPC, subnets: [SUBNETS[1], SUBNETS[0]] }, 'ap-northeast-1')).toEqual([SUBNETS[1], SUBNETS[0]]);
  });

  it('checks the zones against the region and the zones the provider offers', () => {
    expect(() => requireEndpointPlacement(scope(), { vpc: VPC, subnets: SUBNETS }, 'us-east-1')).toThrow(/'subnets' has 'apne1-az1', a zone of ap-northeast-1, but the stack deploys to us-east-1/);
    expect(() => requireEndpointPlacement(scope(), { vpc: VPC, subnets: SUBNETS, providerAvailabilityZoneIds: ['apne1-az1', 'apne1-az2', 'apne1-az4'] }, 'ap-northeast-1')).not.toThrow();
    expect(() => requireEndpointPlacement(scope(), { vpc: VPC, subnets: SUBNETS, providerAvailabilityZoneIds: ['apne1-az2'] }, 'ap-northeast-1')).toThrow(/'subnet-0aaaaaaaaaaaaaaa1' in apne1-az1, where the service is not offered \(apne1-az2\)/);
    expect(() => requireEndpointPlacement(scope(), { vpc: VPC, subnets: [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZone: 'ap-northeast-1a' }], providerAvailabilityZoneIds: ['apne1-az1'] }, 'ap-northeast-1')).toThrow(
      /only an AZ name \('ap-northeast-1a'\); give its availabilityZoneId/,
    );
  });
});

describe('requireEndpointPlacement with zones known only at apply time', () => {
  const unknownZone = new TerraformVariable(devStack(), 'zone', { type: 'string' }).stringValue;
  const place = (subnets: typeof SUBNETS, providerAvailabilityZoneIds: string[]) => () => requireEndpointPlacement(scope(), { vpc: VPC, subnets, providerAvailabilityZoneIds }, 'ap-northeast-1');

  it('skips a subnet whose zone is unknown', () => {
    expect(place([{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: unknownZone }], ['apne1-az2'])).not.toThrow();
  });

  it('skips the check when one of the provider zones is unknown', () => {
    expect(place(SUBNETS, [unknownZone, 'apne1-az4'])).not.toThrow();
  });

  it('names every zone the service is offered in', () => {
    expect(place(SUBNETS, ['apne1-az2', 'apne1-az4'])).toThrow(/'subnets' has subnet 'subnet-0aaaaaaaaaaaaaaa1' in apne1-az1, where the service is not offered \(apne1-az2, apne1-az4\); place the endpoint only in subnets of those zones/);
  });
});

describe('requireSubnetAddresses', () => {
  it('renders subnet_configuration blocks keyed by subnet ID or zone, and nothing without addresses', () => {
    expect(requireSubnetAddresses(scope(), 'subnetIpAddresses', PLACED, { 'apne1-az2': { ipv4: '10.0.16.4' }, 'subnet-0aaaaaaaaaaaaaaa1': { ipv6: '2001:db8::10' } })).toEqual([
      { subnetId: 'subnet-0bbbbbbbbbbbbbbb2', ipv4: '10.0.16.4' },
      { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', ipv6: '2001:db8::10' },
    ]);
    expect(requireSubnetAddresses(scope(), 'subnetIpAddresses', PLACED, undefined)).toBeUndefined();
    expect(requireSubnetAddresses(scope(), 'subnetIpAddresses', PLACED, {})).toBeUndefined();
  });

  it('takes the first and last usable address of a subnet, and none of the five AWS reserves', () => {
    expect(() => requireSubnetAddresses(scope(), 'f', PLACED, { 'apne1-az1': { ipv4: '10.0.0.4' }, 'apne1-az2': { ipv4: '10.0.31.254' } })).not.toThrow();
    for (const reserved of ['10.0.0.0', '10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.15.255']) {
      expect(() => requireSubnetAddresses(scope(), 'f', PLACED, { 'apne1-az1': { ipv4: reserved } })).toThrow(new RegExp(`'f.apne1-az1.ipv4' is '${reserved.replace(/\./g, '\\.')}', which AWS reserves`));
    }
  });

  it('checks only the form of an address when the subnet block is unknown', () => {
    expect(() => requireSubnetAddresses(scope(), 'f', SUBNETS, { 'apne1-az1': { ipv4: '192.168.0.1' } })).not.toThrow();
    expect(() => requireSubnetAddresses(scope(), 'f', SUBNETS, { 'apne1-az1': { ipv4: '192.168.0.256' } })).toThrow(/'f.apne1-az1.ipv4' is '192.168.0.256', which is not an IPv4 address/);
  });

  it('renders only the addresses given', () => {
    expect(requireSubnetAddresses(scope(), 'f', PLACED, { 'apne1-az1': { ipv4: '10.0.0.4' }, 'apne1-az2': { ipv6: '2001:db8::10' } })).toStrictEqual([
      { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', ipv4: '10.0.0.4' },
      { subnetId: 'subnet-0bbbbbbbbbbbbbbb2', ipv6: '2001:db8::10' },
    ]);
  });

  it('takes the zone name as a key when the subnet has one', () => {
    const named = [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZone: 'ap-northeast-1a' }];
    expect(requireSubnetAddresses(scope(), 'f', named, { 'ap-northeast-1a': { ipv4: '10.0.0.9' } })).toStrictEqual([{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', ipv4: '10.0.0.9' }]);
  });

  it.each([
    ['a list', ['10.0.0.4'], /'f' is \["10.0.0.4"\]; key the addresses by subnet ID or zone/],
    ['a string', 'apne1-az1', /'f' is 'apne1-az1'; key the addresses by subnet ID or zone/],
    ['null', null, /'f' is null; key the addresses by subnet ID or zone/],
  ])('refuses a map that is %s', (_, addresses, message) => {
    expect(() => requireSubnetAddresses(scope(), 'f', PLACED, addresses as never)).toThrow(message);
  });
});

describe('requireVpcDns', () => {
  it('passes a VPC whose DNS settings are on or unknown, and names the field it is given', () => {
    expect(() => requireVpcDns(scope(), VPC)).not.toThrow();
    expect(() => requireVpcDns(scope(), { vpcId: VPC.vpcId, cidrBlocks: VPC.cidrBlocks })).not.toThrow();
    expect(() => requireVpcDns(scope(), { ...VPC, dnsSupport: false }, 'privateDns')).toThrow(/'privateDns' is on but the VPC has DNS support or DNS hostnames off/);
  });
});
