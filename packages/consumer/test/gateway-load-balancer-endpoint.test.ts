import { Route } from '@cdktf/provider-aws/lib/route';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { TerraformVariable, Testing } from 'cdktf';
import { GatewayLoadBalancerEndpoint, type GatewayLoadBalancerEndpointProps } from '../src/gateway-load-balancer-endpoint';
import { CUSTOM_SERVICE, devStack, rendered, resourcesOf, SUBNETS, VPC } from './helpers';

function endpoint(props: Partial<GatewayLoadBalancerEndpointProps> = {}, stack = devStack()) {
  const construct = new GatewayLoadBalancerEndpoint(stack, 'Inspection', { vpcId: VPC.vpcId, subnet: SUBNETS[0], serviceName: CUSTOM_SERVICE, name: 'unit-inspection-az1', ...props });
  return { stack, construct };
}

const INGRESS = { routeTableId: 'rtb-0e0e0e0e0e0e0e0e0', destinationCidrBlock: '10.0.0.0/20' };
const EGRESS = { routeTableId: 'rtb-0a0a0a0a0a0a0a0a0', destinationCidrBlock: '0.0.0.0/0' };

describe('GatewayLoadBalancerEndpoint', () => {
  test('one subnet, no security group, no policy, no DNS', () => {
    const { stack } = endpoint();
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcEndpoint, { vpc_endpoint_type: 'GatewayLoadBalancer', service_name: CUSTOM_SERVICE, subnet_ids: ['subnet-0aaaaaaaaaaaaaaa1'] });
    const ep = Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))[0];
    for (const absent of ['security_group_ids', 'policy', 'private_dns_enabled']) expect(ep).not.toHaveProperty(absent);
    expect(resourcesOf(stack, 'aws_security_group')).toEqual({});
  });

  test('ingress routing and egress inspection routes, one aws_route per stable key', () => {
    const { stack, construct } = endpoint({ routes: { 'edge-app-az1': INGRESS, 'app-az1-default': EGRESS } });
    const synth = Testing.synth(stack);
    const endpointId = rendered(stack, construct.endpointId);
    expect(synth).toHaveResourceWithProperties(Route, { route_table_id: 'rtb-0e0e0e0e0e0e0e0e0', destination_cidr_block: '10.0.0.0/20', vpc_endpoint_id: endpointId });
    expect(synth).toHaveResourceWithProperties(Route, { route_table_id: 'rtb-0a0a0a0a0a0a0a0a0', destination_cidr_block: '0.0.0.0/0', vpc_endpoint_id: endpointId });
    const ids = Object.keys(resourcesOf(stack, 'aws_route')).map((id) => id.replace(/_[0-9A-F]{8}$/, ''));
    expect(ids.sort()).toEqual(['Inspection_Route-app-az1-default', 'Inspection_Route-edge-app-az1']);
    expect(Object.keys(construct.routes)).toEqual(['edge-app-az1', 'app-az1-default']);
  });

  test('adding a route leaves the others at their addresses', () => {
    const one = Object.keys(resourcesOf(endpoint({ routes: { 'edge-app-az1': INGRESS } }).stack, 'aws_route'));
    const two = Object.keys(resourcesOf(endpoint({ routes: { 'app-az1-default': EGRESS, 'edge-app-az1': INGRESS } }).stack, 'aws_route'));
    expect(two).toEqual(expect.arrayContaining(one));
  });

  test('IPv6 and prefix-list routes on a dual-stack endpoint', () => {
    const { stack } = endpoint({ ipAddressType: 'dualstack', routes: { v6: { routeTableId: 'rtb-0a0a0a0a0a0a0a0a0', destinationIpv6CidrBlock: '::/0' }, partners: { routeTableId: 'rtb-0a0a0a0a0a0a0a0a0', destinationPrefixListId: 'pl-0123456789abcdef0' } } });
    const routes = Object.values(resourcesOf(stack, 'aws_route'));
    expect(routes).toEqual(expect.arrayContaining([expect.objectContaining({ destination_ipv6_cidr_block: '::/0' }), expect.objectContaining({ destination_prefix_list_id: 'pl-0123456789abcdef0' })]));
    expect(Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))[0]).toMatchObject({ ip_address_type: 'dualstack' });
  });

  describe('bad input', () => {
    test('what interface endpoints take and this one refuses (untyped callers)', () => {
      expect(() => endpoint({ securityGroupId: 'sg-0123456789abcdef0' } as never)).toThrow(/'securityGroupId' is set on a Gateway Load Balancer endpoint/);
      expect(() => endpoint({ policy: [] } as never)).toThrow(/'policy' is set on a Gateway Load Balancer endpoint; leave it out/);
      expect(() => endpoint({ subnets: SUBNETS } as never)).toThrow(/'subnets' is set on a Gateway Load Balancer endpoint; give one subnet as subnet/);
    });
    test('missing or wrong service, subnet, VPC and name', () => {
      expect(() => endpoint({ serviceName: undefined })).toThrow(/'serviceName' is missing/);
      expect(() => endpoint({ serviceName: 'com.amazonaws.ap-northeast-1.s3' })).toThrow(/'serviceName' is 'com.amazonaws.ap-northeast-1.s3'; give a Gateway Load Balancer endpoint service in ap-northeast-1/);
      expect(() => endpoint({ serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' })).toThrow(/never cross-region/);
      expect(() => endpoint({ serviceName: 'vpce-svc-0123' })).toThrow(/'serviceName' is 'vpce-svc-0123', which is not an endpoint service name/);
      expect(() => endpoint({ subnet: undefined })).toThrow(/'subnet' is undefined/);
      expect(() => endpoint({ vpcId: undefined })).toThrow(/'vpcId' is missing/);
      expect(() => endpoint({ name: '' })).toThrow(/'name' is empty/);
      expect(() => endpoint({ ipAddressType: 'ipv6' as never })).toThrow(/'ipAddressType' is 'ipv6'/);
      expect(() => new GatewayLoadBalancerEndpoint(devStack(), 'G', undefined as never)).toThrow(/GatewayLoadBalancerEndpoint 'unit-dev\/G': 'props' is missing/);
    });
    test('routes', () => {
      expect(() => endpoint({ routes: { 'Edge App': INGRESS } })).toThrow(/'routes' has key 'Edge App'/);
      expect(() => endpoint({ routes: { edge: { routeTableId: 'rtb-0e0e0e0e0e0e0e0e0' } } })).toThrow(/'routes.edge' has no destination; give exactly one of/);
      expect(() => endpoint({ routes: { edge: { ...INGRESS, destinationPrefixListId: 'pl-0123456789abcdef0' } } })).toThrow(/'routes.edge' has destinationCidrBlock and destinationPrefixListId/);
      expect(() => endpoint({ routes: { edge: { ...INGRESS, routeTableId: 'main' } } })).toThrow(/'routes.edge.routeTableId' is 'main'/);
      expect(() => endpoint({ routes: { edge: { routeTableId: 'rtb-0e0e0e0e0e0e0e0e0', destinationCidrBlock: '::/0' } } })).toThrow(/'routes.edge.destinationCidrBlock' is '::\/0'; give an IPv4 block here/);
      expect(() => endpoint({ routes: { v6: { routeTableId: 'rtb-0e0e0e0e0e0e0e0e0', destinationIpv6CidrBlock: '::/0' } } })).toThrow(/'routes.v6.destinationIpv6CidrBlock' routes IPv6 to an IPv4-only endpoint; set ipAddressType: 'dualstack'/);
      expect(() => endpoint({ routes: { a: INGRESS, b: INGRESS } })).toThrow(/'routes.b' routes 10.0.0.0\/20 in rtb-0e0e0e0e0e0e0e0e0, as routes.a does/);
      expect(() => endpoint({ routes: { a: { routeTableId: 'rtb-0e0e0e0e0e0e0e0e0', destinationPrefixListId: 'pl-1' } } })).toThrow(/'routes.a.destinationPrefixListId' is 'pl-1'/);
    });
  });
});

describe('GatewayLoadBalancerEndpoint settings', () => {
  const VIRGINIA_SERVICE = 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0';

  it('takes a service in the region given in props', () => {
    const { construct } = endpoint({ region: 'us-east-1', serviceName: VIRGINIA_SERVICE, subnet: { subnetId: 'subnet-0ccccccccccccccc3', availabilityZoneId: 'use1-az1' } });
    expect(construct.serviceName).toBe(VIRGINIA_SERVICE);
  });

  it('takes a service name and route tables known only at apply time, without comparing their routes', () => {
    const stack = devStack();
    const service = new TerraformVariable(stack, 'service', { type: 'string' }).stringValue;
    const table = new TerraformVariable(stack, 'table', { type: 'string' }).stringValue;
    const { construct } = endpoint({ serviceName: service, routes: { a: { routeTableId: table, destinationCidrBlock: '10.0.0.0/20' }, b: { routeTableId: table, destinationCidrBlock: '10.0.0.0/20' } } }, stack);
    expect(Object.keys(construct.routes)).toEqual(['a', 'b']);
  });

  it.each<[string, Partial<GatewayLoadBalancerEndpointProps>, RegExp]>([
    ['an empty name', { name: '' }, /GatewayLoadBalancerEndpoint 'unit-dev\/Inspection': 'name' is empty; give a name such as tenant-consumer-prod-inspection-az1/],
    ['a null subnet', { subnet: null as never }, /'subnet' is null; give one subnet, for example \{ subnetId: 'subnet-\.\.\.', availabilityZone: 'ap-northeast-1a' \}/],
    ['no service name', { serviceName: undefined }, /'serviceName' is missing; give the Gateway Load Balancer endpoint service name, com\.amazonaws\.vpce/],
    ['a zone check that is not a boolean', { checkServiceZones: 'yes' as never }, /'checkServiceZones' is the string 'yes'; use true or false/],
    ['a null route', { routes: { edge: null as never } }, /'routes.edge' is null; give \{ routeTableId, destinationCidrBlock \} \(or destinationIpv6CidrBlock, destinationPrefixListId\)/],
    ['a route given as its table ID', { routes: { edge: 'rtb-0e0e0e0e0e0e0e0e0' as never } }, /'routes.edge' is 'rtb-0e0e0e0e0e0e0e0e0'; give \{ routeTableId, destinationCidrBlock \}/],
    [
      'an IPv4 block as the IPv6 destination',
      { ipAddressType: 'dualstack', routes: { v6: { routeTableId: 'rtb-0e0e0e0e0e0e0e0e0', destinationIpv6CidrBlock: '10.0.0.0/8' } } },
      /'routes.v6.destinationIpv6CidrBlock' is '10.0.0.0\/8'; give an IPv6 block here, or use destinationCidrBlock/,
    ],
    ['two routes for one table and destination', { routes: { a: INGRESS, b: INGRESS } }, /'routes.b' routes 10.0.0.0\/20 in rtb-0e0e0e0e0e0e0e0e0, as routes.a does; keep one route per table and destination/],
  ])('rejects %s', (_name, props, message) => expect(() => endpoint(props)).toThrow(message));
});
