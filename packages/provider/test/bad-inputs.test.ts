import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Token } from 'cdktf';
import { AlbTarget, type AlbTargetProps } from '../src/alb-target';
import { ConnectionNotifications, type ConnectionNotificationsProps } from '../src/connection-notifications';
import { EndpointService, type EndpointServiceProps } from '../src/endpoint-service';
import { InstanceTargets, type InstanceTargetsProps } from '../src/instance-targets';
import { IpTargets, type IpTargetsProps } from '../src/ip-targets';
import { type ListenerConfig } from '../src/listener';
import { NetworkLoadBalancer, type NetworkLoadBalancerProps } from '../src/network-load-balancer';
import { PrivateDnsName, type PrivateDnsNameProps } from '../src/private-dns-name';
import { PrivateLinkService, type PrivateLinkServiceProps } from '../src/private-link-service';
import { ServiceAlarms, type ServiceAlarmsProps } from '../src/service-alarms';
import { ServiceContributorInsights, type ServiceContributorInsightsProps } from '../src/service-contributor-insights';
import { Tenant, type TenantProps } from '../src/tenant';
import { ALB_ARN, ALB_LISTENER_ARN, NLB_ARN, SUBNETS, VPC, testStack } from './helpers';

// One table of bad inputs over every public construct of the package. Each case says which field
// the message must name (the field the user wrote), the value as the user wrote it, and words of
// the fix; every message must also name the construct and its path. Untyped JavaScript input is
// passed with `as never`.

const TOKEN = Token.asString({ Ref: 'x' });
const SERVICE_ID = 'vpce-svc-0123456789abcdef0';
const SERVICE_ARN = `arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint-service/${SERVICE_ID}`;
const CERT = 'arn:aws:acm:ap-northeast-1:111111111111:certificate/0d1e2f3a-1111-4222-8333-444455556666';
const PRINCIPAL = 'arn:aws:iam::444444444444:root';
const TENANTS = [{ key: 'acme-bank', principals: [PRINCIPAL] }];
const ALB_TARGET = { type: 'alb', albArn: ALB_ARN, albListener: { listenerArn: ALB_LISTENER_ARN, port: 443 } } as const;
const TARGET_GROUP_ARN = 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:targetgroup/web/0123456789abcdef';

const nlb = (props: Record<string, unknown>) => () =>
  new NetworkLoadBalancer(testStack(), 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS, ...props } as NetworkLoadBalancerProps);
const listener = (config: Record<string, unknown>) => () => {
  const stack = testStack();
  const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS });
  const targets = new IpTargets(stack, 'Ips', { vpc: VPC, ips: ['10.10.1.10'] });
  return loadBalancer.addListener(config as unknown as ListenerConfig, targets);
};
const service = (props: Record<string, unknown>) => () =>
  new EndpointService(testStack(), 'Service', { networkLoadBalancerArns: [NLB_ARN], tenants: TENANTS, ...props } as EndpointServiceProps);
const tenant = (props: Record<string, unknown>) => () => new Tenant(testStack(), 'Tenant', { serviceId: SERVICE_ID, ...TENANTS[0], ...props } as TenantProps);
const alb = (props: Record<string, unknown>) => () =>
  new AlbTarget(testStack(), 'Alb', { vpc: VPC, albArn: ALB_ARN, albListener: { listenerArn: ALB_LISTENER_ARN, port: 443 }, ...props } as AlbTargetProps);
const ips = (props: Record<string, unknown>) => () => new IpTargets(testStack(), 'Ips', { vpc: VPC, ips: ['10.10.1.10'], ...props } as IpTargetsProps);
const instances = (props: Record<string, unknown>) => () =>
  new InstanceTargets(testStack(), 'Instances', { vpc: VPC, instances: [{ key: 'app-1', instanceId: 'i-0123456789abcdef0' }], ...props } as InstanceTargetsProps);
const dns = (props: Record<string, unknown>, serviceProps: Partial<EndpointServiceProps> = { privateDnsName: 'api.saas.example.com' }) => () => {
  const stack = testStack();
  const endpointService = new EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], tenants: TENANTS, ...serviceProps });
  return new PrivateDnsName(stack, 'Dns', { service: endpointService, hostedZoneId: 'Z0123456789ABCDEFGHIJ', ...props } as PrivateDnsNameProps);
};
const notifications = (props: Record<string, unknown>) => () =>
  new ConnectionNotifications(testStack(), 'Notifications', { name: 'unit-dev', serviceId: SERVICE_ID, serviceArn: SERVICE_ARN, ...props } as ConnectionNotificationsProps);
const alarms = (props: Record<string, unknown>) => () => {
  const stack = testStack();
  const topic = new SnsTopic(stack, 'Topic', { name: 'alarms' });
  return new ServiceAlarms(stack, 'Alarms', { name: 'unit-dev', serviceId: SERVICE_ID, actions: [topic.arn], ...props } as ServiceAlarmsProps);
};
const insights = (props: Record<string, unknown>) => () =>
  new ServiceContributorInsights(testStack(), 'Insights', { serviceArn: SERVICE_ARN, ...props } as ServiceContributorInsightsProps);
const pls = (props: Record<string, unknown>) => () =>
  new PrivateLinkService(testStack(), 'Service', { name: 'unit', vpc: VPC, subnets: SUBNETS, target: ALB_TARGET, tenants: TENANTS, ...props } as PrivateLinkServiceProps);

const BAD: readonly BadInputCase[] = [
  // NetworkLoadBalancer
  { name: 'nlb props missing (untyped JS)', run: () => new NetworkLoadBalancer(testStack(), 'Nlb', undefined as never), field: 'props', value: 'is missing', fix: /pass the props object/ },
  { name: 'nlb name starting with internal-', run: nlb({ name: 'internal-api' }), field: 'name', value: "'internal-api'", fix: /not starting with 'internal-'/ },
  { name: 'nlb name over 32 characters', run: nlb({ name: 'a'.repeat(33) }), field: 'name', value: `'${'a'.repeat(33)}'`, fix: /at most 32 characters/ },
  { name: 'nlb name with a trailing hyphen', run: nlb({ name: 'api-' }), field: 'name', value: "'api-'", fix: /letters, digits and hyphens/ },
  { name: 'nlb name with an underscore', run: nlb({ name: 'saas_api' }), field: 'name', value: "'saas_api'", fix: /letters, digits and hyphens/ },
  { name: 'nlb name missing (untyped JS)', run: nlb({ name: undefined }), field: 'name', value: 'is missing', fix: /saas-provider-prod/ },
  { name: 'nlb vpc missing (untyped JS)', run: nlb({ vpc: undefined }), field: 'vpc', value: 'is missing', fix: /PrivateNetwork/ },
  { name: 'nlb vpc ID malformed', run: nlb({ vpc: { vpcId: 'main', cidrBlocks: ['10.0.0.0/16'] } }), field: 'vpc.vpcId', value: "'main'", fix: /vpc-0123456789abcdef0/ },
  { name: 'nlb one subnet', run: nlb({ subnets: [SUBNETS[0]] }), field: 'subnets', value: 'has 1 subnet', fix: /at least 2 Availability Zones/ },
  { name: 'nlb subnet in another region', run: nlb({ subnets: [{ subnetId: 'subnet-a', availabilityZoneId: 'use1-az1' }, SUBNETS[1]] }), field: 'subnets', value: "'use1-az1'", fix: /ap-northeast-1/ },
  { name: 'nlb two subnets in one zone', run: nlb({ subnets: [SUBNETS[0], { subnetId: 'subnet-b', availabilityZoneId: 'apne1-az1' }] }), field: 'subnets', value: 'two subnets in apne1-az1', fix: /one subnet per Availability Zone/ },
  { name: 'nlb subnets as a string (untyped JS)', run: nlb({ subnets: 'subnet-a' }), field: 'subnets', value: "the string 'subnet-a'", fix: /one subnet in each/ },
  { name: 'nlb consumer CIDRs without enforcement', run: nlb({ consumerCidrs: ['10.50.0.0/16'] }), field: 'consumerCidrs', value: "'10.50.0.0/16'", fix: /enforceInboundRulesOnPrivateLinkTraffic: true/ },
  { name: 'nlb enforcement without consumer CIDRs', run: nlb({ enforceInboundRulesOnPrivateLinkTraffic: true }), field: 'consumerCidrs', value: 'is empty', fix: /enforceInboundRulesOnPrivateLinkTraffic: false/ },
  { name: 'nlb consumers open to the internet', run: nlb({ enforceInboundRulesOnPrivateLinkTraffic: true, consumerCidrs: ['0.0.0.0/0'] }), field: 'consumerCidrs', value: "'0.0.0.0/0'", fix: /never admitted here/ },
  { name: 'nlb consumers open in halves', run: nlb({ enforceInboundRulesOnPrivateLinkTraffic: true, consumerCidrs: ['0.0.0.0/1', '128.0.0.0/1'] }), field: 'consumerCidrs', value: "'0.0.0.0/1', '128.0.0.0/1'", fix: /list the client CIDR blocks/ },
  { name: 'nlb consumers open to IPv6 as 0::/0', run: nlb({ enforceInboundRulesOnPrivateLinkTraffic: true, consumerCidrs: ['0::/0'] }), field: 'consumerCidrs', value: "'0::/0'", fix: /never admitted here/ },
  { name: 'nlb consumer CIDR with host bits', run: nlb({ enforceInboundRulesOnPrivateLinkTraffic: true, consumerCidrs: ['10.50.1.0/16'] }), field: 'consumerCidrs', value: "'10.50.1.0/16'", fix: /10\.50\.0\.0\/16/ },
  { name: 'nlb consumer CIDRs as a string (untyped JS)', run: nlb({ enforceInboundRulesOnPrivateLinkTraffic: true, consumerCidrs: '10.50.0.0/16' }), field: 'consumerCidrs', value: "the string '10.50.0.0/16'", fix: /client CIDR blocks/ },
  { name: 'nlb enforcement as a string (untyped JS)', run: nlb({ enforceInboundRulesOnPrivateLinkTraffic: 'on' }), field: 'enforceInboundRulesOnPrivateLinkTraffic', value: "the string 'on'", fix: /true or false/ },
  { name: 'nlb ipAddressType misspelled (untyped JS)', run: nlb({ ipAddressType: 'DualStack' }), field: 'ipAddressType', value: "'DualStack'", fix: /write it as 'dualstack'/ },
  { name: 'nlb ipAddressType unknown (untyped JS)', run: nlb({ ipAddressType: 'ipv6' }), field: 'ipAddressType', value: "'ipv6'", fix: /'ipv4', 'dualstack'/ },
  { name: 'nlb deletion protection as a string (untyped JS)', run: nlb({ deletionProtection: 'false' }), field: 'deletionProtection', value: "the string 'false'", fix: /true or false/ },
  { name: 'nlb cross-zone as a number (untyped JS)', run: nlb({ crossZoneLoadBalancing: 1 }), field: 'crossZoneLoadBalancing', value: 'the number 1', fix: /true or false/ },
  { name: 'nlb preventDestroy as a string (untyped JS)', run: nlb({ preventDestroy: 'yes' }), field: 'preventDestroy', value: "the string 'yes'", fix: /true or false/ },
  { name: 'nlb access log bucket empty', run: nlb({ accessLogs: { bucket: '' } }), field: 'accessLogs.bucket', value: 'is empty', fix: /S3 bucket/ },
  { name: 'nlb access log bucket with capitals', run: nlb({ accessLogs: { bucket: 'My-Logs' } }), field: 'accessLogs.bucket', value: "'My-Logs'", fix: /lower-case letters/ },
  { name: 'nlb access log prefix with AWSLogs', run: nlb({ accessLogs: { bucket: 'elb-logs', prefix: 'AWSLogs/nlb' } }), field: 'accessLogs.prefix', value: "'AWSLogs/nlb'", fix: /without 'AWSLogs'/ },
  { name: 'nlb access log prefix with a leading slash', run: nlb({ accessLogs: { bucket: 'elb-logs', prefix: '/nlb' } }), field: 'accessLogs.prefix', value: "'/nlb'", fix: /leading or trailing '\/'/ },
  { name: 'nlb access logs as a string (untyped JS)', run: nlb({ accessLogs: 'elb-logs' }), field: 'accessLogs', value: "the string 'elb-logs'", fix: /bucket: 'my-elb-logs'/ },
  { name: 'nlb provider that is not one (untyped JS)', run: nlb({ provider: 'aws.us' }), field: 'provider', value: "the string 'aws.us'", fix: /AwsProvider/ },
  { name: 'nlb dependsOn of IDs (untyped JS)', run: nlb({ dependsOn: ['sg-1'] }), field: 'dependsOn[0]', value: "the string 'sg-1'", fix: /not their IDs/ },
  // Listeners
  { name: 'listener port 0', run: listener({ port: 0 }), field: 'listeners[0].port', value: 'port 0', fix: /from 1 to 65535/ },
  { name: 'listener port as a string (untyped JS)', run: listener({ port: '443' }), field: "listeners['443'].port", value: "port '443'", fix: /whole number/ },
  { name: 'listener protocol UDP (untyped JS)', run: listener({ port: 443, protocol: 'UDP' }), field: 'listeners[443].protocol', value: "'UDP'", fix: /'TCP', 'TLS'/ },
  { name: 'listener protocol in lower case (untyped JS)', run: listener({ port: 443, protocol: 'tls' }), field: 'listeners[443].protocol', value: "'tls'", fix: /write it as 'TLS'/ },
  { name: 'TLS listener without certificate', run: listener({ port: 443, protocol: 'TLS' }), field: 'listeners[443].certificateArn', value: 'is missing', fix: /ACM certificate/ },
  { name: 'TLS listener with an IAM certificate', run: listener({ port: 443, protocol: 'TLS', certificateArn: 'arn:aws:iam::111111111111:server-certificate/x' }), field: 'listeners[443].certificateArn', value: "'arn:aws:iam::111111111111:server-certificate/x'", fix: /arn:aws:acm:/ },
  { name: 'TLS listener with a certificate of another region', run: listener({ port: 443, protocol: 'TLS', certificateArn: CERT.replace('ap-northeast-1', 'us-east-1') }), field: 'listeners[443].certificateArn', value: 'in us-east-1', fix: /of ap-northeast-1/ },
  { name: 'TLS listener with a certificate of another account', run: listener({ port: 443, protocol: 'TLS', certificateArn: CERT.replace('111111111111', '999999999999') }), field: 'listeners[443].certificateArn', value: 'of account 999999999999', fix: /of account 111111111111/ },
  { name: 'TLS listener with ELBSecurityPolicy-2016-08', run: listener({ port: 443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-2016-08' }), field: 'listeners[443].sslPolicy', value: "'ELBSecurityPolicy-2016-08'", fix: /allowLegacyTlsPolicy: true/ },
  { name: 'TLS listener with a TLS 1.1 policy', run: listener({ port: 443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-TLS13-1-1-2021-06' }), field: 'listeners[443].sslPolicy', value: 'accepts TLS 1.1', fix: /allowLegacyTlsPolicy/ },
  { name: 'TLS listener with a policy without forward secrecy', run: listener({ port: 443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06' }), field: 'listeners[443].sslPolicy', value: 'without forward secrecy', fix: /allowLegacyTlsPolicy/ },
  { name: 'TLS listener with a policy that does not exist', run: listener({ port: 443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-TLS13-2099' }), field: 'listeners[443].sslPolicy', value: "'ELBSecurityPolicy-TLS13-2099'", fix: /ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09/ },
  { name: 'TLS listener with a policy in the wrong case', run: listener({ port: 443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'elbsecuritypolicy-tls13-1-2-2021-06' }), field: 'listeners[443].sslPolicy', value: "'elbsecuritypolicy-tls13-1-2-2021-06'", fix: /write it as 'ELBSecurityPolicy-TLS13-1-2-2021-06'/ },
  { name: 'TCP listener with a certificate', run: listener({ port: 443, certificateArn: CERT }), field: 'listeners[443].certificateArn', value: 'is set on a TCP listener', fix: /protocol: 'TLS'/ },
  { name: 'TCP listener with a legacy opt-in', run: listener({ port: 443, allowLegacyTlsPolicy: true }), field: 'listeners[443].allowLegacyTlsPolicy', value: 'is set on a TCP listener', fix: /protocol: 'TLS'/ },
  { name: 'listener legacy opt-in as a string (untyped JS)', run: listener({ port: 443, protocol: 'TLS', certificateArn: CERT, allowLegacyTlsPolicy: 'yes' }), field: 'listeners[443].allowLegacyTlsPolicy', value: "the string 'yes'", fix: /true or false/ },
  // EndpointService
  { name: 'service props null (untyped JS)', run: () => new EndpointService(testStack(), 'Service', null as never), field: 'props', value: 'is null', fix: /pass the props object/ },
  { name: 'service without load balancers', run: service({ networkLoadBalancerArns: [] }), field: 'networkLoadBalancerArns', value: 'is empty', fix: /at least one Network Load Balancer/ },
  { name: 'service load balancers missing (untyped JS)', run: service({ networkLoadBalancerArns: undefined }), field: 'networkLoadBalancerArns', value: 'is empty', fix: /at least one Network Load Balancer/ },
  { name: 'service with an ALB ARN', run: service({ networkLoadBalancerArns: [ALB_ARN] }), field: 'networkLoadBalancerArns', value: `'${ALB_ARN}'`, fix: /loadbalancer\/net\// },
  { name: 'service with an NLB of another region', run: service({ networkLoadBalancerArns: [NLB_ARN.replace('ap-northeast-1', 'eu-west-1')] }), field: 'networkLoadBalancerArns', value: 'in eu-west-1', fix: /of ap-northeast-1/ },
  { name: 'service with an NLB of another account', run: service({ networkLoadBalancerArns: [NLB_ARN.replace('111111111111', '222222222222')] }), field: 'networkLoadBalancerArns', value: 'of account 222222222222', fix: /of account 111111111111/ },
  { name: 'service with an NLB twice', run: service({ networkLoadBalancerArns: [NLB_ARN, NLB_ARN] }), field: 'networkLoadBalancerArns', value: `'${NLB_ARN}' twice`, fix: /each load balancer once/ },
  { name: 'service with NLB and GWLB lists', run: service({ gatewayLoadBalancerArns: [NLB_ARN.replace('/net/', '/gwy/')] }), field: 'gatewayLoadBalancerArns', value: 'together with networkLoadBalancerArns', fix: /give one of the two lists/ },
  { name: 'GWLB service with an NLB ARN', run: service({ networkLoadBalancerArns: undefined, gatewayLoadBalancerArns: [NLB_ARN] }), field: 'gatewayLoadBalancerArns', value: `'${NLB_ARN}'`, fix: /loadbalancer\/gwy\// },
  { name: 'GWLB service with a private DNS name', run: service({ networkLoadBalancerArns: undefined, gatewayLoadBalancerArns: [NLB_ARN.replace('/net/', '/gwy/')], privateDnsName: 'api.example.com' }), field: 'privateDnsName', value: 'Gateway Load Balancer', fix: /leave privateDnsName out/ },
  { name: 'GWLB service across regions', run: service({ networkLoadBalancerArns: undefined, gatewayLoadBalancerArns: [NLB_ARN.replace('/net/', '/gwy/')], supportedRegions: ['us-east-1'] }), field: 'supportedRegions', value: 'Gateway Load Balancer', fix: /leave supportedRegions out/ },
  { name: "service with '*' and no opt-in", run: service({ tenants: [{ key: 'anyone', principals: ['*'] }] }), field: 'tenants', value: "'*'", fix: /allowAnyPrincipal: true/ },
  { name: "service with 'anyone' spelt as an ARN", run: service({ tenants: [{ key: 'anyone', principals: ['arn:aws:iam::*:root'] }], allowAnyPrincipal: true }), field: 'tenants[0].principals', value: "'arn:aws:iam::*:root'", fix: /write '\*' and set allowAnyPrincipal: true/ },
  { name: 'service with acceptance off and no principals', run: service({ tenants: [], acceptanceRequired: false }), field: 'acceptanceRequired', value: 'no allowed principals', fix: /keep acceptance required/ },
  { name: "service with acceptance off and '*'", run: service({ tenants: [{ key: 'anyone', principals: ['*'] }], allowAnyPrincipal: true, acceptanceRequired: false }), field: 'acceptanceRequired', value: "'*' is allowed", fix: /keep acceptance required/ },
  { name: 'service acceptance as a string (untyped JS)', run: service({ acceptanceRequired: 'false' }), field: 'acceptanceRequired', value: "the string 'false'", fix: /true or false/ },
  { name: 'service allowAnyPrincipal as a string (untyped JS)', run: service({ allowAnyPrincipal: 'yes' }), field: 'allowAnyPrincipal', value: "the string 'yes'", fix: /true or false/ },
  { name: 'service tenants as an object (untyped JS)', run: service({ tenants: { key: 'acme-bank' } }), field: 'tenants', value: 'an object, not a list', fix: /key: 'acme-bank'/ },
  { name: 'service tenant as a string (untyped JS)', run: service({ tenants: ['acme-bank'] }), field: 'tenants[0]', value: "'acme-bank'", fix: /key: 'acme-bank'/ },
  { name: 'service tenant keys twice', run: service({ tenants: [TENANTS[0], { key: 'acme-bank', principals: ['arn:aws:iam::555555555555:root'] }] }), field: 'tenants[1].key', value: "'acme-bank'", fix: /its own key/ },
  { name: 'service principal under two tenants', run: service({ tenants: [TENANTS[0], { key: 'other', principals: [PRINCIPAL] }] }), field: 'tenants[1].principals', value: `'${PRINCIPAL}'`, fix: /one tenant/ },
  { name: 'service endpoint ID under two tenants', run: service({ tenants: [{ ...TENANTS[0], endpointIds: ['vpce-0a1b2c3d4e5f60718'] }, { key: 'other', principals: ['arn:aws:iam::555555555555:root'], endpointIds: ['vpce-0a1b2c3d4e5f60718'] }] }), field: 'tenants[1].endpointIds', value: "'vpce-0a1b2c3d4e5f60718'", fix: /an endpoint belongs to one tenant/ },
  { name: 'service IP type unknown (untyped JS)', run: service({ supportedIpAddressTypes: ['dualstack'] }), field: 'supportedIpAddressTypes', value: "'dualstack'", fix: /'ipv4', 'ipv6'/ },
  { name: 'service IP types empty', run: service({ supportedIpAddressTypes: [] }), field: 'supportedIpAddressTypes', value: 'is empty', fix: /\['ipv4'\]/ },
  { name: 'service IP type twice', run: service({ supportedIpAddressTypes: ['ipv4', 'ipv4'] }), field: 'supportedIpAddressTypes', value: "'ipv4' twice", fix: /each type once/ },
  { name: 'service region that does not exist', run: service({ supportedRegions: ['tokyo'] }), field: 'supportedRegions', value: "'tokyo'", fix: /region/ },
  { name: 'service region twice', run: service({ supportedRegions: ['us-east-1', 'us-east-1'] }), field: 'supportedRegions', value: "'us-east-1' twice", fix: /each region once/ },
  { name: 'service regions as a string (untyped JS)', run: service({ supportedRegions: 'us-east-1' }), field: 'supportedRegions', value: "the string 'us-east-1'", fix: /region names/ },
  { name: 'service private DNS name with a space', run: service({ privateDnsName: 'api saas.example.com' }), field: 'privateDnsName', value: "'api saas.example.com'", fix: /api\.example\.com/ },
  { name: 'service tag value as a number (untyped JS)', run: service({ tags: { cost: 42 } }), field: 'tags.cost', value: 'the number 42', fix: /as strings/ },
  { name: 'service timeout that is no duration', run: service({ timeouts: { create: '10 minutes' } }), field: 'timeouts.create', value: "'10 minutes'", fix: /'20m'/ },
  { name: 'service timeout of an operation it lacks', run: service({ timeouts: { read: '5m' } }), field: 'timeouts.read', value: 'is not a timeout of this resource', fix: /'create', 'update', 'delete'/ },
  // Tenant (and the tenant checks EndpointService and the tenants file share)
  { name: 'tenant key with capitals', run: tenant({ key: 'Acme' }), field: 'key', value: "'Acme'", fix: /lower-case letters/ },
  { name: 'tenant key missing (untyped JS)', run: tenant({ key: undefined }), field: 'key', value: 'is missing', fix: /acme-bank/ },
  { name: 'tenant without principals', run: tenant({ principals: [] }), field: 'principals', value: 'is empty', fix: /at least one principal/ },
  { name: 'tenant principals missing (untyped JS)', run: tenant({ principals: undefined }), field: 'principals', value: 'is empty', fix: /at least one principal/ },
  { name: 'tenant principal as an account ID', run: tenant({ principals: ['444444444444'] }), field: 'principals', value: "'444444444444'", fix: /arn:aws:iam::444444444444:root/ },
  { name: 'tenant principal of a short account ID', run: tenant({ principals: ['12345'] }), field: 'principals', value: "'12345'", fix: /exactly 12 digits/ },
  { name: 'tenant principal that is a bucket', run: tenant({ principals: ['arn:aws:s3:::bucket'] }), field: 'principals', value: "'arn:aws:s3:::bucket'", fix: /account roots, roles, users, service principals/ },
  { name: 'tenant principal that is a group', run: tenant({ principals: ['arn:aws:iam::444444444444:group/admins'] }), field: 'principals', value: "'arn:aws:iam::444444444444:group/admins'", fix: /account roots, roles, users/ },
  { name: 'tenant principal with a wildcard', run: tenant({ principals: ['arn:aws:iam::444444444444:role/app-*'] }), field: 'principals', value: "'arn:aws:iam::444444444444:role/app-*'", fix: /account roots, roles, users/ },
  { name: 'tenant principal unresolved', run: tenant({ principals: [TOKEN] }), field: 'principals', value: 'an unresolved value', fix: /literal principal ARNs/ },
  { name: 'tenant principal twice', run: tenant({ principals: [PRINCIPAL, PRINCIPAL] }), field: 'principals', value: `'${PRINCIPAL}' twice`, fix: /each principal once/ },
  { name: 'tenant principals that share an address', run: tenant({ principals: ['arn:aws:iam::444444444444:role/a.b', 'arn:aws:iam::444444444444:role/a-b'] }), field: 'principals', value: 'the same address', fix: /split the principals over two tenants/ },
  { name: 'tenant state unknown (untyped JS)', run: tenant({ state: 'paused' }), field: 'state', value: "'paused'", fix: /'active', 'offboarded'/ },
  { name: 'tenant endpoint ID of a VPC', run: tenant({ endpointIds: ['vpc-0a1b2c3d'] }), field: 'endpointIds', value: "'vpc-0a1b2c3d'", fix: /vpce-0123456789abcdef0/ },
  { name: 'tenant endpoint ID unresolved', run: tenant({ endpointIds: [TOKEN] }), field: 'endpointIds', value: 'an unresolved value', fix: /literal vpce-/ },
  { name: 'tenant endpoint IDs as a string (untyped JS)', run: tenant({ endpointIds: 'vpce-0a1b2c3d4e5f60718' }), field: 'endpointIds', value: "'vpce-0a1b2c3d4e5f60718', not a list", fix: /list of endpoint IDs/ },
  { name: 'tenant endpoint IDs without acceptance', run: tenant({ endpointIds: ['vpce-0a1b2c3d4e5f60718'], acceptanceRequired: false }), field: 'endpointIds', value: 'acceptanceRequired is false', fix: /leave endpointIds out/ },
  { name: "tenant with '*' and no opt-in", run: tenant({ principals: ['*'] }), field: 'principals', value: "'*'", fix: /allowAnyPrincipal: true/ },
  { name: 'tenant allowAnyPrincipal as a string (untyped JS)', run: tenant({ principals: ['*'], allowAnyPrincipal: 'yes' }), field: 'allowAnyPrincipal', value: "the string 'yes'", fix: /true or false/ },
  { name: 'tenant service ID of an endpoint', run: tenant({ serviceId: 'vpce-0a1b2c3d4e5f60718' }), field: 'serviceId', value: "'vpce-0a1b2c3d4e5f60718'", fix: /vpce-svc-/ },
  // AlbTarget
  { name: 'alb ARN that is a name', run: alb({ albArn: 'web' }), field: 'albArn', value: "'web'", fix: /loadbalancer\/app\/my-alb/ },
  { name: 'alb ARN of an NLB', run: alb({ albArn: NLB_ARN }), field: 'albArn', value: `'${NLB_ARN}'`, fix: /loadbalancer\/app\// },
  { name: 'alb ARN of another region', run: alb({ albArn: ALB_ARN.replace('ap-northeast-1', 'us-west-2') }), field: 'albArn', value: 'in us-west-2', fix: /of ap-northeast-1/ },
  { name: 'alb ARN of another account', run: alb({ albArn: ALB_ARN.replace('111111111111', '222222222222') }), field: 'albArn', value: 'of account 222222222222', fix: /of account 111111111111/ },
  { name: 'alb ARN missing (untyped JS)', run: alb({ albArn: undefined }), field: 'albArn', value: 'is missing', fix: /ARN of the Application Load Balancer/ },
  { name: 'alb listener of another ALB', run: alb({ albListener: { listenerArn: ALB_LISTENER_ARN.replace('web/0123456789abcdef', 'other/0123456789abcdee'), port: 443 } }), field: 'albListener.listenerArn', value: 'a listener of', fix: /same load balancer/ },
  { name: 'alb listener of an NLB', run: alb({ albListener: { listenerArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:listener/net/x/1/2', port: 443 } }), field: 'albListener.listenerArn', value: 'not an Application Load Balancer listener', fix: /listener\/app\// },
  { name: 'alb listener of another account', run: alb({ albListener: { listenerArn: ALB_LISTENER_ARN.replace('111111111111', '222222222222'), port: 443 } }), field: 'albListener.listenerArn', value: 'of account 222222222222', fix: /of account 111111111111/ },
  { name: 'alb listener port out of range', run: alb({ albListener: { listenerArn: ALB_LISTENER_ARN, port: 70000 } }), field: 'albListener.port', value: 'port 70000', fix: /from 1 to 65535/ },
  { name: 'alb listener protocol TCP (untyped JS)', run: alb({ albListener: { listenerArn: ALB_LISTENER_ARN, port: 443, protocol: 'TCP' } }), field: 'albListener.protocol', value: "'TCP'", fix: /'HTTP', 'HTTPS'/ },
  { name: 'alb listener as a string (untyped JS)', run: alb({ albListener: ALB_LISTENER_ARN }), field: 'albListener', value: 'the string', fix: /listenerArn, port/ },
  { name: 'alb security group malformed', run: alb({ albSecurityGroupId: 'alb-sg' }), field: 'albSecurityGroupId', value: "'alb-sg'", fix: /sg-0123456789abcdef0/ },
  { name: 'alb TCP health check', run: alb({ healthCheck: { protocol: 'TCP' } }), field: 'healthCheck.protocol', value: "'TCP'", fix: /'HTTP', 'HTTPS'/ },
  { name: 'alb health check path without a slash', run: alb({ healthCheck: { path: 'health' } }), field: 'healthCheck.path', value: "'health'", fix: /starts with '\/'/ },
  { name: 'alb health check matcher of 100', run: alb({ healthCheck: { matcher: '100-199' } }), field: 'healthCheck.matcher', value: "'100-199'", fix: /from 200 to 599/ },
  { name: 'alb health check matcher as words', run: alb({ healthCheck: { matcher: 'ok' } }), field: 'healthCheck.matcher', value: "'ok'", fix: /'200-399'/ },
  // IpTargets and the target group props every target shares
  { name: 'ip targets empty', run: ips({ ips: [] }), field: 'ips', value: 'is empty', fix: /at least one private IPv4 address/ },
  { name: 'ip target not an address', run: ips({ ips: ['10.10.1.300'] }), field: 'ips', value: "'10.10.1.300'", fix: /IPv4 address such as/ },
  { name: 'ip target that is public', run: ips({ ips: ['8.8.8.8'] }), field: 'ips', value: "'8.8.8.8'", fix: /10\.0\.0\.0\/8/ },
  { name: 'ip target of IPv6', run: ips({ ips: ['2001:db8::1'] }), field: 'ips', value: "'2001:db8::1'", fix: /IPv4 address/ },
  { name: 'ip target twice', run: ips({ ips: ['10.10.1.10', '10.10.1.10'] }), field: 'ips', value: "'10.10.1.10' twice", fix: /each address once/ },
  { name: 'ip target unresolved', run: ips({ ips: [TOKEN] }), field: 'ips', value: 'an unresolved value', fix: /literal addresses/ },
  { name: 'ip target port 0', run: ips({ port: 0 }), field: 'port', value: 'port 0', fix: /from 1 to 65535/ },
  { name: 'ip backend group malformed', run: ips({ backendSecurityGroupId: 'backend' }), field: 'backendSecurityGroupId', value: "'backend'", fix: /sg-0123456789abcdef0/ },
  { name: 'target deregistration delay over an hour', run: ips({ deregistrationDelaySeconds: 3601 }), field: 'deregistrationDelaySeconds', value: 'is 3601', fix: /from 0 to 3600 seconds/ },
  { name: 'target deregistration delay negative', run: ips({ deregistrationDelaySeconds: -1 }), field: 'deregistrationDelaySeconds', value: 'is -1', fix: /from 0 to 3600 seconds/ },
  { name: 'target deregistration delay as a string (untyped JS)', run: ips({ deregistrationDelaySeconds: '300' }), field: 'deregistrationDelaySeconds', value: "the string '300'", fix: /from 0 to 3600/ },
  { name: 'target name with a control character', run: ips({ name: 'web\napi' }), field: 'name', value: "'web\napi'", fix: /printable characters/ },
  { name: 'target vpc without CIDR blocks', run: ips({ vpc: { vpcId: VPC.vpcId, cidrBlocks: [] } }), field: 'vpc.cidrBlocks', value: 'is empty', fix: /IPv4 CIDR blocks/ },
  { name: 'health check interval below 5', run: ips({ healthCheck: { intervalSeconds: 4 } }), field: 'healthCheck.intervalSeconds', value: 'is 4', fix: /from 5 to 300 seconds/ },
  { name: 'health check timeout above 120', run: ips({ healthCheck: { timeoutSeconds: 121, intervalSeconds: 300 } }), field: 'healthCheck.timeoutSeconds', value: 'is 121', fix: /from 2 to 120 seconds/ },
  { name: 'health check timeout not shorter than the interval', run: ips({ healthCheck: { timeoutSeconds: 30 } }), field: 'healthCheck.timeoutSeconds', value: 'not shorter than the interval of 30', fix: /shorter than intervalSeconds/ },
  { name: 'health check healthy threshold of 1', run: ips({ healthCheck: { healthyThreshold: 1 } }), field: 'healthCheck.healthyThreshold', value: 'is 1', fix: /from 2 to 10/ },
  { name: 'health check unhealthy threshold of 11', run: ips({ healthCheck: { unhealthyThreshold: 11 } }), field: 'healthCheck.unhealthyThreshold', value: 'is 11', fix: /from 2 to 10/ },
  { name: 'health check interval NaN', run: ips({ healthCheck: { intervalSeconds: NaN } }), field: 'healthCheck.intervalSeconds', value: 'is NaN', fix: /whole number/ },
  { name: 'health check port 0', run: ips({ healthCheck: { port: 0 } }), field: 'healthCheck.port', value: 'port 0', fix: /from 1 to 65535/ },
  { name: 'health check path on TCP', run: ips({ healthCheck: { path: '/health' } }), field: 'healthCheck.path', value: 'is set on a TCP health check', fix: /protocol 'HTTP' or 'HTTPS'/ },
  { name: 'health check protocol misspelled (untyped JS)', run: ips({ healthCheck: { protocol: 'http' } }), field: 'healthCheck.protocol', value: "'http'", fix: /write it as 'HTTP'/ },
  { name: 'health check as a string (untyped JS)', run: ips({ healthCheck: 'TCP' }), field: 'healthCheck', value: "the string 'TCP'", fix: /leave healthCheck out/ },
  // InstanceTargets
  { name: 'instances empty', run: instances({ instances: [] }), field: 'instances', value: 'is empty', fix: /instanceId/ },
  { name: 'instance ID malformed', run: instances({ instances: [{ key: 'app-1', instanceId: 'web-1' }] }), field: 'instances[0].instanceId', value: "'web-1'", fix: /i-0123456789abcdef0/ },
  { name: 'instance without a key', run: instances({ instances: [{ instanceId: 'i-0123456789abcdef0' }] }), field: 'instances', value: 'key undefined', fix: /lower-case letters/ },
  { name: 'instance key twice', run: instances({ instances: [{ key: 'app-1', instanceId: 'i-0123456789abcdef0' }, { key: 'app-1', instanceId: 'i-0123456789abcdef1' }] }), field: 'instances', value: "'app-1' twice", fix: /its own key/ },
  { name: 'instance twice under two keys', run: instances({ instances: [{ key: 'app-1', instanceId: 'i-0123456789abcdef0' }, { key: 'app-2', instanceId: 'i-0123456789abcdef0' }] }), field: 'instances.instanceId', value: "'i-0123456789abcdef0' twice", fix: /each instance once/ },
  { name: 'instance as a string (untyped JS)', run: instances({ instances: ['i-0123456789abcdef0'] }), field: 'instances[0]', value: "the string 'i-0123456789abcdef0'", fix: /key: 'app-1'/ },
  { name: 'instance security group malformed', run: instances({ instanceSecurityGroupId: 'app' }), field: 'instanceSecurityGroupId', value: "'app'", fix: /sg-0123456789abcdef0/ },
  // PrivateDnsName
  { name: 'dns for a service without a name', run: dns({}, {}), field: 'service', value: 'has no privateDnsName', fix: /set privateDnsName on the EndpointService/ },
  { name: 'dns service that is not a construct (untyped JS)', run: () => new PrivateDnsName(testStack(), 'Dns', { service: { privateDnsName: 'api.example.com' }, hostedZoneId: 'Z0123456789ABCDEFGHIJ' } as never), field: 'service', value: 'an object', fix: /EndpointService construct/ },
  { name: 'dns hosted zone that is a domain', run: dns({ hostedZoneId: 'saas.example.com' }), field: 'hostedZoneId', value: "'saas.example.com'", fix: /Z0123456789ABCDEFGHIJ/ },
  { name: 'dns hosted zone missing (untyped JS)', run: dns({ hostedZoneId: undefined }), field: 'hostedZoneId', value: 'is missing', fix: /Route 53 public hosted zone/ },
  { name: 'dns verified domain that does not contain the name', run: dns({ verifiedDomain: 'other.example.com' }), field: 'verifiedDomain', value: "'other.example.com'", fix: /parent domains/ },
  { name: 'dns TTL negative', run: dns({ ttlSeconds: -5 }), field: 'ttlSeconds', value: 'is -5', fix: /from 0 to 2147483647 seconds/ },
  { name: 'dns wait as a string (untyped JS)', run: dns({ waitForVerification: 'yes' }), field: 'waitForVerification', value: "the string 'yes'", fix: /true or false/ },
  // ConnectionNotifications
  { name: 'notifications event unknown', run: notifications({ events: ['Connected'] }), field: 'events', value: "'Connected'", fix: /'Connect', 'Accept'/ },
  { name: 'notifications events empty', run: notifications({ events: [] }), field: 'events', value: 'is empty', fix: /at least one of/ },
  { name: 'notifications event twice', run: notifications({ events: ['Accept', 'Accept'] }), field: 'events', value: "'Accept' twice", fix: /each event once/ },
  { name: 'notifications service ID of an endpoint', run: notifications({ serviceId: 'vpce-0a1b2c3d4e5f60718' }), field: 'serviceId', value: "'vpce-0a1b2c3d4e5f60718'", fix: /vpce-svc-/ },
  { name: 'notifications service ARN of a topic', run: notifications({ serviceArn: 'arn:aws:sns:ap-northeast-1:111111111111:topic' }), field: 'serviceArn', value: "'arn:aws:sns:ap-northeast-1:111111111111:topic'", fix: /vpc-endpoint-service/ },
  { name: 'notifications key of another region', run: notifications({ kmsKeyArn: 'arn:aws:kms:us-east-1:111111111111:key/0d1e2f3a-1111-4222-8333-444455556666' }), field: 'kmsKeyArn', value: 'in us-east-1', fix: /of ap-northeast-1/ },
  { name: 'notifications name with a space', run: notifications({ name: 'unit dev' }), field: 'name', value: "'unit dev'", fix: /letters, digits and \._-/ },
  // ServiceAlarms
  { name: 'alarms service ID malformed', run: alarms({ serviceId: 'svc-1' }), field: 'serviceId', value: "'svc-1'", fix: /vpce-svc-/ },
  { name: 'alarms name missing (untyped JS)', run: alarms({ name: undefined }), field: 'name', value: 'is missing', fix: /saas-provider-prod/ },
  { name: 'alarms expected hosts of 0', run: alarms({ targets: { loadBalancerArn: NLB_ARN, targetGroupArn: TARGET_GROUP_ARN, expectedHealthyHosts: 0 } }), field: 'targets.expectedHealthyHosts', value: 'is 0', fix: /at least 1/ },
  { name: 'alarms target group ARN of a load balancer', run: alarms({ targets: { loadBalancerArn: NLB_ARN, targetGroupArn: NLB_ARN, expectedHealthyHosts: 2 } }), field: 'targets.targetGroupArn', value: `'${NLB_ARN}'`, fix: /targetgroup/ },
  { name: 'alarms actions empty', run: alarms({ actions: [] }), field: 'actions', value: 'is empty', fix: /SNS topic/ },
  // PrivateLinkService: errors of the constructs it builds, under the field the caller wrote
  { name: 'service name with a slash', run: pls({ name: 'saas/prod' }), field: 'name', value: "'saas/prod'", fix: /letters, digits and \._-/ },
  { name: 'service name missing (untyped JS)', run: pls({ name: undefined }), field: 'name', value: 'is missing', fix: /saas-provider-prod/ },
  { name: 'service target missing (untyped JS)', run: pls({ target: undefined }), field: 'target', value: 'is missing', fix: /existingNlbArns/ },
  { name: 'service target type unknown (untyped JS)', run: pls({ target: { type: 'lambda' } }), field: 'target.type', value: "'lambda'", fix: /'alb', 'ip', 'instance'/ },
  { name: 'service ALB target of another account', run: pls({ target: { ...ALB_TARGET, albArn: ALB_ARN.replace('111111111111', '222222222222') } }), field: 'target.albArn', value: 'of account 222222222222', fix: /of account 111111111111/ },
  { name: 'service IP target that is public', run: pls({ target: { type: 'ip', ips: ['8.8.8.8'] } }), field: 'target.ips', value: "'8.8.8.8'", fix: /10\.0\.0\.0\/8/ },
  { name: 'service target health check path', run: pls({ target: { ...ALB_TARGET, healthCheck: { path: 'health' } } }), field: 'target.healthCheck.path', value: "'health'", fix: /starts with '\/'/ },
  { name: 'service subnets in one zone', run: pls({ subnets: [SUBNETS[0]] }), field: 'subnets', value: 'has 1 subnet', fix: /at least 2 Availability Zones/ },
  { name: 'service consumers without enforcement', run: pls({ consumerCidrs: ['10.50.0.0/16'] }), field: 'consumerCidrs', value: "'10.50.0.0/16'", fix: /enforceInboundRulesOnPrivateLinkTraffic: true/ },
  { name: 'service consumers open as ::/0', run: pls({ enforceInboundRulesOnPrivateLinkTraffic: true, consumerCidrs: ['::/0'] }), field: 'consumerCidrs', value: "'::/0'", fix: /never admitted here/ },
  { name: 'service TLS listener behind an ALB target', run: pls({ listeners: [{ port: 443, protocol: 'TLS', certificateArn: CERT }] }), field: 'listeners[0].protocol', value: "'TLS' for an ALB target", fix: /use protocol 'TCP'/ },
  { name: 'service legacy TLS policy', run: pls({ target: { type: 'ip', ips: ['10.10.1.10'] }, listeners: [{ port: 443, protocol: 'TLS', certificateArn: CERT, sslPolicy: 'ELBSecurityPolicy-2016-08' }] }), field: 'listeners[0].sslPolicy', value: 'accepts TLS 1.0', fix: /allowLegacyTlsPolicy: true/ },
  { name: 'service listeners empty', run: pls({ listeners: [] }), field: 'listeners', value: 'is empty', fix: /at least one listener/ },
  { name: 'service existing NLB that is an ALB', run: pls({ subnets: undefined, target: undefined, existingNlbArns: [ALB_ARN] }), field: 'existingNlbArns', value: `'${ALB_ARN}'`, fix: /loadbalancer\/net\// },
  { name: 'service existing NLBs with a target', run: pls({ existingNlbArns: [NLB_ARN] }), field: 'existingNlbArns', value: 'together with subnets, target or listeners', fix: /not both/ },
  { name: 'service private DNS name invalid', run: pls({ privateDns: { name: 'api..example.com', hostedZoneId: 'Z0123456789ABCDEFGHIJ' } }), field: 'privateDns.name', value: "'api..example.com'", fix: /api\.example\.com/ },
  { name: 'service private DNS zone invalid', run: pls({ privateDns: { name: 'api.example.com', hostedZoneId: 'example.com' } }), field: 'privateDns.hostedZoneId', value: "'example.com'", fix: /Z0123456789ABCDEFGHIJ/ },
  { name: 'service notification event unknown', run: pls({ notifications: { events: ['Open'] } }), field: 'notifications.events', value: "'Open'", fix: /'Connect', 'Accept'/ },
  { name: 'service notifications as true (untyped JS)', run: pls({ notifications: true }), field: 'notifications', value: 'the boolean true', fix: /false to turn notifications off/ },
  { name: 'service flow logs as true (untyped JS)', run: pls({ flowLogs: true }), field: 'flowLogs', value: 'the boolean true', fix: /retentionDays: 365/ },
  { name: 'service flow-log retention', run: pls({ flowLogs: { retentionDays: 10 } }), field: 'flowLogs.retentionDays', value: 'is 10', fix: /for example 14/ },
  { name: 'service alarm period', run: pls({ alarms: { resetPackets: { periodSeconds: 90 } } }), field: 'alarms.resetPackets.periodSeconds', value: 'is 90', fix: /multiple of 60/ },
  { name: 'composite service timeout that is no duration', run: pls({ timeouts: { delete: 'soon' } }), field: 'timeouts.delete', value: "'soon'", fix: /'20m'/ },
  { name: 'service allowFrom the whole internet', run: () => pls({})().allowFrom('0.0.0.0/0'), field: 'allowFrom', value: "'0.0.0.0/0'", fix: /never admits the whole internet/ },
  { name: 'service allowFrom a group without a key (untyped JS)', run: () => pls({})().allowFrom({ securityGroupId: 'web' }), field: 'allowFrom.securityGroupId', value: "'web'", fix: /sg-0123456789abcdef0/ },
  { name: 'service accepts a VPC ID by reference', run: () => service({})().acceptEndpoint('batch', 'vpc-0123456789abcdef0'), field: 'acceptEndpoint.endpointId', value: "'vpc-0123456789abcdef0'", fix: /vpce-0123456789abcdef0/ },
  { name: 'service supported region twice', run: pls({ supportedRegions: ['us-east-1', 'us-east-1'] }), field: 'supportedRegions', value: "'us-east-1' twice", fix: /each region once/ },
  { name: 'service IPv6 on an IPv4 NLB', run: pls({ supportedIpAddressTypes: ['ipv6'], ipAddressType: 'ipv4' }), field: 'ipAddressType', value: "'ipv4' while the service supports ipv6", fix: /'dualstack'/ },
  { name: 'insights template that does not exist', run: insights({ templates: ['VpcEndpointService-Bytes-v1'] }), field: 'templates[0]', value: "'VpcEndpointService-Bytes-v1'", fix: /VpcEndpointService-BytesByEndpointId-v1/ },
  { name: 'insights template twice', run: insights({ templates: ['VpcEndpointService-BytesByEndpointId-v1', 'VpcEndpointService-BytesByEndpointId-v1'] }), field: 'templates', value: "'VpcEndpointService-BytesByEndpointId-v1' twice", fix: /each template once/ },
  { name: 'insights with no template', run: insights({ templates: [] }), field: 'templates', value: 'is empty', fix: /leave templates out/ },
  { name: 'insights service ARN of an endpoint', run: insights({ serviceArn: 'arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint/vpce-0123456789abcdef0' }), field: 'serviceArn', value: "'arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint/vpce-0123456789abcdef0'", fix: /vpc-endpoint-service/ },
  { name: 'insights service ARN of another region', run: insights({ serviceArn: SERVICE_ARN.replace('ap-northeast-1', 'us-east-1') }), field: 'serviceArn', value: 'in us-east-1', fix: /ap-northeast-1/ },
  { name: 'service contributor insights as a string (untyped JS)', run: pls({ contributorInsights: 'all' }), field: 'contributorInsights', value: "'all'", fix: /true for every rule/ },
  { name: 'service contributor insights template unknown', run: pls({ contributorInsights: { templates: ['Bytes'] } }), field: 'contributorInsights.templates[0]', value: "'Bytes'", fix: /VpcEndpointService-/ },
  { name: 'service provider that is not one (untyped JS)', run: pls({ provider: {} }), field: 'provider', value: 'an object', fix: /AwsProvider/ },
];

describe('bad input', () => {
  it('covers every public construct with at least 90 cases', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(90);
    expect(new Set(BAD.map((c) => c.name)).size).toBe(BAD.length);
  });

  it.each(BAD.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));
});
