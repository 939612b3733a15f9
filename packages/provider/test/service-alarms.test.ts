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
