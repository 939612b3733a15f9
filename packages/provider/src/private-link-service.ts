import {
  AlarmTopic,
  applyConstructContract,
  configError,
  describeKind,
  formatValue,
  type MetaArguments,
  NAME_RULES,
  type Peer,
  nameTags,
  physicalName,
  PrivateNetwork,
  reportAs,
  requireArray,
  requireName,
  requireOneOf,
  requireString,
  requireVpcRef,
  type SubnetRef,
  type TopicSubscription,
  VpcFlowLogs,
  type VpcRef,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { AlbTarget, type AlbTargetProps } from './alb-target';
import { ConnectionNotifications, type ConnectionEvent } from './connection-notifications';
import { EndpointService, type EndpointServiceProps } from './endpoint-service';
import { InstanceTargets, type InstanceTargetsProps } from './instance-targets';
import { IpTargets, type IpTargetsProps } from './ip-targets';
import type { ListenerConfig } from './listener';
import { NetworkLoadBalancer, type NetworkLoadBalancerProps } from './network-load-balancer';
import type { NlbTarget } from './nlb-target';
import { PrivateDnsName } from './private-dns-name';
import { type ServiceAlarmTargets, ServiceAlarms, type ServiceAlarmSettings } from './service-alarms';
import { ServiceContributorInsights, type ServiceInsightTemplate } from './service-contributor-insights';

/** What the new Network Load Balancer forwards to. */
export type PrivateLinkTarget =
  | ({ readonly type: 'alb' } & Omit<AlbTargetProps, 'vpc'>)
  | ({ readonly type: 'ip' } & Omit<IpTargetsProps, 'vpc'>)
  | ({ readonly type: 'instance' } & Omit<InstanceTargetsProps, 'vpc'>);

/** The private DNS name consumers use, and where its ownership is proven. */
export interface PrivateDnsConfig {
  /** For example `api.saas.example.com`. */
  readonly name: string;
  /** The Route 53 public hosted zone of the domain. */
  readonly hostedZoneId: string;
  /** @default - the name itself */
  readonly verifiedDomain?: string;
  /** @default false */
  readonly waitForVerification?: boolean;
}

/** NLB settings passed through to {@link NetworkLoadBalancer}, with the same defaults. */
type LoadBalancerSettings = Pick<
  NetworkLoadBalancerProps,
  'crossZoneLoadBalancing' | 'deletionProtection' | 'accessLogs' | 'enforceInboundRulesOnPrivateLinkTraffic' | 'consumerCidrs'
>;
/** Endpoint service settings passed through to {@link EndpointService}, with the same defaults. */
type ServiceSettings = Pick<EndpointServiceProps, 'acceptanceRequired' | 'tenants' | 'allowAnyPrincipal' | 'supportedIpAddressTypes' | 'supportedRegions' | 'timeouts'>;

export interface PrivateLinkServiceProps extends MetaArguments, LoadBalancerSettings, ServiceSettings {
  /**
   * Names the load balancer, topic, key and logs, for example `saas-provider-prod`: letters,
   * digits and `._-`, at most 64 characters (the load balancer's name is shortened to 32 with a hash).
   */
  readonly name: string;
  /** The VPC of the load balancer and its targets. A {@link PrivateNetwork} brings its own flow logs. */
  readonly vpc: VpcRef;

  /** Subnets of a new NLB: one in each of at least two Availability Zones. @default - required unless existingNlbArns */
  readonly subnets?: readonly SubnetRef[];
  /** What a new NLB forwards to. @default - required unless existingNlbArns */
  readonly target?: PrivateLinkTarget;
  /** Listeners of a new NLB. @default - TCP on the ALB listener's port for an ALB target, else TCP 443 */
  readonly listeners?: readonly ListenerConfig[];
  /** @default 'ipv4', or 'dualstack' when supportedIpAddressTypes includes 'ipv6' */
  readonly ipAddressType?: 'ipv4' | 'dualstack';

  /** Front existing Network Load Balancers instead of creating one. @default - a new NLB */
  readonly existingNlbArns?: readonly string[];
  /** The AZ IDs of existing NLBs, passed on to consumers. @default - from `subnets`, else [] */
  readonly availabilityZoneIds?: readonly string[];

  /** @default - no private DNS name */
  readonly privateDns?: PrivateDnsConfig;
  /** Connection notifications to an encrypted topic, with who receives them, or `false`. @default { events: all four, subscriptions: [] } */
  readonly notifications?: { readonly events?: readonly ConnectionEvent[]; readonly kmsKeyArn?: string; readonly subscriptions?: readonly TopicSubscription[] } | false;
  /**
   * CloudWatch alarms (see {@link ServiceAlarmSettings}) to a new encrypted alarm topic with these
   * subscriptions, or to existing `actions` (topic ARNs) instead; `false` turns them off.
   * @default - every alarm with its defaults, to a new alarm topic without subscriptions
   */
  readonly alarms?: (ServiceAlarmSettings & { readonly subscriptions?: readonly TopicSubscription[]; readonly actions?: readonly string[] }) | false;
  /**
   * CloudWatch Contributor Insights rules that rank the tenants' endpoints by connections, bytes
   * and resets (`true` for all four). Billed per rule and matched event, so off unless asked.
   * @default false
   */
  readonly contributorInsights?: boolean | { readonly templates: readonly ServiceInsightTemplate[] };
  /** Flow logs of the VPC, or `false`. @default { retentionDays: 365 } unless the VPC is a PrivateNetwork with flow logs */
  readonly flowLogs?: { readonly retentionDays?: number } | false;
  /** Tags of the endpoint service, besides its Name. @default {} */
  readonly tags?: Record<string, string>;
  /**
   * `prevent_destroy` on the NLB and the endpoint service. An explicit `false` in production
   * acknowledges PL-PROD-2. @default - true in a production stack, false elsewhere
   */
  readonly preventDestroy?: boolean;
}

/**
 * A service published over PrivateLink in one construct: an internal NLB (in front of an ALB, IPs
 * or instances) or existing NLBs, the endpoint service, tenants, acceptance, private DNS name with
 * verification, connection notifications and flow logs.
 */
export class PrivateLinkService extends Construct {
  public readonly serviceName: string;
  public readonly serviceId: string;
  public readonly nlbArns: readonly string[];
  /** The first (or only) NLB. */
  public readonly nlbArn: string;
  /** @default - undefined for existing NLBs */
  public readonly nlbDnsName?: string;
  /** The zones consumers must create their endpoints in, as AZ IDs, when known. */
  public readonly availabilityZoneIds: readonly string[];
  public readonly endpointService: EndpointService;
  public readonly loadBalancer?: NetworkLoadBalancer;
  public readonly target?: NlbTarget;
  public readonly notifications?: ConnectionNotifications;
  public readonly privateDnsName?: PrivateDnsName;
  /** @default - undefined without a private DNS name */
  public readonly verificationRecordName?: string;
  /** @default - undefined without a private DNS name */
  public readonly verificationRecordValue?: string;
  /** @default - undefined when flow logs are off */
  public readonly flowLogGroupName?: string;
  /** @default - undefined when alarms are off */
  public readonly alarms?: ServiceAlarms;
  /** The topic the alarms go to. @default - undefined when alarms are off or go to given actions */
  public readonly alarmTopic?: AlarmTopic;
  /** @default - undefined unless contributorInsights is on */
  public readonly contributorInsights?: ServiceContributorInsights;

  constructor(scope: Construct, id: string, props: PrivateLinkServiceProps) {
    super(scope, id);
    // Inner constructs get the provider too, so their checks know the region their resources deploy to.
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireString(this, 'name', props.name, "give a name such as 'saas-provider-prod'");
    requireName(this, 'name', props.name, NAME_RULES.namePrefix);
    requireVpcRef(this, 'vpc', props.vpc);
    // Stryker disable next-line ArrayDeclaration: any default without 'ipv6' reads the same
    const ipv6 = requireArray(this, 'supportedIpAddressTypes', props.supportedIpAddressTypes ?? [], "give ['ipv4'], ['ipv6'] or both").includes('ipv6');

    // What the alarms watch of a new load balancer's target; existing NLBs' targets are unknown.
    let alarmTargets: ServiceAlarmTargets | undefined;
    if (props.existingNlbArns !== undefined) {
      if (props.subnets || props.target || props.listeners) {
        configError(this, 'existingNlbArns', 'is given together with subnets, target or listeners', 'either bring existing NLBs or let the construct create one, not both');
      }
      const arns = requireArray(this, 'existingNlbArns', props.existingNlbArns, 'give a list of Network Load Balancer ARNs, or leave it out to create one');
      if (arns.length === 0) configError(this, 'existingNlbArns', 'is empty', 'give the ARN of at least one Network Load Balancer, or leave it out to create one');
      this.nlbArns = arns;
      this.availabilityZoneIds = requireArray(this, 'availabilityZoneIds', props.availabilityZoneIds ?? [], "give AZ IDs such as ['apne1-az1', 'apne1-az2']");
    } else {
      const target = props.target;
      if (typeof target !== 'object' || target === null || Array.isArray(target)) configError(this, 'target', `is ${describeKind(target)}`, "give { type: 'alb' | 'ip' | 'instance', ... }, or existingNlbArns");
      requireOneOf(this, 'target.type', target.type, ['alb', 'ip', 'instance']);
      const ipAddressType = requireOneOf(this, 'ipAddressType', props.ipAddressType ?? (ipv6 ? 'dualstack' : 'ipv4'), ['ipv4', 'dualstack']);
      if (ipv6 && ipAddressType !== 'dualstack') {
        configError(this, 'ipAddressType', "is 'ipv4' while the service supports ipv6", "use ipAddressType: 'dualstack' (with IPv6 subnets), or drop 'ipv6' from supportedIpAddressTypes");
      }
      const subnets = props.subnets ?? [];
      const loadBalancer = reportAs(this, (field) => field, () => new NetworkLoadBalancer(this, 'LoadBalancer', {
        // Names up to 64 characters keep working: the load balancer's own is shortened with a hash.
        name: physicalName([props.name], 32),
        vpc: props.vpc,
        subnets,
        crossZoneLoadBalancing: props.crossZoneLoadBalancing,
        deletionProtection: props.deletionProtection,
        accessLogs: props.accessLogs,
        enforceInboundRulesOnPrivateLinkTraffic: props.enforceInboundRulesOnPrivateLinkTraffic,
        consumerCidrs: props.consumerCidrs,
        ipAddressType,
        preventDestroy: props.preventDestroy,
        dependsOn,
        provider,
      }));
      this.loadBalancer = loadBalancer;
      const created = reportAs(this, (field) => `target.${field}`, () => createTarget(this, props.vpc, { ...target, provider }));
      this.target = created;
      const listeners = requireArray(this, 'listeners', props.listeners ?? [{ port: target.type === 'alb' ? created.port : 443 }], 'give a list of listeners, for example [{ port: 443 }]');
      if (listeners.length === 0) configError(this, 'listeners', 'is empty', 'give at least one listener, for example [{ port: 443 }]');
      // The load balancer names a listener by its port; the caller wrote it by position.
      listeners.forEach((listener, index) => {
        // Stryker disable next-line Regex: the load balancer's fields all start with 'listeners'
        reportAs(this, (field) => field.replace(/^listeners(\[[^\]]*\])?/, `listeners[${index}]`), () => loadBalancer.addListener(listener, created));
      });
      this.nlbArns = [loadBalancer.loadBalancerArn];
      this.nlbDnsName = loadBalancer.dnsName;
      this.availabilityZoneIds = props.availabilityZoneIds ?? loadBalancer.availabilityZoneIds;
      // An ALB target is one target for every zone; IP and instance targets should cover each zone.
      alarmTargets = { loadBalancerArn: loadBalancer.loadBalancerArn, targetGroupArn: created.targetGroupArn, expectedHealthyHosts: target.type === 'alb' ? 1 : subnets.length };
    }
    this.nlbArn = this.nlbArns[0];

    const serviceField: Record<string, string> = { networkLoadBalancerArns: 'existingNlbArns', privateDnsName: 'privateDns.name' };
    this.endpointService = reportAs(this, (field) => serviceField[field] ?? field, () => new EndpointService(this, 'EndpointService', {
      networkLoadBalancerArns: this.nlbArns,
      acceptanceRequired: props.acceptanceRequired,
      tenants: props.tenants,
      allowAnyPrincipal: props.allowAnyPrincipal,
      supportedIpAddressTypes: props.supportedIpAddressTypes,
      supportedRegions: props.supportedRegions,
      privateDnsName: props.privateDns?.name,
      tags: nameTags(props.name, props.tags),
      preventDestroy: props.preventDestroy,
      timeouts: props.timeouts,
      dependsOn,
      provider,
    }));
    this.serviceName = this.endpointService.serviceName;
    this.serviceId = this.endpointService.serviceId;

    if (props.privateDns !== undefined) {
      const privateDns = props.privateDns;
      if (typeof privateDns !== 'object' || privateDns === null) configError(this, 'privateDns', `is ${describeKind(privateDns)}`, "give { name: 'api.saas.example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' }, or leave privateDns out");
      if (privateDns.name === undefined) configError(this, 'privateDns.name', 'is missing', "give the name consumers use, for example 'api.saas.example.com'");
      this.privateDnsName = reportAs(this, (field) => `privateDns.${field}`, () => new PrivateDnsName(this, 'PrivateDnsName', {
        service: this.endpointService,
        hostedZoneId: privateDns.hostedZoneId,
        verifiedDomain: privateDns.verifiedDomain,
        waitForVerification: privateDns.waitForVerification,
      }));
      this.verificationRecordName = this.privateDnsName.recordName;
      this.verificationRecordValue = this.privateDnsName.recordValue;
    }
    const notifications = props.notifications;
    if (notifications !== false) {
      if (notifications !== undefined && (typeof notifications !== 'object' || notifications === null || Array.isArray(notifications))) {
        configError(this, 'notifications', `is ${describeKind(notifications)}`, "give { subscriptions: [{ type: 'email', address: 'ops@example.com' }] }, or false to turn notifications off");
      }
      this.notifications = reportAs(this, (field) => `notifications.${field}`, () => new ConnectionNotifications(this, 'Notifications', {
        name: props.name,
        serviceId: this.serviceId,
        serviceArn: this.endpointService.serviceArn,
        events: notifications?.events,
        kmsKeyArn: notifications?.kmsKeyArn,
        subscriptions: notifications?.subscriptions,
        provider,
      }));
    }
    if (props.alarms !== false) {
      const alarms = props.alarms ?? {};
      if (typeof alarms !== 'object' || Array.isArray(alarms)) {
        configError(this, 'alarms', `is ${formatValue(alarms)}`, "give { subscriptions: [{ type: 'email', address: 'oncall@example.com' }] }, { actions: [topicArn] }, or false to turn the alarms off");
      }
      if (alarms.actions !== undefined && alarms.subscriptions !== undefined) {
        configError(this, 'alarms.subscriptions', 'is set together with alarms.actions, which replace the alarm topic', 'subscribe to the topics in actions, or leave actions out to get an alarm topic with these subscriptions');
      }
      let actions = alarms.actions;
      if (actions === undefined) {
        this.alarmTopic = new AlarmTopic(this, 'AlarmTopic', { name: props.name, subscriptions: alarms.subscriptions });
        actions = [this.alarmTopic.topicArn];
      }
      this.alarms = reportAs(this, (field) => `alarms.${field}`, () => new ServiceAlarms(this, 'Alarms', {
        name: props.name,
        serviceId: this.serviceId,
        targets: alarmTargets,
        actions,
        healthyHosts: alarms.healthyHosts,
        unhealthyHosts: alarms.unhealthyHosts,
        resetPackets: alarms.resetPackets,
      }));
    }
    const insights = props.contributorInsights ?? false;
    if (insights !== false) {
      if (insights !== true && (typeof insights !== 'object' || Array.isArray(insights))) {
        configError(this, 'contributorInsights', `is ${formatValue(insights)}`, "give true for every rule, { templates: ['VpcEndpointService-BytesByEndpointId-v1'] } for some, or false");
      }
      this.contributorInsights = reportAs(this, (field) => `contributorInsights.${field}`, () => new ServiceContributorInsights(this, 'ContributorInsights', {
        serviceArn: this.endpointService.serviceArn,
        // Stryker disable next-line ConditionalExpression,BooleanLiteral: reading templates of true gives undefined as well
        templates: insights === true ? undefined : insights.templates,
        provider,
      }));
    }
    const flowLogs = props.flowLogs;
    if (flowLogs !== false) {
      if (flowLogs !== undefined && (typeof flowLogs !== 'object' || flowLogs === null || Array.isArray(flowLogs))) {
        configError(this, 'flowLogs', `is ${describeKind(flowLogs)}`, 'give { retentionDays: 365 }, or false to turn flow logs off');
      }
      const existing = props.vpc instanceof PrivateNetwork ? props.vpc.flowLogs : undefined;
      if (existing && flowLogs?.retentionDays !== undefined) {
        configError(this, 'flowLogs.retentionDays', 'is set while the PrivateNetwork already has flow logs, which are reused', "set flowLogs on the PrivateNetwork instead, or leave this construct's flowLogs out");
      }
      this.flowLogGroupName = (existing ?? reportAs(this, (field) => `flowLogs.${field}`, () => new VpcFlowLogs(this, 'FlowLogs', { vpcId: props.vpc.vpcId, name: props.name, retentionDays: flowLogs?.retentionDays }))).logGroupName;
    }
  }

  /**
   * Admits `peer` to the new load balancer's listener ports (or `ports`), like
   * {@link NetworkLoadBalancer.allowFrom}. Existing NLBs keep their own security groups.
   */
  public allowFrom(peer: Peer, ports?: readonly number[]): void {
    const loadBalancer =
      this.loadBalancer ??
      configError(this, 'allowFrom', 'cannot add rules: the service fronts existing NLBs, whose security groups this construct does not manage', "add the rules to the existing load balancers' security groups, or let the construct create the NLB");
    reportAs(this, (field) => field, () => loadBalancer.allowFrom(peer, ports));
  }
}

function createTarget(scope: Construct, vpc: VpcRef, target: PrivateLinkTarget): NlbTarget {
  switch (target.type) {
    case 'alb':
      return new AlbTarget(scope, 'AlbTarget', { ...target, vpc });
    case 'ip':
      return new IpTargets(scope, 'IpTargets', { ...target, vpc });
    case 'instance':
      return new InstanceTargets(scope, 'InstanceTargets', { ...target, vpc });
    default:
      return configError(scope, 'target.type', `is ${formatValue((target as { type: string }).type)}`, "use 'alb', 'ip' or 'instance'");
  }
}
