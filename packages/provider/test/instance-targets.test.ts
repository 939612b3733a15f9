import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Testing } from 'cdktf';
import { InstanceTargets, type InstanceTargetsProps } from '../src/instance-targets';
import { NetworkLoadBalancer } from '../src/network-load-balancer';
import { SUBNETS, VPC, resourcesOf, synthJson, testStack } from './helpers';

function setup(props: Partial<InstanceTargetsProps> = {}) {
  const stack = testStack();
  const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS });
  const targets = new InstanceTargets(stack, 'Instances', {
    vpc: VPC,
    port: 8443,
    instances: [{ key: 'app-1', instanceId: 'i-0123456789abcdef0' }, { key: 'app-2', instanceId: 'i-0fedcba9876543210' }],
    ...props,
  });
  return { stack, loadBalancer, targets };
}

describe('InstanceTargets', () => {
  it('registers each instance under its key in a TCP instance target group', () => {
    const { stack, loadBalancer, targets } = setup({ instanceSecurityGroupId: 'sg-0a0b0c0d0e0f00003' });
    loadBalancer.addListener({ port: 443 }, targets);
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(LbTargetGroup, { target_type: 'instance', protocol: 'TCP', port: 8443 });
    expect(synthesized).toHaveResourceWithProperties(LbTargetGroupAttachment, { target_id: 'i-0123456789abcdef0', port: 8443 });
    expect(Object.keys(resourcesOf(synthJson(stack), 'aws_lb_target_group_attachment')).map((id) => id.split('_')[1])).toEqual(['Target-app-1', 'Target-app-2']);
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { security_group_id: 'sg-0a0b0c0d0e0f00003', from_port: 8443 });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { referenced_security_group_id: 'sg-0a0b0c0d0e0f00003', from_port: 8443 });
  });

  it('rejects missing and duplicate keys', () => {
    expect(() => setup({ instances: [] })).toThrow(/InstanceTargets 'unit-dev\/Instances': 'instances' is empty/);
    expect(() => setup({ instances: [{ key: 'a', instanceId: 'i-0000000000000000a' }, { key: 'a', instanceId: 'i-0000000000000000b' }] })).toThrow(/'instances' lists 'a' twice/);
    expect(() => setup({ instances: [{ key: 'App 1', instanceId: 'i-0000000000000000a' }] })).toThrow(/'instances' has key 'App 1'/);
  });
});

describe('InstanceTargets without their security group', () => {
  it('let the load balancer reach the VPC on the port, described as the path to the instances', () => {
    const { stack, loadBalancer, targets } = setup();
    loadBalancer.addListener({ port: 443 }, targets);
    expect(Object.values(resourcesOf(synthJson(stack), 'aws_vpc_security_group_egress_rule')).map((r) => [r.cidr_ipv4, r.from_port, r.description])).toEqual([['10.10.0.0/16', 8443, 'To the instances']]);
  });
});

describe('InstanceTargets bad input', () => {
  const cases: BadInputCase[] = [
    { name: 'an instance that is null (untyped JS)', run: () => setup({ instances: [null as never] }), field: 'instances[0]', value: 'is null', fix: /give \{ key: 'app-1', instanceId: 'i-0123456789abcdef0' \}/ },
    { name: 'port 0', run: () => setup({ port: 0 }), field: 'port', value: 'port 0', fix: /from 1 to 65535/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
