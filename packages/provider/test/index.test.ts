import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { assertConstructContract } from '@privatelink-cdktf/core/testing';
import type { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as provider from '../src';
import { ALB_ARN, ALB_LISTENER_ARN, NLB_ARN, SUBNETS, VPC } from './helpers';

// Every construct the package exports follows the one construct contract (core's
// applyConstructContract): props checked first, provider on every resource, dependsOn on the main ones.

const SERVICE_ID = 'vpce-svc-0123456789abcdef0';
const TENANT = { key: 'acme-bank', principals: ['arn:aws:iam::444444444444:root'], endpointIds: ['vpce-0a1b2c3d4e5f60718'] };

const CASES = [
  { construct: provider.NetworkLoadBalancer, props: () => ({ name: 'contract-dev', vpc: VPC, subnets: SUBNETS }), mainResourceTypes: ['aws_lb'] },
  { construct: provider.EndpointService, props: () => ({ networkLoadBalancerArns: [NLB_ARN], tenants: [TENANT] }), mainResourceTypes: ['aws_vpc_endpoint_service'] },
  {
    construct: provider.Tenant,
    props: () => ({ ...TENANT, serviceId: SERVICE_ID }),
    mainResourceTypes: ['aws_vpc_endpoint_service_allowed_principal', 'aws_vpc_endpoint_connection_accepter'],
  },
  {
    construct: provider.AlbTarget,
    props: () => ({ vpc: VPC, albArn: ALB_ARN, albListener: { listenerArn: ALB_LISTENER_ARN, port: 443 } }),
    mainResourceTypes: ['aws_lb_target_group'],
  },
  { construct: provider.IpTargets, props: () => ({ vpc: VPC, ips: ['10.10.1.10'] }), mainResourceTypes: ['aws_lb_target_group'] },
  { construct: provider.InstanceTargets, props: () => ({ vpc: VPC, instances: [{ key: 'app-1', instanceId: 'i-0123456789abcdef0' }] }), mainResourceTypes: ['aws_lb_target_group'] },
  {
    construct: provider.PrivateDnsName,
    props: (stack: TerraformStack) => ({
      service: new provider.EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], privateDnsName: 'api.saas.example.com' }),
      hostedZoneId: 'Z0123456789ABCDEFGHIJ',
    }),
    mainResourceTypes: ['aws_route53_record'],
  },
  {
    construct: provider.ConnectionNotifications,
    props: () => ({ name: 'contract-dev', serviceId: SERVICE_ID, serviceArn: `arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint-service/${SERVICE_ID}` }),
    mainResourceTypes: ['aws_vpc_endpoint_connection_notification'],
  },
  {
    construct: provider.ServiceAlarms,
    props: (stack: TerraformStack) => ({ name: 'contract-dev', serviceId: SERVICE_ID, actions: [new SnsTopic(stack, 'Alarms', { name: 'alarms' }).arn] }),
    mainResourceTypes: ['aws_cloudwatch_metric_alarm'],
  },
  {
    construct: provider.ServiceContributorInsights,
    props: () => ({ serviceArn: `arn:aws:ec2:ap-northeast-1:111111111111:vpc-endpoint-service/${SERVICE_ID}` }),
    mainResourceTypes: ['aws_cloudwatch_contributor_managed_insight_rule'],
  },
  {
    construct: provider.PrivateLinkService,
    props: () => ({
      name: 'contract-dev',
      vpc: VPC,
      subnets: SUBNETS,
      target: { type: 'ip', ips: ['10.10.1.10'] } as const,
      tenants: [TENANT],
    }),
    mainResourceTypes: ['aws_lb', 'aws_vpc_endpoint_service'],
  },
];

describe('the construct contract', () => {
  it('covers every construct the package exports', () => {
    const exported = Object.values(provider).filter((value) => typeof value === 'function' && (value as { prototype: unknown }).prototype instanceof Construct);
    expect(CASES.map((c) => c.construct.name).sort()).toEqual(
      exported
        .map((value) => (value as { name: string }).name)
        // The abstract base of the target kinds is not constructed on its own.
        .filter((name) => name !== 'NlbTargetGroup')
        .sort(),
    );
  });

  it.each(CASES.map((c) => [c.construct.name, c] as const))('%s follows it', (_name, c) => {
    assertConstructContract(c as Parameters<typeof assertConstructContract>[0]);
  });
});
