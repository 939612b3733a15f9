import {
  cidrsOverlap,
  configError,
  type EnvironmentConfig,
  requireCidr,
  requireNonEmpty,
  requireReachabilityEndpoint,
  formatValue,
  type TopicSubscription,
} from '@privatelink-cdktf/core';
import type { EndpointAlarmSettings, ResolverEndpointAlarmSettings } from '@privatelink-cdktf/consumer';
import type { IConstruct } from 'constructs';

/** The customer VPC: private subnets only. */
export interface NetworkConfig {
  readonly cidrBlock: string;
  /** AZ IDs, one private subnet each; every one must be a zone the SaaS service is offered in. */
  readonly zones: readonly string[];
  /** @default 365 */
  readonly flowLogRetentionDays?: number;
}

/**
 * The SaaS provider's endpoint service, as the provider hands it over (it lives in their account):
 * read from the handoff document `src/environments/<env>.saas-handoff.json` (see src/saas-handoff.ts).
 */
export interface SaasServiceConfig {
  /** `com.amazonaws.vpce.<region>.vpce-svc-...` */
  readonly serviceName: string;
  /** The AZ IDs of the provider's load balancer; AZ names differ between accounts, IDs do not. */
  readonly availabilityZoneIds: readonly string[];
  /** The service's region, when it is not this one (cross-region PrivateLink). @default - this region */
  readonly serviceRegion?: string;
  /** The name the service answers to once private DNS is on. @default - none */
  readonly privateDnsName?: string;
  /** @default [443] */
  readonly ports?: readonly number[];
  /** Resolve the provider's private DNS name to the endpoint once the provider accepts. @default true */
  readonly privateDns?: boolean;
  /**
   * A workload instance or network interface (`i-...`, `eni-...`) to prove, after apply, that it
   * reaches the endpoint (Reachability Analyzer; each analysis is billed).
   * @default - no analysis
   */
  readonly reachabilityFrom?: string;
}

/** What workloads may reach through the S3 and DynamoDB gateway endpoints. */
export interface DataAccessConfig {
  /** Buckets the workloads read and write (names). */
  readonly s3Buckets: readonly string[];
  /** DynamoDB tables the workloads read and write (names, in this account and region). */
  readonly dynamoDbTables: readonly string[];
}

/** Reach from the data centre over Direct Connect or VPN. */
export interface OnPremisesConfig {
  /** The CIDR blocks of the DNS servers that forward queries to the Resolver inbound endpoint. */
  readonly dnsForwarderCidrs: readonly string[];
  /** Fixed inbound endpoint addresses keyed by zone, so forwarders are configured once. @default {} */
  readonly resolverIpAddresses?: Readonly<Record<string, string>>;
}

/** Who receives the alarms, and any threshold to change. */
export interface AlarmsConfig {
  /** @default [] (required in prod) */
  readonly subscriptions?: readonly TopicSubscription[];
  /** The SaaS endpoint's alarms. @default - PacketsDropped and RstPacketsReceived with their defaults */
  readonly saasEndpoint?: EndpointAlarmSettings;
  /** The Resolver inbound endpoint's alarm. @default - EndpointHealthyENICount with its default */
  readonly inboundDns?: ResolverEndpointAlarmSettings;
}

/** Everything that differs between the environments of tenant-consumer. */
export interface AppConfig {
  readonly environment: EnvironmentConfig;
  readonly network: NetworkConfig;
  readonly saasService: SaasServiceConfig;
  /** AWS services reached through interface endpoints: key (construct ID, name suffix) to short name. */
  readonly awsServices: Readonly<Record<string, string>>;
  readonly dataAccess: DataAccessConfig;
  /** @default - no Resolver inbound endpoint */
  readonly onPremises?: OnPremisesConfig;
  /** @default - every alarm with its defaults, nobody subscribed */
  readonly alarms?: AlarmsConfig;
}

/** Fails at synth time on a configuration that could not work; the constructs check the rest. */
export function requireAppConfig(scope: IConstruct, config: AppConfig): void {
  requireNonEmpty(scope, 'awsServices', Object.keys(config.awsServices), "give at least the services the workloads call, for example { logs: 'logs' }");
  requireNonEmpty(scope, 'saasService.availabilityZoneIds', config.saasService.availabilityZoneIds, 'copy the AZ IDs from the provider, for example ["apne1-az1", "apne1-az2"]');
  const missing = config.network.zones.filter((zone) => !config.saasService.availabilityZoneIds.includes(zone));
  if (missing.length > 0) {
    configError(scope, 'network.zones', `has ${missing.map(formatValue).join(', ')}, where the SaaS service is not offered`, `use zones among ${config.saasService.availabilityZoneIds.join(', ')}, or ask the provider to add the zone`);
  }
  if (config.saasService.reachabilityFrom !== undefined) requireReachabilityEndpoint(scope, 'saasService.reachabilityFrom', config.saasService.reachabilityFrom);
  requireNonEmpty(scope, 'dataAccess.s3Buckets', config.dataAccess.s3Buckets, 'name the buckets the workloads use; the S3 gateway endpoint allows only those');
  requireNonEmpty(scope, 'dataAccess.dynamoDbTables', config.dataAccess.dynamoDbTables, 'name the tables the workloads use; the DynamoDB gateway endpoint allows only those');
  if (config.environment.name === 'prod' && !config.onPremises) {
    configError(scope, 'onPremises', 'is missing in prod', 'give the DNS forwarder CIDR blocks: prod clients reach the endpoints from the data centre');
  }
  if (config.environment.name === 'prod') {
    // In production somebody must hear that the SaaS service or the DNS path degrades.
    requireNonEmpty(scope, 'alarms.subscriptions', config.alarms?.subscriptions, "subscribe the network team, for example [{ type: 'email', address: 'network-oncall@example.com' }]");
  }
  for (const cidr of config.onPremises?.dnsForwarderCidrs ?? []) {
    requireCidr(scope, 'onPremises.dnsForwarderCidrs', cidr);
    // Overlapping blocks cannot be routed between the data centre and the VPC.
    if (cidrsOverlap(cidr, config.network.cidrBlock)) {
      configError(scope, 'onPremises.dnsForwarderCidrs', `has ${formatValue(cidr)}, which overlaps the VPC block ${config.network.cidrBlock}`, 'give the data centre blocks, which must not overlap the VPC');
    }
  }
}
