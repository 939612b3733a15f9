import { ResolverEndpointAlarms, type ResolverEndpointAlarmsProps } from '../src/resolver-endpoint-alarms';
import { ResolverInboundEndpoint } from '../src/resolver-inbound-endpoint';
import { devStack, resourcesOf, SUBNETS, VPC } from './helpers';

const TOPIC = 'arn:aws:sns:ap-northeast-1:111111111111:network-alarms';

describe('ResolverEndpointAlarms', () => {
  it('alarms when a Resolver endpoint has fewer healthy interfaces than addresses', () => {
    const stack = devStack();
    const resolver = new ResolverInboundEndpoint(stack, 'InboundDns', { vpc: VPC, subnets: SUBNETS, name: 'unit-inbound-dns', allowedCidrs: ['192.168.10.0/24'] });
    new ResolverEndpointAlarms(stack, 'DnsAlarms', { name: 'unit-inbound-dns', resolverEndpointId: resolver.resolverEndpointId, ipAddressCount: SUBNETS.length, actions: [TOPIC] });
    expect(Object.values(resourcesOf(stack, 'aws_cloudwatch_metric_alarm'))).toEqual([
      expect.objectContaining({
        alarm_name: 'unit-inbound-dns-resolver-healthy-addresses',
        namespace: 'AWS/Route53Resolver',
        metric_name: 'EndpointHealthyENICount',
        statistic: 'Minimum',
        comparison_operator: 'LessThanThreshold',
        threshold: 2,
        treat_missing_data: 'breaching',
        dimensions: { EndpointId: expect.stringMatching(/^\$\{aws_route53_resolver_endpoint\.InboundDns_Endpoint_\w+\.id\}$/) },
      }),
    ]);
  });

  const build = (props: Partial<ResolverEndpointAlarmsProps>) => () =>
    new ResolverEndpointAlarms(devStack(), 'DnsAlarms', { name: 'unit-inbound-dns', resolverEndpointId: 'rslvr-in-0123456789abcdef0', ipAddressCount: 3, actions: [TOPIC], ...props });

  it('rejects an endpoint ID or address count AWS would not have', () => {
    expect(build({ resolverEndpointId: 'vpce-0123456789abcdef0' })).toThrow(/ResolverEndpointAlarms 'unit-dev\/DnsAlarms': 'resolverEndpointId' is 'vpce-0123456789abcdef0'/);
    expect(build({ ipAddressCount: 1 })).toThrow(/'ipAddressCount' is 1; use a whole number from 2 to 6 addresses/);
    expect(build({ healthyAddresses: { threshold: 1 } })).not.toThrow();
  });
});
