import { Token } from 'cdktf';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { AwsServiceEndpoints, type AwsServiceEndpointsProps } from '../src/aws-service-endpoints';
import { EndpointAlarms, type EndpointAlarmsProps } from '../src/endpoint-alarms';
import { EndpointConnectionNotifications, type EndpointConnectionNotificationsProps } from '../src/endpoint-connection-notifications';
import { type InterfaceEndpointAttributes } from '../src/existing-interface-endpoint';
import { GatewayEndpoint, type GatewayEndpointProps } from '../src/gateway-endpoint';
import { GatewayLoadBalancerEndpoint, type GatewayLoadBalancerEndpointProps } from '../src/gateway-load-balancer-endpoint';
import { InterfaceEndpoint, type InterfaceEndpointProps } from '../src/interface-endpoint';
import { ResolverEndpointAlarms, type ResolverEndpointAlarmsProps } from '../src/resolver-endpoint-alarms';
import { ResolverInboundEndpoint, type ResolverInboundEndpointProps } from '../src/resolver-inbound-endpoint';
import { ResourceEndpoint, type ResourceEndpointProps } from '../src/resource-endpoint';
import {
  Route53Profile,
  Route53ProfileAssociations,
  type Route53ProfileAssociationsProps,
  type Route53ProfileProps,
} from '../src/route53-profile';
import { ServiceNetworkEndpoint, type ServiceNetworkEndpointProps } from '../src/service-network-endpoint';
import { CUSTOM_SERVICE, devStack, SUBNETS, VPC } from './helpers';

// One table of bad inputs over every public construct of the package. Each case names the field
// the message must name (the one the user wrote), the value as the user wrote it, and words of the
// fix (an option that exists on that construct); every message must also name the construct and
// its path. Untyped JavaScript input is passed with `as never`.

const TOKEN = Token.asString({ Ref: 'x' });
const TOPIC = 'arn:aws:sns:ap-northeast-1:111111111111:network-alarms';
/** Subnets whose CIDR blocks are known, so fixed addresses are checked against them. */
const PLACED = [
  { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'apne1-az1', cidrBlock: '10.0.0.0/20' },
  { subnetId: 'subnet-0bbbbbbbbbbbbbbb2', availabilityZoneId: 'apne1-az2', cidrBlock: '10.0.16.0/20' },
];
const RESOURCE_CONFIGURATION = 'arn:aws:vpc-lattice:ap-northeast-1:222222222222:resourceconfiguration/rcfg-0123456789abcdef0';
const SERVICE_NETWORK = 'arn:aws:vpc-lattice:ap-northeast-1:222222222222:servicenetwork/sn-0123456789abcdef0';

const iface = (props: Record<string, unknown>) => () =>
  new InterfaceEndpoint(devStack(), 'Endpoint', { vpc: VPC, subnets: SUBNETS, service: { awsService: 'kinesis-streams' }, name: 'unit-kinesis', ...props } as InterfaceEndpointProps);
const map = (props: Record<string, unknown>) => () =>
  new AwsServiceEndpoints(devStack(), 'Aws', { vpc: VPC, subnets: SUBNETS, name: 'unit', services: { logs: { awsService: 'logs' } }, ...props } as AwsServiceEndpointsProps);
const gateway = (props: Record<string, unknown>) => () =>
  new GatewayEndpoint(devStack(), 'Gateway', { vpcId: VPC.vpcId, service: 'dynamodb', name: 'unit-dynamodb', routeTables: { az1: 'rtb-0123456789abcdef0' }, allowAll: true, ...props } as GatewayEndpointProps);
const resolver = (props: Record<string, unknown>) => () =>
  new ResolverInboundEndpoint(devStack(), 'Dns', { vpc: VPC, subnets: PLACED, name: 'unit-inbound-dns', allowedCidrs: ['192.168.0.0/24'], ...props } as ResolverInboundEndpointProps);
const gwlb = (props: Record<string, unknown>) => () =>
  new GatewayLoadBalancerEndpoint(devStack(), 'Inspection', { vpcId: VPC.vpcId, subnet: SUBNETS[0], serviceName: CUSTOM_SERVICE, name: 'unit-inspection', ...props } as GatewayLoadBalancerEndpointProps);
const resource = (props: Record<string, unknown>) => () =>
  new ResourceEndpoint(devStack(), 'Db', { vpc: VPC, subnets: SUBNETS, name: 'unit-db', resourceConfigurationArn: RESOURCE_CONFIGURATION, ...props } as ResourceEndpointProps);
const serviceNetwork = (props: Record<string, unknown>) => () =>
  new ServiceNetworkEndpoint(devStack(), 'Network', { vpc: VPC, subnets: SUBNETS, name: 'unit-network', serviceNetworkArn: SERVICE_NETWORK, ...props } as ServiceNetworkEndpointProps);
const notifications = (props: Record<string, unknown>) => () =>
  new EndpointConnectionNotifications(devStack(), 'Notifications', { endpointId: 'vpce-0123456789abcdef0', name: 'unit-saas', ...props } as EndpointConnectionNotificationsProps);
const alarms = (props: Record<string, unknown>) => () =>
  new EndpointAlarms(devStack(), 'Alarms', {
    name: 'unit-saas',
    endpoint: { endpointId: 'vpce-0123456789abcdef0', serviceName: CUSTOM_SERVICE, vpcId: VPC.vpcId },
    actions: [TOPIC],
    ...props,
  } as EndpointAlarmsProps);
const resolverAlarms = (props: Record<string, unknown>) => () =>
  new ResolverEndpointAlarms(devStack(), 'DnsAlarms', { name: 'unit-dns', resolverEndpointId: 'rslvr-in-0123456789abcdef0', ipAddressCount: 2, actions: [TOPIC], ...props } as ResolverEndpointAlarmsProps);
const profile = (props: Record<string, unknown>) => () =>
  new Route53Profile(devStack(), 'Profile', { name: 'unit-dns', resources: { zone: { hostedZoneArn: 'arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ' } }, ...props } as Route53ProfileProps);
const associations = (props: Record<string, unknown>) => () =>
  new Route53ProfileAssociations(devStack(), 'Associations', { name: 'unit-dns', profileId: 'rp-0123456789abcdef', vpcs: { app: VPC.vpcId }, ...props } as Route53ProfileAssociationsProps);
const existing = (attributes: Record<string, unknown>) => () => InterfaceEndpoint.fromAttributes(devStack(), 'Existing', { endpointId: 'vpce-0123456789abcdef0', ...attributes } as InterfaceEndpointAttributes);

const BAD: readonly BadInputCase[] = [
  // InterfaceEndpoint: the props object, meta-arguments and required props from untyped JavaScript
  { name: 'endpoint props missing', run: () => new InterfaceEndpoint(devStack(), 'Endpoint', undefined as never), field: 'props', value: 'is missing', fix: /pass the props object/ },
  { name: 'endpoint props null', run: () => new InterfaceEndpoint(devStack(), 'Endpoint', null as never), field: 'props', value: 'is null', fix: /pass the props object/ },
  { name: 'endpoint provider that is a string', run: iface({ provider: 'aws.us' }), field: 'provider', value: "the string 'aws.us'", fix: /AwsProvider/ },
  { name: 'endpoint dependsOn of IDs', run: iface({ dependsOn: ['vpce-1'] }), field: 'dependsOn[0]', value: "the string 'vpce-1'", fix: /not their IDs/ },
  { name: 'endpoint autoAccept for an AWS service', run: iface({ autoAccept: true }), field: 'autoAccept', value: 'is true for the AWS service com.amazonaws.ap-northeast-1.kinesis-streams', fix: /leave autoAccept out/ },
  { name: 'endpoint autoAccept without acceptance', run: iface({ service: { serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0' }, acceptanceRequired: false, autoAccept: true }), field: 'autoAccept', value: 'is true while acceptanceRequired is false', fix: /acceptanceRequired: true/ },
  { name: 'endpoint autoAccept as a string (untyped JS)', run: iface({ service: { serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0' }, autoAccept: 'yes' }), field: 'autoAccept', value: "the string 'yes'", fix: /true or false/ },
  { name: 'endpoint name missing', run: iface({ name: undefined }), field: 'name', value: 'is missing', fix: /tenant-consumer-prod-kinesis-streams/ },
  { name: 'endpoint name empty', run: iface({ name: '' }), field: 'name', value: 'is empty', fix: /tenant-consumer-prod-kinesis-streams/ },
  { name: 'endpoint name starting with sg-', run: iface({ name: 'sg-kinesis' }), field: 'name', value: "'sg-kinesis'", fix: /not starting with 'sg-'/ },
  { name: 'endpoint name too long for its security group', run: iface({ name: 'k'.repeat(256) }), field: 'name', value: `'${'k'.repeat(256)}'`, fix: /at most 255 characters/ },
  { name: 'endpoint name with characters a group may not have', run: iface({ name: 'kinesis|prod' }), field: 'name', value: "'kinesis|prod'", fix: /letters, digits, spaces/ },
  { name: 'endpoint VPC missing', run: iface({ vpc: undefined }), field: 'vpc', value: 'is missing', fix: /PrivateNetwork/ },
  { name: 'endpoint VPC ID malformed', run: iface({ vpc: { ...VPC, vpcId: 'vpc-xyz' } }), field: 'vpc.vpcId', value: "'vpc-xyz'", fix: /vpc-0123456789abcdef0/ },
  { name: 'endpoint VPC block with host bits', run: iface({ vpc: { ...VPC, cidrBlocks: ['10.0.0.1/16'] } }), field: 'vpc.cidrBlocks', value: "'10.0.0.1/16'", fix: /use 10\.0\.0\.0\/16/ },
  { name: 'endpoint subnets missing', run: iface({ subnets: undefined }), field: 'subnets', value: 'is missing', fix: /one subnet in each/ },
  { name: 'endpoint subnets as one object', run: iface({ subnets: SUBNETS[0] }), field: 'subnets', value: 'an object, not a list', fix: /one subnet in each/ },
  { name: 'endpoint subnet in a zone of another region', run: iface({ subnets: [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'use1-az1' }] }), field: 'subnets', value: "'use1-az1'", fix: /zones of ap-northeast-1/ },
  { name: 'endpoint two subnets in one zone', run: iface({ subnets: [SUBNETS[0], { ...SUBNETS[1], availabilityZoneId: 'apne1-az1' }] }), field: 'subnets', value: "'subnet-0bbbbbbbbbbbbbbb2'", fix: /one subnet per Availability Zone/ },
  { name: 'endpoint service missing', run: iface({ service: undefined }), field: 'service', value: 'is undefined', fix: /awsService: 'kinesis-streams'/ },
  { name: 'endpoint AWS service short name that does not exist', run: iface({ service: { awsService: 'kinesis' } }), field: 'service.awsService', value: "'kinesis'", fix: /did you mean 'kinesis-streams'\?.*unlisted: true/ },
  { name: 'endpoint AWS service in capitals', run: iface({ service: { awsService: 'Kinesis' } }), field: 'service.awsService', value: "'Kinesis'", fix: /lower-case name/ },
  { name: 'endpoint full name given as a short name', run: iface({ service: { awsService: 'com.amazonaws.ap-northeast-1.sqs' } }), field: 'service.awsService', value: "'com.amazonaws.ap-northeast-1.sqs'", fix: /serviceName/ },
  { name: 'endpoint unlisted on a listed service', run: iface({ service: { awsService: 'sqs', unlisted: true } }), field: 'service.unlisted', value: "'sqs'", fix: /remove unlisted/ },
  { name: 'endpoint gateway-only service', run: iface({ service: { awsService: 'dynamodb-streams-x' } }), field: 'service.awsService', value: "'dynamodb-streams-x'", fix: /unlisted: true/ },
  { name: 'endpoint service name that is no endpoint service', run: iface({ service: { serviceName: 'my-service' } }), field: 'service.serviceName', value: "'my-service'", fix: /vpce-svc-0123456789abcdef0/ },
  { name: 'endpoint AWS service name misspelt in full', run: iface({ service: { serviceName: 'com.amazonaws.ap-northeast-1.kinesis' } }), field: 'service.serviceName', value: "'com.amazonaws.ap-northeast-1.kinesis'", fix: /awsService: 'kinesis-streams'/ },
  { name: 'endpoint service of another region without serviceRegion', run: iface({ service: { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' } }), field: 'service.serviceName', value: 'is in us-east-1', fix: /serviceRegion: 'us-east-1'/ },
  { name: 'endpoint cross-region to a service without cross-region access (#42970)', run: iface({ serviceRegion: 'us-west-2' }), field: 'service.awsService', value: "'kinesis-streams' in us-west-2", fix: /create the endpoint in us-west-2/ },
  { name: 'endpoint serviceRegion that is no region', run: iface({ serviceRegion: 'tokyo' }), field: 'serviceRegion', value: "'tokyo'", fix: /ap-northeast-1/ },
  { name: 'endpoint privateDns as a string', run: iface({ privateDns: 'yes' }), field: 'privateDns', value: "the string 'yes'", fix: /true or false/ },
  { name: 'endpoint acceptanceRequired as a number', run: iface({ acceptanceRequired: 1 }), field: 'acceptanceRequired', value: 'the number 1', fix: /true or false/ },
  { name: 'endpoint inbound-resolver-only DNS on a non-S3 service', run: iface({ privateDnsOnlyForInboundResolverEndpoint: true }), field: 'privateDnsOnlyForInboundResolverEndpoint', value: 'com.amazonaws.ap-northeast-1.kinesis-streams', fix: /only S3.*awsService: 's3'/ },
  { name: 'endpoint inbound-resolver-only DNS without private DNS', run: iface({ service: { awsService: 's3' }, privateDns: false, privateDnsOnlyForInboundResolverEndpoint: true }), field: 'privateDnsOnlyForInboundResolverEndpoint', value: 'is true but private DNS is off', fix: /set privateDns: true/ },
  { name: 'endpoint private DNS in a VPC without DNS hostnames', run: iface({ vpc: { ...VPC, dnsHostnames: false } }), field: 'privateDns', value: 'DNS hostnames off', fix: /privateDns: false/ },
  { name: 'endpoint ipAddressType from untyped JS', run: iface({ ipAddressType: 'IPv4' }), field: 'ipAddressType', value: "'IPv4'", fix: /write it as 'ipv4'/ },
  { name: 'endpoint dnsRecordIpType not an option', run: iface({ dnsRecordIpType: 'both' }), field: 'dnsRecordIpType', value: "'both'", fix: /'service-defined'/ },
  { name: 'endpoint IPv6 records on an IPv4 endpoint', run: iface({ dnsRecordIpType: 'ipv6' }), field: 'dnsRecordIpType', value: "'ipv6'", fix: /ipAddressType: 'dualstack'/ },
  { name: 'endpoint port 0', run: iface({ ports: [0] }), field: 'ports', value: 'port 0', fix: /1 to 65535/ },
  { name: 'endpoint port twice', run: iface({ ports: [443, 443] }), field: 'ports', value: "'443'", fix: /each port once/ },
  { name: 'endpoint clients from the whole internet', run: iface({ allowedCidrs: ['0.0.0.0/0'] }), field: 'allowedCidrs', value: "'0.0.0.0/0'", fix: /allowOpenIngress: true/ },
  { name: 'endpoint clients from halves of the internet', run: iface({ allowedCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }), field: 'allowedCidrs', value: "'0.0.0.0/1', '128.0.0.0/1'", fix: /allowOpenIngress: true/ },
  { name: 'endpoint clients from all of IPv6 spelt 0::/0', run: iface({ allowedCidrs: ['0::/0'] }), field: 'allowedCidrs', value: "'0::/0'", fix: /allowOpenIngress: true/ },
  { name: 'endpoint client CIDR with host bits', run: iface({ allowedCidrs: ['10.0.0.1/16'] }), field: 'allowedCidrs', value: "'10.0.0.1/16'", fix: /use 10\.0\.0\.0\/16/ },
  { name: 'endpoint client CIDRs as a string', run: iface({ allowedCidrs: '10.0.0.0/16' }), field: 'allowedCidrs', value: "the string '10.0.0.0/16', not a list", fix: /as a list/ },
  { name: 'endpoint more rules than a group holds', run: iface({ allowedCidrs: Array.from({ length: 31 }, (_, i) => `10.${i}.0.0/16`), ports: [443, 8443] }), field: 'allowedCidrs', value: '62 inbound rules', fix: /allowedPrefixListIds/ },
  { name: 'endpoint allowOpenIngress as a string', run: iface({ allowOpenIngress: 'true' }), field: 'allowOpenIngress', value: "the string 'true'", fix: /true or false/ },
  { name: 'endpoint client group that is a name', run: iface({ allowedSecurityGroupIds: ['workers'] }), field: 'allowedSecurityGroupIds', value: "'workers'", fix: /sg-0123456789abcdef0/ },
  { name: 'endpoint prefix list ID malformed', run: iface({ allowedPrefixListIds: ['pl-s3'] }), field: 'allowedPrefixListIds', value: "'pl-s3'", fix: /pl-61a54008/ },
  { name: 'endpoint client group known only at apply time, without a reference', run: iface({ allowedSecurityGroupIds: [TOKEN] }), field: 'allowedSecurityGroupIds', value: 'has a peer known only at apply time', fix: /allowFrom\(\{ securityGroupId, key: 'workers' \}\)/ },
  { name: 'endpoint own security group that is no ID', run: iface({ securityGroupId: 'default' }), field: 'securityGroupId', value: "'default'", fix: /sg-0123456789abcdef0/ },
  { name: 'endpoint own group with client CIDRs', run: iface({ securityGroupId: 'sg-0123456789abcdef0', allowedCidrs: ['10.0.0.0/16'] }), field: 'allowedCidrs', value: 'is set together with securityGroupId', fix: /leave securityGroupId out/ },
  { name: 'endpoint additional group that is its own', run: iface({ securityGroupId: 'sg-0123456789abcdef0', additionalSecurityGroupIds: ['sg-0123456789abcdef0'] }), field: 'additionalSecurityGroupIds', value: "'sg-0123456789abcdef0'", fix: /list it once/ },
  { name: 'endpoint more groups than an interface takes', run: iface({ additionalSecurityGroupIds: Array.from({ length: 16 }, (_, i) => `sg-0${String(i).padStart(16, '0')}`) }), field: 'additionalSecurityGroupIds', value: '16 groups', fix: /at most 16 security groups/ },
  { name: 'endpoint provider zones that are AZ names', run: iface({ providerAvailabilityZoneIds: ['ap-northeast-1a'] }), field: 'providerAvailabilityZoneIds', value: "'ap-northeast-1a'", fix: /apne1-az1/ },
  { name: 'endpoint provider zones of another region', run: iface({ providerAvailabilityZoneIds: ['use1-az1'] }), field: 'providerAvailabilityZoneIds', value: "'use1-az1'", fix: /zones of ap-northeast-1/ },
  { name: 'endpoint provider zones empty', run: iface({ providerAvailabilityZoneIds: [] }), field: 'providerAvailabilityZoneIds', value: 'is empty', fix: /leave it out/ },
  { name: 'endpoint subnet where the service is not offered', run: iface({ providerAvailabilityZoneIds: ['apne1-az1', 'apne1-az4'] }), field: 'subnets', value: "'subnet-0bbbbbbbbbbbbbbb2' in apne1-az2", fix: /only in subnets of those zones/ },
  { name: 'endpoint fixed address outside its subnet', run: iface({ subnets: PLACED, subnetIpAddresses: { 'apne1-az1': { ipv4: '10.0.16.10' } } }), field: 'subnetIpAddresses.apne1-az1.ipv4', value: "'10.0.16.10'", fix: /inside 10\.0\.0\.0\/20/ },
  { name: 'endpoint fixed address AWS reserves', run: iface({ subnets: PLACED, subnetIpAddresses: { 'apne1-az2': { ipv4: '10.0.16.2' } } }), field: 'subnetIpAddresses.apne1-az2.ipv4', value: "'10.0.16.2'", fix: /another address of the subnet/ },
  { name: 'endpoint fixed address that is none', run: iface({ subnetIpAddresses: { 'apne1-az1': { ipv4: '10.0.0.300' } } }), field: 'subnetIpAddresses.apne1-az1.ipv4', value: "'10.0.0.300'", fix: /IPv4 address such as/ },
  { name: 'endpoint fixed IPv6 address that is IPv4', run: iface({ subnetIpAddresses: { 'apne1-az1': { ipv6: '10.0.0.10' } } }), field: 'subnetIpAddresses.apne1-az1.ipv6', value: "'10.0.0.10'", fix: /IPv6 address such as/ },
  { name: 'endpoint fixed address for a subnet it does not have', run: iface({ subnetIpAddresses: { 'apne1-az4': { ipv4: '10.0.48.10' } } }), field: 'subnetIpAddresses', value: "'apne1-az4'", fix: /endpoint subnet IDs or their zones/ },
  { name: 'endpoint fixed address entry with no address', run: iface({ subnetIpAddresses: { 'apne1-az1': {} } }), field: 'subnetIpAddresses.apne1-az1', value: 'has no address', fix: /give ipv4, ipv6 or both/ },
  { name: 'endpoint timeout that is no duration', run: iface({ timeouts: { create: '10 minutes' } }), field: 'timeouts.create', value: "'10 minutes'", fix: /positive duration/ },
  { name: 'endpoint zone check on a cross-region endpoint', run: iface({ service: { awsService: 'kms' }, serviceRegion: 'us-west-2', checkServiceZones: true }), field: 'checkServiceZones', value: 'cross-region endpoint', fix: /leave it out/ },
  { name: 'endpoint connection notification event misspelt', run: iface({ service: { serviceName: CUSTOM_SERVICE }, connectionNotifications: { events: ['Accepted'] } }), field: 'connectionNotifications.events', value: "'Accepted'", fix: /'Accept', 'Reject'/ },
  { name: 'endpoint second endpoint with private DNS for one service (#17535)', run: () => {
    const stack = devStack();
    new InterfaceEndpoint(stack, 'First', { vpc: VPC, subnets: SUBNETS, service: { awsService: 'sts' }, name: 'unit-sts' });
    return new InterfaceEndpoint(stack, 'Second', { vpc: VPC, subnets: SUBNETS, service: { awsService: 'sts' }, name: 'unit-sts-2' });
  }, field: 'privateDns', value: "'com.amazonaws.ap-northeast-1.sts'", fix: /use the endpoint unit-dev\/First, or set privateDns: false/ },
  // InterfaceEndpoint: the data perimeter
  { name: 'endpoint organization ID malformed', run: iface({ organizationId: 'my-org' }), field: 'organizationId', value: "'my-org'", fix: /o-a1b2c3d4e5/ },
  { name: 'endpoint perimeter account that is a number', run: iface({ perimeterAccountIds: [222222222222] }), field: 'perimeterAccountIds', value: 'is 222222222222', fix: /12 digits, written as a string/ },
  { name: 'endpoint perimeter account that is the stack own', run: iface({ perimeterAccountIds: ['111111111111'] }), field: 'perimeterAccountIds', value: "'111111111111' twice", fix: /own account is always in the perimeter/ },
  { name: 'endpoint full-access statement written by hand', run: iface({ policy: [{ principals: '*', actions: ['*'], resources: ['*'] }] }), field: 'policy[0]', value: 'any principal every action on every resource', fix: /allowFullAccess: true/ },
  { name: 'endpoint full-access extra statement', run: iface({ additionalStatements: [{ sid: 'All', principals: { AWS: ['*'] }, actions: ['kinesis:*'], resources: ['*'] }] }), field: 'additionalStatements[All]', value: 'any principal every action', fix: /allowFullAccess: true/ },
  { name: 'endpoint allowFullAccess with perimeter accounts', run: iface({ allowFullAccess: true, perimeterAccountIds: ['222222222222'] }), field: 'perimeterAccountIds', value: 'is set together with allowFullAccess', fix: /not both/ },
  { name: 'endpoint allowFullAccess as a string', run: iface({ allowFullAccess: 'yes' }), field: 'allowFullAccess', value: "the string 'yes'", fix: /true or false/ },
  { name: 'endpoint perimeter on a provider service', run: iface({ service: { serviceName: CUSTOM_SERVICE }, organizationId: 'o-a1b2c3d4e5' }), field: 'organizationId', value: 'which is not an AWS service', fix: /give policy if the provider asks/ },
  { name: 'endpoint policy statements not a list', run: iface({ policy: { actions: ['kinesis:PutRecord'] } }), field: 'policy', value: 'an object, not a list', fix: /list of statements/ },
  { name: 'endpoint policy action without a service', run: iface({ policy: [{ principals: '*', actions: ['PutRecord'] }] }), field: 'policy[0].actions', value: "'PutRecord'", fix: /service:Action/ },
  { name: 'endpoint preventDestroy as a string', run: iface({ preventDestroy: 'no' }), field: 'preventDestroy', value: "the string 'no'", fix: /true or false/ },
  // AwsServiceEndpoints
  { name: 'map props missing', run: () => new AwsServiceEndpoints(devStack(), 'Aws', undefined as never), field: 'props', value: 'is missing', fix: /pass the props object/ },
  { name: 'map services empty', run: map({ services: {} }), field: 'services', value: 'is empty', fix: /awsService: 'kinesis-streams'/ },
  { name: 'map services as a list', run: map({ services: [{ awsService: 'logs' }] }), field: 'services', value: '[{"awsService":"logs"}]', fix: /keyed by a stable name/ },
  { name: 'map service entry null', run: map({ services: { logs: null } }), field: 'services.logs', value: 'is null', fix: /awsService: 'kinesis-streams'/ },
  { name: 'map key that is not address-safe', run: map({ services: { 'Cloud Watch': { awsService: 'logs' } } }), field: 'services', value: "'Cloud Watch'", fix: /lower-case letters, digits and hyphens/ },
  { name: 'map short name that does not exist', run: map({ services: { kinesis: { awsService: 'kinesis' } } }), field: 'services.kinesis.awsService', value: "'kinesis'", fix: /did you mean 'kinesis-streams'/ },
  { name: 'map per-service override refused by the endpoint', run: map({ services: { logs: { awsService: 'logs', ports: [70000] } } }), field: 'services.logs.ports', value: 'port 70000', fix: /1 to 65535/ },
  { name: 'map shared prop refused by each endpoint', run: map({ allowedCidrs: ['::/0'] }), field: 'allowedCidrs', value: "'::/0'", fix: /allowOpenIngress: true/ },
  { name: 'map name missing', run: map({ name: undefined }), field: 'name', value: 'is missing', fix: /tenant-consumer-prod/ },
  { name: 'map organization ID malformed', run: map({ organizationId: 'o-1' }), field: 'organizationId', value: "'o-1'", fix: /o-a1b2c3d4e5/ },
  // GatewayEndpoint
  { name: 'gateway props null', run: () => new GatewayEndpoint(devStack(), 'Gateway', null as never), field: 'props', value: 'is null', fix: /pass the props object/ },
  { name: 'gateway service with an interface only', run: gateway({ service: 'sqs' }), field: 'service', value: "'sqs'", fix: /'s3', 'dynamodb', 's3express'/ },
  { name: 'gateway service in capitals (untyped JS)', run: gateway({ service: 'S3' }), field: 'service', value: "'S3'", fix: /write it as 's3'/ },
  { name: 'gateway VPC ID malformed', run: gateway({ vpcId: 'main' }), field: 'vpcId', value: "'main'", fix: /vpc-0123456789abcdef0/ },
  { name: 'gateway route tables empty', run: gateway({ routeTables: {} }), field: 'routeTables', value: 'is empty', fix: /keyed by a stable name/ },
  { name: 'gateway route table ID malformed', run: gateway({ routeTables: { az1: 'main' } }), field: 'routeTables.az1', value: "'main'", fix: /rtb-0123456789abcdef0/ },
  { name: 'gateway without a policy or allowAll', run: gateway({ allowAll: undefined }), field: 'policy', value: 'is missing', fix: /allowAll: true/ },
  { name: 'gateway policy statement that is no object', run: gateway({ allowAll: undefined, policy: ['dynamodb:GetItem'] }), field: 'policy[0]', value: "the string 'dynamodb:GetItem'", fix: /actions: \[\.\.\.\]/ },
  { name: 'gateway full-access statement written by hand', run: gateway({ allowAll: undefined, policy: [{ principals: '*', actions: ['dynamodb:*'], resources: ['*'] }] }), field: 'policy[0]', value: 'any principal every action', fix: /allowAll: true/ },
  { name: 'gateway allowAll as a string', run: gateway({ allowAll: 'true' }), field: 'allowAll', value: "the string 'true'", fix: /true or false/ },
  // ResolverInboundEndpoint
  { name: 'resolver props missing', run: () => new ResolverInboundEndpoint(devStack(), 'Dns', undefined as never), field: 'props', value: 'is missing', fix: /pass the props object/ },
  { name: 'resolver one subnet', run: resolver({ subnets: [PLACED[0]] }), field: 'subnets', value: 'has 1 subnet', fix: /at least 2 Availability Zones/ },
  { name: 'resolver fixed address outside its subnet', run: resolver({ ipAddresses: { 'apne1-az1': '10.0.32.53' } }), field: 'ipAddresses.apne1-az1', value: "'10.0.32.53'", fix: /inside 10\.0\.0\.0\/20/ },
  { name: 'resolver fixed address AWS reserves (DNS)', run: resolver({ ipAddresses: { 'apne1-az1': '10.0.0.2' } }), field: 'ipAddresses.apne1-az1', value: "'10.0.0.2'", fix: /another address of the subnet/ },
  { name: 'resolver fixed address AWS reserves (broadcast)', run: resolver({ ipAddresses: { 'apne1-az2': '10.0.31.255' } }), field: 'ipAddresses.apne1-az2', value: "'10.0.31.255'", fix: /another address of the subnet/ },
  { name: 'resolver fixed address for no subnet', run: resolver({ ipAddresses: { 'apne1-az4': '10.0.48.53' } }), field: 'ipAddresses', value: "'apne1-az4'", fix: /endpoint subnet IDs or their zones/ },
  { name: 'resolver forwarders from the whole internet', run: resolver({ allowedCidrs: ['0.0.0.0/0'] }), field: 'allowedCidrs', value: "'0.0.0.0/0'", fix: /the whole internet is never admitted here/ },
  { name: 'resolver forwarders missing', run: resolver({ allowedCidrs: undefined }), field: 'allowedCidrs', value: 'is empty', fix: /192\.168\.0\.0\/24/ },
  { name: 'resolver protocol misspelt', run: resolver({ protocols: ['DoT'] }), field: 'protocols', value: "'DoT'", fix: /'Do53', 'DoH', 'DoH-FIPS'/ },
  { name: 'resolver protocols as a string', run: resolver({ protocols: 'Do53' }), field: 'protocols', value: "the string 'Do53', not a list", fix: /as a list/ },
  { name: 'resolver name empty', run: resolver({ name: ' ' }), field: 'name', value: 'is empty', fix: /tenant-consumer-prod-inbound-dns/ },
  { name: 'resolver name starting with sg-', run: resolver({ name: 'sg-dns' }), field: 'name', value: "'sg-dns'", fix: /not starting with 'sg-'/ },
  { name: 'resolver VPC without DNS support', run: resolver({ vpc: { ...VPC, dnsSupport: false } }), field: 'vpc', value: 'has DNS support off', fix: /enable_dns_support/ },
  // GatewayLoadBalancerEndpoint
  { name: 'GWLB endpoint with subnets', run: gwlb({ subnets: SUBNETS }), field: 'subnets', value: 'is set on a Gateway Load Balancer endpoint', fix: /one endpoint per zone/ },
  { name: 'GWLB endpoint to an AWS service', run: gwlb({ serviceName: 'com.amazonaws.ap-northeast-1.ec2' }), field: 'serviceName', value: "'com.amazonaws.ap-northeast-1.ec2'", fix: /vpce-svc-/ },
  { name: 'GWLB subnet in a zone of another region', run: gwlb({ subnet: { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'euw1-az1' } }), field: 'subnet', value: "'euw1-az1'", fix: /zones of ap-northeast-1/ },
  { name: 'GWLB subnet ID malformed', run: gwlb({ subnet: { subnetId: 'private-a', availabilityZoneId: 'apne1-az1' } }), field: 'subnet.subnetId', value: "'private-a'", fix: /subnet-0123456789abcdef0/ },
  { name: 'GWLB route table ID malformed', run: gwlb({ routes: { edge: { routeTableId: 'edge', destinationCidrBlock: '10.0.0.0/20' } } }), field: 'routes.edge.routeTableId', value: "'edge'", fix: /rtb-0123456789abcdef0/ },
  { name: 'GWLB route with two destinations', run: gwlb({ routes: { edge: { routeTableId: 'rtb-0123456789abcdef0', destinationCidrBlock: '10.0.0.0/20', destinationPrefixListId: 'pl-61a54008' } } }), field: 'routes.edge', value: 'destinationCidrBlock and destinationPrefixListId', fix: /exactly one of/ },
  { name: 'GWLB route destination with host bits', run: gwlb({ routes: { edge: { routeTableId: 'rtb-0123456789abcdef0', destinationCidrBlock: '10.0.0.1/20' } } }), field: 'routes.edge.destinationCidrBlock', value: "'10.0.0.1/20'", fix: /use 10\.0\.0\.0\/20/ },
  { name: 'GWLB IPv6 route on an IPv4 endpoint', run: gwlb({ routes: { edge: { routeTableId: 'rtb-0123456789abcdef0', destinationIpv6CidrBlock: '2001:db8::/56' } } }), field: 'routes.edge.destinationIpv6CidrBlock', value: 'IPv4-only endpoint', fix: /ipAddressType: 'dualstack'/ },
  { name: 'GWLB ipAddressType ipv6', run: gwlb({ ipAddressType: 'ipv6' }), field: 'ipAddressType', value: "'ipv6'", fix: /'ipv4', 'dualstack'/ },
  // ResourceEndpoint and ServiceNetworkEndpoint
  { name: 'resource endpoint ARN of another service', run: resource({ resourceConfigurationArn: 'arn:aws:rds:ap-northeast-1:222222222222:db:orders' }), field: 'resourceConfigurationArn', value: "'arn:aws:rds:ap-northeast-1:222222222222:db:orders'", fix: /resourceconfiguration/ },
  { name: 'resource endpoint ARN of another region', run: resource({ resourceConfigurationArn: RESOURCE_CONFIGURATION.replace('ap-northeast-1', 'us-east-1') }), field: 'resourceConfigurationArn', value: 'in us-east-1', fix: /of ap-northeast-1/ },
  { name: 'service network endpoint given a resource configuration', run: serviceNetwork({ serviceNetworkArn: RESOURCE_CONFIGURATION }), field: 'serviceNetworkArn', value: `'${RESOURCE_CONFIGURATION}'`, fix: /servicenetwork/ },
  { name: 'service network endpoint name missing', run: serviceNetwork({ name: undefined }), field: 'name', value: 'is missing', fix: /give the endpoint a name/ },
  { name: 'resource endpoint privateDns as a string', run: resource({ privateDns: 'on' }), field: 'privateDns', value: "the string 'on'", fix: /true or false/ },
  // EndpointConnectionNotifications
  { name: 'notifications endpoint ID malformed', run: notifications({ endpointId: 'vpce-saas' }), field: 'endpointId', value: "'vpce-saas'", fix: /vpce-0123456789abcdef0/ },
  { name: 'notifications topic that is no ARN', run: notifications({ topicArn: 'network-events' }), field: 'topicArn', value: "'network-events'", fix: /arn:aws:sns/ },
  { name: 'notifications events as a string', run: notifications({ events: 'Accept' }), field: 'events', value: "the string 'Accept', not a list", fix: /as a list/ },
  { name: 'notifications key with a topic', run: notifications({ topicArn: TOPIC, kmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/0123' }), field: 'kmsKeyArn', value: 'is set together with topicArn', fix: /leave topicArn out/ },
  // EndpointAlarms and ResolverEndpointAlarms
  { name: 'alarms endpoint ID malformed', run: alarms({ endpoint: { endpointId: 'saas', serviceName: CUSTOM_SERVICE, vpcId: VPC.vpcId } }), field: 'endpoint.endpointId', value: "'saas'", fix: /vpce-0123456789abcdef0/ },
  { name: 'alarms VPC ID malformed', run: alarms({ endpoint: { endpointId: 'vpce-0123456789abcdef0', serviceName: CUSTOM_SERVICE, vpcId: 'main' } }), field: 'endpoint.vpcId', value: "'main'", fix: /vpc-0123456789abcdef0/ },
  { name: 'alarms without actions', run: alarms({ actions: [] }), field: 'actions', value: 'is empty', fix: /at least one SNS topic/ },
  { name: 'alarms endpoint missing', run: alarms({ endpoint: undefined }), field: 'endpoint', value: 'is undefined', fix: /InterfaceEndpoint/ },
  { name: 'resolver alarms endpoint ID malformed', run: resolverAlarms({ resolverEndpointId: 'rslvr-1' }), field: 'resolverEndpointId', value: "'rslvr-1'", fix: /resolverEndpointId/ },
  { name: 'resolver alarms seven addresses', run: resolverAlarms({ ipAddressCount: 7 }), field: 'ipAddressCount', value: 'is 7', fix: /from 2 to 6/ },
  { name: 'resolver alarms address count NaN', run: resolverAlarms({ ipAddressCount: NaN }), field: 'ipAddressCount', value: 'is NaN', fix: /whole number/ },
  // Route53Profile and Route53ProfileAssociations
  { name: 'profile VPC ID malformed', run: profile({ vpcs: { app: 'main' } }), field: 'vpcs.app', value: "'main'", fix: /vpc-0123456789abcdef0/ },
  { name: 'profile shared with an account that is no account', run: profile({ shareWith: { partner: '2222' } }), field: 'shareWith.partner', value: "'2222'", fix: /12-digit account ID/ },
  { name: 'profile shared with its own account', run: profile({ shareWith: { self: '111111111111' } }), field: 'shareWith.self', value: "own account 111111111111", fix: /through vpcs instead/ },
  { name: 'profile firewall priority out of range', run: profile({ resources: { fw: { firewallRuleGroupArn: 'arn:aws:route53resolver:ap-northeast-1:111111111111:firewall-rule-group/rslvr-frg-0123456789abcdef0', priority: 50 } } }), field: 'resources.fw.priority', value: 'is 50', fix: /from 100 to 9900/ },
  { name: 'profile external principals as a string', run: profile({ allowExternalPrincipals: 'no' }), field: 'allowExternalPrincipals', value: "the string 'no'", fix: /true or false/ },
  { name: 'associations VPCs missing', run: associations({ vpcs: undefined }), field: 'vpcs', value: 'is missing', fix: /keyed by a stable name/ },
  { name: 'associations profile ID missing', run: associations({ profileId: undefined }), field: 'profileId', value: 'is missing', fix: /Route53Profile\.profileId/ },
  // InterfaceEndpoint.fromAttributes
  { name: 'existing endpoint ID malformed', run: existing({ endpointId: 'endpoint-1' }), field: 'endpointId', value: "'endpoint-1'", fix: /vpce-0123456789abcdef0/ },
  { name: 'existing endpoint group ID malformed', run: existing({ securityGroupId: 'endpoint' }), field: 'securityGroupId', value: "'endpoint'", fix: /sg-0123456789abcdef0/ },
  { name: 'existing endpoint provider that is a string', run: existing({ provider: 'aws' }), field: 'provider', value: "the string 'aws'", fix: /AwsProvider/ },
];

describe('bad input', () => {
  it('has at least 90 cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(90);
  });

  it.each(BAD.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));
});

const GOOD: ReadonlyArray<readonly [string, () => unknown]> = [
  ['a FIPS endpoint', iface({ service: { awsService: 'kms-fips' } })],
  ['the global IAM endpoint', iface({ service: { awsService: 'iam' } })],
  ['an S3 Multi-Region Access Point endpoint', iface({ service: { awsService: 's3-global.accesspoint' } })],
  ['an S3 Express One Zone interface endpoint', iface({ service: { awsService: 's3express' } })],
  ['an S3 Express One Zone gateway endpoint', gateway({ service: 's3express' })],
  ['a global service by its full name', iface({ service: { serviceName: 'com.amazonaws.s3-global.accesspoint' } })],
  ['a SageMaker notebook endpoint', iface({ service: { awsService: 'sagemaker.notebook' } })],
  ['a service newer than the catalogue, by its named opt-in', iface({ service: { awsService: 'quantum-ledger', unlisted: true } })],
  ['a cross-region S3 endpoint', iface({ service: { awsService: 's3' }, serviceRegion: 'us-east-1' })],
  ['an S3 endpoint that answers only the inbound Resolver', iface({ service: { awsService: 's3' }, privateDnsOnlyForInboundResolverEndpoint: true })],
  ['fixed addresses inside the subnets', iface({ subnets: PLACED, subnetIpAddresses: { 'apne1-az1': { ipv4: '10.0.0.10' }, 'subnet-0bbbbbbbbbbbbbbb2': { ipv4: '10.0.31.254' } } })],
  ['an unresolved VPC ID', iface({ vpc: { ...VPC, vpcId: TOKEN } })],
  ['the whole internet by its named opt-in', iface({ allowedCidrs: ['0.0.0.0/0'], allowOpenIngress: true })],
  ['a least-privilege policy with a principal condition', iface({ policy: [{ principals: '*', actions: ['*'], resources: ['*'], conditions: [{ test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: ['o-a1b2c3d4e5'] }] }] })],
  ['Resolver addresses on the first usable address', resolver({ ipAddresses: { 'apne1-az1': '10.0.0.4', 'apne1-az2': '10.0.16.4' } })],
  ['a Resolver for DNS over HTTPS', resolver({ protocols: ['Do53', 'DoH'] })],
];

describe('good input', () => {
  it.each(GOOD.map(([name, run]) => [name, run] as const))('%s is accepted', (_name, run) => {
    expect(run).not.toThrow();
  });
});
