import { Testing } from 'cdktf';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { ResourceEndpoint } from '../src/resource-endpoint';
import { ServiceNetworkEndpoint } from '../src/service-network-endpoint';
import { devStack, resourcesOf, SUBNETS, VPC } from './helpers';

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
