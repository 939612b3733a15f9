import { Fn } from 'cdktf';
import {
  type AlarmSettings,
  applyConstructContract,
  configError,
  NAME_RULES,
  requireInteger,
  requireName,
  requireResourceId,
  requireString,
  isUnresolved,
  type MetaArguments,
  metricAlarm,
  requireAlarmActions,
  requireArn,
  formatValue,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

/** The alarms of a published service; each one's threshold, periods and actions can be changed, or `false` turns it off. */
export interface ServiceAlarmSettings {
  /**
   * `AWS/NetworkELB` `HealthyHostCount` (Minimum) below the expected number of healthy targets, for
   * 3 minutes (missing data counts as breaching): a zone without a healthy target drops the
   * connections of every tenant endpoint in that zone, since cross-zone load balancing is off.
   * @default { threshold: expected healthy targets, evaluationPeriods: 3 }
   */
  readonly healthyHosts?: AlarmSettings | false;
  /**
   * `AWS/NetworkELB` `UnHealthyHostCount` (Maximum) above 0 for 3 minutes: a target fails its health
   * checks, the service runs with less capacity, and the next failure may take a zone down.
   * @default { threshold: 0, evaluationPeriods: 3 }
   */
  readonly unhealthyHosts?: AlarmSettings | false;
  /**
   * `AWS/PrivateLinkServices` `RstPacketsSent` (Sum a minute) above 100 in 5 consecutive minutes:
   * the service resets tenants' connections (no healthy target, the application or a security
   * group refusing them). Some resets are normal; tune the threshold to your traffic.
   * @default { threshold: 100, evaluationPeriods: 5 }
   */
  readonly resetPackets?: AlarmSettings | false;
}

/** The load balancer and target group whose hosts are watched. */
export interface ServiceAlarmTargets {
  readonly loadBalancerArn: string;
  readonly targetGroupArn: string;
  /** How many healthy targets there should be at least, for example one per zone. */
  readonly expectedHealthyHosts: number;
}

export interface ServiceAlarmsProps extends ServiceAlarmSettings, MetaArguments {
  /** Names the alarms, for example `saas-provider-prod` (`saas-provider-prod-nlb-healthy-hosts`). */
  readonly name: string;
  /** The endpoint service (`vpce-svc-...`). */
  readonly serviceId: string;
  /** @default - no host alarms (for example in front of existing NLBs) */
  readonly targets?: ServiceAlarmTargets;
  /** Told when an alarm fires and clears: SNS topic ARNs, for example an AlarmTopic's. */
  readonly actions: readonly string[];
}

/**
 * CloudWatch alarms that tell the provider team the service degrades before tenants call: no
 * healthy target in a zone, failing targets, and connections the service refuses or resets.
 */
export class ServiceAlarms extends Construct {
  /** Alarm names, for dashboards and runbooks. */
  public readonly alarmNames: readonly string[];

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    requireString(this, 'name', props.name, 'give a name such as saas-provider-prod');
    requireName(this, 'name', props.name, NAME_RULES.namePrefix);
    requireResourceId(this, 'serviceId', props.serviceId, 'endpointService');
    const actions = requireAlarmActions(this, 'actions', props.actions);
    const alarms = [];
    const targets = props.targets;
    if (targets) {
      if (typeof targets !== 'object') configError(this, 'targets', `is ${formatValue(targets)}`, 'give { loadBalancerArn, targetGroupArn, expectedHealthyHosts }, or leave targets out');
      const expected = requireInteger(this, 'targets.expectedHealthyHosts', targets.expectedHealthyHosts, { min: 1, unit: '(for example the number of zones)' });
      requireArn(this, 'targets.loadBalancerArn', targets.loadBalancerArn, { service: 'elasticloadbalancing', resourceTypes: ['loadbalancer'] });
      requireArn(this, 'targets.targetGroupArn', targets.targetGroupArn, { service: 'elasticloadbalancing', resourceTypes: ['targetgroup'] });
      const dimensions = { LoadBalancer: arnSuffix(targets.loadBalancerArn, 'loadbalancer/'), TargetGroup: arnSuffix(targets.targetGroupArn) };
      alarms.push(
        metricAlarm(this, 'healthyHosts', props.name, {
          key: 'nlb-healthy-hosts',
          description: `Fewer healthy targets behind the NLB of ${props.name} than expected: a zone without a healthy target drops the connections of every tenant endpoint in that zone. Check the target group's health checks and the application behind it.`,
          namespace: 'AWS/NetworkELB',
          metricName: 'HealthyHostCount',
          dimensions,
          statistic: 'Minimum',
          comparison: 'LessThanThreshold',
          treatMissingData: 'breaching',
          defaults: { threshold: expected, evaluationPeriods: 3 },
        }, props.healthyHosts, actions, dependsOn),
        metricAlarm(this, 'unhealthyHosts', props.name, {
          key: 'nlb-unhealthy-hosts',
          description: `Targets behind the NLB of ${props.name} fail their health checks: the service runs with less capacity, and the next failure may leave a zone without a healthy target.`,
          namespace: 'AWS/NetworkELB',
          metricName: 'UnHealthyHostCount',
          dimensions,
          statistic: 'Maximum',
          comparison: 'GreaterThanThreshold',
          treatMissingData: 'notBreaching',
          defaults: { threshold: 0, evaluationPeriods: 3 },
        }, props.unhealthyHosts, actions, dependsOn),
      );
    }
    alarms.push(
      metricAlarm(this, 'resetPackets', props.name, {
        key: 'endpoint-service-resets',
        description: `The endpoint service of ${props.name} resets tenants' connections (TCP RST packets sent to their endpoints): no healthy target, or the application or a security group refusing them.`,
        namespace: 'AWS/PrivateLinkServices',
        metricName: 'RstPacketsSent',
        dimensions: { 'Service Id': props.serviceId },
        statistic: 'Sum',
        comparison: 'GreaterThanThreshold',
        // Reported only while there is traffic.
        treatMissingData: 'notBreaching',
        defaults: { threshold: 100, evaluationPeriods: 5 },
      }, props.resetPackets, actions, dependsOn),
    );
    this.alarmNames = alarms.filter((alarm) => alarm !== undefined).map((alarm) => alarm.alarmNameInput ?? alarm.alarmName);
  }
}

/** The part of an ELB ARN CloudWatch uses as a dimension: `net/name/id`, `targetgroup/name/id`. */
function arnSuffix(arn: string, strip = ''): string {
  if (!isUnresolved(arn)) return arn.split(':')[5].replace(strip, '');
  const resource = Fn.element(Fn.split(':', arn), 5);
  return strip ? Fn.trimprefix(resource, strip) : resource;
}
