import type { IConstruct } from 'constructs';
import { configError, formatValue } from '../config-error';
import { recordOptIn } from '../guardrails/opt-ins';
import { AWS_REGIONS } from '../regions';
import { isUnresolved } from '../validate';
import { awsServiceInfo, awsServiceName, CROSS_REGION_SERVICES, GATEWAY_SERVICES, suggestAwsService, type AwsServiceInfo } from './service-catalogue';

/**
 * The service an endpoint connects to: an AWS service by its short name
 * (`{ awsService: 'kinesis-streams' }`), or any service by its full name
 * (`{ serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0' }`) for custom,
 * partner and AWS Marketplace services. An AWS service newer than the catalogue is reached with
 * `{ awsService: 'new-service', unlisted: true }`, which is recorded in the synthesized JSON.
 */
export type EndpointServiceRef =
  | { readonly awsService: string; /** Accept a short name the catalogue does not list yet. @default false */ readonly unlisted?: boolean }
  | { readonly serviceName: string };

/** A service name resolved at synth time. */
export interface ResolvedServiceName {
  readonly serviceName: string;
  /** True for AWS services, which need no acceptance and publish private DNS names. */
  readonly isAwsService: boolean;
  /** The region in the name; undefined for global services and unresolved names. */
  readonly region?: string;
  /** The AWS service's short name, when known (`kinesis-streams`). */
  readonly shortName?: string;
  /** What the catalogue knows of it; undefined for unlisted and non-AWS services. */
  readonly info?: AwsServiceInfo;
}

// Short names: lower-case labels separated by dots or hyphens (`ecr.dkr`, `kinesis-streams`).
const SHORT_NAME = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const REGION = '([a-z]{2}(?:-gov)?-[a-z]+-\\d)';
// Endpoint services of providers and Marketplace sellers: `com.amazonaws.vpce.<region>.vpce-svc-<hex>`.
const CUSTOM_NAME = new RegExp(`^(?:cn\\.)?com\\.amazonaws\\.vpce\\.${REGION}\\.vpce-svc-[0-9a-f]{8,17}$`);
// AWS services by full name: `com.amazonaws.<region>.<service>`, `aws.sagemaker.<region>.notebook`.
const AWS_NAME = new RegExp(`^(?:(?:cn\\.)?com\\.amazonaws|aws\\.[a-z0-9-]+)\\.${REGION}\\.([a-z0-9]+(?:[.-][a-z0-9]+)*)$`);
// Global AWS services: `com.amazonaws.iam`, `com.amazonaws.s3-global.accesspoint`, `aws.api.global.codecatalyst`.
const GLOBAL_NAME = /^(?:com\.amazonaws\.|aws\.api\.global\.)([a-z0-9]+(?:[.-][a-z0-9]+)*)$/;

/** Parses a full endpoint service name without judging it; `undefined` when it is none. */
export function parseServiceName(name: string): ResolvedServiceName | undefined {
  if (typeof name !== 'string') return undefined;
  const custom = CUSTOM_NAME.exec(name);
  if (custom) return AWS_REGIONS.includes(custom[1]) ? { serviceName: name, isAwsService: false, region: custom[1] } : undefined;
  const aws = AWS_NAME.exec(name);
  if (aws) {
    if (!AWS_REGIONS.includes(aws[1])) return undefined;
    const shortName = name.startsWith('aws.sagemaker.') ? `sagemaker.${aws[2]}` : aws[2].replace(/\.cn$/, '');
    return { serviceName: name, isAwsService: true, region: aws[1], shortName, info: awsServiceInfo(shortName) };
  }
  const global = GLOBAL_NAME.exec(name);
  // `com.amazonaws.vpce.<name>` matches too, but the catalogue lists no global service of that name.
  if (global) {
    const info = awsServiceInfo(global[1]);
    if (info?.global) return { serviceName: name, isAwsService: true, shortName: global[1], info };
  }
  return undefined;
}

/** True for the full name of an AWS service (regional or global), as opposed to a provider's `vpce-svc-` service. */
export function isAwsServiceName(name: string): boolean {
  return parseServiceName(name)?.isAwsService === true;
}

export interface ResolveServiceOptions {
  /** The kind of endpoint asking. @default 'Interface' */
  readonly endpointType?: 'Interface' | 'Gateway';
  /** The region of the service when it differs from the endpoint's (`service_region`). @default - the endpoint's region */
  readonly serviceRegion?: string;
}

/**
 * Checks a service reference and turns it into the full name for `region`. An AWS short name the
 * catalogue does not list is refused with the closest listed name (`kinesis` → `kinesis-streams`),
 * unless the reference says `unlisted: true`; a gateway endpoint takes only gateway services; a
 * `serviceRegion` other than `region` is refused for services without cross-region support
 * (hashicorp/terraform-provider-aws#42970).
 */
export function resolveServiceName(scope: IConstruct, field: string, ref: EndpointServiceRef, region: string, options: ResolveServiceOptions = {}): ResolvedServiceName {
  // `field` '' names the inner fields alone (`serviceName` for a construct whose prop is the name itself).
  const inner = (name: string) => (field === '' ? name : `${field}.${name}`);
  if (ref === undefined || ref === null || typeof ref !== 'object') {
    configError(scope, field || 'service', `is ${formatValue(ref)}`, "give { awsService: 'kinesis-streams' } for an AWS service or { serviceName: 'com.amazonaws.vpce.<region>.vpce-svc-...' } for any other");
  }
  const serviceRegion = options.serviceRegion ?? region;
  const crossRegion = !isUnresolved(serviceRegion) && !isUnresolved(region) && serviceRegion !== region;
  if ('awsService' in ref) {
    const name = ref.awsService;
    if (isUnresolved(name)) configError(scope, inner('awsService'), `is ${formatValue(name)}`, "give the short name literally, for example 'kinesis-streams'");
    if (typeof name !== 'string') configError(scope, inner('awsService'), `is ${formatValue(name)}`, "give the short name as a string, for example 'kinesis-streams'");
    if (name.includes('amazonaws') || name.includes('vpce-svc-')) {
      configError(scope, inner('awsService'), `is ${formatValue(name)}, a full service name`, `pass it as { serviceName: ${formatValue(name)} }, or give only the short name such as 'kinesis-streams'`);
    }
    if (!SHORT_NAME.test(name)) {
      configError(scope, inner('awsService'), `is ${formatValue(name)}, which is not a short service name`, "use the lower-case name AWS lists for the service, for example 'kinesis-streams', 'ecr.dkr' or 'ssmmessages'");
    }
    const info = awsServiceInfo(name);
    if (ref.unlisted === true) {
      if (info) configError(scope, inner('unlisted'), `is true for ${formatValue(name)}, which the catalogue lists`, 'remove unlisted: the service is known and checked');
      requireEndpointType(scope, inner('awsService'), name, undefined, options.endpointType);
      recordOptIn(scope, 'unlisted', `${inner('awsService')} ${formatValue(name)} is not in the AWS service catalogue and was accepted unchecked`);
      return { serviceName: awsServiceName(serviceRegion, name), isAwsService: true, region: serviceRegion, shortName: name };
    }
    if (!info) {
      const suggestion = suggestAwsService(name);
      configError(
        scope,
        inner('awsService'),
        `is ${formatValue(name)}, which is not an AWS service reachable through a VPC endpoint`,
        `${suggestion ? `did you mean '${suggestion}'? ` : ''}use the short name AWS lists, or set unlisted: true for a service newer than this library`,
      );
    }
    requireEndpointType(scope, inner('awsService'), name, info, options.endpointType);
    if (crossRegion && !info.crossRegion) {
      configError(scope, inner('awsService'), `is ${formatValue(name)} in ${serviceRegion}, but ${name} cannot be reached from another region`, `create the endpoint in ${serviceRegion}, or use a service that supports cross-region access (${CROSS_REGION_SERVICES.join(', ')})`);
    }
    return {
      serviceName: awsServiceName(serviceRegion, name),
      isAwsService: true,
      ...(info.global ? {} : { region: serviceRegion }),
      shortName: name,
      info,
    };
  }
  const name = ref.serviceName;
  if (isUnresolved(name)) return { serviceName: name, isAwsService: false };
  const parsed = parseServiceName(name);
  // Only AWS services have a short name.
  const shortName = parsed?.shortName;
  if (!parsed || (shortName && !parsed.info && !parsed.serviceName.startsWith('aws.'))) {
    const suggestion = shortName ? suggestAwsService(shortName) : undefined;
    configError(
      scope,
      inner('serviceName'),
      `is ${formatValue(name)}, which is not an endpoint service name${parsed ? ' AWS lists' : ''}`,
      suggestion
        ? `did you mean { awsService: '${suggestion}' }? or pass an unlisted AWS service as { awsService: '${shortName}', unlisted: true }`
        : "copy the service name from the provider, for example com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0, or use { awsService: 'kinesis-streams' } for an AWS service",
    );
  }
  requireEndpointType(scope, inner('serviceName'), shortName ?? name, parsed.info, options.endpointType);
  if (parsed.info && crossRegion && !parsed.info.crossRegion) {
    configError(scope, inner('serviceName'), `is ${formatValue(name)} in ${serviceRegion}, but ${parsed.shortName} cannot be reached from another region`, `create the endpoint in ${serviceRegion}, or use a service that supports cross-region access (${CROSS_REGION_SERVICES.join(', ')})`);
  }
  return parsed;
}

// Every service the catalogue lists has an interface endpoint (its test holds it to that), so only a
// gateway endpoint can ask for a service that lacks its kind. Unlisted and provider services have none:
// AWS offers gateway endpoints only for the services the catalogue marks.
function requireEndpointType(scope: IConstruct, field: string, service: string, info: AwsServiceInfo | undefined, endpointType: ResolveServiceOptions['endpointType']): void {
  if (endpointType === 'Gateway' && !info?.gateway) {
    const services = GATEWAY_SERVICES.map((name) => `'${name}'`);
    configError(scope, field, `is ${formatValue(service)}, which has no gateway endpoint`, `gateway endpoints exist for ${services.slice(0, -1).join(', ')} and ${services.at(-1)}; use an interface endpoint for other services`);
  }
}
