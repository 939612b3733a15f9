import { TerraformVariable, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53ResolverEndpoint } from '@cdktf/provider-aws/lib/route53-resolver-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { ResolverInboundEndpoint, type ResolverInboundEndpointProps } from '../src/resolver-inbound-endpoint';
import { devStack, rendered, resourcesOf, SUBNETS, VPC } from './helpers';

function resolver(props: Partial<ResolverInboundEndpointProps> = {}) {
  const stack = devStack();
  const construct = new ResolverInboundEndpoint(stack, 'Dns', { vpc: VPC, subnets: SUBNETS, allowedCidrs: ['192.168.0.0/24'], name: 'unit-inbound-dns', ...props });
  return { stack, construct };
}

describe('ResolverInboundEndpoint', () => {
  test('an inbound endpoint with one address per subnet and its own group open on DNS 53 TCP and UDP', () => {
    const { stack, construct } = resolver({ ipAddresses: { 'apne1-az1': '10.0.0.53' } });
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(Route53ResolverEndpoint, {
      direction: 'INBOUND',
      name: 'unit-inbound-dns',
      protocols: ['Do53'],
      ip_address: [{ subnet_id: 'subnet-0aaaaaaaaaaaaaaa1', ip: '10.0.0.53' }, { subnet_id: 'subnet-0bbbbbbbbbbbbbbb2' }],
    });
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { ip_protocol: 'tcp', from_port: 53, cidr_ipv4: '192.168.0.0/24' });
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { ip_protocol: 'udp', from_port: 53, cidr_ipv4: '192.168.0.0/24' });
    expect(Object.keys(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'))).toHaveLength(2);
    expect(construct.fixedIpAddresses).toEqual(['10.0.0.53']);
  });

  test('DNS over HTTPS also opens 443 over TCP', () => {
    const { stack } = resolver({ protocols: ['Do53', 'DoH'] });
    const ports = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule')).map((r) => `${r.ip_protocol}/${r.from_port}`);
    expect(ports.sort()).toEqual(['tcp/443', 'tcp/53', 'udp/53']);
  });

  test("with its own provider, its subnets' zones are checked against that provider's region, not the stack's", () => {
    const stack = devStack();
    const virginia = new AwsProvider(stack, 'Virginia', { region: 'us-east-1', alias: 'virginia' });
    const subnets = [
      { subnetId: 'subnet-0ccccccccccccccc3', availabilityZoneId: 'use1-az1' },
      { subnetId: 'subnet-0ddddddddddddddd4', availabilityZoneId: 'use1-az2' },
    ];
    new ResolverInboundEndpoint(stack, 'Dns', { vpc: VPC, subnets, allowedCidrs: ['192.168.0.0/24'], name: 'unit-inbound-dns', provider: virginia });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Route53ResolverEndpoint, { provider: 'aws.virginia', ip_address: [{ subnet_id: 'subnet-0ccccccccccccccc3' }, { subnet_id: 'subnet-0ddddddddddddddd4' }] });
    expect(() => new ResolverInboundEndpoint(stack, 'Tokyo', { vpc: VPC, subnets: SUBNETS, allowedCidrs: ['192.168.0.0/24'], name: 'unit-inbound-dns-2', provider: virginia })).toThrow(
      /'subnets' has 'apne1-az1', a zone of ap-northeast-1, but .*us-east-1/,
    );
  });

  describe('bad input', () => {
    test('one subnet', () => expect(() => resolver({ subnets: [SUBNETS[0]] })).toThrow(/'subnets' has 1 subnet; give subnets in at least 2/));
    test('two subnets in one AZ', () => expect(() => resolver({ subnets: [SUBNETS[0], { subnetId: 'subnet-x', availabilityZoneId: 'apne1-az1' }] })).toThrow(/two subnets in apne1-az1/));
    test('no client CIDRs', () => expect(() => resolver({ allowedCidrs: [] })).toThrow(/'allowedCidrs' is empty/));
    test('the whole internet as clients', () => expect(() => resolver({ allowedCidrs: ['0.0.0.0/0'] })).toThrow(/'allowedCidrs' includes '0.0.0.0\/0'/));
    test('an unknown protocol', () => expect(() => resolver({ protocols: ['DoT' as never] })).toThrow(/'protocols' is 'DoT'/));
    // Found by constructs.fuzz.test.ts (FUZZ_SEED=1705288258, value 156): terraform validate allows 2 protocols at most.
    test('DoH and DoH-FIPS together', () => {
      expect(() => resolver({ protocols: ['Do53', 'DoH', 'DoH-FIPS'] })).toThrow(/'protocols' is \["Do53","DoH","DoH-FIPS"\]; use DoH or DoH-FIPS, not both/);
      expect(() => resolver({ protocols: ['DoH', 'DoH-FIPS'] })).toThrow(/use DoH or DoH-FIPS, not both/);
      expect(() => resolver({ protocols: ['Do53', 'DoH-FIPS'] })).not.toThrow();
    });
    test('a fixed address for a subnet it does not use', () => expect(() => resolver({ ipAddresses: { 'apne1-az4': '10.0.0.53' } })).toThrow(/'ipAddresses' has key 'apne1-az4'/));
    test('a VPC without DNS support', () => expect(() => resolver({ vpc: { ...VPC, dnsSupport: false } })).toThrow(/'vpc' has DNS support off/));
  });
});

describe('ResolverInboundEndpoint addresses and group', () => {
  it('uses its own security group, and gives the fixed addresses in subnet order', () => {
    const { stack, construct } = resolver({ ipAddresses: { 'apne1-az2': '10.0.1.53', 'subnet-0aaaaaaaaaaaaaaa1': '10.0.0.53' } });
    expect(Object.values(resourcesOf(stack, 'aws_route53_resolver_endpoint'))[0].security_group_ids).toEqual([rendered(stack, construct.securityGroupId)]);
    expect(construct.fixedIpAddresses).toEqual(['10.0.0.53', '10.0.1.53']);
  });

  const ZONED = [
    { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZone: 'ap-northeast-1a', cidrBlock: '10.0.0.0/24' },
    { subnetId: 'subnet-0bbbbbbbbbbbbbbb2', availabilityZone: 'ap-northeast-1c', cidrBlock: '10.0.1.0/24' },
  ];
  it.each<[string, Partial<ResolverInboundEndpointProps>, RegExp]>([
    ['an empty name', { name: '' }, /ResolverInboundEndpoint 'unit-dev\/Dns': 'name' is empty; give a name such as tenant-consumer-prod-inbound-dns/],
    ['a name with nothing AWS takes in a Resolver endpoint name', { name: '///' }, /ResolverInboundEndpoint 'unit-dev\/Dns': 'name' is '\/\/\/', which has no letter or digit to name the endpoint; give a name such as tenant-consumer-prod-inbound-dns/],
    ['a name AWS refuses for its security group', { name: 'sg-dns' }, /ResolverInboundEndpoint 'unit-dev\/Dns': 'name' is 'sg-dns', which starts with 'sg-', which AWS reserves; a security group name/],
    ['no VPC', { vpc: undefined }, /ResolverInboundEndpoint 'unit-dev\/Dns': 'vpc' is missing; give a core PrivateNetwork/],
    ['no protocols', { protocols: [] }, /'protocols' is empty; give at least one protocol, for example \['Do53'\]/],
    ['a protocol twice', { protocols: ['Do53', 'Do53'] }, /'protocols' lists 'Do53' twice; list each protocol once/],
    ['one address for all subnets', { ipAddresses: '10.0.0.53' as never }, /'ipAddresses' is '10.0.0.53'; key the addresses by subnet ID or zone, for example \{ 'apne1-az1': '10.0.0.53' \}/],
    ['addresses as a list', { ipAddresses: ['10.0.0.53'] as never }, /'ipAddresses' is \["10.0.0.53"\]; key the addresses by subnet ID or zone, for example \{ 'apne1-az1': '10.0.0.53' \}/],
    ['an address outside the subnet, keyed by subnet ID', { subnets: ZONED, ipAddresses: { 'subnet-0aaaaaaaaaaaaaaa1': '10.0.1.53' } }, /'ipAddresses.subnet-0aaaaaaaaaaaaaaa1' is '10.0.1.53', outside subnet/],
    ['an address outside the subnet, keyed by zone name', { subnets: ZONED, ipAddresses: { 'ap-northeast-1c': '10.0.0.53' } }, /'ipAddresses.ap-northeast-1c' is '10.0.0.53', outside subnet/],
  ])('rejects %s', (_name, props, message) => expect(() => resolver(props)).toThrow(message));

  it('rejects client CIDRs known only at apply time, naming allowedCidrs', () => {
    const stack = devStack();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' }).stringValue;
    expect(() => new ResolverInboundEndpoint(stack, 'Dns', { vpc: VPC, subnets: SUBNETS, allowedCidrs: [cidr], name: 'unit-inbound-dns' })).toThrow(
      /ResolverInboundEndpoint 'unit-dev\/Dns': 'allowedCidrs' has an unresolved value; give literal CIDR blocks/,
    );
  });
});
