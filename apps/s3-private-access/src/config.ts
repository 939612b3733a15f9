import { cidrsOverlap, configError, type EnvironmentConfig, formatValue, requireArn, requireCidr, requireNonEmpty, requireResourceId } from '@privatelink-cdktf/core';
import { requireBucketName, type SftpUser } from '@privatelink-cdktf/s3-access';
import type { IConstruct } from 'constructs';

/** The exchange bucket every path leads to. */
export interface BucketConfig {
  /** The bucket name (globally unique). */
  readonly name: string;
  /** Create it (versioned, SSE-KMS, owner-enforced) or guard an existing one. */
  readonly create: boolean;
  /**
   * Roles that reach the bucket from outside the endpoints: the deploy role, CI, break-glass.
   * The SFTP users' roles are added by the stack.
   */
  readonly adminPrincipalArns: readonly string[];
}

/** S3 interface endpoint for on-premises S3 API clients, with its Resolver inbound endpoint. */
export interface InterfaceEndpointConfig {
  /** True keeps the VPC's own S3 traffic on the (free) gateway endpoint. */
  readonly privateDnsOnlyForInboundResolverEndpoint: boolean;
  /** Fixed Resolver inbound addresses by zone, for the on-premises conditional forwarders. @default - AWS picks them */
  readonly resolverIpAddresses?: Readonly<Record<string, string>>;
}

/** AWS Transfer Family SFTP for partners that can only speak SFTP. */
export interface SftpConfig {
  readonly users: Readonly<Record<string, SftpUser>>;
  /** @default - no custom host name */
  readonly customHostname?: { readonly zoneId: string; readonly name: string };
}

/** AWS Client VPN for operators. */
export interface ClientVpnConfig {
  readonly clientCidrBlock: string;
  readonly serverCertificateArn: string;
  readonly rootCertificateChainArn: string;
}

/** Squid proxy for on-premises S3 API clients that can use a proxy (dev demonstration). */
export interface ProxyConfig {
  readonly amiId: string;
}

/** File drop host pushing to S3 (dev demonstration). */
export interface SyncHostConfig {
  readonly amiId: string;
  /** Ports of the protocol clients use on the host, for example [21]. */
  readonly clientPorts: readonly number[];
  /** @default 5 */
  readonly syncIntervalMinutes?: number;
}

/** Everything that differs between the environments of s3-private-access. */
export interface AppConfig {
  readonly environment: EnvironmentConfig;
  readonly network: {
    readonly cidrBlock: string;
    /** AZ IDs, one private subnet each. */
    readonly zones: readonly string[];
  };
  /** Networks on premises that reach S3 through this VPC (over Direct Connect or VPN). */
  readonly onPremisesCidrs: readonly string[];
  readonly bucket: BucketConfig;
  /** @default - no interface endpoint */
  readonly interfaceEndpoint?: InterfaceEndpointConfig;
  /** @default - no SFTP server */
  readonly sftp?: SftpConfig;
  /** @default - no Client VPN */
  readonly clientVpn?: ClientVpnConfig;
  /** @default - no proxy */
  readonly proxy?: ProxyConfig;
  /** @default - no sync host */
  readonly syncHost?: SyncHostConfig;
}

/** Fails at synth time on a configuration that could not deploy; the constructs check the rest. */
export function requireAppConfig(scope: IConstruct, config: AppConfig): void {
  requireBucketName(scope, 'bucket.name', config.bucket.name);
  requireNonEmpty(scope, 'bucket.adminPrincipalArns', config.bucket.adminPrincipalArns, 'list the deploy role at least, or the bucket guard locks Terraform out');
  config.bucket.adminPrincipalArns.forEach((arn) => requireArn(scope, 'bucket.adminPrincipalArns', arn, { service: 'iam' }));
  requireNonEmpty(scope, 'onPremisesCidrs', config.onPremisesCidrs, 'list the on-premises networks, for example ["192.168.0.0/16"]');
  for (const cidr of config.onPremisesCidrs) {
    requireCidr(scope, 'onPremisesCidrs', cidr);
    if (cidrsOverlap(cidr, config.network.cidrBlock)) {
      configError(scope, 'onPremisesCidrs', `has ${formatValue(cidr)}, which ${cidr === config.network.cidrBlock ? 'is' : 'overlaps'} the VPC block ${formatValue(config.network.cidrBlock)}`, 'routing between overlapping networks is ambiguous: give the VPC another block');
    }
  }
  if (config.interfaceEndpoint && config.network.zones.length < 2) {
    configError(scope, 'network.zones', `has ${config.network.zones.length} zone`, 'the Resolver inbound endpoint of the interface endpoint needs two zones at least');
  }
  for (const [zone, ip] of Object.entries(config.interfaceEndpoint?.resolverIpAddresses ?? {})) {
    if (!config.network.zones.includes(zone)) {
      configError(scope, `interfaceEndpoint.resolverIpAddresses.${zone}`, `names a zone the network does not have`, `use one of ${config.network.zones.join(', ')}`);
    }
    if (!cidrsOverlap(`${ip}/32`, config.network.cidrBlock)) {
      configError(scope, `interfaceEndpoint.resolverIpAddresses.${zone}`, `is ${formatValue(ip)}, outside the VPC block ${formatValue(config.network.cidrBlock)}`, `give an address in the ${zone} subnet`);
    }
  }
  if (!config.interfaceEndpoint && !config.sftp && !config.clientVpn && !config.proxy && !config.syncHost) {
    configError(scope, 'interfaceEndpoint', 'and every other access path are missing', 'configure at least one way to reach the bucket');
  }
  if (config.proxy) requireResourceId(scope, 'proxy.amiId', config.proxy.amiId, 'ami');
  if (config.syncHost) requireResourceId(scope, 'syncHost.amiId', config.syncHost.amiId, 'ami');
  if (config.clientVpn) {
    requireArn(scope, 'clientVpn.serverCertificateArn', config.clientVpn.serverCertificateArn, { service: 'acm' });
    requireArn(scope, 'clientVpn.rootCertificateChainArn', config.clientVpn.rootCertificateChainArn, { service: 'acm' });
  }
  if (config.environment.name === 'prod' && (config.proxy || config.syncHost)) {
    configError(scope, config.proxy ? 'proxy' : 'syncHost', 'is configured in prod', 'prod reaches S3 through the interface endpoint and SFTP; self-managed hosts are dev demonstrations');
  }
}
