import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { IpTargets } from '../src/ip-targets';
import { resourcesOf, synthJson, testStack, VPC } from './helpers';

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
