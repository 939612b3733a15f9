import { Ec2ClientVpnAuthorizationRule } from '@cdktf/provider-aws/lib/ec2-client-vpn-authorization-rule';
import { Ec2ClientVpnEndpoint } from '@cdktf/provider-aws/lib/ec2-client-vpn-endpoint';
import { Ec2ClientVpnNetworkAssociation } from '@cdktf/provider-aws/lib/ec2-client-vpn-network-association';
import {
  addressInCidr,
  applyConstructContract,
  awsContext,
  cidrsOverlap,
  configError,
  DedicatedSecurityGroup,
  describeKind,
  EncryptedLogGroup,
  formatValue,
  isUnresolved,
  type MetaArguments,
  nameTags,
  providerRegion,
  requireArn,
  requireArray,
  requireBoolean,
  requireCidr,
  requireLogRetentionDays,
  requireOneOf,
  requirePreventDestroy,
  requireString,
  requireSubnetPlacement,
  requireVpcRef,
  type SubnetRef,
  type TrafficRule,
  type VpcRef,
  zoneOf,
  terraformLiteral,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { requireResourceName } from './resource-name';
import { requirePrefixListRef, type S3PrefixListRef } from './s3-prefix-list';

/** How VPN users authenticate. */
export type ClientVpnAuthentication =
  /** Mutual TLS: client certificates signed by this CA, imported into ACM. */
  | { readonly type: 'certificate'; readonly rootCertificateChainArn: string }
  /** Single sign-on through an IAM SAML identity provider. */
  | { readonly type: 'saml'; readonly samlProviderArn: string; readonly selfServiceSamlProviderArn?: string };

/** One authorization rule: who may reach a destination network. */
export interface ClientVpnAuthorization {
  readonly targetCidr: string;
  /** An identity provider group (SAML) or AD group. @default - every authenticated user */
  readonly accessGroupId?: string;
}

export interface ClientVpnProps extends MetaArguments {
  /** Names the endpoint, security group and log group. */
  readonly name: string;
  readonly vpc: VpcRef;
  /** Subnets to associate, one per Availability Zone (the network association is keyed by zone). */
  readonly subnets: readonly SubnetRef[];
  /** The address range handed to clients (/12 to /22); must not overlap the VPC. */
  readonly clientCidrBlock: string;
  /** The ACM certificate of the endpoint. */
  readonly serverCertificateArn: string;
  readonly authentication: ClientVpnAuthentication;
  /** @default - the VPC's CIDR blocks, for every authenticated user */
  readonly authorizations?: readonly ClientVpnAuthorization[];
  /** Only traffic to the VPC's routes goes through the VPN. @default true */
  readonly splitTunnel?: boolean;
  /** @default 'udp' */
  readonly transportProtocol?: 'udp' | 'tcp';
  /** @default 443 */
  readonly vpnPort?: 443 | 1194;
  /** The S3 gateway endpoint, if clients reach S3 through it. @default - S3 through interface endpoints only */
  readonly s3GatewayEndpoint?: S3PrefixListRef;
  /** @default 365 */
  readonly logRetentionDays?: number;
  /**
   * `lifecycle { prevent_destroy }` on the endpoint users connect to. An explicit `false` in
   * production is recorded as an acknowledgement of PL-PROD-2.
   * @default - true in production, false elsewhere
   */
  readonly preventDestroy?: boolean;
}

/**
 * AWS Client VPN for individual users: the endpoint's network interfaces sit in the VPC, so a
 * user's traffic is VPC traffic and reaches S3 through the VPC's endpoints (interface endpoints,
 * or the gateway endpoint too since the source is the VPC). No proxy is needed. Split tunnel,
 * connection logs to an encrypted log group, authorization rules per destination, and a security
 * group that controls what leaves the endpoint's interfaces. The VPC's DNS resolver is handed to
 * clients so private DNS names resolve. Fully managed; costs an hourly fee per associated subnet
 * and per connected client.
 */
export class ClientVpn extends Construct {
  public readonly endpointId: string;
  public readonly securityGroupId: string;
  public readonly dnsName: string;
  public readonly logGroupName: string;

  constructor(scope: Construct, id: string, props: ClientVpnProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireResourceName(this, props.name);
    const vpc = requireVpcRef(this, 'vpc', props.vpc);
    const { region } = awsContext(this, { region: providerRegion(provider) });
    const subnets = requireSubnetPlacement(this, 'subnets', props.subnets, 1, { region });
    requireString(this, 'clientCidrBlock', props.clientCidrBlock, 'give an IPv4 block from /12 to /22 outside the VPC, for example 172.20.0.0/22');
    requireCidr(this, 'clientCidrBlock', props.clientCidrBlock, { family: 'ipv4', prefixLength: { min: 12, max: 22 } });
    // A client block known only at apply time overlaps nothing here: cidrsOverlap is false for what is no literal CIDR.
    const overlapping = vpc.cidrBlocks.find((cidr) => !isUnresolved(cidr) && cidrsOverlap(cidr, props.clientCidrBlock));
    if (overlapping) {
      configError(this, 'clientCidrBlock', `is ${formatValue(props.clientCidrBlock)}, which overlaps the VPC block ${formatValue(overlapping)}`, 'pick a client range outside the VPC and the networks clients must reach');
    }
    // ACM certificates of the endpoint's own region only.
    requireArn(this, 'serverCertificateArn', props.serverCertificateArn, { service: 'acm', resourceTypes: ['certificate'], region });
    const auth = props.authentication;
    if (typeof auth !== 'object' || auth === null) configError(this, 'authentication', `is ${describeKind(auth)}`, "give { type: 'certificate', rootCertificateChainArn } or { type: 'saml', samlProviderArn }");
    requireOneOf(this, 'authentication.type', auth.type, ['certificate', 'saml']);
    if (auth.type === 'certificate') requireArn(this, 'authentication.rootCertificateChainArn', auth.rootCertificateChainArn, { service: 'acm', resourceTypes: ['certificate'], region });
    else {
      requireArn(this, 'authentication.samlProviderArn', auth.samlProviderArn, { service: 'iam', resourceTypes: ['saml-provider'] });
      if (auth.selfServiceSamlProviderArn !== undefined) requireArn(this, 'authentication.selfServiceSamlProviderArn', auth.selfServiceSamlProviderArn, { service: 'iam', resourceTypes: ['saml-provider'] });
    }
    const splitTunnel = requireBoolean(this, 'splitTunnel', props.splitTunnel) ?? true;
    const transport = requireOneOf(this, 'transportProtocol', props.transportProtocol ?? 'udp', ['udp', 'tcp']);
    const vpnPort = props.vpnPort ?? 443;
    if (!isUnresolved(vpnPort) && vpnPort !== 443 && vpnPort !== 1194) configError(this, 'vpnPort', `is ${formatValue(vpnPort)}`, 'Client VPN listens on 443 or 1194');
    const authorizations = requireArray(this, 'authorizations', props.authorizations ?? vpc.cidrBlocks.map((targetCidr) => ({ targetCidr })), "give a list such as [{ targetCidr: '10.0.0.0/16' }]");
    if (authorizations.length === 0) configError(this, 'authorizations', 'is empty', 'authorize at least the VPC CIDR block, or users reach nothing');
    authorizations.forEach((rule, index) => {
      if (typeof rule !== 'object' || rule === null) configError(this, `authorizations[${index}]`, `is ${describeKind(rule)}`, "give { targetCidr: '10.0.0.0/16' }");
      requireString(this, `authorizations[${index}].targetCidr`, rule.targetCidr, "give the destination network, for example '10.0.0.0/16'");
      requireCidr(this, `authorizations[${index}].targetCidr`, rule.targetCidr, { family: 'ipv4' });
      if (rule.accessGroupId !== undefined) requireString(this, `authorizations[${index}].accessGroupId`, rule.accessGroupId, 'give the group ID of your identity provider', { nonEmpty: true });
    });
    const gatewayEndpoint = props.s3GatewayEndpoint === undefined ? undefined : requirePrefixListRef(this, 's3GatewayEndpoint', props.s3GatewayEndpoint);
    const logRetentionDays = requireLogRetentionDays(this, 'logRetentionDays', props.logRetentionDays ?? 365);
    const preventDestroy = requirePreventDestroy(this, 'preventDestroy', props.preventDestroy, 'the Client VPN endpoint');
    const egress: TrafficRule[] = [{ ports: [443], cidrs: vpc.cidrBlocks, description: 'Interface endpoints (S3, Transfer) and HTTPS in the VPC' }];
    if (gatewayEndpoint) egress.push({ ports: [443], prefixListIds: [gatewayEndpoint.prefixListId], description: 'S3 through the gateway endpoint' });
    const securityGroup = new DedicatedSecurityGroup(this, 'SecurityGroup', { vpcId: vpc.vpcId, name: props.name, description: `Client VPN ${props.name}`, egress });
    const logGroup = new EncryptedLogGroup(this, 'ConnectionLogs', { logGroupName: `/aws/client-vpn/${props.name}`, retentionDays: logRetentionDays });
    // The Amazon DNS server of the VPC: the primary block's base address plus two.
    const resolver = addressInCidr(vpc.cidrBlocks[0], 2);
    const endpoint = new Ec2ClientVpnEndpoint(this, 'Endpoint', {
      description: props.name,
      clientCidrBlock: props.clientCidrBlock,
      serverCertificateArn: props.serverCertificateArn,
      authenticationOptions: [
        auth.type === 'certificate'
          ? { type: 'certificate-authentication', rootCertificateChainArn: auth.rootCertificateChainArn }
          : { type: 'federated-authentication', samlProviderArn: auth.samlProviderArn, selfServiceSamlProviderArn: auth.selfServiceSamlProviderArn },
      ],
      connectionLogOptions: { enabled: true, cloudwatchLogGroup: logGroup.logGroupName },
      splitTunnel,
      transportProtocol: transport,
      vpnPort,
      vpcId: vpc.vpcId,
      securityGroupIds: [securityGroup.securityGroupId],
      ...(resolver ? { dnsServers: [resolver] } : {}),
      selfServicePortal: auth.type === 'saml' && auth.selfServiceSamlProviderArn ? 'enabled' : 'disabled',
      tags: nameTags(props.name),
      dependsOn,
      lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
    });
    for (const subnet of subnets) {
      new Ec2ClientVpnNetworkAssociation(this, `Association-${zoneOf(subnet)}`, { clientVpnEndpointId: endpoint.id, subnetId: subnet.subnetId });
    }
    for (const rule of authorizations) {
      const key = `${rule.targetCidr}${rule.accessGroupId ? `-${rule.accessGroupId}` : ''}`.replace(/[^A-Za-z0-9-]/g, '-');
      new Ec2ClientVpnAuthorizationRule(this, `Authorization-${key}`, {
        clientVpnEndpointId: endpoint.id,
        targetNetworkCidr: rule.targetCidr,
        ...(rule.accessGroupId ? { accessGroupId: terraformLiteral(rule.accessGroupId) } : { authorizeAllGroups: true }),
        description: terraformLiteral(rule.accessGroupId ? `${rule.targetCidr} for ${rule.accessGroupId}` : `${rule.targetCidr} for all users`),
      });
    }
    this.endpointId = endpoint.id;
    this.securityGroupId = securityGroup.securityGroupId;
    this.dnsName = endpoint.dnsName;
    this.logGroupName = logGroup.logGroupName;
  }
}
