import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Testing } from 'cdktf';
import { ServiceAlarms, type ServiceAlarmsProps } from '../src/service-alarms';
import { NLB_ARN, resourcesOf, synthJson, testStack } from './helpers';

const PAGER = 'arn:aws:sns:ap-northeast-1:111111111111:pager';
const alarms = (json: ReturnType<typeof synthJson>) =>
  Object.fromEntries(Object.values(resourcesOf(json, 'aws_cloudwatch_metric_alarm')).map((alarm) => [String(alarm.alarm_name), alarm]));

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

describe('ServiceAlarms of a service with host targets', () => {
  const stack = testStack();
  const TARGET_GROUP = 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:targetgroup/app/0123456789abcdef';
  new ServiceAlarms(stack, 'Alarms', { name: 'hr', serviceId: 'vpce-svc-0123456789abcdef0', actions: [PAGER], targets: { loadBalancerArn: NLB_ARN, targetGroupArn: TARGET_GROUP, expectedHealthyHosts: 2 } });
  const byName = alarms(synthJson(stack));

  it.each([
    [
      'hr-nlb-healthy-hosts',
      {
        alarm_description:
          "Fewer healthy targets behind the NLB of hr than expected: a zone without a healthy target drops the connections of every tenant endpoint in that zone. Check the target group's health checks and the application behind it.",
        namespace: 'AWS/NetworkELB',
        metric_name: 'HealthyHostCount',
        statistic: 'Minimum',
        comparison_operator: 'LessThanThreshold',
        treat_missing_data: 'breaching',
        threshold: 2,
        evaluation_periods: 3,
      },
    ],
    [
      'hr-nlb-unhealthy-hosts',
      {
        alarm_description: 'Targets behind the NLB of hr fail their health checks: the service runs with less capacity, and the next failure may leave a zone without a healthy target.',
        namespace: 'AWS/NetworkELB',
        metric_name: 'UnHealthyHostCount',
        statistic: 'Maximum',
        comparison_operator: 'GreaterThanThreshold',
        treat_missing_data: 'notBreaching',
        threshold: 0,
        evaluation_periods: 3,
      },
    ],
    [
      'hr-endpoint-service-resets',
      {
        alarm_description:
          "The endpoint service of hr resets tenants' connections (TCP RST packets sent to their endpoints): no healthy target, or the application or a security group refusing them.",
        namespace: 'AWS/PrivateLinkServices',
        metric_name: 'RstPacketsSent',
        statistic: 'Sum',
        comparison_operator: 'GreaterThanThreshold',
        treat_missing_data: 'notBreaching',
        threshold: 100,
        evaluation_periods: 5,
      },
    ],
  ])('%s watches its metric the documented way and tells the operator what it means', (name, expected) => {
    expect(byName[name]).toMatchObject({ ...expected, alarm_actions: [PAGER], ok_actions: [PAGER] });
  });
});

describe('ServiceAlarms bad input', () => {
  const TARGETS = { loadBalancerArn: NLB_ARN, targetGroupArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:targetgroup/app/0123456789abcdef', expectedHealthyHosts: 2 };
  const build = (props: Partial<ServiceAlarmsProps>) => () => new ServiceAlarms(testStack(), 'Alarms', { name: 'shared', serviceId: 'vpce-svc-0123456789abcdef0', actions: [PAGER], targets: TARGETS, ...props });
  const cases: BadInputCase[] = [
    { name: 'a name with a space', run: build({ name: 'saas prod' }), field: 'name', value: "'saas prod'", fix: /letters, digits and \._-/ },
    { name: 'targets as a string (untyped JS)', run: build({ targets: 'nlb' as never }), field: 'targets', value: "is 'nlb'", fix: /give \{ loadBalancerArn, targetGroupArn, expectedHealthyHosts \}, or leave targets out/ },
    { name: 'no expected healthy host', run: build({ targets: { ...TARGETS, expectedHealthyHosts: 0 } }), field: 'targets.expectedHealthyHosts', value: 'is 0', fix: /at least 1 \(for example the number of zones\)/ },
    {
      name: 'a target group ARN of another service',
      run: build({ targets: { ...TARGETS, targetGroupArn: TARGETS.targetGroupArn.replace(':elasticloadbalancing:', ':ec2:') } }),
      field: 'targets.targetGroupArn',
      value: 'which is not an elasticloadbalancing targetgroup ARN',
      fix: /use the full ARN/,
    },
    { name: 'a healthy-hosts period CloudWatch does not take', run: build({ healthyHosts: { periodSeconds: 90 } }), field: 'healthyHosts.periodSeconds', value: 'is 90', fix: /multiple of 60/ },
    { name: 'an unhealthy-hosts threshold that is no number (untyped JS)', run: build({ unhealthyHosts: { threshold: 'one' as never } }), field: 'unhealthyHosts.threshold', value: "is 'one'", fix: /give a number/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
