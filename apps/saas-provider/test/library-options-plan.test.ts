import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { EnvironmentStack } from '@privatelink-cdktf/core';
import {
  AlbTarget,
  ConnectionNotifications,
  EndpointService,
  InstanceTargets,
  IpTargets,
  NetworkLoadBalancer,
  PrivateDnsName,
  PrivateLinkService,
  ServiceAlarms,
} from '@privatelink-cdktf/provider';
import { planConfig, TERRAFORM_TIMEOUT_MS, type PlanResult } from '@privatelink-cdktf/terraform-harness';
import { Testing } from 'cdktf';

// The stacks publish an ALB; this plans the provider library's other options with real Terraform
// (IP targets on premises, instance targets, TLS, dual stack, existing NLBs, cross-region), so an
// argument the AWS provider does not know fails here rather than in someone's deploy.
const ACCOUNT = '333333333333';
const elb = (path: string) => `arn:aws:elasticloadbalancing:ap-northeast-1:${ACCOUNT}:${path}`;

function optionsStack(): EnvironmentStack {
  const stack = new EnvironmentStack(Testing.app(), { application: 'options', environment: { name: 'prod', accountId: ACCOUNT, backend: { type: 's3', bucket: 'options-terraform-state' } } });
  const vpc = { vpcId: 'vpc-0123456789abcdef0', cidrBlocks: ['10.12.0.0/16'] };
  const subnets = [
    { subnetId: 'subnet-0a', availabilityZoneId: 'apne1-az1' },
    { subnetId: 'subnet-0c', availabilityZoneId: 'apne1-az4' },
  ];
  const nlb = new NetworkLoadBalancer(stack, 'Nlb', {
    name: 'options',
    vpc,
    subnets,
    crossZoneLoadBalancing: true,
    accessLogs: { bucket: 'options-nlb-logs', prefix: 'nlb' },
    enforceInboundRulesOnPrivateLinkTraffic: true,
    consumerCidrs: ['10.100.0.0/16'],
    ipAddressType: 'dualstack',
    preventDestroy: true,
  });
  const alb = new AlbTarget(stack, 'Alb', {
    vpc,
    albArn: elb('loadbalancer/app/web/0123456789abcdef'),
    albListener: { listenerArn: elb('listener/app/web/0123456789abcdef/fedcba9876543210'), port: 443 },
  });
  const ips = new IpTargets(stack, 'Ips', { vpc, port: 8443, ips: ['10.12.1.10', '192.168.10.10'], healthCheck: { port: 9000, intervalSeconds: 10, timeoutSeconds: 5 } });
  const instances = new InstanceTargets(stack, 'Instances', { vpc, port: 9443, instances: [{ key: 'app-1', instanceId: 'i-0123456789abcdef0' }], instanceSecurityGroupId: 'sg-0123456789abcdef0' });
  nlb.addListener({ port: 443 }, alb);
  nlb.addListener({ port: 8443, protocol: 'TLS', certificateArn: `arn:aws:acm:ap-northeast-1:${ACCOUNT}:certificate/0b1c2d3e-1111-2222-3333-444455556666` }, ips);
  nlb.addListener({ port: 9443 }, instances);
  // Clients in the VPC reach the instances' listener directly.
  nlb.allowFrom('10.12.0.0/16', [9443]);
  // An older policy for clients that cannot do better, chosen by name (acknowledges PL-TLS-1).
  nlb.addListener({ port: 10443, protocol: 'TLS', certificateArn: `arn:aws:acm:ap-northeast-1:${ACCOUNT}:certificate/0b1c2d3e-1111-2222-3333-444455556666`, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06', allowLegacyTlsPolicy: true }, ips);
  const service = new EndpointService(stack, 'Service', {
    networkLoadBalancerArns: [nlb.loadBalancerArn, elb('loadbalancer/net/other/0123456789abcdef')],
    acceptanceRequired: false,
    tenants: [
      { key: 'acme-bank', principals: ['arn:aws:iam::555500001111:role/privatelink-consumer'] },
      // A service principal may be allowed too (aws/aws-cdk#29478).
      { key: 'aws-service', principals: ['elasticloadbalancing.amazonaws.com'] },
    ],
    supportedIpAddressTypes: ['ipv4', 'ipv6'],
    supportedRegions: ['us-east-1', 'eu-west-1'],
    privateDnsName: '*.tenants.example.com',
    timeouts: { create: '20m', delete: '30m' },
  });
  // A Gateway Load Balancer endpoint service (inspection appliances), in production by default with prevent_destroy.
  new EndpointService(stack, 'Inspection', {
    gatewayLoadBalancerArns: [elb('loadbalancer/gwy/inspection/0123456789abcdef')],
    tenants: [{ key: 'spoke', principals: ['arn:aws:iam::555500002222:root'], endpointIds: ['vpce-0f1e2d3c4b5a69788'] }],
  });
  new PrivateDnsName(stack, 'Dns', { service, hostedZoneId: 'Z0123456789ABCDEFGHIJ', verifiedDomain: 'example.com', waitForVerification: true, ttlSeconds: 300 });
  // Every kind of subscription, and the alarms on their own with literal ARNs.
  new ConnectionNotifications(stack, 'Notify', {
    name: 'options',
    serviceId: service.serviceId,
    serviceArn: service.serviceArn,
    events: ['Connect'],
    subscriptions: [
      { type: 'email', address: 'privatelink-ops@saas.example.com' },
      { type: 'https', url: 'https://events.pagerduty.com/integration/0123/enqueue', autoConfirms: true, rawMessageDelivery: true },
      { type: 'sqs', queueArn: `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:connection-events`, rawMessageDelivery: true },
      { type: 'lambda', functionArn: `arn:aws:lambda:ap-northeast-1:${ACCOUNT}:function:notify-tenants` },
    ],
  });
  new ServiceAlarms(stack, 'SharedAlarms', {
    name: 'shared',
    serviceId: 'vpce-svc-0123456789abcdef0',
    targets: { loadBalancerArn: elb('loadbalancer/net/shared/0123456789abcdef'), targetGroupArn: elb('targetgroup/shared/0123456789abcdef'), expectedHealthyHosts: 2 },
    actions: [`arn:aws:sns:ap-northeast-1:${ACCOUNT}:pager`],
    resetPackets: { threshold: 10, periodSeconds: 300, evaluationPeriods: 3, datapointsToAlarm: 2 },
  });
  const existing = new PrivateLinkService(stack, 'Existing', {
    name: 'existing',
    vpc,
    existingNlbArns: [elb('loadbalancer/net/third/0123456789abcdef')],
    allowAnyPrincipal: true,
    tenants: [
      { key: 'acme-bank', principals: ['arn:aws:iam::555500001111:root'], endpointIds: ['vpce-0a1b2c3d4e5f60718'] },
      { key: 'anyone', principals: ['*'] },
    ],
  });
  // An endpoint of this account created in the same apply, accepted by reference.
  const internal = new VpcEndpoint(stack, 'InternalEndpoint', {
    vpcId: vpc.vpcId,
    serviceName: existing.serviceName,
    vpcEndpointType: 'Interface',
    subnetIds: subnets.map((s) => s.subnetId),
    securityGroupIds: [nlb.securityGroupId],
    // An interface endpoint in production carries prevent_destroy (PL-PROD-2), as the consumer's InterfaceEndpoint sets it.
    lifecycle: { preventDestroy: true },
  });
  existing.endpointService.acceptEndpoint('internal-batch', internal.id);
  return stack;
}

let plan: PlanResult;
beforeAll(async () => {
  // Synthesizing with validations runs the guardrail pack: the opt-ins above accept their findings.
  plan = await planConfig(JSON.parse(Testing.synth(optionsStack(), true)) as object, { name: 'provider-options' });
}, TERRAFORM_TIMEOUT_MS);

const after = (address: RegExp) => {
  const change = plan.resourceChanges.find((rc) => address.test(rc.address));
  if (!change?.change.after) throw new Error(`no planned resource matches ${address}`);
  return change.change.after;
};

it('validates and plans every option', () => {
  expect(plan.validation.valid).toBe(true);
  expect(plan.summary).toMatchObject({ change: 0, destroy: 0 });
  expect(plan.summary.add).toBeGreaterThan(40);
});

it('registers on-premises IPs in every zone and instances and the ALB as they are', () => {
  expect(after(/^aws_lb_target_group_attachment\.Ips_Target-192-168-10-10_/)).toMatchObject({ availability_zone: 'all', port: 8443 });
  expect(after(/^aws_lb_target_group_attachment\.Ips_Target-10-12-1-10_/)).toMatchObject({ availability_zone: null });
  expect(after(/^aws_lb_target_group_attachment\.Instances_Target-app-1_/)).toMatchObject({ target_id: 'i-0123456789abcdef0', port: 9443 });
  expect(after(/^aws_lb_target_group\.Alb_TargetGroup_/)).toMatchObject({ target_type: 'alb', protocol: 'TCP' });
});

it('plans the TLS listener, the dual-stack NLB and the cross-region endpoint service', () => {
  expect(after(/^aws_lb_listener\.Nlb_Listener-8443_/)).toMatchObject({ protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09' });
  expect(after(/^aws_lb\.Nlb_LoadBalancer_/)).toMatchObject({
    ip_address_type: 'dualstack',
    enable_cross_zone_load_balancing: true,
    enforce_security_group_inbound_rules_on_private_link_traffic: 'on',
    access_logs: [{ bucket: 'options-nlb-logs', enabled: true, prefix: 'nlb' }],
  });
  expect(after(/^aws_vpc_endpoint_service\.Service_/)).toMatchObject({ acceptance_required: false, supported_ip_address_types: ['ipv4', 'ipv6'], supported_regions: ['ap-northeast-1', 'eu-west-1', 'us-east-1'] });
  expect(after(/^aws_vpc_endpoint_service_private_dns_verification\.Dns_Verification_/)).toMatchObject({ wait_for_verification: true });
});

it('plans the legacy TLS listener chosen by name, a service principal, timeouts and a Gateway Load Balancer service', () => {
  expect(after(/^aws_lb_listener\.Nlb_Listener-10443_/)).toMatchObject({ protocol: 'TLS', ssl_policy: 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06' });
  expect(after(/^aws_vpc_endpoint_service_allowed_principal\.Service_Tenant-aws-service_Principal-elasticloadbalancing-amazonaws-com_/)).toMatchObject({ principal_arn: 'elasticloadbalancing.amazonaws.com' });
  expect(after(/^aws_vpc_endpoint_service\.Service_[0-9A-F]+$/)).toMatchObject({ timeouts: { create: '20m', delete: '30m' } });
  expect(after(/^aws_vpc_endpoint_service\.Inspection_Service_/)).toMatchObject({ gateway_load_balancer_arns: [elb('loadbalancer/gwy/inspection/0123456789abcdef')], network_load_balancer_arns: null, acceptance_required: true });
  expect(after(/^aws_vpc_endpoint_connection_accepter\.Inspection_Tenant-spoke_Accept-vpce-0f1e2d3c4b5a69788_/)).toMatchObject({ vpc_endpoint_id: 'vpce-0f1e2d3c4b5a69788' });
});

it('admits VPC clients to one listener and accepts an endpoint of the same apply by reference', () => {
  expect(after(/^aws_vpc_security_group_ingress_rule\.Nlb_SecurityGroup_In-tcp-9443-10-12-0-0-16_/)).toMatchObject({ cidr_ipv4: '10.12.0.0/16', from_port: 9443, to_port: 9443 });
  const accepter = plan.resourceChanges.find((rc) => rc.address.startsWith('aws_vpc_endpoint_connection_accepter.Existing_EndpointService_AcceptRef-internal-batch_'));
  expect(accepter?.change.after_unknown).toMatchObject({ vpc_endpoint_id: true, vpc_endpoint_service_id: true });
});

it('fronts existing NLBs and accepts a known endpoint', () => {
  expect(after(/^aws_vpc_endpoint_service\.Existing_EndpointService_/)).toMatchObject({ network_load_balancer_arns: [elb('loadbalancer/net/third/0123456789abcdef')] });
  expect(after(/^aws_vpc_endpoint_connection_accepter\.Existing_EndpointService_Tenant-acme-bank_Accept-vpce-0a1b2c3d4e5f60718_/)).toMatchObject({ vpc_endpoint_id: 'vpce-0a1b2c3d4e5f60718' });
  expect(after(/^aws_vpc_endpoint_service_allowed_principal\.Existing_EndpointService_Tenant-anyone_Principal-any_/)).toMatchObject({ principal_arn: '*' });
});

it('subscribes email, HTTPS, SQS and Lambda, and lets the topic invoke the function', () => {
  const subscriptions = plan.planned('aws_sns_topic_subscription').map((s) => [s.protocol, s.endpoint, s.raw_message_delivery, s.endpoint_auto_confirms]);
  expect(subscriptions.sort()).toEqual([
    ['email', 'privatelink-ops@saas.example.com', false, false],
    ['https', 'https://events.pagerduty.com/integration/0123/enqueue', true, true],
    ['lambda', `arn:aws:lambda:ap-northeast-1:${ACCOUNT}:function:notify-tenants`, false, false],
    ['sqs', `arn:aws:sqs:ap-northeast-1:${ACCOUNT}:connection-events`, true, false],
  ]);
  expect(after(/^aws_lambda_permission\.Notify_Invoke-lambda-/)).toMatchObject({ action: 'lambda:InvokeFunction', principal: 'sns.amazonaws.com' });
});

it('plans the alarms with literal dimensions and their settings, and the existing NLBs\' reset alarm', () => {
  expect(after(/^aws_cloudwatch_metric_alarm\.SharedAlarms_nlb-healthy-hosts_/)).toMatchObject({ dimensions: { LoadBalancer: 'net/shared/0123456789abcdef', TargetGroup: 'targetgroup/shared/0123456789abcdef' }, threshold: 2 });
  expect(after(/^aws_cloudwatch_metric_alarm\.SharedAlarms_endpoint-service-resets_/)).toMatchObject({ period: 300, evaluation_periods: 3, datapoints_to_alarm: 2, threshold: 10 });
  expect(plan.planned('aws_cloudwatch_metric_alarm').map((a) => a.alarm_name)).toContain('existing-endpoint-service-resets');
});
