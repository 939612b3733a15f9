import { type AlarmSettings, applyConstructContract, configError, formatValue, type MetaArguments, metricAlarm, requireAlarmActions, requireResourceId, requireString } from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

/** The alarms of an interface endpoint; each one's threshold, periods and actions can be changed, or `false` turns it off. */
export interface EndpointAlarmSettings {
  /**
   * `AWS/PrivateLinkEndpoints` `PacketsDropped` (Sum a minute) above 0 in 3 of 5 minutes: the
   * endpoint drops packets, which points at an unhealthy endpoint or endpoint service (for
   * example no healthy target behind the provider's load balancer in this endpoint's zone).
   * @default { threshold: 0, evaluationPeriods: 5, datapointsToAlarm: 3 }
   */
  readonly packetsDropped?: AlarmSettings | false;
  /**
   * `AWS/PrivateLinkEndpoints` `RstPacketsReceived` (Sum a minute) above 100 in 5 consecutive
   * minutes: the service resets the workloads' connections (refused, or cut by the provider).
   * Some resets are normal; tune the threshold to your traffic.
   * @default { threshold: 100, evaluationPeriods: 5 }
   */
  readonly resetPackets?: AlarmSettings | false;
}

/** The interface endpoint the alarms watch, as CloudWatch names it. */
export interface WatchedEndpoint {
  /** `vpce-...` */
  readonly endpointId: string;
  /** The full service name, for example an InterfaceEndpoint's `serviceName`. */
  readonly serviceName: string;
  readonly vpcId: string;
}

export interface EndpointAlarmsProps extends EndpointAlarmSettings, MetaArguments {
  /** Names the alarms, for example `tenant-consumer-prod-saas` (`tenant-consumer-prod-saas-endpoint-packets-dropped`). */
  readonly name: string;
  readonly endpoint: WatchedEndpoint;
  /** Told when an alarm fires and clears: SNS topic ARNs, for example core's AlarmTopic's. */
  readonly actions: readonly string[];
}

/**
 * CloudWatch alarms on an interface endpoint (PrivateLink publishes its metrics every minute, at
 * no cost): packets it drops and connections the service resets, so the customer's team knows
 * before its workloads' timeouts tell it.
 */
export class EndpointAlarms extends Construct {
  /** Alarm names, for dashboards and runbooks. */
  public readonly alarmNames: readonly string[];

  constructor(scope: Construct, id: string, props: EndpointAlarmsProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    requireString(this, 'name', props.name, 'give a name such as tenant-consumer-prod-saas', { nonEmpty: true });
    const endpoint = props.endpoint;
    if (endpoint === null || typeof endpoint !== 'object') configError(this, 'endpoint', `is ${formatValue(endpoint)}`, 'give the InterfaceEndpoint, or { endpointId, serviceName, vpcId }');
    for (const [field, value] of Object.entries({ endpointId: endpoint.endpointId, serviceName: endpoint.serviceName, vpcId: endpoint.vpcId })) {
      if (typeof value !== 'string' || value.length === 0) configError(this, `endpoint.${field}`, value === undefined ? 'is missing' : `is ${formatValue(value)}`, 'give the InterfaceEndpoint, or { endpointId, serviceName, vpcId }');
    }
    requireResourceId(this, 'endpoint.endpointId', endpoint.endpointId, 'vpcEndpoint');
    requireResourceId(this, 'endpoint.vpcId', endpoint.vpcId, 'vpc');
    const actions = requireAlarmActions(this, 'actions', props.actions);
    // PrivateLink publishes endpoint metrics with all four dimensions together.
    const dimensions = { 'Endpoint Type': 'Interface', 'Service Name': endpoint.serviceName, 'VPC Endpoint Id': endpoint.endpointId, 'VPC Id': endpoint.vpcId };
    const alarms = [
      metricAlarm(this, 'packetsDropped', props.name, {
        key: 'endpoint-packets-dropped',
        description: `The interface endpoint of ${props.name} drops packets: the endpoint or the service behind it is unhealthy (for example no healthy target in this endpoint's zone). Tell the service's provider, with the endpoint ID.`,
        namespace: 'AWS/PrivateLinkEndpoints',
        metricName: 'PacketsDropped',
        dimensions,
        statistic: 'Sum',
        comparison: 'GreaterThanThreshold',
        // Reported only while there is traffic.
        treatMissingData: 'notBreaching',
        defaults: { threshold: 0, evaluationPeriods: 5, datapointsToAlarm: 3 },
      }, props.packetsDropped, actions, dependsOn),
      metricAlarm(this, 'resetPackets', props.name, {
        key: 'endpoint-resets-received',
        description: `The service behind the interface endpoint of ${props.name} resets the workloads' connections (TCP RST packets received): it refuses or cuts them.`,
        namespace: 'AWS/PrivateLinkEndpoints',
        metricName: 'RstPacketsReceived',
        dimensions,
        statistic: 'Sum',
        comparison: 'GreaterThanThreshold',
        treatMissingData: 'notBreaching',
        defaults: { threshold: 100, evaluationPeriods: 5 },
      }, props.resetPackets, actions, dependsOn),
    ];
    this.alarmNames = alarms.filter((alarm) => alarm !== undefined).map((alarm) => alarm.alarmNameInput ?? alarm.alarmName);
  }
}
