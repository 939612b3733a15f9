import { ResolverEndpointAlarms, type ResolverEndpointAlarmsProps } from '../src/resolver-endpoint-alarms';
import { ResolverInboundEndpoint } from '../src/resolver-inbound-endpoint';
import { devStack, resourcesOf, SUBNETS, type SynthesizedStack, synthJson, VPC } from './helpers';

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

describe('ResolverEndpointAlarms settings', () => {
  const build = (props: Partial<ResolverEndpointAlarmsProps>) => {
    const stack = devStack();
    const alarms = new ResolverEndpointAlarms(stack, 'DnsAlarms', { name: 'unit-inbound-dns', resolverEndpointId: 'rslvr-in-0123456789abcdef0', ipAddressCount: 3, actions: [TOPIC], ...props });
    // A stack with the alarm turned off has no resources at all.
    const { resource } = synthJson(stack) as Partial<SynthesizedStack>;
    return { alarms, found: Object.values(resource?.aws_cloudwatch_metric_alarm ?? {}) };
  };

  it('names its alarm, and describes it for whoever is paged', () => {
    const { alarms, found } = build({});
    expect(alarms.alarmNames).toEqual(['unit-inbound-dns-resolver-healthy-addresses']);
    expect(found).toEqual([
      expect.objectContaining({
        alarm_description: expect.stringMatching(/^The Route 53 Resolver endpoint of unit-inbound-dns has fewer healthy network interfaces than addresses/),
        dimensions: { EndpointId: 'rslvr-in-0123456789abcdef0' },
        threshold: 3,
      }),
    ]);
  });

  it('turned off, it has no alarm and no alarm names', () => {
    const { alarms, found } = build({ healthyAddresses: false });
    expect(alarms.alarmNames).toEqual([]);
    expect(found).toEqual([]);
  });

  const rejects = (props: Partial<ResolverEndpointAlarmsProps>) => () => build(props);
  it.each<[string, Partial<ResolverEndpointAlarmsProps>, RegExp]>([
    ['an empty name', { name: '' }, /ResolverEndpointAlarms 'unit-dev\/DnsAlarms': 'name' is empty; give a name such as tenant-consumer-prod-inbound-dns/],
    ['no name', { name: undefined }, /'name' is missing; give a name such as tenant-consumer-prod-inbound-dns/],
    ['an ID in a list', { resolverEndpointId: ['rslvr-in-0123456789abcdef0'] as never }, /'resolverEndpointId' is \["rslvr-in-0123456789abcdef0"\]; give the Resolver endpoint's ID/],
    ['an ID with a prefix', { resolverEndpointId: 'my-rslvr-in-0123456789abcdef0' }, /'resolverEndpointId' is 'my-rslvr-in-0123456789abcdef0'; give the Resolver endpoint's ID/],
    ['an ID with a suffix', { resolverEndpointId: 'rslvr-in-0123456789abcdef0-old' }, /'resolverEndpointId' is 'rslvr-in-0123456789abcdef0-old'/],
    ['no actions', { actions: [] }, /'actions' is empty; give the ARN of at least one SNS topic/],
    ['settings AWS would refuse', { healthyAddresses: { datapointsToAlarm: 9 } }, /'healthyAddresses.datapointsToAlarm' is 9, more than evaluationPeriods \(3\)/],
  ])('rejects %s', (_name, props, message) => expect(rejects(props)).toThrow(message));
});
