import {
  awsContext,
  dnsSuffixOf,
  requireOneOf,
  requirePort,
  type SubnetRef,
  type TrafficRule,
  useProvider,
  type VpcRef,
} from '@privatelink-cdktf/core';
import { InterfaceEndpoint } from '@privatelink-cdktf/consumer';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { requireClientCidrs } from './client-cidrs';
import { PrivateInstance } from './private-instance';
import type { S3PrefixListRef } from './s3-prefix-list';

/** Where clients that assume roles or use MFA get their temporary credentials. */
export type ProxyCredentialsPath =
  /** The regional STS name through a new STS interface endpoint with private DNS, admitting the proxy only. */
  | 'new-sts-endpoint'
  /** The regional STS name through the STS interface endpoint the VPC already has. */
  | 'existing-sts-endpoint'
  /** The internet through a NAT gateway you run: the global IAM and STS names too. */
  | 'nat-gateway';

export interface HttpsProxyProps {
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
  /** @default - the default provider */
  readonly provider?: TerraformProvider;
}

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
    useProvider(this, props.provider);
    const clientCidrs = requireClientCidrs(this, 'clientCidrs', props.clientCidrs, 'list the CIDR blocks of the on-premises clients, for example ["192.168.0.0/16"]; an open proxy is never intended');
    const port = requirePort(this, 'port', props.port ?? 3128);
    const credentialsPath = requireOneOf(this, 'credentialsPath', props.credentialsPath ?? 'new-sts-endpoint', ['new-sts-endpoint', 'existing-sts-endpoint', 'nat-gateway']);
    const { region } = awsContext(this);
    const suffix = dnsSuffixOf(region);
    const domains = [`.s3.${region}.${suffix}`, `sts.${region}.${suffix}`];
    const egress: TrafficRule[] = [
      { ports: [443], prefixListIds: [props.s3GatewayEndpoint.prefixListId], description: 'S3 through the gateway endpoint' },
      { ports: [443], cidrs: props.vpc.cidrBlocks, description: 'Interface endpoints (STS, Systems Manager)' },
    ];
    if (credentialsPath === 'nat-gateway') {
      domains.push(`iam.${suffix}`, `sts.${suffix}`, 'signin.aws.amazon.com');
      egress.push({ ports: [443], cidrs: ['0.0.0.0/0'], description: 'IAM and STS through the NAT gateway' });
    }
    this.instance = new PrivateInstance(this, 'Proxy', {
      name: props.name,
      vpcId: props.vpc.vpcId,
      subnetId: props.subnet.subnetId,
      amiId: props.amiId,
      instanceType: props.instanceType ?? 't3.small',
      ingress: [{ ports: [port], cidrs: clientCidrs, description: 'Proxy clients' }],
      egress,
      userData: squidUserData(port, clientCidrs, domains),
    });
    if (credentialsPath === 'new-sts-endpoint') {
      this.stsEndpoint = new InterfaceEndpoint(this, 'StsEndpoint', {
        name: `${props.name}-sts`,
        vpc: props.vpc,
        subnets: props.stsEndpointSubnets ?? [props.subnet],
        service: { awsService: 'sts' },
        privateDns: true,
        allowedSecurityGroupIds: [this.instance.securityGroupId],
        policy: [{ sid: 'AssumeRoles', principals: '*', actions: ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:GetSessionToken', 'sts:GetCallerIdentity'], resources: ['*'] }],
      });
    }
    this.privateIp = this.instance.privateIp;
    this.port = port;
    this.proxyUrl = `http://${this.instance.privateIp}:${port}`;
    this.securityGroupId = this.instance.securityGroupId;
  }
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
