import { VpcEndpoint, type VpcEndpointDnsEntryList } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointPrivateDns } from '@cdktf/provider-aws/lib/vpc-endpoint-private-dns';
import {
  awsContext,
  configError,
  type Connectable,
  type Connections,
  type DedicatedSecurityGroup,
  dependsOnOf,
  type MetaArguments,
  nameTags,
  type Peer,
  policyDocument,
  type PolicyStatement,
  providerRegion,
  requireRegion,
  requireTimeouts,
  type ResourceTimeouts,
  useProvider,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { type EndpointAccessProps, endpointSecurityGroup } from './endpoint-access';
import { EndpointConnectionNotifications, type EndpointConnectionNotificationOptions } from './endpoint-connection-notifications';
import { type EndpointPlacementProps, requireVpcDns, subnetConfiguration, validateEndpointSubnets } from './endpoint-placement';
import { ExistingInterfaceEndpoint, type InterfaceEndpointAttributes } from './existing-interface-endpoint';
import { type DnsRecordIpType, type EndpointIpAddressType, validateIpTypes } from './ip-address-type';
import { ServiceZoneCheck } from './service-zone-check';
import { type EndpointServiceRef, resolveServiceName } from './service-name';

export interface InterfaceEndpointProps extends EndpointPlacementProps, EndpointAccessProps, MetaArguments {
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
   * Private DNS only for the Route 53 Resolver inbound endpoint; resources in the VPC use the
   * endpoint's own names (used with an S3 gateway endpoint in the same VPC).
   * @default - not set (AWS: false)
   */
  readonly privateDnsOnlyForInboundResolverEndpoint?: boolean;
  /** The addresses of the endpoint's network interfaces. @default - not set (AWS: 'ipv4') */
  readonly ipAddressType?: EndpointIpAddressType;
  /** The DNS records created for the endpoint. @default - not set (AWS: matches ipAddressType) */
  readonly dnsRecordIpType?: DnsRecordIpType;
  /**
   * Endpoint policy statements, least privilege (name principals, actions and resources).
   * Custom services usually ignore endpoint policies.
   * @default - no policy: AWS's default allows full access through the endpoint (IAM still applies)
   */
  readonly policy?: readonly PolicyStatement[];
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
    if (!props.name) configError(this, 'name', 'is empty', 'give a name such as tenant-consumer-prod-kinesis-streams');
    const subnets = validateEndpointSubnets(this, props);
    const { region } = awsContext(this, { region: props.region ?? providerRegion(props.provider) });
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
    const privateDns = props.privateDns ?? resolved.isAwsService;
    const acceptanceRequired = props.acceptanceRequired ?? !resolved.isAwsService;
    if (privateDns) requireVpcDns(this, props.vpc);
    if (props.privateDnsOnlyForInboundResolverEndpoint && !privateDns) {
      configError(this, 'privateDnsOnlyForInboundResolverEndpoint', 'is true but private DNS is off', 'set privateDns: true, or leave privateDnsOnlyForInboundResolverEndpoint out');
    }
    validateIpTypes(this, props.ipAddressType, props.dnsRecordIpType);
    const timeouts = requireTimeouts(this, 'timeouts', props.timeouts);
    if (props.checkServiceZones && props.serviceRegion !== undefined) {
      configError(this, 'checkServiceZones', 'is true on a cross-region endpoint', 'leave it off: a cross-region service is offered in its own region\'s zones, not in your subnets\'');
    }
    const access = endpointSecurityGroup(this, props, `Clients of the ${resolved.serviceName} endpoint`);
    // With acceptance pending, AWS refuses private DNS; a separate resource turns it on afterwards.
    const deferPrivateDns = privateDns && acceptanceRequired;

    const dnsOptions =
      props.dnsRecordIpType !== undefined || props.privateDnsOnlyForInboundResolverEndpoint !== undefined
        ? { dnsRecordIpType: props.dnsRecordIpType, privateDnsOnlyForInboundResolverEndpoint: props.privateDnsOnlyForInboundResolverEndpoint }
        : undefined;
    this.endpoint = new VpcEndpoint(this, 'Endpoint', {
      vpcId: props.vpc.vpcId,
      vpcEndpointType: 'Interface',
      serviceName: resolved.serviceName,
      subnetIds: subnets.map((s) => s.subnetId),
      subnetConfiguration: subnetConfiguration(this, 'subnetIpAddresses', subnets, props.subnetIpAddresses),
      securityGroupIds: access.securityGroupIds,
      privateDnsEnabled: privateDns && !deferPrivateDns,
      ipAddressType: props.ipAddressType,
      dnsOptions,
      serviceRegion: props.serviceRegion,
      policy: props.policy ? policyDocument(this, 'policy', props.policy) : undefined,
      tags: nameTags(props.name, props.tags),
      dependsOn: dependsOnOf(props),
      lifecycle: deferPrivateDns ? { ignoreChanges: ['private_dns_enabled'] } : undefined,
      timeouts,
    });
    if (deferPrivateDns) {
      new VpcEndpointPrivateDns(this, 'PrivateDns', { vpcEndpointId: this.endpoint.id, privateDnsEnabled: true });
    }
    if (props.checkServiceZones) {
      // Unsupported zones are the most reported endpoint apply failure: aws/aws-cdk#4912, terraform-aws-modules/terraform-aws-vpc#785.
      new ServiceZoneCheck(this, 'ZoneCheck', { serviceName: resolved.serviceName, serviceType: 'Interface', subnets, field: 'subnets', provider: props.provider });
    }
    if (props.connectionNotifications !== undefined) {
      this.notifications = new EndpointConnectionNotifications(this, 'ConnectionNotifications', { ...props.connectionNotifications, endpointId: this.endpoint.id, name: props.name });
    }
    useProvider(this, props.provider);

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
