import { partitionOf } from '../regions';

// The AWS services reachable through VPC endpoints, by the short name AWS gives them
// (`com.amazonaws.<region>.<short name>`). Sources: AWS's list "AWS services that integrate with
// AWS PrivateLink" and its list of cross-region enabled services, cross-checked against the AWS
// CDK's InterfaceVpcEndpointAwsService. A service newer than this list is reachable through the
// named escape hatch of resolveServiceName (`unlisted: true`), which is recorded for reviewers.

/** Services with interface endpoints (their FIPS variants are listed as `<name>-fips` where AWS offers one). */
const INTERFACE = `
access-analyzer account acm acm-fips acm-pca acm-pca-fips airflow.api airflow.api-fips airflow.env airflow.env-fips
airflow.ops analytics-omics app-integrations appconfig appconfigdata application-autoscaling application-signals
applicationinsights appmesh appmesh-envoy-management apprunner apprunner.requests appstream.api appstream.streaming
appsync-api aps aps-workspaces apptest arsenal-discovery athena auditmanager autoscaling autoscaling-plans awsconnector
b2bi backup backup-gateway batch bcm-pricing-calculator bedrock bedrock-fips bedrock-agent bedrock-agent-runtime
bedrock-agentcore bedrock-agentcore.gateway bedrock-data-automation bedrock-data-automation-fips
bedrock-data-automation-runtime bedrock-data-automation-runtime-fips bedrock-runtime bedrock-runtime-fips billing
billingconductor braket cases cassandra cassandra-fips ce cleanrooms cleanrooms-ml cloudcontrolapi cloudcontrolapi-fips
clouddirectory cloudformation cloudhsmv2 cloudtrail codeartifact.api codeartifact.repositories codebuild codebuild-fips
codecatalyst.git codecatalyst.packages codecommit codecommit-fips codeconnections.api codedeploy
codedeploy-commands-secure codeguru-profiler codeguru-reviewer codepipeline codestar-connections.api codewhisperer
cognito-identity cognito-identity-fips cognito-idp cognito-idp-fips comprehend comprehendmedical compute-optimizer
config connect-campaigns console control-storage-omics controlcatalog cost-optimization-hub data-servicediscovery
data-servicediscovery-fips databrew dataexchange datasync datazone deadline.management deadline.scheduling
deviceadvisor.iot devops-guru dicom-medical-imaging discovery dms dms-fips drs ds ds-data dsql dynamodb dynamodb-fips
dynamodb-streams ebs ec2 ec2messages ecr.api ecr.dkr ecr-public.api ecs ecs-agent ecs-telemetry eks eks-auth
elastic-inference.runtime elasticache elasticache-fips elasticbeanstalk elasticbeanstalk-health elasticfilesystem
elasticfilesystem-fips elasticloadbalancing elasticmapreduce email email-fips email-smtp emr-containers emr-serverless
emr-serverless-services.livy emr-serverless.dashboard emrwal.prod entityresolution events evidently
evidently-dataplane execute-api experiments finspace finspace-api fis forecast forecast-fips forecastquery
forecastquery-fips frauddetector fsx fsx-fips geo.geofencing geo.maps geo.metadata geo.places geo.routes geo.tracking
git-codecommit git-codecommit-fips glue glue.dashboard grafana grafana-workspace greengrass groundstation guardduty
guardduty-data guardduty-data-fips guardduty-fips healthlake identitystore imagebuilder inspector-scan inspector2
internetmonitor internetmonitor-fips invoicing iot.credentials iot.data iot.fleethub.api iotfleetwise iotroborunner
iotsitewise.api iotsitewise.data iottwinmaker.api iottwinmaker.data iotwireless.api kafka kafka-fips kafkaconnect
kendra kinesis-firehose kinesis-streams kinesis-streams-fips kinesisanalytics kinesisanalytics-fips kms kms-fips
lakeformation lambda launchwizard license-manager license-manager-fips license-manager-linux-subscriptions
license-manager-linux-subscriptions-fips license-manager-user-subscriptions logs lookoutequipment lookoutmetrics
lookoutvision lorawan.cups lorawan.lns m2 macie2 mail-manager mail-manager-fips managedblockchain-query
managedblockchain.bitcoin.mainnet managedblockchain.bitcoin.testnet mediaconnect medical-imaging memory-db
memorydb-fips mgn migrationhub-orchestrator migrationhub-strategy models-v2-lex monitoring mq neptune-graph
neptune-graph-data neptune-graph-fips network-firewall network-firewall-fips networkflowmonitor
networkflowmonitorreports networkmonitor nimble observabilityadmin organizations organizations-fips outposts panorama
payment-cryptography.controlplane payment-cryptography.dataplane pca-connector-ad pca-connector-scep pcs pcs-fips
personalize personalize-events personalize-runtime pi pi-fips pinpoint pinpoint-sms-voice-v2 pipes pipes-data
pipes-fips polly pricing.api private-networks profile proton q qapps qldb.session quicksight-website ram rbin rds
rds-data redshift redshift-data redshift-data-fips redshift-fips redshift-serverless redshift-serverless-fips
refactor-spaces rekognition rekognition-fips repostspace resource-groups resource-groups-fips robomaker rolesanywhere
rum rum-dataplane runtime-medical-imaging runtime-v2-lex s3 s3-outposts s3express s3tables s3vectors
sagemaker-data-science-assistant sagemaker-geospatial sagemaker.api sagemaker.api-fips sagemaker.featurestore-runtime
sagemaker.metrics sagemaker.runtime sagemaker.runtime-fips schemas scn secretsmanager securityhub securitylake
securitylake-fips service.user-subscriptions servicecatalog servicecatalog-appregistry servicediscovery
servicediscovery-fips serverlessrepo shield shield-fips signin simspaceweaver sms sms-fips snow-device-management sns
social-messaging sqs sqs-fips ssm ssm-contacts ssm-fips ssm-incidents ssm-quicksetup ssmmessages states storage-omics
storagegateway streaming-rekognition streaming-rekognition-fips sts sts-fips swf swf-fips sync-states synthetics
synthetics-fips tagging tags-omics tax textract textract-fips thinclient.api timestream-influxdb
timestream-influxdb-fips tnb transcribe transcribestreaming transfer transfer.server translate trustedadvisor
verifiedpermissions voiceid vpc-lattice wafv2 wafv2-fips wellarchitected wisdom workflows-omics workmail workspaces
workspaces-web workspaces-web-fips xray
`;

/** Services whose full name is not `com.amazonaws.<region>.<short name>`. */
const FULL_NAMES: Readonly<Record<string, (region: string) => string>> = {
  'sagemaker.notebook': (region) => `aws.sagemaker.${region}.notebook`,
  'sagemaker.studio': (region) => `aws.sagemaker.${region}.studio`,
  'sagemaker.partner-app': (region) => `aws.sagemaker.${region}.partner-app`,
  freetier: (region) => `aws.api.${region}.freetier`,
  'bcm-data-exports': (region) => `aws.api.${region}.bcm-data-exports`,
  'kendra-ranking': (region) => `aws.api.${region}.kendra-ranking`,
  qbusiness: (region) => `aws.api.${region}.qbusiness`,
  codecatalyst: () => 'aws.api.global.codecatalyst',
};

/** Global services: one name for every region, without a region in it. */
const GLOBAL = new Set(['iam', 's3-global.accesspoint', 'route53', 'savingsplans', 'codecatalyst']);

/** Services with gateway endpoints (route-table entries, no network interfaces); `s3express` is S3 Express One Zone. */
export const GATEWAY_SERVICES = ['s3', 'dynamodb', 's3express'] as const;

/** A service that offers gateway endpoints. */
export type GatewayService = (typeof GATEWAY_SERVICES)[number];

/** True for a short name in {@link GATEWAY_SERVICES}. */
export function isGatewayService(shortName: string): shortName is GatewayService {
  return (GATEWAY_SERVICES as readonly string[]).includes(shortName);
}

/**
 * Services an interface endpoint may reach in another region (`service_region`); setting it for
 * any other AWS service fails with InvalidServiceName (hashicorp/terraform-provider-aws#42970).
 */
export const CROSS_REGION_SERVICES: readonly string[] = [
  's3', 'iam', 'ecr.api', 'ecr.dkr', 'kms', 'kms-fips', 'ecs', 'lambda', 'kinesis-firehose', 'kinesisanalytics', 'kinesisanalytics-fips', 'route53',
];

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

const INTERFACE_SERVICES = new Set([...INTERFACE.split(/\s+/).filter(Boolean), ...Object.keys(FULL_NAMES), ...GLOBAL]);

/** Names users reach for that AWS spells differently. */
const KNOWN_MISTAKES: Readonly<Record<string, string>> = {
  kinesis: 'kinesis-streams',
  firehose: 'kinesis-firehose',
  cloudwatch: 'monitoring',
  'cloudwatch-logs': 'logs',
  ecr: 'ecr.dkr',
  'secrets-manager': 'secretsmanager',
  eventbridge: 'events',
  apigateway: 'execute-api',
  'api-gateway': 'execute-api',
  ses: 'email-smtp',
  'step-functions': 'states',
  stepfunctions: 'states',
  'ssm-messages': 'ssmmessages',
  'ec2-messages': 'ec2messages',
  efs: 'elasticfilesystem',
  elb: 'elasticloadbalancing',
  'cloudwatch-events': 'events',
  sagemaker: 'sagemaker.api',
  msk: 'kafka',
  'systems-manager': 'ssm',
  'key-management-service': 'kms',
};

/** What the catalogue knows of one AWS service. */
export interface AwsServiceInfo {
  readonly shortName: string;
  /** Reachable through an interface endpoint. */
  readonly interface: boolean;
  /** Reachable through a gateway endpoint. */
  readonly gateway: boolean;
  /** One name in every region, without a region in it (`com.amazonaws.iam`). */
  readonly global: boolean;
  /** May be reached in another region with `service_region`. */
  readonly crossRegion: boolean;
  /** A FIPS 140 validated variant of a service (`kms-fips`). */
  readonly fips: boolean;
}

/** The catalogue entry of a short name, or `undefined` when the service is not listed. */
export function awsServiceInfo(shortName: string): AwsServiceInfo | undefined {
  const gateway = isGatewayService(shortName);
  const iface = INTERFACE_SERVICES.has(shortName);
  if (!gateway && !iface) return undefined;
  return {
    shortName,
    interface: iface,
    gateway,
    global: GLOBAL.has(shortName),
    crossRegion: CROSS_REGION_SERVICES.includes(shortName),
    fips: shortName.endsWith('-fips') || shortName.includes('.api-fips') || shortName.includes('.runtime-fips'),
  };
}

/** Every short name in the catalogue, sorted. */
export function awsServiceShortNames(): string[] {
  return [...new Set([...INTERFACE_SERVICES, ...GATEWAY_SERVICES])].sort();
}

/**
 * The full endpoint service name of an AWS service as seen from `region`, with the prefix of its
 * partition: `awsServiceName('ap-northeast-1', 'kinesis-streams')` is
 * `com.amazonaws.ap-northeast-1.kinesis-streams`; global services have no region
 * (`com.amazonaws.iam`, `com.amazonaws.s3-global.accesspoint`).
 */
export function awsServiceName(region: string, shortName: string): string {
  const special = FULL_NAMES[shortName];
  if (special) return special(region);
  if (GLOBAL.has(shortName)) return `com.amazonaws.${shortName}`;
  const china = partitionOf(region) === 'aws-cn';
  const suffix = china && shortName === 'transcribe' ? '.cn' : '';
  const prefix = china && CHINA_CN_PREFIX.has(shortName) ? 'cn.com.amazonaws' : 'com.amazonaws';
  return `${prefix}.${region}.${shortName}${suffix}`;
}

/** The FIPS variant of a service when the catalogue lists one (`kms` → `kms-fips`). */
export function fipsVariantOf(shortName: string): string | undefined {
  // `sagemaker.api` → `sagemaker.api-fips` too: every FIPS variant is its service's name with `-fips` added.
  const fips = `${shortName}-fips`;
  return INTERFACE_SERVICES.has(fips) ? fips : undefined;
}

/** The listed short name closest to a misspelled one (`kinesis` → `kinesis-streams`), if any is close. */
export function suggestAwsService(shortName: string): string | undefined {
  const name = String(shortName).trim().toLowerCase();
  if (KNOWN_MISTAKES[name]) return KNOWN_MISTAKES[name];
  const names = awsServiceShortNames();
  // A listed name is its own closest name (distance 0).
  let best: { name: string; distance: number } | undefined;
  for (const candidate of names) {
    const distance = editDistance(name, candidate);
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  const prefixed = names.find((candidate) => candidate.startsWith(`${name}-`) || candidate.startsWith(`${name}.`));
  if (best && best.distance <= Math.max(1, Math.floor(name.length / 4))) return best.name;
  return prefixed;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}
