import { Route } from '@cdktf/provider-aws/lib/route';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import {
  applyConstructContract,
  awsContext,
  requireBoolean,
  configError,
  isUnresolved,
  type MetaArguments,
  nameTags,
  providerRegion,
  requireCidr,
  requireKeys,
  requireOneOf,
  requireResourceId,
  requireString,
  requireTimeouts,
  type ResourceTimeouts,
  formatValue,
  requireSubnetPlacement,
  type SubnetRef,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { ServiceZoneCheck } from './service-zone-check';
import { resolveServiceName } from './service-name';

/** One route that sends traffic to the endpoint (and so through the appliances). Give exactly one destination. */
export interface GatewayLoadBalancerRoute {
  /**
   * The route table: for ingress routing the edge table associated with the internet gateway
   * (destination: an application subnet); for egress inspection the application subnets' table
   * (destination: 0.0.0.0/0 or a prefix list).
   */
  readonly routeTableId: string;
  /** @default - none */
  readonly destinationCidrBlock?: string;
  /** Needs ipAddressType 'dualstack'. @default - none */
  readonly destinationIpv6CidrBlock?: string;
  /** @default - none */
  readonly destinationPrefixListId?: string;
}

export interface GatewayLoadBalancerEndpointProps extends MetaArguments {
  readonly vpcId: string;
  /** The one subnet of the endpoint (one endpoint per zone; create one per zone for high availability). */
  readonly subnet: SubnetRef;
  /** The Gateway Load Balancer's endpoint service: `com.amazonaws.vpce.<region>.vpce-svc-...`. */
  readonly serviceName: string;
  /** Names the endpoint, for example `tenant-consumer-prod-inspection-az1`. */
  readonly name: string;
  /**
   * Routes to the endpoint, keyed by a stable name (`edge-app-az1`, `app-default`): each key is its
   * own `aws_route`, so adding a route never touches the others.
   * @default {} - add routes of your own with the endpointId
   */
  readonly routes?: Readonly<Record<string, GatewayLoadBalancerRoute>>;
  /** `ipv4` or `dualstack`. @default - not set (AWS: 'ipv4') */
  readonly ipAddressType?: 'ipv4' | 'dualstack';
  /**
   * Ask AWS in a Terraform `check` block whether the service is offered in the subnet's zone
   * (a warning, never an error; needs the subnet's AZ name, see InterfaceEndpointProps.checkServiceZones).
   * @default false
   */
  readonly checkServiceZones?: boolean;
  /** The endpoint's region. @default - the provider's literal region, else the stack's */
  readonly region?: string;
  /** How long Terraform waits to create, update or delete the endpoint. @default - the provider's (10m each) */
  readonly timeouts?: ResourceTimeouts;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

// What interface endpoints take and a Gateway Load Balancer endpoint refuses.
const NOT_FOR_GWLB: Record<string, string> = {
  subnets: 'give one subnet as subnet; create one endpoint per zone',
  securityGroupId: 'leave it out: traffic is filtered by the appliances, and the endpoint takes no security group',
  additionalSecurityGroupIds: 'leave it out: the endpoint takes no security group',
  allowedCidrs: 'leave it out: the endpoint takes no security group',
  policy: 'leave it out: Gateway Load Balancer endpoints take no endpoint policy',
  privateDns: 'leave it out: Gateway Load Balancer endpoints have no DNS names',
};

/**
 * A Gateway Load Balancer endpoint (`vpc_endpoint_type = "GatewayLoadBalancer"`): a route target in
 * one subnet that hands traffic to a fleet of inspection appliances (firewalls, IDS) behind a
 * Gateway Load Balancer, for ingress routing (edge route table) or egress inspection. No security
 * groups, no policy, no DNS; the routes that send traffic to it are keyed by stable names.
 */
export class GatewayLoadBalancerEndpoint extends Construct {
  public readonly endpointId: string;
  public readonly endpointArn: string;
  /** The endpoint's network interface in the subnet. */
  public readonly networkInterfaceIds: string[];
  public readonly serviceName: string;
  public readonly endpoint: VpcEndpoint;
  /** The routes, by key. */
  public readonly routes: Readonly<Record<string, Route>>;

  constructor(scope: Construct, id: string, props: GatewayLoadBalancerEndpointProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    for (const [field, fix] of Object.entries(NOT_FOR_GWLB)) {
      if ((props as unknown as Record<string, unknown>)[field] !== undefined) configError(this, field, 'is set on a Gateway Load Balancer endpoint', fix);
    }
    requireResourceId(this, 'vpcId', props.vpcId, 'vpc');
    requireString(this, 'name', props.name, 'give a name such as tenant-consumer-prod-inspection-az1', { nonEmpty: true });
    const subnet = props.subnet;
    if (typeof subnet !== 'object' || subnet === null || Array.isArray(subnet)) {
      configError(this, 'subnet', `is ${formatValue(subnet)}`, "give one subnet, for example { subnetId: 'subnet-...', availabilityZone: 'ap-northeast-1a' }");
    }
    requireString(this, 'serviceName', props.serviceName, 'give the Gateway Load Balancer endpoint service name, com.amazonaws.vpce.<region>.vpce-svc-...');
    const { region } = awsContext(this, { region: props.region ?? providerRegion(provider) });
    requireSubnetPlacement(this, 'subnet', [subnet], 1, { region });
    requireResourceId(this, 'subnet.subnetId', subnet.subnetId, 'subnet');
    const checkServiceZones = requireBoolean(this, 'checkServiceZones', props.checkServiceZones) ?? false;
    const resolved = resolveServiceName(this, '', { serviceName: props.serviceName }, region);
    if (resolved.isAwsService || (resolved.region !== undefined && resolved.region !== region)) {
      configError(this, 'serviceName', `is ${formatValue(props.serviceName)}`, `give a Gateway Load Balancer endpoint service in ${region} (com.amazonaws.vpce.${region}.vpce-svc-...); these endpoints are never cross-region`);
    }
    if (props.ipAddressType !== undefined) requireOneOf(this, 'ipAddressType', props.ipAddressType, ['ipv4', 'dualstack']);
    const timeouts = requireTimeouts(this, 'timeouts', props.timeouts);
    const routes = props.routes ?? {};
    requireKeys(this, 'routes', Object.keys(routes));
    const destinations = new Map<string, string>();
    for (const [key, route] of Object.entries(routes)) requireRoute(this, `routes.${key}`, route, props.ipAddressType, destinations);

    this.endpoint = new VpcEndpoint(this, 'Endpoint', {
      vpcId: props.vpcId,
      vpcEndpointType: 'GatewayLoadBalancer',
      serviceName: props.serviceName,
      subnetIds: [subnet.subnetId],
      ipAddressType: props.ipAddressType,
      tags: nameTags(props.name, props.tags),
      dependsOn,
      timeouts,
    });
    const created: Record<string, Route> = {};
    for (const [key, route] of Object.entries(routes)) {
      created[key] = new Route(this, `Route-${key}`, {
        routeTableId: route.routeTableId,
        destinationCidrBlock: route.destinationCidrBlock,
        destinationIpv6CidrBlock: route.destinationIpv6CidrBlock,
        destinationPrefixListId: route.destinationPrefixListId,
        vpcEndpointId: this.endpoint.id,
      });
    }
    if (checkServiceZones) {
      // Unsupported zones are the most reported endpoint apply failure: aws/aws-cdk#4912, terraform-aws-modules/terraform-aws-vpc#785.
      new ServiceZoneCheck(this, 'ZoneCheck', { serviceName: props.serviceName, serviceType: 'GatewayLoadBalancer', subnets: [subnet], field: 'subnet', provider });
    }
    this.endpointId = this.endpoint.id;
    this.endpointArn = this.endpoint.arn;
    this.networkInterfaceIds = this.endpoint.networkInterfaceIds;
    this.serviceName = props.serviceName;
    this.routes = created;
  }
}

function requireRoute(scope: Construct, field: string, route: GatewayLoadBalancerRoute, ipAddressType: string | undefined, seen: Map<string, string>): void {
  if (typeof route !== 'object' || route === null) configError(scope, field, `is ${formatValue(route)}`, "give { routeTableId, destinationCidrBlock } (or destinationIpv6CidrBlock, destinationPrefixListId)");
  const tableId = requireResourceId(scope, `${field}.routeTableId`, route.routeTableId, 'routeTable');
  const given = (['destinationCidrBlock', 'destinationIpv6CidrBlock', 'destinationPrefixListId'] as const).filter((d) => route[d] !== undefined);
  if (given.length !== 1) {
    configError(scope, field, given.length === 0 ? 'has no destination' : `has ${given.join(' and ')}`, 'give exactly one of destinationCidrBlock, destinationIpv6CidrBlock, destinationPrefixListId');
  }
  const [kind] = given;
  const destination = route[kind] as string;
  if (kind === 'destinationPrefixListId') {
    requireResourceId(scope, `${field}.${kind}`, destination, 'prefixList');
  } else {
    requireCidr(scope, `${field}.${kind}`, destination);
    if (!isUnresolved(destination) && destination.includes(':') !== (kind === 'destinationIpv6CidrBlock')) {
      configError(scope, `${field}.${kind}`, `is ${formatValue(destination)}`, kind === 'destinationIpv6CidrBlock' ? 'give an IPv6 block here, or use destinationCidrBlock' : 'give an IPv4 block here, or use destinationIpv6CidrBlock');
    }
  }
  if (kind === 'destinationIpv6CidrBlock' && ipAddressType !== 'dualstack') {
    configError(scope, `${field}.${kind}`, 'routes IPv6 to an IPv4-only endpoint', "set ipAddressType: 'dualstack' on the endpoint");
  }
  // Two keys for one table and destination would fail at apply (RouteAlreadyExists).
  if (!isUnresolved(tableId) && !isUnresolved(destination)) {
    const other = seen.get(`${tableId} ${destination}`);
    if (other !== undefined) configError(scope, field, `routes ${destination} in ${tableId}, as ${other} does`, 'keep one route per table and destination');
    seen.set(`${tableId} ${destination}`, field);
  }
}
