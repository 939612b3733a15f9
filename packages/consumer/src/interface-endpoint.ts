import { VpcEndpoint, type VpcEndpointDnsEntryList } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointPrivateDns } from '@cdktf/provider-aws/lib/vpc-endpoint-private-dns';
import {
  applyConstructContract,
  awsContext,
  configError,
  type Connectable,
  type Connections,
  type DedicatedSecurityGroup,
  formatValue,
  type MetaArguments,
  nameTags,
  type Peer,
  type PolicyStatement,
  providerRegion,
  requireBoolean,
  requirePreventDestroy,
  requireRegion,
  requireString,
  requireTimeouts,
  reportAs,
  type ResourceTimeouts,
} from '@privatelink-cdktf/core';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { type EndpointAccessProps, endpointSecurityGroup } from './endpoint-access';
import { EndpointConnectionNotifications, type EndpointConnectionNotificationOptions } from './endpoint-connection-notifications';
import { type EndpointPerimeterProps, requireEndpointPolicy } from './endpoint-perimeter';
import { type EndpointPlacementProps, requireEndpointPlacement, requireSubnetAddresses, requireVpcDns } from './endpoint-placement';
import { ExistingInterfaceEndpoint, type InterfaceEndpointAttributes } from './existing-interface-endpoint';
import { type DnsRecordIpType, type EndpointIpAddressType, requireIpTypes } from './ip-address-type';
import { ServiceZoneCheck } from './service-zone-check';
import { type EndpointServiceRef, resolveServiceName } from './service-name';

export interface InterfaceEndpointProps extends EndpointPlacementProps, EndpointAccessProps, EndpointPerimeterProps, MetaArguments {
  /** The service: `{ awsService: 'kinesis-streams' }` or `{ serviceName: 'com.amazonaws.vpce.<region>.vpce-svc-...' }`. */
  readonly service: EndpointServiceRef;
  /** Names the endpoint and its security group, for example `tenant-consumer-prod-kinesis-streams`. */
  readonly name: string;
  /**
   * Resolve the service's own DNS name (`kinesis.ap-northeast-1.amazonaws.com`, or the
   * provider's private DNS name) to the endpoint inside the VPC. Needs DNS support and DNS
   * hostnames on the VPC.
   * @default - true for AWS services, false for custom and partner services
   */
  readonly privateDns?: boolean;
  /**
   * Whether the service's provider must accept the connection first. Private DNS cannot be on
   * while a connection is pending, so with acceptance the endpoint is created without it and an
   * `aws_vpc_endpoint_private_dns` switches it on once accepted (re-run apply after acceptance).
   * @default - true for custom and partner services, false for AWS services
   */
  readonly acceptanceRequired?: boolean;
  /**
   * The service is in this endpoint's account: the endpoint accepts its own connection
   * (`auto_accept`), so no accepter on the provider side is needed, even for an endpoint service
   * created in the same apply. AWS refuses it for a service of another account. Custom services only.
   * @default false
   */
  readonly autoAccept?: boolean;
  /**
   * S3 only: private DNS only for the Route 53 Resolver inbound endpoint; resources in the VPC
   * use the S3 gateway endpoint, which must exist in the same VPC.
   * @default false - set explicitly on every S3 endpoint with private DNS, since AWS's own default
   * (true) fails in a VPC without an S3 gateway endpoint
   */
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
  /** The addresses of the endpoint's network interfaces. @default - not set (AWS: 'ipv4') */
  readonly ipAddressType?: EndpointIpAddressType;
  /** The DNS records created for the endpoint. @default - not set (AWS: matches ipAddressType) */
  readonly dnsRecordIpType?: DnsRecordIpType;
  /**
   * The endpoint policy's statements, in place of the data perimeter: least privilege (name
   * principals, actions and resources). A statement that allows any principal every action on
   * every resource without a condition is refused (see allowFullAccess). Custom services usually
   * ignore endpoint policies.
   * @default - for an AWS service the data perimeter (see organizationId); for other services none
   */
  readonly policy?: readonly PolicyStatement[];
  /**
   * Keep Terraform from destroying the endpoint (`lifecycle.prevent_destroy`); an explicit false
   * in production acknowledges guardrail PL-PROD-2.
   * @default - true in production (core isProduction), false elsewhere
   */
  readonly preventDestroy?: boolean;
  /**
   * The region of the service, for a cross-region endpoint (`service_region`). The service name
   * must be in that region.
   * @default - the endpoint's region
   */
  readonly serviceRegion?: string;
  /** The endpoint's region, used to build AWS service names. @default - the provider's literal region, else the stack's */
  readonly region?: string;
  /** Extra tags for the endpoint. @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** How long Terraform waits to create, update or delete the endpoint. @default - the provider's (10m each) */
  readonly timeouts?: ResourceTimeouts;
  /**
   * Ask AWS, in a Terraform `check` block at plan and after apply, whether the service is offered
   * in every subnet's zone (the most reported endpoint apply failure), for AWS services too. A
   * failed check, or one that cannot reach AWS (offline plans), is a warning, never an error.
   * Each subnet needs its AZ name: a literal `availabilityZone` or a subnet created in this
   * configuration. Not for cross-region endpoints.
   * @default false - only the literal providerAvailabilityZoneIds check
   */
  readonly checkServiceZones?: boolean;
  /**
   * Notify an SNS topic when the provider accepts or rejects the connection (and, if chosen,
   * when it is requested or deleted).
   * @default - no notifications
   */
  readonly connectionNotifications?: EndpointConnectionNotificationOptions;
}

/**
 * An interface VPC endpoint (PrivateLink): network interfaces in the given subnets, one per
 * Availability Zone, behind a dedicated security group that admits only the allowed clients on
 * the service ports, optionally with private DNS, an endpoint policy and fixed addresses.
 */
export class InterfaceEndpoint extends Construct implements Connectable {
  /** A typed reference to an interface endpoint created elsewhere, from literal attributes (no data source). */
  public static fromAttributes(scope: Construct, id: string, attributes: InterfaceEndpointAttributes): ExistingInterfaceEndpoint {
    return new ExistingInterfaceEndpoint(scope, id, attributes);
  }

  public readonly endpointId: string;
  public readonly endpointArn: string;
  /** `pendingAcceptance`, `available`, ... */
  public readonly state: string;
  /** All DNS entries: regional first, then one per zone, then private DNS names. */
  public readonly dnsEntries: VpcEndpointDnsEntryList;
  /** The endpoint's regional DNS name (`vpce-...-....<service>.<region>.vpce.amazonaws.com`). */
  public readonly regionalDnsName: string;
  /** The hosted zone of the regional DNS name, for Route 53 alias records. */
  public readonly regionalDnsHostedZoneId: string;
  /** One zonal DNS name per subnet, in the order of `subnets` (not guaranteed for Marketplace services). */
  public readonly zonalDnsNames: readonly string[];
  public readonly securityGroupId: string;
  /** The security group created for the endpoint. @default - undefined when securityGroupId was given */
  public readonly securityGroup?: DedicatedSecurityGroup;
  /** Every security group of the endpoint: its own first, then additionalSecurityGroupIds. */
  public readonly securityGroupIds: readonly string[];
  /** The wiring of the endpoint's own group: `connections.allowFrom(peer)`. */
  public readonly connections: Connections;
  /** The topic of the connection notifications. @default - undefined without connectionNotifications */
  public readonly notifications?: EndpointConnectionNotifications;
  /** The full service name, for example `com.amazonaws.ap-northeast-1.kinesis-streams`. */
  public readonly serviceName: string;
  public readonly networkInterfaceIds: string[];
  /** Whether private DNS is (or, after acceptance, will be) on. */
  public readonly privateDnsEnabled: boolean;
  public readonly endpoint: VpcEndpoint;

  constructor(scope: Construct, id: string, props: InterfaceEndpointProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireString(this, 'name', props.name, 'give a name such as tenant-consumer-prod-kinesis-streams', { nonEmpty: true });
    const { region } = awsContext(this, { region: props.region ?? providerRegion(provider) });
    const subnets = requireEndpointPlacement(this, props, region);
    if (props.serviceRegion !== undefined) requireRegion(this, 'serviceRegion', props.serviceRegion);
    const resolved = resolveServiceName(this, 'service', props.service, region, { serviceRegion: props.serviceRegion });
    if (resolved.region !== undefined && resolved.region !== (props.serviceRegion ?? region)) {
      configError(
        this,
        'service.serviceName',
        `is in ${resolved.region} but the endpoint expects a service in ${props.serviceRegion ?? region}`,
        props.serviceRegion === undefined ? `set serviceRegion: '${resolved.region}' for a cross-region endpoint` : 'make serviceRegion the region in the service name',
      );
    }
    const privateDns = requireBoolean(this, 'privateDns', props.privateDns) ?? resolved.isAwsService;
    const acceptanceRequired = requireBoolean(this, 'acceptanceRequired', props.acceptanceRequired) ?? !resolved.isAwsService;
    const autoAccept = requireBoolean(this, 'autoAccept', props.autoAccept) ?? false;
    if (autoAccept && resolved.isAwsService) {
      configError(this, 'autoAccept', `is true for the AWS service ${resolved.serviceName}, which accepts every endpoint`, 'leave autoAccept out');
    }
    if (autoAccept && !acceptanceRequired) {
      configError(this, 'autoAccept', 'is true while acceptanceRequired is false, so there is no connection to accept', 'leave autoAccept out, or say acceptanceRequired: true when the service requires acceptance');
    }
    if (privateDns) requireVpcDns(this, props.vpc);
    const isS3 = resolved.isAwsService && resolved.shortName === 's3';
    const inboundResolverOnly = requireBoolean(this, 'privateDnsOnlyForInboundResolverEndpoint', props.privateDnsOnlyForInboundResolverEndpoint);
    if (inboundResolverOnly !== undefined && !isS3) {
      configError(this, 'privateDnsOnlyForInboundResolverEndpoint', `is set for ${resolved.serviceName}`, "leave it out: only S3, which has both gateway and interface endpoints, takes it (service: { awsService: 's3' })");
    }
    if (inboundResolverOnly && !privateDns) {
      configError(this, 'privateDnsOnlyForInboundResolverEndpoint', 'is true but private DNS is off', 'set privateDns: true, or leave privateDnsOnlyForInboundResolverEndpoint out');
    }
    requireIpTypes(this, props.ipAddressType, props.dnsRecordIpType);
    const timeouts = requireTimeouts(this, 'timeouts', props.timeouts);
    const checkServiceZones = requireBoolean(this, 'checkServiceZones', props.checkServiceZones) ?? false;
    if (checkServiceZones && props.serviceRegion !== undefined) {
      configError(this, 'checkServiceZones', 'is true on a cross-region endpoint', 'leave it out: a cross-region service is offered in its own region\'s zones, not in your subnets\'');
    }
    const policy = requireEndpointPolicy(this, props, resolved, props.serviceRegion ?? region);
    const preventDestroy = requirePreventDestroy(this, 'preventDestroy', props.preventDestroy, `the interface endpoint to ${resolved.serviceName}`);
    if (privateDns) requireOnePrivateDnsEndpoint(this, props.vpc.vpcId, resolved.serviceName);
    const access = endpointSecurityGroup(this, props, `Clients of the ${resolved.serviceName} endpoint`);
    // With acceptance pending, AWS refuses private DNS; a separate resource turns it on afterwards.
    const deferPrivateDns = privateDns && acceptanceRequired;

    // An S3 interface endpoint with private DNS but no dns_options gets AWS's default
    // private_dns_only_for_inbound_resolver_endpoint = true, which fails without an S3 gateway endpoint (hashicorp/terraform-provider-aws#46404).
    const resolverOnly = isS3 && privateDns ? (inboundResolverOnly ?? false) : inboundResolverOnly;
    // With neither set, the block is empty and left out of the synthesized JSON.
    const dnsOptions = { dnsRecordIpType: props.dnsRecordIpType, privateDnsOnlyForInboundResolverEndpoint: resolverOnly };
    const lifecycle = {
      ...(deferPrivateDns ? { ignoreChanges: ['private_dns_enabled'] } : {}),
      ...(preventDestroy ? { preventDestroy: true } : {}),
    };
    this.endpoint = new VpcEndpoint(this, 'Endpoint', {
      vpcId: props.vpc.vpcId,
      vpcEndpointType: 'Interface',
      serviceName: resolved.serviceName,
      subnetIds: subnets.map((s) => s.subnetId),
      subnetConfiguration: requireSubnetAddresses(this, 'subnetIpAddresses', subnets, props.subnetIpAddresses),
      securityGroupIds: access.securityGroupIds,
      privateDnsEnabled: privateDns && !deferPrivateDns,
      ipAddressType: props.ipAddressType,
      dnsOptions,
      // Only services with cross-region support take service_region (hashicorp/terraform-provider-aws#42970); resolveServiceName refuses the others.
      serviceRegion: props.serviceRegion,
      autoAccept: autoAccept || undefined,
      policy,
      tags: nameTags(props.name, props.tags),
      dependsOn,
      lifecycle: Object.keys(lifecycle).length > 0 ? lifecycle : undefined,
      timeouts,
    });
    if (deferPrivateDns) {
      new VpcEndpointPrivateDns(this, 'PrivateDns', { vpcEndpointId: this.endpoint.id, privateDnsEnabled: true });
    }
    if (checkServiceZones) {
      // Unsupported zones are the most reported endpoint apply failure: aws/aws-cdk#4912, terraform-aws-modules/terraform-aws-vpc#785.
      new ServiceZoneCheck(this, 'ZoneCheck', { serviceName: resolved.serviceName, serviceType: 'Interface', subnets, field: 'subnets', provider });
    }
    if (props.connectionNotifications !== undefined) {
      this.notifications = reportAs(this, (field) => `connectionNotifications.${field}`, () =>
        new EndpointConnectionNotifications(this, 'ConnectionNotifications', { ...props.connectionNotifications, endpointId: this.endpoint.id, name: props.name }),
      );
    }

    this.endpointId = this.endpoint.id;
    this.endpointArn = this.endpoint.arn;
    this.state = this.endpoint.state;
    this.dnsEntries = this.endpoint.dnsEntry;
    this.regionalDnsName = this.endpoint.dnsEntry.get(0).dnsName;
    this.regionalDnsHostedZoneId = this.endpoint.dnsEntry.get(0).hostedZoneId;
    this.zonalDnsNames = subnets.map((_, index) => this.endpoint.dnsEntry.get(index + 1).dnsName);
    this.securityGroupId = access.securityGroupId;
    this.securityGroup = access.securityGroup;
    this.securityGroupIds = access.securityGroupIds;
    this.connections = access.connections;
    this.serviceName = resolved.serviceName;
    this.networkInterfaceIds = this.endpoint.networkInterfaceIds;
    this.privateDnsEnabled = privateDns;
  }

  /** Admits `peer` (a CIDR, a group or prefix list, or a construct with a security group) on `ports` (default: the endpoint's). */
  public allowFrom(peer: Peer, ports?: readonly number[]): void {
    this.connections.allowFrom(peer, ports);
  }
}

// The endpoints with private DNS of each stack, by VPC and service.
const PRIVATE_DNS_ENDPOINTS = new WeakMap<TerraformStack, Map<string, string>>();

/**
 * Two endpoints with private DNS for the same service in one VPC both claim its DNS name, and
 * the second fails at apply (hashicorp/terraform-provider-aws#17535).
 */
function requireOnePrivateDnsEndpoint(scope: Construct, vpcId: string, serviceName: string): void {
  const stack = TerraformStack.of(scope);
  const endpoints = PRIVATE_DNS_ENDPOINTS.get(stack) ?? new Map<string, string>();
  PRIVATE_DNS_ENDPOINTS.set(stack, endpoints);
  const key = `${vpcId} ${serviceName}`;
  const other = endpoints.get(key);
  if (other !== undefined) {
    configError(scope, 'privateDns', `is on for ${formatValue(serviceName)}, which ${other} already resolves with private DNS in the same VPC`, `use the endpoint ${other}, or set privateDns: false on this one`);
  }
  endpoints.set(key, scope.node.path);
}
