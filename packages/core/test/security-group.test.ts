import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Fn, Lazy, TerraformVariable, Testing, Token } from 'cdktf';
import { DedicatedSecurityGroup, type DedicatedSecurityGroupProps, type TrafficRule } from '../src/security-group';
import { assertBadInput, type BadInputCase } from '../src/testing';
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

describe('DedicatedSecurityGroup rule names and descriptions', () => {
  const stack = devStack();
  const alb = new DedicatedSecurityGroup(stack, 'Alb', { ...props(), name: 'alb', description: 'ALB' });
  const prefixList = new TerraformVariable(stack, 'PrefixList', { type: 'string' });
  const group = new DedicatedSecurityGroup(stack, 'Nlb', {
    ...props(),
    ingress: [{ ports: [53], protocol: 'udp', cidrs: ['10.0.0.0/16'] }],
    egress: [{ ports: [443], cidrs: ['0.0.0.0/0'], description: 'To the internet' }],
  });
  group.addIngress({ ports: [443], securityGroupIds: [alb.securityGroupId, prefixList.stringValue], key: 'front' });
  group.addIngress({ ports: [443], prefixListIds: [prefixList.stringValue] });
  group.addIngress({ ports: [443], securityGroupIds: [alb.securityGroupId] });
  group.addIngress({ ports: [53], protocol: 'udp', cidrs: ['10.0.0.0/16'] });
  group.addEgress({ ports: [8443], securityGroupIds: ['sg-0123456789abcdef0'], prefixListIds: ['pl-61a54008'] });
  const json = synthJson(stack);
  const rules = (type: string) => Object.fromEntries(Object.entries(json.resource[type]).filter(([id]) => id.startsWith('Nlb_')).map(([id, rule]) => [id.replace(/_[0-9A-F]{8}$/, ''), rule]));

  it('names ingress rules by protocol, port and peer: keyed peers by key and position, others by their reference', () => {
    expect(Object.keys(rules('aws_vpc_security_group_ingress_rule')).sort()).toEqual([
      'Nlb_In-tcp-443-pl-var-PrefixList',
      expect.stringMatching(/^Nlb_In-tcp-443-sg-aws-security-group-Alb-SecurityGroup-[0-9A-F]{8}-id$/),
      'Nlb_In-tcp-443-sgfront-0',
      'Nlb_In-tcp-443-sgfront-1',
      'Nlb_In-udp-53-10-0-0-0-16',
    ]);
  });

  it('names egress rules the same way and lets egress go anywhere', () => {
    expect(Object.keys(rules('aws_vpc_security_group_egress_rule')).sort()).toEqual(['Nlb_Out-tcp-443-0-0-0-0-0', 'Nlb_Out-tcp-8443-pl-61a54008', 'Nlb_Out-tcp-8443-sg-0123456789abcdef0']);
  });

  it('describes a rule by protocol and port unless given a description', () => {
    const ingress = rules('aws_vpc_security_group_ingress_rule');
    const egress = rules('aws_vpc_security_group_egress_rule');
    expect(ingress['Nlb_In-udp-53-10-0-0-0-16']).toMatchObject({ ip_protocol: 'udp', from_port: 53, to_port: 53, description: 'UDP 53', cidr_ipv4: '10.0.0.0/16' });
    expect(ingress['Nlb_In-tcp-443-sgfront-1']).toMatchObject({ ip_protocol: 'tcp', description: 'TCP 443', referenced_security_group_id: '${var.PrefixList}' });
    expect(ingress['Nlb_In-tcp-443-pl-var-PrefixList']).toMatchObject({ prefix_list_id: '${var.PrefixList}' });
    expect(egress['Nlb_Out-tcp-443-0-0-0-0-0']).toMatchObject({ cidr_ipv4: '0.0.0.0/0', description: 'To the internet' });
    expect(egress['Nlb_Out-tcp-8443-sg-0123456789abcdef0']).toMatchObject({ referenced_security_group_id: 'sg-0123456789abcdef0', description: 'TCP 8443' });
  });

  it('lets egress to the internet not count as open ingress', () => {
    const sg = new DedicatedSecurityGroup(devStack(), 'Sg', { ...props(), egress: [{ ports: [443], cidrs: ['0.0.0.0/1'] }] });
    expect(() => sg.addIngress({ ports: [443], cidrs: ['128.0.0.0/1'] })).not.toThrow();
    sg.addEgress({ ports: [443], cidrs: ['128.0.0.0/1', '::/0'] });
    expect(() => sg.addIngress({ ports: [443], cidrs: ['0.0.0.0/1'] })).toThrow(/'addIngress\(\).cidrs' includes '128.0.0.0\/1', '0.0.0.0\/1', which together admit the whole internet/);
  });

  it('refuses the internet through addIngress even when allowOpenIngress is set', () => {
    const sg = new DedicatedSecurityGroup(devStack(), 'Sg', { ...props({ allowOpenIngress: true }) });
    expect(() => sg.addIngress({ ports: [443], cidrs: ['0.0.0.0/0'] })).toThrow(/'addIngress\(\).cidrs' includes '0.0.0.0\/0', which admits the whole internet/);
  });

  it('counts the quota per direction and never counts a rule twice', () => {
    const cidrs = Array.from({ length: 60 }, (_, i) => `10.${i}.0.0/16`);
    const sg = new DedicatedSecurityGroup(devStack(), 'Sg', { ...props(), ingress: [{ ports: [443], cidrs }], egress: [{ ports: [443], cidrs }] });
    expect(() => sg.addIngress({ ports: [443], cidrs: ['10.0.0.0/16'] })).not.toThrow();
    expect(() => sg.addEgress({ ports: [443], cidrs: ['10.200.0.0/16'] })).toThrow(/'addEgress\(\)' makes 61 egress rules \(one per peer and port\), more than the 60 a security group holds/);
    const one = new DedicatedSecurityGroup(devStack(), 'One', { ...props({ rulesPerDirectionQuota: 1 }), ingress: [{ ports: [443], cidrs: ['10.0.0.0/16'] }] });
    expect(() => one.addIngress({ ports: [443], cidrs: ['10.1.0.0/16'] })).toThrow(/makes 2 ingress rules .* more than the 1 a security group holds/);
    expect(() => new DedicatedSecurityGroup(devStack(), 'Max', props({ rulesPerDirectionQuota: 1000 }))).not.toThrow();
  });
});

describe('DedicatedSecurityGroup bad rules', () => {
  const make = (extra: Partial<DedicatedSecurityGroupProps>) => () => new DedicatedSecurityGroup(devStack(), 'Sg', props(extra));
  const stack = devStack();
  const alb = new DedicatedSecurityGroup(stack, 'Alb', { ...props(), name: 'alb', description: 'ALB' });
  const sg = new DedicatedSecurityGroup(stack, 'Sg', props());
  const unresolvable = Lazy.stringValue({
    produce: () => {
      throw new Error('not known here');
    },
  });
  const cases: BadInputCase[] = [
    { name: 'a rule that is not an object', run: make({ ingress: [null as never] }), field: 'ingress[0]', value: 'is null', fix: /give \{ ports: \[443\], cidrs: \["10\.0\.0\.0\/16"\] \} or another peer/ },
    { name: 'an egress rule that is a number', run: make({ egress: [{ ports: [443], cidrs: ['10.0.0.0/8'] }, 5 as never] }), field: 'egress[1]', value: 'is 5', fix: /or another peer/ },
    { name: 'egress not a list', run: make({ egress: 'all' as never }), field: 'egress', value: "the string 'all'", fix: /list of rules, for example \[\{ ports: \[443\], prefixListIds: \["pl-61a54008"\] \}\]/ },
    { name: 'cidrs not a list', run: make({ ingress: [{ ports: [443], cidrs: '10.0.0.0/8' as never }] }), field: 'ingress[0].cidrs', value: "the string '10.0.0.0/8'", fix: /give CIDR blocks as a list, for example \["10\.0\.0\.0\/16"\]/ },
    { name: 'security groups not a list', run: make({ ingress: [{ ports: [443], securityGroupIds: 'sg-1' as never }] }), field: 'ingress[0].securityGroupIds', value: "the string 'sg-1'", fix: /give security group IDs as a list/ },
    { name: 'prefix lists not a list', run: make({ ingress: [{ ports: [443], prefixListIds: 'pl-1' as never }] }), field: 'ingress[0].prefixListIds', value: "the string 'pl-1'", fix: /give prefix list IDs as a list/ },
    { name: 'ports missing', run: make({ ingress: [{ cidrs: ['10.0.0.0/8'] } as never] }), field: 'ingress[0].ports', value: 'is missing', fix: /give the ports as a list, for example \[443\]/ },
    { name: 'ports empty', run: make({ ingress: [{ ports: [], cidrs: ['10.0.0.0/8'] }] }), field: 'ingress[0].ports', value: 'is empty', fix: /give at least one port, for example \[443\]/ },
    { name: 'a rule description AWS refuses', run: make({ ingress: [{ ports: [443], cidrs: ['10.0.0.0/8'], description: 'from → here' }] }), field: 'ingress[0].description', value: "'from → here'", fix: /letters, digits, spaces/ },
    { name: 'a key with a space', run: make({ ingress: [{ ports: [443], cidrs: ['10.0.0.0/8'], key: 'front end' }] }), field: 'ingress[0].key', value: "'front end'", fix: /use 1-63 letters, digits and hyphens that never change/ },
    { name: 'a key of 64 characters', run: make({ ingress: [{ ports: [443], cidrs: ['10.0.0.0/8'], key: 'k'.repeat(64) }] }), field: 'ingress[0].key', value: `'${'k'.repeat(64)}'`, fix: /1-63 letters/ },
    { name: 'a key that is a number', run: make({ ingress: [{ ports: [443], cidrs: ['10.0.0.0/8'], key: 1 as never }] }), field: 'ingress[0].key', value: 'is 1', fix: /1-63 letters/ },
    { name: 'an unresolved CIDR', run: make({ ingress: [{ ports: [443], cidrs: [Token.asString({ Ref: 'cidr' })] }] }), field: 'ingress[0].cidrs', value: 'has an unresolved value', fix: /give literal CIDR blocks: each one names its rule/ },
    { name: 'a quota of 0', run: make({ rulesPerDirectionQuota: 0 }), field: 'rulesPerDirectionQuota', value: 'is 0', fix: /from 1 to 1000 rules/ },
    { name: 'a quota of 1001', run: make({ rulesPerDirectionQuota: 1001 }), field: 'rulesPerDirectionQuota', value: 'is 1001', fix: /from 1 to 1000 rules/ },
    { name: 'a UDP port out of range in egress', run: make({ egress: [{ ports: [65536], protocol: 'udp', cidrs: ['10.0.0.0/8'] }] }), field: 'egress[0].ports', value: 'port 65536', fix: /from 1 to 65535/ },
    {
      name: 'a computed peer without key',
      run: () => sg.addEgress({ ports: [443], securityGroupIds: [Fn.lower(alb.securityGroupId)] }),
      field: 'addEgress().key',
      value: 'is missing for a peer known only at apply time',
      fix: /give the rule a stable key, for example the name of the peer/,
    },
    { name: 'a peer that cannot be resolved here, without key', run: () => sg.addIngress({ ports: [443], prefixListIds: [unresolvable] }), field: 'addIngress().key', value: 'is missing', fix: /stable key/ },
    { name: 'no ports through addIngress', run: () => sg.addIngress({ ports: [], cidrs: ['10.0.0.0/8'] }), field: 'addIngress().ports', value: 'is empty', fix: /at least one port/ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
