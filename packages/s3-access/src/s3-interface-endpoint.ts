import { InterfaceEndpoint, ResolverInboundEndpoint } from '@privatelink-cdktf/consumer';
import {
  awsContext,
  configError,
  isUnresolved,
  type PolicyStatement,
  requireNonEmpty,
  type SubnetRef,
  useProvider,
  type VpcRef,
} from '@privatelink-cdktf/core';
import type { ITerraformDependable, TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { requireClientCidrs } from './client-cidrs';
import { s3EndpointStatements } from './s3-endpoint-policy';
import { S3GatewayEndpoint } from './s3-gateway-endpoint';

/** An S3 gateway endpoint of the same VPC, as the interface endpoint needs it. */
export interface S3GatewayEndpointRef {
  readonly endpointId: string;
  readonly vpcId: string;
}

export interface S3InterfaceEndpointProps {
  /** Names the endpoint, its security group and the resolver, for example `s3-private-access-prod-s3`. */
  readonly name: string;
  readonly vpc: VpcRef;
  /** One subnet per Availability Zone (two at least for the Resolver inbound endpoint). */
  readonly subnets: readonly SubnetRef[];
  /** The only buckets reachable through the endpoint. */
  readonly bucketNames: readonly string[];
  /** Networks of the S3 clients (on-premises, other VPCs) admitted on 443; add the VPC's block for clients inside it. */
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
   * can resolve S3 names to this endpoint, or `false` when the VPC already has one. Fixed
   * addresses are keyed by subnet ID or zone.
   * @default - one admitting DNS from `clientCidrs`
   */
  readonly inboundResolver?: { readonly clientCidrs?: readonly string[]; readonly ipAddresses?: Readonly<Record<string, string>> } | false;
  /** More endpoint policy statements. @default [] */
  readonly additionalStatements?: readonly PolicyStatement[];
  /** @default - the default provider */
  readonly provider?: TerraformProvider;
  /** @default [] */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * The recommended way to reach S3 from on-premises over Direct Connect or VPN: an S3 interface
 * endpoint (PrivateLink) with private IP addresses in the VPC, a security group admitting the
 * client networks on 443, an endpoint policy limited to the named buckets, private DNS (the S3
 * names resolve to the endpoint) and a Route 53 Resolver inbound endpoint that on-premises DNS
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
    useProvider(this, props.provider);
    const bucketNames = requireNonEmpty(this, 'bucketNames', props.bucketNames, 'name the buckets clients may reach; the endpoint policy allows nothing else');
    const clientCidrs = requireClientCidrs(this, 'clientCidrs', props.clientCidrs, 'list the networks of the S3 clients, for example the on-premises ["192.168.0.0/16"]');
    if (typeof props.privateDnsOnlyForInboundResolverEndpoint !== 'boolean') {
      configError(this, 'privateDnsOnlyForInboundResolverEndpoint', 'is not set', 'set it explicitly: true keeps VPC traffic on the gateway endpoint (give gatewayEndpoint), false sends it through this endpoint');
    }
    const gateway = props.gatewayEndpoint;
    if (props.privateDnsOnlyForInboundResolverEndpoint && gateway === undefined) {
      configError(this, 'privateDnsOnlyForInboundResolverEndpoint', 'is true but no S3 gateway endpoint is given', 'AWS requires an S3 gateway endpoint in the same VPC: pass gatewayEndpoint (an S3GatewayEndpoint), or set the option to false');
    }
    if (gateway && isUnresolved(gateway.vpcId) === isUnresolved(props.vpc.vpcId) && gateway.vpcId !== props.vpc.vpcId) {
      configError(this, 'gatewayEndpoint', 'is in another VPC', 'give the S3 gateway endpoint of the same VPC as the interface endpoint');
    }
    const { partition } = awsContext(this);
    this.interfaceEndpoint = new InterfaceEndpoint(this, 'Endpoint', {
      name: props.name,
      vpc: props.vpc,
      subnets: props.subnets,
      service: { awsService: 's3' },
      allowedCidrs: clientCidrs,
      privateDns: true,
      privateDnsOnlyForInboundResolverEndpoint: props.privateDnsOnlyForInboundResolverEndpoint,
      policy: [...s3EndpointStatements(this, 'bucketNames', partition, bucketNames), ...(props.additionalStatements ?? [])],
      // With the inbound-resolver-only option AWS checks for the gateway endpoint at creation.
      dependsOn: [...(props.dependsOn ?? []), ...(gateway instanceof S3GatewayEndpoint ? [gateway.gatewayEndpoint.endpoint] : [])],
    });
    if (props.inboundResolver !== false) {
      this.inboundResolver = new ResolverInboundEndpoint(this, 'InboundResolver', {
        name: `${props.name}-inbound-dns`,
        vpc: props.vpc,
        subnets: props.subnets,
        allowedCidrs: props.inboundResolver?.clientCidrs ?? clientCidrs,
        ipAddresses: props.inboundResolver?.ipAddresses,
      });
    }
    this.endpointId = this.interfaceEndpoint.endpointId;
    this.regionalDnsName = this.interfaceEndpoint.regionalDnsName;
    this.securityGroupId = this.interfaceEndpoint.securityGroupId;
  }
}

