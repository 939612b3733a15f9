import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { assertBadInput } from '@privatelink-cdktf/core/testing';
import { IpTargets } from '../src/ip-targets';
import { NetworkLoadBalancer } from '../src/network-load-balancer';
import { NlbTargetGroup, type TargetBackend } from '../src/target-group';
import { resourcesOf, SUBNETS, synthJson, testStack, VPC } from './helpers';

// NlbTargetGroup is shared by every target kind; IpTargets stands in for them here.
describe('NlbTargetGroup', () => {
  it('is a TCP group replaced before it is destroyed, named by tag only, with a 300-second deregistration delay', () => {
    const stack = testStack();
    new IpTargets(stack, 'Ips', { vpc: VPC, ips: ['10.10.1.10'] });
    const group = Object.values(resourcesOf(synthJson(stack), 'aws_lb_target_group'))[0];
    expect(group).toMatchObject({ protocol: 'TCP', vpc_id: VPC.vpcId, deregistration_delay: '300', tags: { Name: 'unit-dev/Ips' }, lifecycle: { create_before_destroy: true } });
    expect(group).not.toHaveProperty('name');
    expect(group).not.toHaveProperty('depends_on');
  });

  it('takes a Name tag, a deregistration delay at either end of 0-3600 and dependsOn', () => {
    const stack = testStack();
    const gate = new SnsTopic(stack, 'Gate', { name: 'gate' });
    new IpTargets(stack, 'Now', { vpc: VPC, ips: ['10.10.1.10'], name: 'hr api (blue)', deregistrationDelaySeconds: 0, dependsOn: [gate] });
    new IpTargets(stack, 'Slow', { vpc: VPC, ips: ['10.10.1.11'], deregistrationDelaySeconds: 3600 });
    const groups = Object.values(resourcesOf(synthJson(stack), 'aws_lb_target_group'));
    expect(groups.map((g) => [g.tags, g.deregistration_delay])).toEqual([
      [{ Name: 'hr api (blue)' }, '0'],
      [{ Name: 'unit-dev/Slow' }, '3600'],
    ]);
    expect(groups[0].depends_on).toEqual([expect.stringMatching(/^aws_sns_topic\.Gate/)]);
  });
});

describe('NlbTargetGroup behind a load balancer', () => {
  const stack = testStack();
  const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS });
  // A health check on the traffic port, named explicitly, opens that port once.
  const targets = new IpTargets(stack, 'Ips', { vpc: VPC, ips: ['10.10.1.10', '10.10.1.11'], port: 8443, backendSecurityGroupId: 'sg-0b0a0c0d0e0d00002', healthCheck: { port: 8443 } });
  loadBalancer.addListener({ port: 443 }, targets);
  const json = synthJson(stack);

  it('admits the load balancer to the backend group once per port, saying from which load balancer', () => {
    const ingress = Object.values(resourcesOf(json, 'aws_vpc_security_group_ingress_rule'));
    expect(ingress).toEqual([expect.objectContaining({ security_group_id: 'sg-0b0a0c0d0e0d00002', from_port: 8443, to_port: 8443, description: 'TCP 8443 from the Network Load Balancer Nlb' })]);
    expect(Object.values(resourcesOf(json, 'aws_vpc_security_group_egress_rule')).map((r) => r.from_port)).toEqual([8443]);
  });

  it('gives listeners its attachments, and nothing else, to wait for', () => {
    expect(targets.dependables).toStrictEqual([expect.any(LbTargetGroupAttachment), expect.any(LbTargetGroupAttachment)]);
    expect(targets.dependables.map((d) => (d as LbTargetGroupAttachment).targetIdInput)).toEqual(['10.10.1.10', '10.10.1.11']);
  });
});

describe('NlbTargetGroup subclasses', () => {
  class Unfinished extends NlbTargetGroup {
    public readonly targetType = 'ip';
    protected backend(): TargetBackend {
      return { cidrs: [], description: 'nothing' };
    }
  }

  it.each([
    ['port', (group: Unfinished) => group.port],
    ['targetGroupArn', (group: Unfinished) => group.targetGroupArn],
  ] as const)('refuse %s before createTargetGroup was called', (_name, read) => {
    const group = new Unfinished(testStack(), 'Unfinished');
    assertBadInput({ name: 'a group not created', run: () => read(group), field: 'targetGroup', value: 'is used before it was created', fix: /call createTargetGroup in the constructor/ });
  });
});
