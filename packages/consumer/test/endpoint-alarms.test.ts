import { AlarmTopic } from '@privatelink-cdktf/core';
import { EndpointAlarms, type EndpointAlarmsProps } from '../src/endpoint-alarms';
import { InterfaceEndpoint } from '../src/interface-endpoint';
import { CUSTOM_SERVICE, devStack, resourcesOf, SUBNETS, VPC } from './helpers';

const TOPIC = 'arn:aws:sns:ap-northeast-1:111111111111:network-alarms';
const byName = (alarms: Record<string, Record<string, unknown>>) => Object.fromEntries(Object.values(alarms).map((alarm) => [String(alarm.alarm_name), alarm]));

describe('EndpointAlarms', () => {
  it('watches dropped packets and resets of an interface endpoint, by the four dimensions PrivateLink publishes', () => {
    const stack = devStack();
    const endpoint = new InterfaceEndpoint(stack, 'Saas', { vpc: VPC, subnets: SUBNETS, name: 'unit-saas', service: { serviceName: CUSTOM_SERVICE } });
    const topic = new AlarmTopic(stack, 'AlarmTopic', { name: 'unit', subscriptions: [{ type: 'email', address: 'network@bank.example.com' }] });
    const alarms = new EndpointAlarms(stack, 'SaasAlarms', { name: 'unit-saas', endpoint: { ...endpoint, vpcId: VPC.vpcId }, actions: [topic.topicArn] });
    const found = byName(resourcesOf(stack, 'aws_cloudwatch_metric_alarm'));
    expect(alarms.alarmNames).toEqual(['unit-saas-endpoint-packets-dropped', 'unit-saas-endpoint-resets-received']);
    const dimensions = {
      'Endpoint Type': 'Interface',
      'Service Name': CUSTOM_SERVICE,
      'VPC Endpoint Id': expect.stringMatching(/^\$\{aws_vpc_endpoint\.Saas_Endpoint_\w+\.id\}$/),
      'VPC Id': VPC.vpcId,
    };
    expect(found['unit-saas-endpoint-packets-dropped']).toMatchObject({
      namespace: 'AWS/PrivateLinkEndpoints',
      metric_name: 'PacketsDropped',
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      threshold: 0,
      evaluation_periods: 5,
      datapoints_to_alarm: 3,
      dimensions,
      alarm_actions: [expect.stringMatching(/^\$\{aws_sns_topic\.AlarmTopic_\w+\.arn\}$/)],
    });
    expect(found['unit-saas-endpoint-resets-received']).toMatchObject({ metric_name: 'RstPacketsReceived', threshold: 100, evaluation_periods: 5, dimensions });
  });

  const build = (props: Partial<EndpointAlarmsProps>) => {
    const stack = devStack();
    new EndpointAlarms(stack, 'Alarms', { name: 'unit-saas', endpoint: { endpointId: 'vpce-0a1b2c3d4e5f60718', serviceName: CUSTOM_SERVICE, vpcId: VPC.vpcId }, actions: [TOPIC], ...props });
    return stack;
  };

  it('takes the thresholds and actions from the user, and turns an alarm off', () => {
    const pager = 'arn:aws:sns:ap-northeast-1:111111111111:pager';
    const found = byName(resourcesOf(build({ packetsDropped: { threshold: 10, actions: [pager] }, resetPackets: false }), 'aws_cloudwatch_metric_alarm'));
    expect(Object.keys(found)).toEqual(['unit-saas-endpoint-packets-dropped']);
    expect(found['unit-saas-endpoint-packets-dropped']).toMatchObject({ threshold: 10, alarm_actions: [pager], ok_actions: [pager] });
  });

  it('rejects an endpoint it cannot name and an alarm nobody receives', () => {
    expect(() => build({ endpoint: { endpointId: 'ep-1', serviceName: CUSTOM_SERVICE, vpcId: VPC.vpcId } })).toThrow(/EndpointAlarms 'unit-dev\/Alarms': 'endpoint.endpointId' is 'ep-1'/);
    expect(() => build({ endpoint: { endpointId: 'vpce-0a1b2c3d4e5f60718', vpcId: VPC.vpcId } as never })).toThrow(/'endpoint.serviceName' is missing/);
    expect(() => build({ actions: [] })).toThrow(/'actions' is empty; give the ARN of at least one SNS topic/);
    expect(() => build({ packetsDropped: { datapointsToAlarm: 9 } })).toThrow(/'packetsDropped.datapointsToAlarm' is 9, more than evaluationPeriods \(5\)/);
  });
});

describe('EndpointAlarms alarm settings', () => {
  const stack = devStack();
  new EndpointAlarms(stack, 'Alarms', { name: 'unit-saas', endpoint: { endpointId: 'vpce-0a1b2c3d4e5f60718', serviceName: CUSTOM_SERVICE, vpcId: VPC.vpcId }, actions: [TOPIC] });
  const found = byName(resourcesOf(stack, 'aws_cloudwatch_metric_alarm'));

  it('describes each alarm for whoever is paged, and treats missing data (no traffic) as fine', () => {
    expect(found['unit-saas-endpoint-packets-dropped']).toMatchObject({
      alarm_description: expect.stringMatching(/^The interface endpoint of unit-saas drops packets: the endpoint or the service behind it is unhealthy/),
      treat_missing_data: 'notBreaching',
    });
    expect(found['unit-saas-endpoint-resets-received']).toMatchObject({
      alarm_description: expect.stringMatching(/^The service behind the interface endpoint of unit-saas resets the workloads' connections \(TCP RST packets received\)/),
      namespace: 'AWS/PrivateLinkEndpoints',
      statistic: 'Sum',
      comparison_operator: 'GreaterThanThreshold',
      treat_missing_data: 'notBreaching',
    });
  });
});

describe('EndpointAlarms bad input', () => {
  const ENDPOINT = { endpointId: 'vpce-0a1b2c3d4e5f60718', serviceName: CUSTOM_SERVICE, vpcId: VPC.vpcId };
  const build = (props: Partial<EndpointAlarmsProps>) => () => new EndpointAlarms(devStack(), 'Alarms', { name: 'unit-saas', endpoint: ENDPOINT, actions: [TOPIC], ...props });

  it.each<[string, Partial<EndpointAlarmsProps>, RegExp]>([
    ['an empty name', { name: '' }, /EndpointAlarms 'unit-dev\/Alarms': 'name' is empty; give a name such as tenant-consumer-prod-saas/],
    ['no name', { name: undefined }, /'name' is missing; give a name such as tenant-consumer-prod-saas/],
    ['a null endpoint', { endpoint: null as never }, /'endpoint' is null; give the InterfaceEndpoint/],
    ['an empty endpoint ID', { endpoint: { ...ENDPOINT, endpointId: '' } }, /'endpoint.endpointId' is ''; give the InterfaceEndpoint/],
    ['a service name that is not a string', { endpoint: { ...ENDPOINT, serviceName: 5 as never } }, /'endpoint.serviceName' is 5; give the InterfaceEndpoint/],
    ['a missing VPC ID', { endpoint: { ...ENDPOINT, vpcId: undefined } as never }, /'endpoint.vpcId' is missing; give the InterfaceEndpoint, or \{ endpointId, serviceName, vpcId \}/],
    ['settings of the reset alarm AWS would refuse', { resetPackets: { datapointsToAlarm: 9 } }, /'resetPackets.datapointsToAlarm' is 9, more than evaluationPeriods \(5\)/],
  ])('%s', (_name, props, message) => expect(build(props)).toThrow(message));
});
