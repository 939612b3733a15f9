import { Testing } from 'cdktf';
import { PrivateLinkService, type PrivateLinkServiceProps, ServiceAlarms, type ServiceAlarmsProps } from '../src';
import { ALB_ARN, ALB_LISTENER_ARN, NLB_ARN, SUBNETS, VPC, resourcesOf, synthJson, testStack } from './helpers';

const TENANTS = [{ key: 'acme-bank', principals: ['arn:aws:iam::444444444444:root'] }];
const ALB_TARGET = { type: 'alb', albArn: ALB_ARN, albListener: { listenerArn: ALB_LISTENER_ARN, port: 443 }, albSecurityGroupId: 'sg-0a1b0c0d0e0f00001' } as const;
const PAGER = 'arn:aws:sns:ap-northeast-1:111111111111:pager';

function service(props: Partial<PrivateLinkServiceProps> = {}) {
  const stack = testStack();
  const built = new PrivateLinkService(stack, 'Service', { name: 'unit', vpc: VPC, subnets: SUBNETS, target: ALB_TARGET, tenants: TENANTS, ...props });
  return { built, json: synthJson(stack) };
}

const alarms = (json: ReturnType<typeof synthJson>) =>
  Object.fromEntries(Object.values(resourcesOf(json, 'aws_cloudwatch_metric_alarm')).map((alarm) => [String(alarm.alarm_name), alarm]));

describe('PrivateLinkService alarms', () => {
  it('watches healthy and unhealthy NLB targets and the resets the service sends, to an encrypted alarm topic', () => {
    const { built, json } = service({ alarms: { subscriptions: [{ type: 'email', address: 'oncall@saas.example.com' }] } });
    const byName = alarms(json);
    expect(Object.keys(byName).sort()).toEqual(['unit-endpoint-service-resets', 'unit-nlb-healthy-hosts', 'unit-nlb-unhealthy-hosts']);
    const topic = expect.stringMatching(/^\$\{aws_sns_topic\.Service_AlarmTopic_\w+\.arn\}$/);
    expect(byName['unit-nlb-healthy-hosts']).toMatchObject({
      namespace: 'AWS/NetworkELB',
      metric_name: 'HealthyHostCount',
      statistic: 'Minimum',
      comparison_operator: 'LessThanThreshold',
      // An ALB is one target for every zone.
      threshold: 1,
      evaluation_periods: 3,
      treat_missing_data: 'breaching',
      alarm_actions: [topic],
      ok_actions: [topic],
      dimensions: {
        LoadBalancer: expect.stringMatching(/^\$\{trimprefix\(element\(split\(":", aws_lb\.Service_LoadBalancer_\w+\.arn\), 5\), "loadbalancer\/"\)\}$/),
        TargetGroup: expect.stringMatching(/^\$\{element\(split\(":", aws_lb_target_group\.Service_AlbTarget_TargetGroup_\w+\.arn\), 5\)\}$/),
      },
    });
    expect(byName['unit-nlb-unhealthy-hosts']).toMatchObject({ metric_name: 'UnHealthyHostCount', statistic: 'Maximum', comparison_operator: 'GreaterThanThreshold', threshold: 0 });
    expect(byName['unit-endpoint-service-resets']).toMatchObject({
      namespace: 'AWS/PrivateLinkServices',
      metric_name: 'RstPacketsSent',
      statistic: 'Sum',
      threshold: 100,
      evaluation_periods: 5,
      treat_missing_data: 'notBreaching',
      dimensions: { 'Service Id': expect.stringMatching(/^\$\{aws_vpc_endpoint_service\.Service_EndpointService_\w+\.id\}$/) },
    });
    expect(Object.values(resourcesOf(json, 'aws_sns_topic')).map((t) => t.name).sort()).toEqual(['unit-alarms', 'unit-endpoint-connections']);
    expect(Object.values(resourcesOf(json, 'aws_sns_topic_subscription'))).toEqual([expect.objectContaining({ protocol: 'email', endpoint: 'oncall@saas.example.com', topic_arn: topic })]);
    expect(built.alarms?.alarmNames).toEqual(['unit-nlb-healthy-hosts', 'unit-nlb-unhealthy-hosts', 'unit-endpoint-service-resets']);
  });

  it('expects a healthy IP or instance target in every zone', () => {
    const { json } = service({ target: { type: 'ip', port: 8443, ips: ['10.10.1.10', '10.10.2.10'] } });
    expect(alarms(json)['unit-nlb-healthy-hosts']).toMatchObject({ threshold: SUBNETS.length });
  });

  it('takes each threshold, period and action from the user, and turns alarms off one by one or all', () => {
    const { built, json } = service({ alarms: { actions: [PAGER], healthyHosts: { threshold: 2, evaluationPeriods: 5, datapointsToAlarm: 2, periodSeconds: 120 }, unhealthyHosts: false } });
    expect(alarms(json)['unit-nlb-healthy-hosts']).toMatchObject({ threshold: 2, evaluation_periods: 5, datapoints_to_alarm: 2, period: 120, alarm_actions: [PAGER] });
    expect(alarms(json)['unit-nlb-unhealthy-hosts']).toBeUndefined();
    expect(built.alarmTopic).toBeUndefined();
    expect(Object.values(resourcesOf(json, 'aws_sns_topic')).map((t) => t.name)).toEqual(['unit-endpoint-connections']);
    expect(resourcesOf(service({ alarms: false }).json, 'aws_cloudwatch_metric_alarm')).toEqual({});
  });

  it('watches only the resets in front of existing NLBs, whose targets it does not know', () => {
    const { json } = service({ subnets: undefined, target: undefined, existingNlbArns: [NLB_ARN] });
    expect(Object.keys(alarms(json))).toEqual(['unit-endpoint-service-resets']);
  });

  it('rejects subscriptions next to actions, and settings CloudWatch would refuse', () => {
    expect(() => service({ alarms: { actions: [PAGER], subscriptions: [{ type: 'email', address: 'oncall@saas.example.com' }] } })).toThrow(
      /PrivateLinkService 'unit-dev\/Service': 'alarms.subscriptions' is set together with alarms.actions/,
    );
    expect(() => service({ alarms: { resetPackets: { periodSeconds: 90 } } })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'alarms.resetPackets.periodSeconds' is 90/);
    expect(() => service({ alarms: { actions: [] } })).toThrow(/'alarms.actions' is empty/);
    expect(() => service({ alarms: 'on' as never })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'alarms' is 'on'; give \{ subscriptions/);
    expect(() => service({ notifications: { subscriptions: 'ops@example.com' as never } })).toThrow(/PrivateLinkService 'unit-dev\/Service': 'notifications.subscriptions' is 'ops@example.com'; give a list/);
  });
});

describe('ServiceAlarms on its own', () => {
  const build = (props: Partial<ServiceAlarmsProps> = {}) => {
    const stack = testStack();
    new ServiceAlarms(stack, 'Alarms', { name: 'shared', serviceId: 'vpce-svc-0123456789abcdef0', actions: [PAGER], ...props });
    return Testing.synth(stack);
  };

  it('takes the CloudWatch dimensions from literal ARNs', () => {
    const json = JSON.parse(
      build({ targets: { loadBalancerArn: NLB_ARN, targetGroupArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:targetgroup/app/0123456789abcdef', expectedHealthyHosts: 3 } }),
    ) as ReturnType<typeof synthJson>;
    expect(alarms(json)['shared-nlb-healthy-hosts']).toMatchObject({ threshold: 3, dimensions: { LoadBalancer: 'net/shared/0123456789abcdef', TargetGroup: 'targetgroup/app/0123456789abcdef' } });
    expect(alarms(json)['shared-endpoint-service-resets']).toMatchObject({ dimensions: { 'Service Id': 'vpce-svc-0123456789abcdef0' } });
  });

  it('rejects a bad service ID, target ARN or expected count', () => {
    expect(() => build({ serviceId: 'svc-1' })).toThrow(/ServiceAlarms 'unit-dev\/Alarms': 'serviceId' is 'svc-1'/);
    expect(() => build({ targets: { loadBalancerArn: 'nlb', targetGroupArn: NLB_ARN, expectedHealthyHosts: 2 } })).toThrow(/'targets.loadBalancerArn' is 'nlb', which is not an elasticloadbalancing loadbalancer ARN/);
    expect(() => build({ targets: { loadBalancerArn: NLB_ARN, targetGroupArn: NLB_ARN, expectedHealthyHosts: 0 } })).toThrow(/'targets.expectedHealthyHosts' is 0/);
    expect(() => build({ actions: undefined as unknown as string[] })).toThrow(/'actions' is missing/);
  });
});
