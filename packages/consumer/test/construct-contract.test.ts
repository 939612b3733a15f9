import { ConfigError } from '@privatelink-cdktf/core';
import { assertConstructContract } from '@privatelink-cdktf/core/testing';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import {
  AwsServiceEndpoints,
  EndpointAlarms,
  EndpointConnectionNotifications,
  ExistingInterfaceEndpoint,
  GatewayEndpoint,
  GatewayLoadBalancerEndpoint,
  InterfaceEndpoint,
  ResolverEndpointAlarms,
  ResolverInboundEndpoint,
  ResourceEndpoint,
  Route53Profile,
  Route53ProfileAssociations,
  ServiceNetworkEndpoint,
} from '../src';
import { CUSTOM_SERVICE, devStack, resourcesOf, SUBNETS, VPC } from './helpers';

const TOPIC = 'arn:aws:sns:ap-northeast-1:111111111111:network-alarms';
const LATTICE = 'arn:aws:vpc-lattice:ap-northeast-1:222222222222';

// Every exported construct of the package: applyConstructContract first (ConfigError for missing
// props and bad meta-arguments), every resource on the given provider, main resources after dependsOn.
describe('the construct contract of consumer', () => {
  it.each([
    ['InterfaceEndpoint', () => assertConstructContract({ construct: InterfaceEndpoint, props: () => ({ vpc: VPC, subnets: SUBNETS, service: { awsService: 'kinesis-streams' }, name: 'contract-kinesis' }), mainResourceTypes: ['aws_vpc_endpoint'] })],
    ['AwsServiceEndpoints', () => assertConstructContract({ construct: AwsServiceEndpoints, props: () => ({ vpc: VPC, subnets: SUBNETS, name: 'contract', services: { logs: { awsService: 'logs' } } }), mainResourceTypes: ['aws_vpc_endpoint'] })],
    ['GatewayEndpoint', () => assertConstructContract({ construct: GatewayEndpoint, props: () => ({ vpcId: VPC.vpcId, service: 's3' as const, name: 'contract-s3', routeTables: { az1: 'rtb-0123456789abcdef0' }, policy: [{ principals: '*' as const, actions: ['s3:GetObject'], resources: ['arn:aws:s3:::contract/*'] }] }), mainResourceTypes: ['aws_vpc_endpoint'] })],
    ['GatewayLoadBalancerEndpoint', () => assertConstructContract({ construct: GatewayLoadBalancerEndpoint, props: () => ({ vpcId: VPC.vpcId, subnet: SUBNETS[0], serviceName: CUSTOM_SERVICE, name: 'contract-inspection', routes: { edge: { routeTableId: 'rtb-0123456789abcdef0', destinationCidrBlock: '10.0.0.0/20' } } }), mainResourceTypes: ['aws_vpc_endpoint'] })],
    ['ResolverInboundEndpoint', () => assertConstructContract({ construct: ResolverInboundEndpoint, props: () => ({ vpc: VPC, subnets: SUBNETS, name: 'contract-dns', allowedCidrs: ['192.168.0.0/24'] }), mainResourceTypes: ['aws_route53_resolver_endpoint'] })],
    ['ResourceEndpoint', () => assertConstructContract({ construct: ResourceEndpoint, props: () => ({ vpc: VPC, subnets: SUBNETS, name: 'contract-db', resourceConfigurationArn: `${LATTICE}:resourceconfiguration/rcfg-0123456789abcdef0` }), mainResourceTypes: ['aws_vpc_endpoint'] })],
    ['ServiceNetworkEndpoint', () => assertConstructContract({ construct: ServiceNetworkEndpoint, props: () => ({ vpc: VPC, subnets: SUBNETS, name: 'contract-network', serviceNetworkArn: `${LATTICE}:servicenetwork/sn-0123456789abcdef0` }), mainResourceTypes: ['aws_vpc_endpoint'] })],
    ['EndpointConnectionNotifications', () => assertConstructContract({ construct: EndpointConnectionNotifications, props: () => ({ endpointId: 'vpce-0123456789abcdef0', name: 'contract-saas' }), mainResourceTypes: ['aws_vpc_endpoint_connection_notification'] })],
    ['EndpointAlarms', () => assertConstructContract({ construct: EndpointAlarms, props: () => ({ name: 'contract-saas', endpoint: { endpointId: 'vpce-0123456789abcdef0', serviceName: CUSTOM_SERVICE, vpcId: VPC.vpcId }, actions: [TOPIC] }), mainResourceTypes: ['aws_cloudwatch_metric_alarm'] })],
    ['ResolverEndpointAlarms', () => assertConstructContract({ construct: ResolverEndpointAlarms, props: () => ({ name: 'contract-dns', resolverEndpointId: 'rslvr-in-0123456789abcdef0', ipAddressCount: 2, actions: [TOPIC] }), mainResourceTypes: ['aws_cloudwatch_metric_alarm'] })],
    ['Route53Profile', () => assertConstructContract({ construct: Route53Profile, props: () => ({ name: 'contract-dns', resources: { zone: { hostedZoneArn: 'arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ' } } }), mainResourceTypes: ['aws_route53profiles_profile'] })],
    ['Route53ProfileAssociations', () => assertConstructContract({ construct: Route53ProfileAssociations, props: () => ({ name: 'contract-dns', profileId: 'rp-0123456789abcdef', vpcs: { app: VPC.vpcId } }), mainResourceTypes: ['aws_route53profiles_association'] })],
  ])('%s follows it', (_name, check) => {
    expect(check).not.toThrow();
  });

  // A reference to an existing endpoint creates nothing until allowFrom adds rules.
  describe('ExistingInterfaceEndpoint (InterfaceEndpoint.fromAttributes)', () => {
    it.each([undefined, null])('attributes %s give a ConfigError naming props', (attributes) => {
      expect(() => new ExistingInterfaceEndpoint(devStack(), 'Existing', attributes as never)).toThrow(ConfigError);
      expect(() => new ExistingInterfaceEndpoint(devStack(), 'Existing', attributes as never)).toThrow(/'props' is/);
    });

    it('puts the rules allowFrom adds on the given provider', () => {
      const stack = devStack();
      const provider = new AwsProvider(stack, 'Other', { region: 'ap-northeast-1', alias: 'other' });
      const existing = InterfaceEndpoint.fromAttributes(stack, 'Existing', { endpointId: 'vpce-0123456789abcdef0', securityGroupId: 'sg-0123456789abcdef0', provider });
      existing.allowFrom('10.9.0.0/16');
      const rules = Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));
      expect(rules.map((rule) => rule.provider)).toEqual(['aws.other']);
    });
  });
});
