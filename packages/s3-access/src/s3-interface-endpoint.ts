import { InterfaceEndpoint, ResolverInboundEndpoint } from '@privatelink-cdktf/consumer';
import {
  applyConstructContract,
  requireAddressInSubnet,
  awsContext,
  configError,
  describeKind,
  isUnresolved,
  type MetaArguments,
  providerRegion,
  reportAs,
  requireNarrowCidrs,
  requireNonEmpty,
  requireResourceId,
  requireSubnetPlacement,
  requireVpcRef,
  type SubnetRef,
  type VpcRef,
  zoneOf,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { requireResourceName } from './resource-name';
import { type S3EndpointPolicyOptions, s3EndpointStatements } from './s3-endpoint-policy';
import { S3GatewayEndpoint } from './s3-gateway-endpoint';

/** An S3 gateway endpoint of the same VPC, as the interface endpoint needs it. */
export interface S3GatewayEndpointRef {
  readonly endpointId: string;
  readonly vpcId: string;
}

/** The Route 53 Resolver inbound endpoint of an {@link S3InterfaceEndpoint}. */
export interface S3InboundResolverOptions {
  /** Networks whose DNS servers forward S3 names to the resolver. @default - the endpoint's clientCidrs */
  readonly clientCidrs?: readonly string[];
  /** Fixed addresses keyed by subnet ID or zone, for the on-premises conditional forwarders. @default - AWS picks them */
  readonly ipAddresses?: Readonly<Record<string, string>>;
}

export interface S3InterfaceEndpointProps extends MetaArguments, S3EndpointPolicyOptions {
  /** Names the endpoint, its security group and the resolver, for example `s3-private-access-prod-s3`. */
  readonly name: string;
  readonly vpc: VpcRef;
  /** One subnet per Availability Zone (two at least for the Resolver inbound endpoint). */
  readonly subnets: readonly SubnetRef[];
  /** Networks of the S3 clients (on-premises, other VPCs) admitted on 443; add the VPC's block for clients inside it. Never the whole internet. */
  readonly clientCidrs: readonly string[];
  /**
   * Required, with no default, because it decides where S3 traffic from inside the VPC goes:
   * `true` resolves S3 names to this endpoint only for queries arriving through the Resolver
   * inbound endpoint (on-premises), so instances in the VPC keep using the free gateway endpoint
   * (`gatewayEndpoint` must then be given); `false` sends the VPC's S3 traffic through this
   * endpoint too (billed per GB).
   */
  readonly privateDnsOnlyForInboundResolverEndpoint: boolean;
  /** The S3 gateway endpoint of the same VPC. @default - none (not allowed with privateDnsOnlyForInboundResolverEndpoint) */
  readonly gatewayEndpoint?: S3GatewayEndpointRef;
  /**
   * A Route 53 Resolver inbound endpoint (consumer `ResolverInboundEndpoint`) so on-premises DNS
   * can resolve S3 names to this endpoint, or `false` when the VPC already has one.
   * @default - one admitting DNS from `clientCidrs`
   */
  readonly inboundResolver?: S3InboundResolverOptions | false;
  /**
   * `lifecycle { prevent_destroy }` on the endpoint clients connect through. An explicit `false`
   * in production is recorded as an acknowledgement of PL-PROD-2.
   * @default - true in production, false elsewhere
   */
  readonly preventDestroy?: boolean;
}

/**
 * The recommended way to reach S3 from on-premises over Direct Connect or VPN: an S3 interface
 * endpoint (PrivateLink) with private IP addresses in the VPC, a security group admitting the
 * client networks on 443, an endpoint policy limited to the named buckets, the chosen actions
 * and the VPC's account (or the given accounts or organization), private DNS (the S3 names
 * resolve to the endpoint) and a Route 53 Resolver inbound endpoint that on-premises DNS
 * forwards to. Clients use the standard S3 names and SDKs unchanged. Fully managed; costs an
 * hourly fee per zone plus per GB processed. Built on the consumer `InterfaceEndpoint`.
 */
export class S3InterfaceEndpoint extends Construct {
  public readonly endpointId: string;
  public readonly regionalDnsName: string;
  public readonly securityGroupId: string;
  public readonly interfaceEndpoint: InterfaceEndpoint;
  public readonly inboundResolver?: ResolverInboundEndpoint;

  constructor(scope: Construct, id: string, props: S3InterfaceEndpointProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireResourceName(this, props.name);
    const vpc = requireVpcRef(this, 'vpc', props.vpc);
    const { partition, region, accountId } = awsContext(this, { region: providerRegion(provider) });
    const inboundResolver = props.inboundResolver;
    const subnets = requireSubnetPlacement(this, 'subnets', props.subnets, inboundResolver === false ? 1 : 2, { region });
    const clientCidrs = requireNarrowCidrs(this, 'clientCidrs', requireNonEmpty(this, 'clientCidrs', props.clientCidrs, 'list the networks of the S3 clients, for example the on-premises ["192.168.0.0/16"]'));
    if (typeof props.privateDnsOnlyForInboundResolverEndpoint !== 'boolean') {
      configError(this, 'privateDnsOnlyForInboundResolverEndpoint', props.privateDnsOnlyForInboundResolverEndpoint === undefined ? 'is not set' : `is ${describeKind(props.privateDnsOnlyForInboundResolverEndpoint)}`, 'set it explicitly: true keeps VPC traffic on the gateway endpoint (give gatewayEndpoint), false sends it through this endpoint');
    }
    const gateway = props.gatewayEndpoint;
    if (props.privateDnsOnlyForInboundResolverEndpoint && gateway === undefined) {
      configError(this, 'privateDnsOnlyForInboundResolverEndpoint', 'is true but no S3 gateway endpoint is given', 'AWS requires an S3 gateway endpoint in the same VPC: pass gatewayEndpoint (an S3GatewayEndpoint), or set the option to false');
    }
    if (gateway !== undefined) {
      if (typeof gateway !== 'object' || gateway === null) configError(this, 'gatewayEndpoint', `is ${describeKind(gateway)}`, 'give the S3GatewayEndpoint of the same VPC');
      requireResourceId(this, 'gatewayEndpoint.endpointId', gateway.endpointId, 'vpcEndpoint');
      if (isUnresolved(gateway.vpcId) === isUnresolved(vpc.vpcId) && gateway.vpcId !== vpc.vpcId) {
        configError(this, 'gatewayEndpoint', 'is in another VPC', 'give the S3 gateway endpoint of the same VPC as the interface endpoint');
      }
    }
    if (inboundResolver !== undefined && inboundResolver !== false && (typeof inboundResolver !== 'object' || inboundResolver === null)) {
      configError(this, 'inboundResolver', `is ${describeKind(inboundResolver)}`, 'give { ipAddresses: { ... } }, or false when the VPC already has an inbound endpoint');
    }
    for (const [key, address] of Object.entries((inboundResolver || undefined)?.ipAddresses ?? {})) {
      const subnet = subnets.find((candidate) => candidate.subnetId === key || zoneOf(candidate) === key);
      if (subnet === undefined) configError(this, `inboundResolver.ipAddresses.${key}`, 'names no subnet of the endpoint', `key fixed addresses by one of ${subnets.map((candidate) => zoneOf(candidate) ?? candidate.subnetId).join(', ')}`);
      requireAddressInSubnet(this, `inboundResolver.ipAddresses.${key}`, address, subnet);
    }
    const policy = s3EndpointStatements(this, props, { partition, accountId });
    this.interfaceEndpoint = new InterfaceEndpoint(this, 'Endpoint', {
      name: props.name,
      vpc,
      subnets,
      service: { awsService: 's3' },
      allowedCidrs: clientCidrs,
      privateDns: true,
      // Always set, so dns_options is always written: an S3 interface endpoint created without it
      // fails when the VPC has no gateway endpoint (hashicorp/terraform-provider-aws#46404).
      privateDnsOnlyForInboundResolverEndpoint: props.privateDnsOnlyForInboundResolverEndpoint,
      policy,
      // The endpoint takes an open statement only by name; s3EndpointStatements checked and acknowledged it.
      allowFullAccess: props.allowAll === true ? true : undefined,
      // On by default in production; an explicit false acknowledges PL-PROD-2 on the endpoint.
      preventDestroy: props.preventDestroy,
      // With the inbound-resolver-only option AWS checks for the gateway endpoint at creation.
      dependsOn: [...(dependsOn ?? []), ...(gateway instanceof S3GatewayEndpoint ? [gateway.gatewayEndpoint.endpoint] : [])],
      provider,
    });
    if (inboundResolver !== false) {
      // The resolver's fields are the caller's inboundResolver.* (clientCidrs falls back to the endpoint's).
      this.inboundResolver = reportAs(this, (field) => (field === 'allowedCidrs' ? (inboundResolver?.clientCidrs ? 'inboundResolver.clientCidrs' : 'clientCidrs') : `inboundResolver.${field}`), () =>
        new ResolverInboundEndpoint(this, 'InboundResolver', {
          name: `${props.name}-inbound-dns`,
          vpc,
          subnets,
          allowedCidrs: inboundResolver?.clientCidrs ?? clientCidrs,
          ipAddresses: inboundResolver?.ipAddresses,
          provider,
        }),
      );
    }
    this.endpointId = this.interfaceEndpoint.endpointId;
    this.regionalDnsName = this.interfaceEndpoint.regionalDnsName;
    this.securityGroupId = this.interfaceEndpoint.securityGroupId;
  }
}
