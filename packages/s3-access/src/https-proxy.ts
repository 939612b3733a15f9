import { InterfaceEndpoint } from '@privatelink-cdktf/consumer';
import {
  applyConstructContract,
  awsContext,
  dnsSuffixOf,
  type MetaArguments,
  type PolicyStatement,
  providerRegion,
  requireNarrowCidrs,
  requireNonEmpty,
  requireOneOf,
  requirePort,
  requireResourceId,
  requireString,
  requireSubnetPlacement,
  requireVpcRef,
  type SubnetRef,
  type TrafficRule,
  type VpcRef,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { PrivateInstance } from './private-instance';
import { requireResourceName } from './resource-name';
import { requirePrefixListRef, type S3PrefixListRef } from './s3-prefix-list';

/** Where clients that assume roles or use MFA get their temporary credentials. */
export type ProxyCredentialsPath =
  /** The regional STS name through a new STS interface endpoint with private DNS, admitting the proxy only. */
  | 'new-sts-endpoint'
  /** The regional STS name through the STS interface endpoint the VPC already has. */
  | 'existing-sts-endpoint'
  /** The internet through a NAT gateway you run: the global IAM and STS names too. */
  | 'nat-gateway';

export interface HttpsProxyProps extends MetaArguments {
  /** Names the instance, its role and security group. */
  readonly name: string;
  /** The VPC; its CIDR blocks are where interface endpoints (STS, SSM) live. */
  readonly vpc: VpcRef;
  /** A private subnet for the proxy. */
  readonly subnet: SubnetRef;
  /** Subnets of the new STS interface endpoint. @default - the proxy's subnet */
  readonly stsEndpointSubnets?: readonly SubnetRef[];
  /** An Amazon Linux 2023 AMI (`aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`). */
  readonly amiId: string;
  /** @default 't3.small' */
  readonly instanceType?: string;
  /** CIDR blocks of the on-premises clients that may use the proxy. */
  readonly clientCidrs: readonly string[];
  /** @default 3128 */
  readonly port?: number;
  /** The S3 gateway endpoint of the VPC (its prefix list): the proxy reaches S3 only through it. */
  readonly s3GatewayEndpoint: S3PrefixListRef;
  /** @default 'new-sts-endpoint' */
  readonly credentialsPath?: ProxyCredentialsPath;
}

/** The credentials paths, for untyped callers. */
export const PROXY_CREDENTIALS_PATHS: readonly ProxyCredentialsPath[] = ['new-sts-endpoint', 'existing-sts-endpoint', 'nat-gateway'];

/**
 * An HTTPS proxy (Squid on EC2) for on-premises AWS CLI and SDK clients: it tunnels (CONNECT)
 * only to the region's S3 names (and the regional STS name), and reaches S3 through the VPC's
 * gateway endpoint, so the data path never leaves the private network. Self-managed and a single
 * instance (run one per zone behind a load balancer for availability); costs the instance.
 * Since S3 offers interface endpoints, prefer {@link S3InterfaceEndpoint} unless clients cannot
 * change the endpoint URL but can use a proxy.
 */
export class HttpsProxy extends Construct {
  public readonly instance: PrivateInstance;
  public readonly privateIp: string;
  public readonly port: number;
  /** `http://<ip>:<port>` for `HTTPS_PROXY`. */
  public readonly proxyUrl: string;
  public readonly securityGroupId: string;
  /** The STS interface endpoint created for the credentials path. */
  public readonly stsEndpoint?: InterfaceEndpoint;

  constructor(scope: Construct, id: string, props: HttpsProxyProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireResourceName(this, props.name);
    const vpc = requireVpcRef(this, 'vpc', props.vpc);
    const { region, partition, accountId } = awsContext(this, { region: providerRegion(provider) });
    const [subnet] = requireSubnetPlacement(this, 'subnet', props.subnet === undefined ? undefined : [props.subnet], 1, { region });
    const stsEndpointSubnets = props.stsEndpointSubnets === undefined ? [subnet] : requireSubnetPlacement(this, 'stsEndpointSubnets', props.stsEndpointSubnets, 1, { region });
    requireResourceId(this, 'amiId', props.amiId, 'ami');
    const instanceType = requireString(this, 'instanceType', props.instanceType ?? 't3.small', "give an EC2 instance type, for example 't3.small'", { nonEmpty: true });
    // An open proxy is never intended: there is no option to admit the whole internet.
    const clientCidrs = requireNarrowCidrs(this, 'clientCidrs', requireNonEmpty(this, 'clientCidrs', props.clientCidrs, 'list the CIDR blocks of the on-premises clients, for example ["192.168.0.0/16"]'));
    const port = requirePort(this, 'port', props.port ?? 3128);
    const credentialsPath = requireOneOf(this, 'credentialsPath', props.credentialsPath ?? 'new-sts-endpoint', PROXY_CREDENTIALS_PATHS);
    const gateway = requirePrefixListRef(this, 's3GatewayEndpoint', props.s3GatewayEndpoint);
    const suffix = dnsSuffixOf(region);
    const domains = [`.s3.${region}.${suffix}`, `sts.${region}.${suffix}`];
    const egress: TrafficRule[] = [
      { ports: [443], prefixListIds: [gateway.prefixListId], description: 'S3 through the gateway endpoint' },
      { ports: [443], cidrs: vpc.cidrBlocks, description: 'Interface endpoints (STS, Systems Manager)' },
    ];
    if (credentialsPath === 'nat-gateway') {
      domains.push(`iam.${suffix}`, `sts.${suffix}`, 'signin.aws.amazon.com');
      egress.push({ ports: [443], cidrs: ['0.0.0.0/0'], description: 'IAM and STS through the NAT gateway' });
    }
    this.instance = new PrivateInstance(this, 'Proxy', {
      name: props.name,
      vpcId: vpc.vpcId,
      subnetId: subnet.subnetId,
      amiId: props.amiId,
      instanceType,
      ingress: [{ ports: [port], cidrs: clientCidrs, description: 'Proxy clients' }],
      egress,
      userData: squidUserData(port, clientCidrs, domains),
      dependsOn,
      provider,
    });
    if (credentialsPath === 'new-sts-endpoint') {
      this.stsEndpoint = new InterfaceEndpoint(this, 'StsEndpoint', {
        name: `${props.name}-sts`,
        vpc,
        subnets: stsEndpointSubnets,
        service: { awsService: 'sts' },
        privateDns: true,
        allowedSecurityGroupIds: [this.instance.securityGroupId],
        policy: stsEndpointStatements(partition, accountId),
        provider,
      });
    }
    this.privateIp = this.instance.privateIp;
    this.port = port;
    this.proxyUrl = `http://${this.instance.privateIp}:${port}`;
    this.securityGroupId = this.instance.securityGroupId;
  }
}

/**
 * The STS endpoint's policy: clients may assume only roles of the VPC's account (the perimeter's
 * resource side; AssumeRoleWithSAML and AssumeRoleWithWebIdentity carry no caller account to
 * check), and read their own session and identity.
 */
export function stsEndpointStatements(partition: string, accountId: string | undefined): PolicyStatement[] {
  return [
    { sid: 'AssumeAccountRoles', principals: '*', actions: ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'], resources: [`arn:${partition}:iam::${accountId ?? '*'}:role/*`] },
    { sid: 'OwnSession', principals: '*', actions: ['sts:GetSessionToken', 'sts:GetCallerIdentity'], resources: ['*'] },
  ];
}

/** cloud-init for Squid: CONNECT to port 443 of the listed names only, no caching, no client IP leak. */
export function squidUserData(port: number, clientCidrs: readonly string[], domains: readonly string[]): string {
  return [
    '#!/bin/bash',
    'set -euo pipefail',
    // Amazon Linux 2023 repositories are S3 buckets: reachable through the gateway endpoint.
    'dnf install -y squid',
    "cat > /etc/squid/squid.conf <<'CONF'",
    `http_port ${port}`,
    `acl clients src ${clientCidrs.join(' ')}`,
    'acl tls_port port 443',
    'acl CONNECT method CONNECT',
    `acl aws_names dstdomain ${domains.join(' ')}`,
    'http_access deny !CONNECT',
    'http_access deny !tls_port',
    'http_access allow clients aws_names',
    'http_access deny all',
    'cache deny all',
    'via off',
    'forwarded_for delete',
    'access_log daemon:/var/log/squid/access.log squid',
    'CONF',
    'systemctl enable --now squid',
    '',
  ].join('\n');
}
