import { AWS_REGIONS, configError, isUnresolved, show } from '@privatelink-cdktf/core';
import type { IConstruct } from 'constructs';

/**
 * The service an interface endpoint connects to: an AWS service by its short name
 * (`{ awsService: 'kinesis-streams' }`), or any service by its full name
 * (`{ serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0' }`) for custom,
 * partner and AWS Marketplace services.
 */
export type EndpointServiceRef = { readonly awsService: string } | { readonly serviceName: string };

/** A service name resolved at synth time. */
export interface ResolvedServiceName {
  readonly serviceName: string;
  /** True for AWS services, which need no acceptance and publish private DNS names. */
  readonly isAwsService: boolean;
  /** The region in the name. @default - unknown (unresolved token) */
  readonly region?: string;
}

// Short names: lower-case labels separated by dots or hyphens (`ecr.dkr`, `kinesis-streams`).
const SHORT_NAME = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const REGION = '([a-z]{2}(?:-gov)?-[a-z]+-\\d)';
// Endpoint services of providers and Marketplace sellers: `com.amazonaws.vpce.<region>.vpce-svc-<hex>`.
const CUSTOM_NAME = new RegExp(`^(?:cn\\.)?com\\.amazonaws\\.vpce\\.${REGION}\\.vpce-svc-[0-9a-f]{8,17}$`);
// AWS services by full name: `com.amazonaws.<region>.<service>`, `aws.sagemaker.<region>.notebook`.
const AWS_NAME = new RegExp(`^(?:(?:cn\\.)?com\\.amazonaws|aws\\.[a-z0-9-]+)\\.${REGION}\\.[a-z0-9]+([.-][a-z0-9]+)*$`);

// In the China regions these services publish their endpoints under `cn.com.amazonaws`; every
// other service there, and every service elsewhere, under `com.amazonaws`.
const CHINA_CN_PREFIX = new Set([
  'account', 'application-autoscaling', 'appmesh-envoy-management', 'athena', 'autoscaling', 'awsconnector', 'backup',
  'batch', 'cassandra', 'cloudcontrolapi', 'cloudformation', 'codedeploy-commands-secure', 'databrew', 'dms', 'ebs',
  'ec2', 'ecr.api', 'ecr.dkr', 'eks', 'elasticache', 'elasticbeanstalk', 'elasticfilesystem', 'elasticfilesystem-fips',
  'emr-containers', 'execute-api', 'fsx', 'imagebuilder', 'iot.data', 'iotsitewise.api', 'iotsitewise.data',
  'kinesis-streams', 'lambda', 'license-manager', 'monitoring', 'polly', 'rds', 'redshift', 'redshift-data', 's3',
  'sagemaker.api', 'sagemaker.featurestore-runtime', 'sagemaker.runtime', 'securityhub', 'servicecatalog', 'sms', 'sqs',
  'states', 'sts', 'sync-states', 'synthetics', 'transcribe', 'transcribestreaming', 'transfer', 'workspaces', 'xray',
]);
// Services whose full name does not follow `<prefix>.<region>.<name>`.
const SPECIAL_NAMES: Record<string, (region: string) => string> = {
  'sagemaker.notebook': (region) => `aws.sagemaker.${region}.notebook`,
  'sagemaker.studio': (region) => `aws.sagemaker.${region}.studio`,
};

/**
 * The full endpoint service name of an AWS service in a region, with the prefix of its partition:
 * `awsServiceName('ap-northeast-1', 'kinesis-streams')` is `com.amazonaws.ap-northeast-1.kinesis-streams`.
 */
export function awsServiceName(region: string, shortName: string): string {
  const special = SPECIAL_NAMES[shortName];
  if (special) return special(region);
  const china = region.startsWith('cn-');
  const suffix = china && shortName === 'transcribe' ? '.cn' : '';
  const prefix = china && CHINA_CN_PREFIX.has(shortName) ? 'cn.com.amazonaws' : 'com.amazonaws';
  return `${prefix}.${region}.${shortName}${suffix}`;
}

/** Validates a service reference and turns it into the full name for `region`; `field` '' names the inner fields alone. */
export function resolveServiceName(scope: IConstruct, field: string, ref: EndpointServiceRef, region: string): ResolvedServiceName {
  const prefix = field === '' ? '' : `${field}.`;
  if (typeof ref !== 'object' || ref === null) configError(scope, field || 'service', `is ${show(ref)}`, "give { awsService: 'kinesis-streams' } or { serviceName: 'com.amazonaws.vpce.<region>.vpce-svc-...' }");
  if ('awsService' in ref) {
    const name = ref.awsService;
    if (isUnresolved(name)) configError(scope, `${prefix}awsService`, 'is an unresolved token', 'give the short name literally, for example \'kinesis-streams\'');
    if (name.includes('amazonaws') || name.includes('vpce-svc-')) {
      configError(scope, `${prefix}awsService`, `is ${show(name)}, a full service name`, `pass it as { serviceName: ${show(name)} }, or give only the short name such as 'kinesis-streams'`);
    }
    if (!SHORT_NAME.test(name)) {
      configError(scope, `${prefix}awsService`, `is ${show(name)}, which is not a short service name`, "use the lower-case name AWS lists for the service, for example 'kinesis-streams', 'ecr.dkr' or 'ssmmessages'");
    }
    return { serviceName: awsServiceName(region, name), isAwsService: true, region };
  }
  const name = ref.serviceName;
  if (isUnresolved(name)) return { serviceName: name, isAwsService: false };
  const custom = CUSTOM_NAME.exec(name);
  const aws = custom ? null : AWS_NAME.exec(name);
  const match = custom ?? aws;
  if (!match || !AWS_REGIONS.includes(match[1])) {
    configError(
      scope,
      `${prefix}serviceName`,
      `is ${show(name)}, which is not an endpoint service name`,
      'copy the service name from the provider, for example com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0, or use { awsService: \'kinesis-streams\' } for an AWS service',
    );
  }
  return { serviceName: name, isAwsService: aws !== null, region: match[1] };
}
