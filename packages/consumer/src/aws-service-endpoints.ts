import { applyConstructContract, configError, formatValue, type MetaArguments, requireKeys, reportAs, requireString, type ResourceTimeouts } from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import type { EndpointAccessProps } from './endpoint-access';
import type { EndpointPerimeterProps } from './endpoint-perimeter';
import type { EndpointPlacementProps } from './endpoint-placement';
import { InterfaceEndpoint, type InterfaceEndpointProps } from './interface-endpoint';

/** One AWS service of an {@link AwsServiceEndpoints} map, with optional per-service overrides. */
export type AwsServiceEndpointSpec = {
  readonly awsService: string;
  /** Accept a short name the service catalogue does not list yet (recorded in the synthesized JSON). @default false */
  readonly unlisted?: boolean;
} & Partial<
  Omit<InterfaceEndpointProps, 'service' | 'vpc' | 'subnets' | 'name' | 'provider' | 'dependsOn'>
> & {
    /** @default - the map's subnets */
    readonly subnets?: EndpointPlacementProps['subnets'];
  };

export interface AwsServiceEndpointsProps extends Omit<EndpointPlacementProps, 'subnetIpAddresses'>, EndpointAccessProps, Omit<EndpointPerimeterProps, 'allowFullAccess' | 'additionalStatements'>, MetaArguments {
  /**
   * The services, keyed by a stable name that becomes the construct ID and the name suffix:
   * `{ kinesis: { awsService: 'kinesis-streams' }, logs: { awsService: 'logs' } }`.
   */
  readonly services: Readonly<Record<string, AwsServiceEndpointSpec>>;
  /** Prefix of each endpoint's name: `<name>-<key>`. */
  readonly name: string;
  /** @default - see InterfaceEndpointProps.privateDns (true for AWS services) */
  readonly privateDns?: boolean;
  /** @default - the stack's region */
  readonly region?: string;
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
  /** @default - the provider's (10m each) */
  readonly timeouts?: ResourceTimeouts;
  /** @default - true in production, false elsewhere (see InterfaceEndpointProps.preventDestroy) */
  readonly preventDestroy?: boolean;
  /** Check in a Terraform `check` block that every service is offered in every subnet's zone (see InterfaceEndpointProps.checkServiceZones). @default false */
  readonly checkServiceZones?: boolean;
}

/**
 * Interface endpoints for a set of AWS services declared as one map, so a workload in private
 * subnets can call them without internet. Each service gets its own endpoint and dedicated
 * security group; adding or removing a key never touches the other endpoints.
 */
export class AwsServiceEndpoints extends Construct {
  /** The endpoints by key. */
  public readonly endpoints: Readonly<Record<string, InterfaceEndpoint>>;

  constructor(scope: Construct, id: string, props: AwsServiceEndpointsProps) {
    super(scope, id);
    applyConstructContract(this, props);
    requireString(this, 'name', props.name, 'give the prefix of the endpoint names, for example tenant-consumer-prod', { nonEmpty: true });
    const services = props.services;
    if (typeof services !== 'object' || services === null || Array.isArray(services)) {
      configError(this, 'services', `is ${formatValue(services)}`, "give the services keyed by a stable name, for example { kinesis: { awsService: 'kinesis-streams' } }");
    }
    const keys = Object.keys(services);
    if (keys.length === 0) configError(this, 'services', 'is empty', "give at least one service, for example { kinesis: { awsService: 'kinesis-streams' } }");
    requireKeys(this, 'services', keys);
    const endpoints: Record<string, InterfaceEndpoint> = {};
    for (const key of keys) {
      const spec = services[key];
      if (typeof spec !== 'object' || spec === null) configError(this, `services.${key}`, `is ${formatValue(spec)}`, "give { awsService: 'kinesis-streams' }");
      const { awsService, unlisted, ...overrides } = spec;
      // An inner endpoint's error is reported under the field written here: the service's own, or the map's.
      const field = (inner: string): string => {
        const top = inner.split(/[.[]/)[0];
        if (top === 'service') return `services.${key}${inner.slice('service'.length)}`;
        return top in overrides ? `services.${key}.${inner}` : inner;
      };
      endpoints[key] = reportAs(this, field, () =>
        new InterfaceEndpoint(this, key, {
          vpc: props.vpc,
          subnets: props.subnets,
          providerAvailabilityZoneIds: props.providerAvailabilityZoneIds,
          ports: props.ports,
          allowedCidrs: props.allowedCidrs,
          allowedSecurityGroupIds: props.allowedSecurityGroupIds,
          allowedPrefixListIds: props.allowedPrefixListIds,
          additionalSecurityGroupIds: props.additionalSecurityGroupIds,
          allowOpenIngress: props.allowOpenIngress,
          securityGroupId: props.securityGroupId,
          privateDns: props.privateDns,
          organizationId: props.organizationId,
          perimeterAccountIds: props.perimeterAccountIds,
          preventDestroy: props.preventDestroy,
          region: props.region,
          tags: props.tags,
          timeouts: props.timeouts,
          checkServiceZones: props.checkServiceZones,
          provider: props.provider,
          dependsOn: props.dependsOn,
          ...overrides,
          service: { awsService, unlisted },
          name: `${props.name}-${key}`,
        }),
      );
    }
    this.endpoints = endpoints;
  }

  /** The endpoint of one key; fails with the known keys when it is missing. */
  public endpoint(key: string): InterfaceEndpoint {
    return this.endpoints[key] ?? configError(this, 'services', `has no key '${key}'`, `use one of ${Object.keys(this.endpoints).join(', ')}`);
  }
}
