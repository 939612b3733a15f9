import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Testing } from 'cdktf';
import { DedicatedSecurityGroup, type DedicatedSecurityGroupProps, type TrafficRule } from '../src/security-group';
import { synthesizeToFile } from './guardrails/helpers';
import { devStack, synthJson } from './helpers';

const props = (extra: Partial<DedicatedSecurityGroupProps> = {}): DedicatedSecurityGroupProps => ({ vpcId: 'vpc-1', name: 'endpoint', description: 'Endpoint', ...extra });

describe('DedicatedSecurityGroup', () => {
  const stack = devStack();
  const group = new DedicatedSecurityGroup(stack, 'Endpoint', {
    ...props(),
    ingress: [{ ports: [443, 8443], cidrs: ['10.0.0.0/16', '10.1.0.0/16', '2001:db8::/56'] }],
    egress: [{ ports: [443], prefixListIds: ['pl-61a54008'] }],
  });
  group.addIngress({ ports: [443], securityGroupIds: ['sg-0123'] });
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);

  it('creates one group and one rule per peer and port', () => {
    expect(Object.keys(json.resource.aws_vpc_security_group_ingress_rule)).toHaveLength(7);
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '10.1.0.0/16', from_port: 8443, to_port: 8443, ip_protocol: 'tcp' });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv6: '2001:db8::/56', from_port: 443 });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { referenced_security_group_id: 'sg-0123', from_port: 443 });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { prefix_list_id: 'pl-61a54008', from_port: 443 });
  });

  it('keeps the name deployed groups have (a name_prefix would replace them), tags it, and is replaced create-before-destroy', () => {
    const sg = Object.values(json.resource.aws_security_group)[0];
    expect(sg).toMatchObject({ name: 'endpoint', tags: { Name: 'endpoint' }, lifecycle: { create_before_destroy: true } });
    expect(sg.name_prefix).toBeUndefined();
    expect(synthesized).toHaveResourceWithProperties(SecurityGroup, { vpc_id: 'vpc-1', description: 'Endpoint' });
  });

  it('keys rules by peer and port, so adding a CIDR in front renames none of the others', () => {
    const addresses = (cidrs: string[]) => {
      const other = devStack();
      new DedicatedSecurityGroup(other, 'Sg', { ...props(), ingress: [{ ports: [443], cidrs }] });
      const rules = synthJson(other).resource.aws_vpc_security_group_ingress_rule;
      return Object.fromEntries(Object.entries(rules).map(([address, rule]) => [rule.cidr_ipv4, address]));
    };
    const before = addresses(['10.1.0.0/16', '10.2.0.0/16']);
    const after = addresses(['10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16']);
    expect(after['10.1.0.0/16']).toBe(before['10.1.0.0/16']);
    expect(after['10.2.0.0/16']).toBe(before['10.2.0.0/16']);
  });

  it('refuses the whole internet in any spelling unless allowOpenIngress is set', () => {
    const make = (ingress: TrafficRule[], extra: Partial<DedicatedSecurityGroupProps> = {}) => new DedicatedSecurityGroup(devStack(), 'Sg', { ...props(extra), ingress });
    expect(() => make([{ ports: [443], cidrs: ['0.0.0.0/0'] }])).toThrow(/'ingress\[0\].cidrs' includes '0.0.0.0\/0', which admits the whole internet; .*allowOpenIngress: true/);
    expect(() => make([{ ports: [443], cidrs: ['0::/0'] }])).toThrow(/whole internet/);
    expect(() => make([{ ports: [443], cidrs: ['0.0.0.0/1'] }, { ports: [443], cidrs: ['128.0.0.0/1'] }])).toThrow(/'ingress\[1\].cidrs' includes '0.0.0.0\/1', '128.0.0.0\/1', which together admit the whole internet/);
    expect(() => make([{ ports: [443], cidrs: ['0.0.0.0/0'] }], { allowOpenIngress: true })).not.toThrow();
  });

  it('refuses an opening completed later through addIngress', () => {
    const sg = new DedicatedSecurityGroup(devStack(), 'Sg', { ...props(), ingress: [{ ports: [443], cidrs: ['0.0.0.0/1'] }] });
    expect(() => sg.addIngress({ ports: [443], cidrs: ['128.0.0.0/1'] })).toThrow(/'addIngress\(\).cidrs' includes .* which together admit the whole internet/);
  });

  it('acknowledges PL-SG-1 only when the ingress really is open', () => {
    const suppressionsOf = (ingress: TrafficRule[], allowOpenIngress?: boolean) => {
      const other = devStack();
      new DedicatedSecurityGroup(other, 'Sg', { ...props({ allowOpenIngress }), ingress });
      return synthesizeToFile(other)['//'].guardrails.suppressions;
    };
    expect(suppressionsOf([{ ports: [443], cidrs: ['10.0.0.0/8'] }], true)).toEqual([]);
    expect(suppressionsOf([{ ports: [443], cidrs: ['10.0.0.0/8'] }])).toEqual([]);
    expect(suppressionsOf([{ ports: [443], cidrs: ['0.0.0.0/1', '128.0.0.0/1'] }], true)).toEqual([
      expect.objectContaining({ ruleId: 'PL-SG-1', path: 'unit-dev/Sg', source: 'construct', reason: expect.stringMatching(/allowOpenIngress: true/) }),
    ]);
  });

  it('rejects rules without peers, bad ports, host bits and names AWS refuses', () => {
    const make = (extra: Partial<DedicatedSecurityGroupProps>) => new DedicatedSecurityGroup(devStack(), 'Sg', props(extra));
    expect(() => make({ ingress: [{ ports: [443] }] })).toThrow(/has no peers/);
    expect(() => make({ ingress: [{ ports: [70000], cidrs: ['10.0.0.0/8'] }] })).toThrow(/port 70000/);
    expect(() => make({ ingress: [{ ports: [443], cidrs: ['10.0.0.1/8'] }] })).toThrow(/host bits set; use 10.0.0.0\/8/);
    expect(() => make({ name: 'sg-endpoint' })).toThrow(/'name' is 'sg-endpoint', which starts with 'sg-', which AWS reserves/);
    expect(() => make({ name: 'a'.repeat(256) })).toThrow(/at most 255 characters/);
    expect(() => make({ name: 'a'.repeat(255) })).not.toThrow();
    expect(() => make({ description: 'Clients → endpoint' })).toThrow(/'description' is 'Clients → endpoint', which has characters/);
  });

  it('refuses more rules than the quota per direction, with the fix', () => {
    const cidrs = Array.from({ length: 61 }, (_, i) => `10.${i}.0.0/16`);
    expect(() => new DedicatedSecurityGroup(devStack(), 'Sg', { ...props(), ingress: [{ ports: [443], cidrs }] })).toThrow(
      /makes 61 ingress rules \(one per peer and port\), more than the 60 a security group holds; group the CIDR blocks in a managed prefix list/,
    );
    expect(() => new DedicatedSecurityGroup(devStack(), 'Sg', { ...props({ rulesPerDirectionQuota: 100 }), ingress: [{ ports: [443], cidrs }] })).not.toThrow();
    expect(() => new DedicatedSecurityGroup(devStack(), 'Sg', { ...props(), ingress: [{ ports: [443, 8443], cidrs: cidrs.slice(0, 30) }] })).not.toThrow();
  });
});

describe('DedicatedSecurityGroup rules for peers known only at apply time', () => {
  it('names them by key, so the order of calls never renames a rule', () => {
    const addresses = (order: string[]) => {
      const stack = devStack();
      const group = new DedicatedSecurityGroup(stack, 'Nlb', { ...props(), name: 'nlb', description: 'NLB' });
      const peers: Record<string, DedicatedSecurityGroup> = {};
      for (const name of ['alb', 'app']) peers[name] = new DedicatedSecurityGroup(stack, name, { ...props(), name, description: name });
      for (const name of order) group.addEgress({ ports: [443], securityGroupIds: [peers[name].securityGroupId], key: name });
      return Object.keys(synthJson(stack).resource.aws_vpc_security_group_egress_rule).sort();
    };
    expect(addresses(['alb', 'app'])).toEqual(addresses(['app', 'alb']));
  });

  it('names them by the peer reference when no key is given, never by list position', () => {
    const addresses = (order: string[]) => {
      const stack = devStack();
      const peers: Record<string, DedicatedSecurityGroup> = {};
      for (const name of ['alb', 'app']) peers[name] = new DedicatedSecurityGroup(stack, name, { ...props(), name, description: name });
      new DedicatedSecurityGroup(stack, 'Nlb', { ...props(), name: 'nlb', description: 'NLB', egress: order.map((name) => ({ ports: [443], securityGroupIds: [peers[name].securityGroupId] })) });
      const rules = synthJson(stack).resource.aws_vpc_security_group_egress_rule;
      return Object.fromEntries(Object.entries(rules).map(([address, rule]) => [String(rule.referenced_security_group_id), address]));
    };
    expect(addresses(['alb', 'app'])).toEqual(addresses(['app', 'alb']));
  });
});
