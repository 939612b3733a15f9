import { Testing } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { ResourceEndpoint } from '../src/resource-endpoint';
import { ServiceNetworkEndpoint } from '../src/service-network-endpoint';
import { devStack, resourcesOf, SUBNETS, synthJson, VPC } from './helpers';

const RESOURCE_CONFIGURATION = 'arn:aws:vpc-lattice:ap-northeast-1:444444444444:resourceconfiguration/rcfg-0123456789abcdef0';
const SERVICE_NETWORK = 'arn:aws:vpc-lattice:ap-northeast-1:444444444444:servicenetwork/sn-0123456789abcdef0';

describe('ResourceEndpoint and ServiceNetworkEndpoint', () => {
  test('a resource endpoint connects to a resource configuration through a dedicated group', () => {
    const stack = devStack();
    const endpoint = new ResourceEndpoint(stack, 'Database', { vpc: VPC, subnets: SUBNETS, resourceConfigurationArn: RESOURCE_CONFIGURATION, name: 'unit-db', ports: [5432] });
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(VpcEndpoint, { vpc_endpoint_type: 'Resource', resource_configuration_arn: RESOURCE_CONFIGURATION, private_dns_enabled: false });
    const ep = Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))[0];
    expect(ep).not.toHaveProperty('service_name');
    expect(Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule')).map((r) => r.from_port)).toEqual([5432, 5432]);
    expect(endpoint.securityGroup).toBeDefined();
  });

  test('a service-network endpoint connects to a service network, with private DNS when asked', () => {
    const stack = devStack();
    new ServiceNetworkEndpoint(stack, 'Lattice', { vpc: VPC, subnets: SUBNETS, serviceNetworkArn: SERVICE_NETWORK, name: 'unit-sn', privateDns: true, ipAddressType: 'dualstack', dnsRecordIpType: 'dualstack' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcEndpoint, {
      vpc_endpoint_type: 'ServiceNetwork',
      service_network_arn: SERVICE_NETWORK,
      private_dns_enabled: true,
      ip_address_type: 'dualstack',
      dns_options: { dns_record_ip_type: 'dualstack' },
    });
  });

  describe('bad input', () => {
    test('an ARN of another service', () =>
      expect(() => new ResourceEndpoint(devStack(), 'Db', { vpc: VPC, subnets: SUBNETS, resourceConfigurationArn: 'arn:aws:rds:ap-northeast-1:444444444444:db:x', name: 'db' })).toThrow(/'resourceConfigurationArn' is .* not an vpc-lattice resourceconfiguration ARN/));
    test('a malformed service network ARN', () =>
      expect(() => new ServiceNetworkEndpoint(devStack(), 'Sn', { vpc: VPC, subnets: SUBNETS, serviceNetworkArn: 'sn-0123', name: 'sn' })).toThrow(/'serviceNetworkArn'/));
    test('no subnets', () => expect(() => new ResourceEndpoint(devStack(), 'Db', { vpc: VPC, subnets: [], resourceConfigurationArn: RESOURCE_CONFIGURATION, name: 'db' })).toThrow(/'subnets' is empty/));
    test('private DNS on a VPC without DNS hostnames', () =>
      expect(() => new ServiceNetworkEndpoint(devStack(), 'Sn', { vpc: { ...VPC, dnsHostnames: false }, subnets: SUBNETS, serviceNetworkArn: SERVICE_NETWORK, name: 'sn', privateDns: true })).toThrow(/'privateDns' is on but the VPC/));
    test('a port outside 1-65535', () =>
      expect(() => new ResourceEndpoint(devStack(), 'Db', { vpc: VPC, subnets: SUBNETS, resourceConfigurationArn: RESOURCE_CONFIGURATION, name: 'db', ports: [-1] })).toThrow(/'ports' has port -1/));
  });
});

describe('a resource endpoint and a service-network endpoint side by side', () => {
  const stack = devStack();
  new ResourceEndpoint(stack, 'Database', { vpc: VPC, subnets: SUBNETS, resourceConfigurationArn: RESOURCE_CONFIGURATION, name: 'unit-db' });
  new ServiceNetworkEndpoint(stack, 'Lattice', { vpc: { ...VPC, dnsHostnames: false }, subnets: [SUBNETS[1]], serviceNetworkArn: SERVICE_NETWORK, name: 'unit-sn', privateDns: false });
  const json = synthJson(stack);
  const byName = (type: string, name: string) => Object.values(json.resource[type]).find((r) => (r.tags as Record<string, string> | undefined)?.Name === name)!;

  test('each security group says which kind of endpoint its clients use', () => {
    expect(byName('aws_security_group', 'unit-db').description).toBe('Clients of the resource endpoint unit-db');
    expect(byName('aws_security_group', 'unit-sn').description).toBe('Clients of the service network endpoint unit-sn');
  });

  test('each endpoint has a network interface in each of its subnets, and private DNS off needs no VPC DNS', () => {
    expect(byName('aws_vpc_endpoint', 'unit-db')).toMatchObject({ subnet_ids: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2'] });
    expect(byName('aws_vpc_endpoint', 'unit-sn')).toMatchObject({ subnet_ids: ['subnet-0bbbbbbbbbbbbbbb2'], private_dns_enabled: false });
  });
});

describe('LatticeEndpoint bad input', () => {
  const base = { vpc: VPC, subnets: SUBNETS, resourceConfigurationArn: RESOURCE_CONFIGURATION, name: 'unit-db' };
  const BAD: BadInputCase[] = [
    { name: 'a blank name', run: () => new ResourceEndpoint(devStack(), 'Db', { ...base, name: ' ' }), field: 'name', value: 'empty', fix: /give the endpoint a name such as tenant-consumer-prod-orders-db/ },
    {
      name: "an ARN of the stack's region under a provider of another",
      run: () => {
        const stack = devStack();
        const provider = new AwsProvider(stack, 'Virginia', { region: 'us-east-1', alias: 'virginia' });
        return new ResourceEndpoint(stack, 'Db', { ...base, provider });
      },
      field: 'resourceConfigurationArn',
      value: `'${RESOURCE_CONFIGURATION}', in ap-northeast-1, but the stack deploys to us-east-1`,
      fix: /use an vpc-lattice resourceconfiguration ARN of us-east-1/,
    },
  ];
  it.each(BAD.map((c) => [c.name, c] as const))('refuses %s', (_, c) => assertBadInput(c));
});
