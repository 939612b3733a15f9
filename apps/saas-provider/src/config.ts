import {
  configError,
  requireArn,
  requireCidr,
  requireDnsName,
  requireNonEmpty,
  requireListenerOfLoadBalancer,
  requirePort,
  requireResourceId,
  formatValue,
  type EnvironmentConfig,
  type SubnetRef,
  type TopicSubscription,
} from '@privatelink-cdktf/core';
import type { PrivateLinkServiceProps, TenantConfig } from '@privatelink-cdktf/provider';
import type { IConstruct } from 'constructs';

/** The provider VPC: created for the environment, or the existing application VPC. */
export type NetworkConfig =
  | {
      readonly type: 'create';
      readonly cidrBlock: string;
      /** AZ IDs, one private subnet each. */
      readonly zones: readonly string[];
    }
  | {
      readonly type: 'existing';
      readonly vpcId: string;
      readonly cidrBlocks: readonly string[];
      /** The NLB's subnets, one per AZ, with AZ IDs (consumers must use the same zones). */
      readonly subnets: readonly SubnetRef[];
    };

/** The ALB-fronted application behind the NLB. */
export type ApplicationConfig =
  | {
      /** A small internal ALB is created (dev): HTTPS on 443, a target group for the app. */
      readonly type: 'create';
      /** ACM certificate of the ALB's HTTPS listener. */
      readonly certificateArn: string;
      /** The port the application's targets listen on. @default 8080 */
      readonly targetPort?: number;
    }
  | {
      /** The application's existing ALB (stg, prod). */
      readonly type: 'existing';
      readonly albArn: string;
      readonly listenerArn: string;
      readonly listenerPort: number;
      /** The ALB's security group: it gets ingress from the NLB's group on the listener port. */
      readonly securityGroupId: string;
    };

/** What tenants connect to. */
export interface ServiceConfig {
  /** The private DNS name consumers use, for example `api.saas.example.com`. */
  readonly privateDnsName: string;
  /** The Route 53 public hosted zone that proves ownership of the name. */
  readonly hostedZoneId: string;
  /** From the environment's tenants file, `src/environments/<env>.tenants.yaml` (see src/tenants.ts). */
  readonly tenants: readonly TenantConfig[];
  /** Who is told when a tenant requests, gets, is refused or drops a connection. @default [] (required in prod) */
  readonly connectionSubscriptions?: readonly TopicSubscription[];
  /** The service's alarms: who receives them (`subscriptions`), and any threshold to change. @default - every alarm with its defaults, nobody subscribed (subscriptions required in prod) */
  readonly alarms?: Exclude<PrivateLinkServiceProps['alarms'], false>;
  /** Contributor Insights rules ranking the tenants' endpoints by connections, bytes and resets. @default false */
  readonly contributorInsights?: PrivateLinkServiceProps['contributorInsights'];
  /** Judge PrivateLink traffic by the NLB security group (needs consumerCidrs). @default false */
  readonly enforceInboundRulesOnPrivateLinkTraffic?: boolean;
  /** The tenants' client CIDR blocks. @default [] */
  readonly consumerCidrs?: readonly string[];
  /** @default true */
  readonly deletionProtection?: boolean;
  /** @default 365 */
  readonly flowLogRetentionDays?: number;
}

/** Everything that differs between the environments of saas-provider. */
export interface AppConfig {
  readonly environment: EnvironmentConfig;
  readonly network: NetworkConfig;
  readonly application: ApplicationConfig;
  readonly service: ServiceConfig;
}

/** Fails at synth time on a configuration that could not deploy; the constructs check the rest. */
export function requireAppConfig(scope: IConstruct, config: AppConfig): void {
  const { network, application, service } = config;
  if (network.type === 'existing') {
    requireResourceId(scope, 'network.vpcId', network.vpcId, 'vpc');
    requireNonEmpty(scope, 'network.cidrBlocks', network.cidrBlocks, 'list the CIDR blocks of the VPC');
    network.cidrBlocks.forEach((cidr) => requireCidr(scope, 'network.cidrBlocks', cidr));
    for (const subnet of network.subnets) {
      if (subnet.availabilityZoneId === undefined) {
        configError(scope, 'network.subnets', `has ${formatValue(subnet.subnetId)} without availabilityZoneId`, 'give the AZ ID of every subnet: consumers must create endpoints in the same zones');
      }
    }
  } else {
    requireCidr(scope, 'network.cidrBlock', network.cidrBlock);
  }
  if (application.type === 'existing') {
    requireArn(scope, 'application.albArn', application.albArn, { service: 'elasticloadbalancing' });
    requireArn(scope, 'application.listenerArn', application.listenerArn, { service: 'elasticloadbalancing' });
    requireListenerOfLoadBalancer(scope, 'application.listenerArn', application.listenerArn, application.albArn);
    requirePort(scope, 'application.listenerPort', application.listenerPort);
    requireResourceId(scope, 'application.securityGroupId', application.securityGroupId, 'securityGroup');
  } else {
    requireArn(scope, 'application.certificateArn', application.certificateArn, { service: 'acm' });
    requirePort(scope, 'application.targetPort', application.targetPort ?? 8080);
  }
  requireDnsName(scope, 'service.privateDnsName', service.privateDnsName);
  requireNonEmpty(scope, 'service.tenants', service.tenants, `onboard at least one tenant: npm run tenant -- add ${config.environment.name} <key> --principal <arn>`);
  if (config.environment.name === 'prod') {
    // In production somebody must hear of connection requests and alarms.
    requireNonEmpty(scope, 'service.connectionSubscriptions', service.connectionSubscriptions, "subscribe the team that accepts tenants' connections, for example [{ type: 'email', address: 'privatelink-ops@example.com' }]");
    if (service.alarms?.actions === undefined) {
      requireNonEmpty(scope, 'service.alarms.subscriptions', service.alarms?.subscriptions, "subscribe the on-call team, for example [{ type: 'https', url: 'https://events.pagerduty.com/...', autoConfirms: true }], or give alarms.actions");
    }
  }
}
