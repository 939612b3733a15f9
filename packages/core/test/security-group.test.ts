import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Testing } from 'cdktf';
import { DedicatedSecurityGroup } from '../src';
import { devStack, synthJson } from './helpers';

describe('DedicatedSecurityGroup', () => {
  const stack = devStack();
  const group = new DedicatedSecurityGroup(stack, 'Endpoint', {
    vpcId: 'vpc-1',
    name: 'endpoint',
    description: 'Endpoint',
    ingress: [{ ports: [443, 8443], cidrs: ['10.0.0.0/16', '10.1.0.0/16'] }],
    egress: [{ ports: [443], prefixListIds: ['pl-61a54008'] }],
  });
  group.addIngress({ ports: [443], securityGroupIds: ['sg-0123'] });
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);

  it('creates one group and one rule per peer and port, keyed by both', () => {
    expect(synthesized).toHaveResourceWithProperties(SecurityGroup, { name: 'endpoint', vpc_id: 'vpc-1' });
    const ingress = json.resource.aws_vpc_security_group_ingress_rule;
    expect(Object.keys(ingress)).toHaveLength(5);
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '10.1.0.0/16', from_port: 8443, to_port: 8443, ip_protocol: 'tcp' });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { referenced_security_group_id: 'sg-0123', from_port: 443 });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { prefix_list_id: 'pl-61a54008', from_port: 443 });
  });

  it('rejects the open internet, rules without peers and bad ports', () => {
    const make = (ingress: ConstructorParameters<typeof DedicatedSecurityGroup>[2]['ingress']) =>
      new DedicatedSecurityGroup(devStack(), 'Sg', { vpcId: 'vpc-1', name: 'x', description: 'x', ingress });
    expect(() => make([{ ports: [443], cidrs: ['0.0.0.0/0'] }])).toThrow(/'ingress\[0\].cidrs' includes '0.0.0.0\/0'/);
    expect(() => make([{ ports: [443], cidrs: ['::/0'] }])).toThrow(/whole internet/);
    expect(() => make([{ ports: [443] }])).toThrow(/has no peers/);
    expect(() => make([{ ports: [70000], cidrs: ['10.0.0.0/8'] }])).toThrow(/port 70000/);
    expect(() => new DedicatedSecurityGroup(devStack(), 'Sg', { vpcId: 'v', name: 'x', description: 'x', ingress: [{ ports: [443], cidrs: ['0.0.0.0/0'] }], allowOpenIngress: true })).not.toThrow();
  });
});

describe('DedicatedSecurityGroup rules for peers known only at apply time', () => {
  it('names them by key, so the order of calls never renames a rule', () => {
    const addresses = (order: string[]) => {
      const stack = devStack();
      const group = new DedicatedSecurityGroup(stack, 'Nlb', { vpcId: 'vpc-1', name: 'nlb', description: 'NLB' });
      const peers: Record<string, DedicatedSecurityGroup> = {};
      for (const name of ['alb', 'app']) peers[name] = new DedicatedSecurityGroup(stack, name, { vpcId: 'vpc-1', name, description: name });
      for (const name of order) group.addEgress({ ports: [443], securityGroupIds: [peers[name].securityGroupId], key: name });
      return Object.keys(synthJson(stack).resource.aws_vpc_security_group_egress_rule).sort();
    };
    expect(addresses(['alb', 'app'])).toEqual(addresses(['app', 'alb']));
  });

  it('requires the key when a peer is a reference', () => {
    const stack = devStack();
    const group = new DedicatedSecurityGroup(stack, 'Nlb', { vpcId: 'vpc-1', name: 'nlb', description: 'NLB' });
    const alb = new DedicatedSecurityGroup(stack, 'Alb', { vpcId: 'vpc-1', name: 'alb', description: 'ALB' });
    expect(() => group.addEgress({ ports: [443], securityGroupIds: [alb.securityGroupId] })).toThrow(/'addEgress\(\).key' is missing/);
  });
});
