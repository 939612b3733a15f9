import { TerraformVariable, Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointPrivateDns } from '@cdktf/provider-aws/lib/vpc-endpoint-private-dns';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { EnvironmentStack } from '@privatelink-cdktf/core';
import { InterfaceEndpoint, type InterfaceEndpointProps } from '../src/interface-endpoint';
import { CUSTOM_SERVICE, devStack, rendered, resourcesOf, SUBNETS, synthesizeToFile, synthJson, VPC } from './helpers';

function endpoint(props: Partial<InterfaceEndpointProps> = {}, stack = devStack()) {
  const construct = new InterfaceEndpoint(stack, 'Kinesis', { vpc: VPC, subnets: SUBNETS, service: { awsService: 'kinesis-streams' }, name: 'unit-kinesis', ...props });
  return { stack, construct };
}

function endpointResource(stack: ReturnType<typeof devStack>): Record<string, unknown> {
  return Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))[0];
}

describe('InterfaceEndpoint', () => {
  test('an AWS service gets its regional name, private DNS, and a dedicated group open on 443 to every VPC block', () => {
    const { stack, construct } = endpoint();
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(VpcEndpoint, {
      vpc_endpoint_type: 'Interface',
      service_name: 'com.amazonaws.ap-northeast-1.kinesis-streams',
      private_dns_enabled: true,
      subnet_ids: SUBNETS.map((s) => s.subnetId),
      tags: { Name: 'unit-kinesis' },
    });
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '10.0.0.0/16', from_port: 443, to_port: 443, ip_protocol: 'tcp' });
    expect(synth).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '10.1.0.0/16', from_port: 443 });
    expect(Object.keys(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'))).toHaveLength(2);
    expect(synth).not.toHaveResource(VpcEndpointPrivateDns);
    expect(construct.serviceName).toBe('com.amazonaws.ap-northeast-1.kinesis-streams');
    expect(construct.privateDnsEnabled).toBe(true);
    expect(construct.zonalDnsNames).toHaveLength(2);
    expect(rendered(stack, construct.regionalDnsName)).toMatch(/dns_entry\[0\]\.dns_name/);
    expect(rendered(stack, construct.zonalDnsNames[1])).toMatch(/dns_entry\[2\]\.dns_name/);
  });

  test('accepts its own connection to a service of its account only when told (autoAccept), and writes nothing otherwise', () => {
    const internal = { serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0' };
    const accepted = endpoint({ service: internal, autoAccept: true });
    expect(endpointResource(accepted.stack)).toMatchObject({ auto_accept: true });
    expect(endpointResource(endpoint({ service: internal }).stack).auto_accept).toBeUndefined();
  });

  test('never attaches the VPC default group: the security group is its own', () => {
    const { stack, construct } = endpoint();
    const ep = endpointResource(stack);
    expect(ep.security_group_ids).toEqual([rendered(stack, construct.securityGroupId)]);
    expect(Object.keys(resourcesOf(stack, 'aws_security_group'))).toHaveLength(1);
  });

  test('a custom service has private DNS off by default and never fixes a region of its own', () => {
    const { stack, construct } = endpoint({ service: { serviceName: CUSTOM_SERVICE } });
    const ep = endpointResource(stack);
    expect(ep.service_name).toBe(CUSTOM_SERVICE);
    expect(ep.private_dns_enabled).toBe(false);
    expect(ep).not.toHaveProperty('service_region');
    expect(construct.privateDnsEnabled).toBe(false);
  });

  test('private DNS on a custom service is switched on after acceptance by its own resource', () => {
    const { stack } = endpoint({ service: { serviceName: CUSTOM_SERVICE }, privateDns: true });
    const synth = Testing.synth(stack);
    const ep = endpointResource(stack);
    expect(ep.private_dns_enabled).toBe(false);
    expect(ep.lifecycle).toEqual({ ignore_changes: ['private_dns_enabled'] });
    expect(synth).toHaveResourceWithProperties(VpcEndpointPrivateDns, { private_dns_enabled: true });
  });

  test('private DNS on a custom service that auto-accepts is set on the endpoint itself', () => {
    const { stack } = endpoint({ service: { serviceName: CUSTOM_SERVICE }, privateDns: true, acceptanceRequired: false });
    expect(endpointResource(stack).private_dns_enabled).toBe(true);
    expect(Testing.synth(stack)).not.toHaveResource(VpcEndpointPrivateDns);
  });

  test('clients narrowed to security groups and prefix lists replace the VPC blocks, on the given ports', () => {
    const { stack } = endpoint({ ports: [443, 8443], allowedSecurityGroupIds: ['sg-0123456789abcdef0'], allowedPrefixListIds: ['pl-0123456789abcdef0'] });
    const rules = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
    expect(rules).toHaveLength(4);
    expect(rules.filter((r) => r.referenced_security_group_id === 'sg-0123456789abcdef0').map((r) => r.from_port)).toEqual([443, 8443]);
    expect(rules.some((r) => 'cidr_ipv4' in r)).toBe(false);
  });

  test('a security group of your own is attached as is and no group is created', () => {
    const { stack, construct } = endpoint({ securityGroupId: 'sg-0fedcba9876543210' });
    expect(endpointResource(stack).security_group_ids).toEqual(['sg-0fedcba9876543210']);
    expect(resourcesOf(stack, 'aws_security_group')).toEqual({});
    expect(construct.securityGroup).toBeUndefined();
  });

  test('policy, fixed addresses, dual stack and DNS options reach the endpoint', () => {
    const { stack } = endpoint({
      policy: [{ principals: { AWS: ['arn:aws:iam::111111111111:role/producer'] }, actions: ['kinesis:PutRecord', 'kinesis:PutRecords'], resources: ['arn:aws:kinesis:ap-northeast-1:111111111111:stream/events'] }],
      subnetIpAddresses: { 'apne1-az1': { ipv4: '10.0.0.10' }, 'subnet-0bbbbbbbbbbbbbbb2': { ipv4: '10.0.16.10', ipv6: '2001:db8::10' } },
      ipAddressType: 'dualstack',
      dnsRecordIpType: 'dualstack',
    });
    const ep = endpointResource(stack);
    expect(JSON.parse(ep.policy as string)).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:role/producer'] }, Action: ['kinesis:PutRecord', 'kinesis:PutRecords'], Resource: ['arn:aws:kinesis:ap-northeast-1:111111111111:stream/events'] }],
    });
    expect(ep.subnet_configuration).toEqual([
      { subnet_id: 'subnet-0aaaaaaaaaaaaaaa1', ipv4: '10.0.0.10' },
      { subnet_id: 'subnet-0bbbbbbbbbbbbbbb2', ipv4: '10.0.16.10', ipv6: '2001:db8::10' },
    ]);
    expect(ep.ip_address_type).toBe('dualstack');
    expect(ep.dns_options).toEqual({ dns_record_ip_type: 'dualstack' });
  });

  test('a cross-region service sets service_region and is named in that region', () => {
    const { stack } = endpoint({ service: { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' }, serviceRegion: 'us-east-1' });
    expect(endpointResource(stack).service_region).toBe('us-east-1');
    // Only services with cross-region support take service_region (hashicorp/terraform-provider-aws#42970).
    const aws = endpoint({ service: { awsService: 'kms' }, serviceRegion: 'us-west-2' });
    expect(endpointResource(aws.stack)).toMatchObject({ service_name: 'com.amazonaws.us-west-2.kms', service_region: 'us-west-2' });
    expect(() => endpoint({ serviceRegion: 'us-west-2' })).toThrow(/kinesis-streams cannot be reached from another region/);
  });

  test('names follow the region and partition of the provider', () => {
    const chinaSubnets = [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'cnn1-az1' }];
    const china = endpoint({ service: { awsService: 'ecr.api' }, subnets: chinaSubnets }, devStack('cn-north-1'));
    expect(endpointResource(china.stack).service_name).toBe('cn.com.amazonaws.cn-north-1.ecr.api');
    const chinaLogs = endpoint({ service: { awsService: 'logs' }, subnets: chinaSubnets }, devStack('cn-north-1'));
    expect(endpointResource(chinaLogs.stack).service_name).toBe('com.amazonaws.cn-north-1.logs');
    const gov = endpoint({ service: { awsService: 'sts' }, subnets: [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'usgw1-az1' }] }, devStack('us-gov-west-1'));
    expect(endpointResource(gov.stack).service_name).toBe('com.amazonaws.us-gov-west-1.sts');
  });

  test('an explicit provider carries every resource and sets the region of the name', () => {
    const stack = devStack();
    const osaka = new AwsProvider(stack, 'osaka', { region: 'ap-northeast-3', alias: 'osaka' });
    endpoint({ provider: osaka, subnets: [{ subnetId: 'subnet-0ccccccccccccccc3', availabilityZoneId: 'apne3-az1' }] }, stack);
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_vpc_endpoint)[0]).toMatchObject({ provider: 'aws.osaka', service_name: 'com.amazonaws.ap-northeast-3.kinesis-streams' });
    for (const type of ['aws_security_group', 'aws_vpc_security_group_ingress_rule']) {
      for (const resource of Object.values(json.resource[type])) expect(resource.provider).toBe('aws.osaka');
    }
  });

  test('a service name known only at apply time skips the literal checks and passes through', () => {
    const stack = devStack();
    const name = new TerraformVariable(stack, 'service_name', { type: 'string' });
    const { construct } = endpoint({ service: { serviceName: name.stringValue } }, stack);
    expect(endpointResource(stack).service_name).toBe('${var.service_name}');
    expect(construct.privateDnsEnabled).toBe(false);
  });

  describe('bad input', () => {
    test('no subnets', () => expect(() => endpoint({ subnets: [] })).toThrow(/'subnets' is empty/));
    test('two subnets in one AZ', () =>
      expect(() => endpoint({ subnets: [SUBNETS[0], { subnetId: 'subnet-0ddddddddddddddd4', availabilityZoneId: 'apne1-az1' }] })).toThrow(/'subnets' has two subnets in apne1-az1/));
    test('a subnet outside the provider AZ IDs', () =>
      expect(() => endpoint({ providerAvailabilityZoneIds: ['apne1-az1', 'apne1-az4'] })).toThrow(/'subnets' has subnet 'subnet-0bbbbbbbbbbbbbbb2' in apne1-az2, where the service is not offered/));
    test('a subnet with only an AZ name when provider AZ IDs are given', () =>
      expect(() => endpoint({ subnets: [{ subnetId: 'subnet-1', availabilityZone: 'ap-northeast-1a' }], providerAvailabilityZoneIds: ['apne1-az1'] })).toThrow(/'subnets' .*only an AZ name.*availabilityZoneId/));
    test('provider zones given as AZ names', () =>
      expect(() => endpoint({ providerAvailabilityZoneIds: ['ap-northeast-1a'] })).toThrow(/'providerAvailabilityZoneIds' has 'ap-northeast-1a', which is not an AZ ID/));
    test('a malformed service name', () =>
      expect(() => endpoint({ service: { serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-0123' } })).toThrow(/'service.serviceName' is .* not an endpoint service name/));
    test('a service name in an unknown region', () =>
      expect(() => endpoint({ service: { serviceName: 'com.amazonaws.vpce.xx-nowhere-9.vpce-svc-0123456789abcdef0' } })).toThrow(/service.serviceName/));
    test('an unknown short name format', () => {
      expect(() => endpoint({ service: { awsService: 'Kinesis Streams' } })).toThrow(/'service.awsService' is 'Kinesis Streams', which is not a short service name/);
      expect(() => endpoint({ service: { awsService: 'com.amazonaws.ap-northeast-1.kinesis-streams' } })).toThrow(/'service.awsService' .* a full service name; pass it as \{ serviceName/);
    });
    test('a service in another region without serviceRegion', () =>
      expect(() => endpoint({ service: { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' } })).toThrow(/set serviceRegion: 'us-east-1'/));
    test('an unknown serviceRegion', () => expect(() => endpoint({ serviceRegion: 'moon-1' })).toThrow(/'serviceRegion' has unknown region/));
    test('private DNS on a VPC without DNS support', () => {
      expect(() => endpoint({ vpc: { ...VPC, dnsSupport: false } })).toThrow(/'privateDns' is on but the VPC has DNS support or DNS hostnames off/);
      expect(() => endpoint({ vpc: { ...VPC, dnsHostnames: false } })).toThrow(/'privateDns'/);
      expect(() => endpoint({ vpc: { ...VPC, dnsSupport: false }, privateDns: false })).not.toThrow();
    });
    test('inbound-resolver-only DNS without private DNS', () =>
      expect(() => endpoint({ service: { awsService: 's3' }, privateDns: false, privateDnsOnlyForInboundResolverEndpoint: true })).toThrow(/'privateDnsOnlyForInboundResolverEndpoint' is true but private DNS is off/));
    test('a port outside 1-65535', () => {
      expect(() => endpoint({ ports: [0] })).toThrow(/'ports' has port 0/);
      expect(() => endpoint({ ports: [65536] })).toThrow(/'ports' has port 65536/);
    });
    test('the whole internet as clients', () => expect(() => endpoint({ allowedCidrs: ['0.0.0.0/0'] })).toThrow(/'allowedCidrs' includes '0.0.0.0\/0'.*allowOpenIngress/));
    test('allowed clients together with your own security group', () =>
      expect(() => endpoint({ securityGroupId: 'sg-0fedcba9876543210', allowedCidrs: ['10.0.0.0/16'] })).toThrow(/'allowedCidrs' is set together with securityGroupId/));
    test('a policy statement without actions', () =>
      expect(() => endpoint({ policy: [{ principals: '*', actions: [] }] })).toThrow(/'policy\[0\]\.actions' is empty/));
    test('DNS records that do not fit the addresses', () => {
      expect(() => endpoint({ ipAddressType: 'ipv4', dnsRecordIpType: 'ipv6' })).toThrow(/'dnsRecordIpType' is 'ipv6' but the endpoint's ipAddressType is 'ipv4'/);
      expect(() => endpoint({ ipAddressType: 'ipv5' as never })).toThrow(/'ipAddressType' is 'ipv5'/);
    });
    test('fixed addresses for a subnet the endpoint does not use, or malformed', () => {
      expect(() => endpoint({ subnetIpAddresses: { 'apne1-az4': { ipv4: '10.0.0.10' } } })).toThrow(/'subnetIpAddresses' has key 'apne1-az4', which matches no subnet/);
      expect(() => endpoint({ subnetIpAddresses: { 'apne1-az1': { ipv4: '10.0.0.300' } } })).toThrow(/'subnetIpAddresses.apne1-az1.ipv4' is '10.0.0.300'/);
    });
  });
});

describe('InterfaceEndpoint DNS options and private DNS', () => {
  test('an S3 interface endpoint with private DNS says explicitly that it answers not only the inbound resolver', () => {
    const { stack } = endpoint({ service: { awsService: 's3' }, name: 'unit-s3' });
    expect(endpointResource(stack).dns_options).toEqual({ private_dns_only_for_inbound_resolver_endpoint: false });
    const resolverOnly = endpoint({ service: { awsService: 's3' }, name: 'unit-s3', privateDnsOnlyForInboundResolverEndpoint: true });
    expect(endpointResource(resolverOnly.stack).dns_options).toEqual({ private_dns_only_for_inbound_resolver_endpoint: true });
  });

  test('other endpoints get no DNS options unless given', () => {
    expect(endpointResource(endpoint().stack).dns_options).toBeUndefined();
    expect(endpointResource(endpoint({ service: { awsService: 's3' }, name: 'unit-s3', privateDns: false }).stack).dns_options).toBeUndefined();
  });

  test('a second endpoint to the same service in the same VPC may exist without private DNS, and not with it', () => {
    const stack = devStack();
    endpoint({}, stack);
    expect(() => new InterfaceEndpoint(stack, 'Second', { vpc: VPC, subnets: SUBNETS, service: { awsService: 'kinesis-streams' }, name: 'unit-kinesis-2', privateDns: false })).not.toThrow();
    expect(() => new InterfaceEndpoint(stack, 'Third', { vpc: VPC, subnets: SUBNETS, service: { awsService: 'kinesis-streams' }, name: 'unit-kinesis-3' })).toThrow(
      /'privateDns' is on for 'com\.amazonaws\.ap-northeast-1\.kinesis-streams', which unit-dev\/Kinesis already resolves with private DNS in the same VPC/,
    );
  });
});

describe('InterfaceEndpoint bad input, by field', () => {
  test.each([
    ['privateDnsOnlyForInboundResolverEndpoint that is no boolean', { service: { awsService: 's3' }, privateDnsOnlyForInboundResolverEndpoint: 'yes' }, /'privateDnsOnlyForInboundResolverEndpoint' is the string 'yes'/],
    ['checkServiceZones that is no boolean', { checkServiceZones: 'yes' }, /'checkServiceZones' is the string 'yes'/],
    [
      'a service in another region than serviceRegion',
      { service: { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' }, serviceRegion: 'us-west-2' },
      /'service\.serviceName' is in us-east-1 but the endpoint expects a service in us-west-2; make serviceRegion the region in the service name/,
    ],
    [
      'a service in another region without serviceRegion',
      { service: { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' } },
      /'service\.serviceName' is in us-east-1 but the endpoint expects a service in ap-northeast-1; set serviceRegion: 'us-east-1' for a cross-region endpoint/,
    ],
  ])('%s', (_name, props, message) => {
    expect(() => endpoint(props as unknown as Partial<InterfaceEndpointProps>)).toThrow(message);
  });

  test('preventDestroy: false in production names the endpoint in its acknowledgement', () => {
    const prod = new EnvironmentStack(Testing.app(), { application: 'unit', environment: { name: 'prod', accountId: '111111111111', backend: { type: 's3', bucket: 'unit-state-111111111111' } } });
    endpoint({ preventDestroy: false }, prod);
    expect(synthesizeToFile(prod)['//'].guardrails.suppressions).toEqual([
      expect.objectContaining({ ruleId: 'PL-PROD-2', reason: 'preventDestroy: false was set on the interface endpoint to com.amazonaws.ap-northeast-1.kinesis-streams in production, so a plan may destroy it' }),
    ]);
  });
});

// The pack runs in every EnvironmentStack; a named opt-in must not fail the synth it was set in.
describe('InterfaceEndpoint opt-ins in the guardrail pack', () => {
  it('allowOpenIngress is recorded as an acknowledgement of PL-SG-1, not reported', () => {
    const stack = devStack();
    new InterfaceEndpoint(stack, 'Sts', { name: 'unit-sts', vpc: VPC, subnets: SUBNETS, service: { awsService: 'sts' }, allowedCidrs: ['0.0.0.0/0'], allowOpenIngress: true });
    expect(synthesizeToFile(stack)['//'].guardrails.suppressions).toEqual([expect.objectContaining({ ruleId: 'PL-SG-1', source: 'construct' })]);
  });

  it('without the opt-in, an open endpoint group fails at synth time', () => {
    expect(() => new InterfaceEndpoint(devStack(), 'Sts', { name: 'unit-sts', vpc: VPC, subnets: SUBNETS, service: { awsService: 'sts' }, allowedCidrs: ['0.0.0.0/0'] })).toThrow(/allowOpenIngress/);
  });
});
