import { AwsServiceEndpoints } from '../src/aws-service-endpoints';
import { GatewayEndpoint } from '../src/gateway-endpoint';
import { GatewayLoadBalancerEndpoint } from '../src/gateway-load-balancer-endpoint';
import { InterfaceEndpoint } from '../src/interface-endpoint';
import { ResolverInboundEndpoint } from '../src/resolver-inbound-endpoint';
import { ResourceEndpoint } from '../src/resource-endpoint';
import { ServiceNetworkEndpoint } from '../src/service-network-endpoint';
import { CUSTOM_SERVICE, devStack, resourcesOf, SUBNETS, VPC } from './helpers';

const LATTICE = 'arn:aws:vpc-lattice:ap-northeast-1:444444444444';
const TIMEOUTS = { create: '20m', update: '15m', delete: '30m' };
type Stack = ReturnType<typeof devStack>;

// Every consumer endpoint construct, given the timeouts, and the Terraform type that must carry them.
const CONSTRUCTS: Array<[string, string, (stack: Stack, timeouts: object) => void]> = [
  ['InterfaceEndpoint', 'aws_vpc_endpoint', (stack, timeouts) => new InterfaceEndpoint(stack, 'E', { vpc: VPC, subnets: SUBNETS, name: 'unit', service: { awsService: 'sts' }, timeouts })],
  ['AwsServiceEndpoints', 'aws_vpc_endpoint', (stack, timeouts) => new AwsServiceEndpoints(stack, 'E', { vpc: VPC, subnets: SUBNETS, name: 'unit', services: { sts: { awsService: 'sts' } }, timeouts })],
  ['GatewayEndpoint', 'aws_vpc_endpoint', (stack, timeouts) => new GatewayEndpoint(stack, 'E', { vpcId: VPC.vpcId, name: 'unit', service: 'dynamodb', routeTables: { a: 'rtb-0123456789abcdef0' }, allowAll: true, timeouts })],
  ['ResourceEndpoint', 'aws_vpc_endpoint', (stack, timeouts) => new ResourceEndpoint(stack, 'E', { vpc: VPC, subnets: SUBNETS, name: 'unit', resourceConfigurationArn: `${LATTICE}:resourceconfiguration/rcfg-0123456789abcdef0`, timeouts })],
  ['ServiceNetworkEndpoint', 'aws_vpc_endpoint', (stack, timeouts) => new ServiceNetworkEndpoint(stack, 'E', { vpc: VPC, subnets: SUBNETS, name: 'unit', serviceNetworkArn: `${LATTICE}:servicenetwork/sn-0123456789abcdef0`, timeouts })],
  ['GatewayLoadBalancerEndpoint', 'aws_vpc_endpoint', (stack, timeouts) => new GatewayLoadBalancerEndpoint(stack, 'E', { vpcId: VPC.vpcId, subnet: SUBNETS[0], name: 'unit', serviceName: CUSTOM_SERVICE, timeouts })],
  ['ResolverInboundEndpoint', 'aws_route53_resolver_endpoint', (stack, timeouts) => new ResolverInboundEndpoint(stack, 'E', { vpc: VPC, subnets: SUBNETS, name: 'unit', allowedCidrs: ['192.168.0.0/24'], timeouts })],
];

describe.each(CONSTRUCTS)('timeouts on %s', (_, type, make) => {
  test('reach the resource as given', () => {
    const stack = devStack();
    make(stack, TIMEOUTS);
    expect(Object.values(resourcesOf(stack, type)).map((r) => r.timeouts)).toEqual([TIMEOUTS]);
  });

  test('are left out by default', () => {
    const stack = devStack();
    make(stack, undefined as never);
    expect(Object.values(resourcesOf(stack, type))[0]).not.toHaveProperty('timeouts');
  });

  test('fail at synth on a value Terraform would refuse', () => {
    expect(() => make(devStack(), { create: '20 min' })).toThrow(/'timeouts.create' is '20 min'; give a positive duration/);
    expect(() => make(devStack(), { read: '5m' })).toThrow(/'timeouts.read' is not a timeout of this resource/);
  });
});
