import { Testing } from 'cdktf';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { PrivateNetwork } from '@privatelink-cdktf/core';
import { AwsServiceEndpoints, type AwsServiceEndpointsProps } from '../src/aws-service-endpoints';
import { devStack, resourcesOf, SUBNETS, VPC } from './helpers';

const SERVICES = { kinesis: { awsService: 'kinesis-streams' }, logs: { awsService: 'logs' }, ssm: { awsService: 'ssm' } };

function endpoints(props: Partial<AwsServiceEndpointsProps> = {}, stack = devStack()) {
  const construct = new AwsServiceEndpoints(stack, 'Aws', { vpc: VPC, subnets: SUBNETS, services: SERVICES, name: 'unit', ...props });
  return { stack, construct };
}

describe('AwsServiceEndpoints', () => {
  test('one interface endpoint and one dedicated group per key, named after the key', () => {
    const { stack, construct } = endpoints();
    const synth = Testing.synth(stack);
    for (const name of ['kinesis-streams', 'logs', 'ssm']) {
      expect(synth).toHaveResourceWithProperties(VpcEndpoint, { service_name: `com.amazonaws.ap-northeast-1.${name}`, private_dns_enabled: true });
    }
    expect(Object.keys(resourcesOf(stack, 'aws_vpc_endpoint')).map((k) => k.split('_')[1])).toEqual(['kinesis', 'logs', 'ssm']);
    expect(Object.values(resourcesOf(stack, 'aws_security_group')).map((g) => g.name)).toEqual(['unit-kinesis', 'unit-logs', 'unit-ssm']);
    expect(construct.endpoint('logs').serviceName).toBe('com.amazonaws.ap-northeast-1.logs');
    expect(Object.keys(construct.endpoints)).toEqual(['kinesis', 'logs', 'ssm']);
  });

  test('removing a key leaves the other endpoints at the same addresses', () => {
    const all = Object.keys(resourcesOf(endpoints().stack, 'aws_vpc_endpoint'));
    const fewer = Object.keys(resourcesOf(endpoints({ services: { kinesis: SERVICES.kinesis, ssm: SERVICES.ssm } }).stack, 'aws_vpc_endpoint'));
    expect(fewer).toEqual(all.filter((address) => !address.startsWith('Aws_logs_')));
  });

  test('shared settings apply to all, per-service overrides win', () => {
    const { stack } = endpoints({
      ports: [443],
      allowedCidrs: ['10.0.0.0/24'],
      services: { kinesis: { awsService: 'kinesis-streams', allowedCidrs: ['10.0.1.0/24'] }, logs: { awsService: 'logs', privateDns: false } },
    });
    const eps = Object.values(resourcesOf(stack, 'aws_vpc_endpoint'));
    expect(eps.map((e) => e.private_dns_enabled)).toEqual([true, false]);
    const cidrs = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule')).map((r) => r.cidr_ipv4);
    expect(cidrs.sort()).toEqual(['10.0.0.0/24', '10.0.1.0/24']);
  });

  test('works on a core PrivateNetwork, checking its subnets against the zones the services are offered in', () => {
    const stack = devStack();
    const network = new PrivateNetwork(stack, 'Network', { name: 'unit', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2'], flowLogs: false });
    new AwsServiceEndpoints(stack, 'Aws', { vpc: network, subnets: network.subnets, services: SERVICES, name: 'unit', providerAvailabilityZoneIds: ['apne1-az1', 'apne1-az2', 'apne1-az4'] });
    expect(Object.keys(resourcesOf(stack, 'aws_vpc_endpoint'))).toHaveLength(3);
  });

  describe('bad input', () => {
    test('no services', () => expect(() => endpoints({ services: {} })).toThrow(/'services' is empty/));
    test('a key that cannot be an address', () => expect(() => endpoints({ services: { Kinesis_Streams: { awsService: 'kinesis-streams' } } })).toThrow(/'services' has key 'Kinesis_Streams'/));
    test('an unknown short name format in one service names that endpoint', () =>
      expect(() => endpoints({ services: { kinesis: { awsService: 'Kinesis' } } })).toThrow(/AwsServiceEndpoints 'unit-dev\/Aws': 'services.kinesis.awsService' is 'Kinesis'/));
    test('a subnet in a zone where the services are not offered', () =>
      expect(() => endpoints({ providerAvailabilityZoneIds: ['apne1-az1'] })).toThrow(/'subnets' has subnet 'subnet-0bbbbbbbbbbbbbbb2' in apne1-az2, where the service is not offered/));
    test('an unknown key', () => expect(() => endpoints().construct.endpoint('sqs')).toThrow(/'services' has no key 'sqs'; use one of kinesis, logs, ssm/));
    test.each([
      ['an empty name', { name: '' }, /'name' is empty; give the prefix of the endpoint names, for example tenant-consumer-prod/],
      ['services that is null', { services: null }, /'services' is null; give the services keyed by a stable name, for example \{ kinesis: \{ awsService: 'kinesis-streams' \} \}/],
      ['services that is a list', { services: [{ awsService: 'logs' }] }, /'services' is \[\{"awsService":"logs"\}\]; give the services keyed by a stable name/],
      ['services that is a string', { services: 'logs' }, /'services' is 'logs'; give the services keyed by a stable name/],
      ['a service that is null', { services: { logs: null } }, /'services\.logs' is null; give \{ awsService: 'kinesis-streams' \}/],
      ['a service that is a string', { services: { logs: 'logs' } }, /'services\.logs' is 'logs'; give \{ awsService: 'kinesis-streams' \}/],
    ])('%s', (_name, props, message) => {
      expect(() => endpoints(props as unknown as Partial<AwsServiceEndpointsProps>)).toThrow(message);
    });
  });

  test('passes unlisted on to the endpoint of a service the catalogue does not list yet', () => {
    const { stack } = endpoints({ services: { brandnew: { awsService: 'brand-new-service', unlisted: true } } });
    expect(Object.values(resourcesOf(stack, 'aws_vpc_endpoint')).map((e) => e.service_name)).toEqual(['com.amazonaws.ap-northeast-1.brand-new-service']);
    expect(() => endpoints({ services: { brandnew: { awsService: 'brand-new-service' } } })).toThrow(/'services\.brandnew\.awsService' is 'brand-new-service'.*or set unlisted: true/);
  });
});
