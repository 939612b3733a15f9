import { type AlarmSettings, applyConstructContract, configError, formatValue, isUnresolved, type MetaArguments, metricAlarm, requireAlarmActions, requireInteger, requireString } from '@privatelink-cdktf/core';
import { Construct } from 'constructs';

/** The alarm of a Resolver endpoint; its threshold, periods and actions can be changed, or `false` turns it off. */
export interface ResolverEndpointAlarmSettings {
  /**
   * `AWS/Route53Resolver` `EndpointHealthyENICount` (Minimum) below the endpoint's number of IP
   * addresses for 3 minutes (missing data counts as breaching): an address is down or
   * auto-recovering, so forwarders that send to it get no answer and the data centre's clients
   * may fail to resolve the endpoints' private names.
   * @default { threshold: the number of IP addresses, evaluationPeriods: 3 }
   */
  readonly healthyAddresses?: AlarmSettings | false;
}

export interface ResolverEndpointAlarmsProps extends ResolverEndpointAlarmSettings, MetaArguments {
  /** Names the alarm, for example `tenant-consumer-prod-inbound-dns`. */
  readonly name: string;
  /** The Resolver endpoint (`rslvr-in-...`), for example a ResolverInboundEndpoint's `resolverEndpointId`. */
  readonly resolverEndpointId: string;
  /** How many IP addresses (network interfaces) the endpoint has: one per subnet. */
  readonly ipAddressCount: number;
  /** Told when the alarm fires and clears: SNS topic ARNs, for example core's AlarmTopic's. */
  readonly actions: readonly string[];
}

/** A CloudWatch alarm that tells the network team a Route 53 Resolver endpoint has lost an address. */
export class ResolverEndpointAlarms extends Construct {
  /** Alarm names, for dashboards and runbooks. */
  public readonly alarmNames: readonly string[];

  constructor(scope: Construct, id: string, props: ResolverEndpointAlarmsProps) {
    super(scope, id);
    const { dependsOn } = applyConstructContract(this, props);
    requireString(this, 'name', props.name, 'give a name such as tenant-consumer-prod-inbound-dns', { nonEmpty: true });
    const endpointId = props.resolverEndpointId;
    if (typeof endpointId !== 'string' || (!isUnresolved(endpointId) && !/^rslvr-(in|out)-[0-9a-f]{8,17}$/.test(endpointId))) {
      configError(this, 'resolverEndpointId', `is ${formatValue(endpointId)}`, "give the Resolver endpoint's ID, for example a ResolverInboundEndpoint's resolverEndpointId");
    }
    // AWS needs two addresses at least, and allows six.
    const count = requireInteger(this, 'ipAddressCount', props.ipAddressCount, { min: 2, max: 6, unit: 'addresses' });
    const actions = requireAlarmActions(this, 'actions', props.actions);
    const alarm = metricAlarm(this, 'healthyAddresses', props.name, {
      key: 'resolver-healthy-addresses',
      description: `The Route 53 Resolver endpoint of ${props.name} has fewer healthy network interfaces than addresses: DNS queries sent to the missing address get no answer. Check the endpoint's status in Route 53 Resolver.`,
      namespace: 'AWS/Route53Resolver',
      metricName: 'EndpointHealthyENICount',
      dimensions: { EndpointId: endpointId },
      statistic: 'Minimum',
      comparison: 'LessThanThreshold',
      treatMissingData: 'breaching',
      defaults: { threshold: count, evaluationPeriods: 3 },
    }, props.healthyAddresses, actions, dependsOn);
    this.alarmNames = alarm ? [alarm.alarmNameInput ?? alarm.alarmName] : [];
  }
}
