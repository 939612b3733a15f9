import { Connections, ExistingSecurityGroup, type Peer } from '../src/connections';
import { DedicatedSecurityGroup } from '../src/security-group';
import { devStack, synthJson } from './helpers';

/** A construct with a dedicated group wired like an endpoint: Connections over its own group. */
function setup() {
  const stack = devStack();
  const group = new DedicatedSecurityGroup(stack, 'Endpoint', { vpcId: 'vpc-1', name: 'endpoint', description: 'Endpoint' });
  const connections = new Connections(group, { securityGroupId: group.securityGroupId, rules: group, defaultPorts: [443], key: 'Endpoint' });
  const workloads = new DedicatedSecurityGroup(stack, 'Workloads', { vpcId: 'vpc-1', name: 'workloads', description: 'Workloads' });
  return { stack, group, connections, workloads };
}

const ingressIds = (stack: ReturnType<typeof devStack>) => Object.keys(synthJson(stack).resource.aws_vpc_security_group_ingress_rule ?? {}).map((id) => id.replace(/_[0-9A-F]{8}$/, '')).sort();

describe('Connections.allowFrom', () => {
  it('admits CIDRs, groups by ID and prefix lists, one rule per peer and port', () => {
    const { stack, connections } = setup();
    connections.allowFrom('10.8.0.0/16');
    connections.allowFrom({ cidr: '2001:db8::/56' }, [443, 8443]);
    connections.allowFrom({ securityGroupId: 'sg-0123456789abcdef0' });
    connections.allowFrom({ prefixListId: 'pl-0123456789abcdef0', key: 'office' });
    const rules = Object.values(synthJson(stack).resource.aws_vpc_security_group_ingress_rule);
    expect(rules).toHaveLength(5);
    expect(rules).toEqual(expect.arrayContaining([
      expect.objectContaining({ cidr_ipv4: '10.8.0.0/16', from_port: 443, to_port: 443 }),
      expect.objectContaining({ cidr_ipv6: '2001:db8::/56', from_port: 8443 }),
      expect.objectContaining({ referenced_security_group_id: 'sg-0123456789abcdef0', description: 'From sg-0123456789abcdef0' }),
      expect.objectContaining({ prefix_list_id: 'pl-0123456789abcdef0' }),
    ]));
  });

  it('wires a dedicated group both ways: ingress here, egress there, keyed by construct', () => {
    const { stack, connections, workloads } = setup();
    connections.allowFrom(workloads);
    const json = synthJson(stack);
    const workloadsId = expect.stringMatching(/^\$\{aws_security_group\.Workloads_SecurityGroup_\w+\.id\}$/);
    const endpointId = expect.stringMatching(/^\$\{aws_security_group\.Endpoint_SecurityGroup_\w+\.id\}$/);
    expect(Object.entries(json.resource.aws_vpc_security_group_ingress_rule)).toEqual([
      [expect.stringMatching(/^Endpoint_In-tcp-443-sgWorkloads-0/), expect.objectContaining({ security_group_id: endpointId, referenced_security_group_id: workloadsId, from_port: 443, description: 'From unit-dev/Workloads' })],
    ]);
    expect(Object.entries(json.resource.aws_vpc_security_group_egress_rule)).toEqual([
      [expect.stringMatching(/^Workloads_Out-tcp-443-sgEndpoint-0/), expect.objectContaining({ security_group_id: workloadsId, referenced_security_group_id: endpointId, from_port: 443 })],
    ]);
  });

  it('adding a peer never renames another rule, and the same call twice adds nothing', () => {
    const ids = (peers: Peer[]) => {
      const { stack, connections, workloads } = setup();
      for (const peer of peers) connections.allowFrom(peer === 'workloads' ? workloads : peer);
      return ingressIds(stack);
    };
    const one = ids(['workloads']);
    const two = ids(['10.8.0.0/16', 'workloads', 'workloads']);
    expect(two).toEqual(expect.arrayContaining(one));
    expect(two).toHaveLength(2);
  });

  it('admits a Connectable by its group, without egress rules in a group it does not own', () => {
    const { stack, connections } = setup();
    const existing = new ExistingSecurityGroup(stack, 'Partner', { securityGroupId: 'sg-0fedcba9876543210' });
    connections.allowFrom(existing);
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_vpc_security_group_ingress_rule)).toEqual([expect.objectContaining({ referenced_security_group_id: 'sg-0fedcba9876543210' })]);
    expect(json.resource.aws_vpc_security_group_egress_rule).toBeUndefined();
  });

  it('refuses the open internet, bad IDs, keyless references and missing peers', () => {
    const { stack, connections, workloads } = setup();
    expect(() => connections.allowFrom('0.0.0.0/0')).toThrow(/'allowFrom' has '0.0.0.0\/0', which admits the whole internet; .*allowOpenIngress/);
    expect(() => connections.allowFrom({ cidr: '::/0' })).toThrow(/whole internet/);
    expect(() => connections.allowFrom('10.0.0.0/33')).toThrow(/'allowFrom' has '10.0.0.0\/33', which is not a CIDR block/);
    expect(() => connections.allowFrom({ securityGroupId: 'sg-1' })).toThrow(/'allowFrom.securityGroupId' is 'sg-1'/);
    expect(() => connections.allowFrom({ securityGroupId: workloads.securityGroupId })).toThrow(/'allowFrom.key' is missing for a securityGroupId known only at apply time/);
    expect(() => connections.allowFrom({ prefixListId: 'pl-0123456789abcdef0', key: 'Bad key' })).toThrow(/'allowFrom.key' is 'Bad key'/);
    expect(() => connections.allowFrom(undefined as never)).toThrow(/'allowFrom' has no peer/);
    expect(() => connections.allowFrom({ vpcId: 'vpc-1' } as never)).toThrow(/which is not a peer/);
    expect(() => connections.allowFrom('10.8.0.0/16', [0])).toThrow(/'allowFrom.ports' has port 0/);
    // None of the refused peers left a rule behind.
    const rules = Object.values(synthJson(stack).resource.aws_vpc_security_group_ingress_rule ?? {});
    expect(rules.filter((r) => ['0.0.0.0/0', '10.8.0.0/16'].includes(r.cidr_ipv4 as string) || r.cidr_ipv6 === '::/0' || r.prefix_list_id || r.from_port === 0)).toEqual([]);
  });

  it("names the construct's own way to admit everything when a peer is the whole internet", () => {
    const stack = devStack();
    const group = new DedicatedSecurityGroup(stack, 'Nlb', { vpcId: 'vpc-1', name: 'nlb', description: 'NLB' });
    const connections = new Connections(group, { securityGroupId: group.securityGroupId, rules: group, defaultPorts: [443], key: 'Nlb', openIngressFix: 'admit the consumers by CIDR block' });
    expect(() => connections.allowFrom('10.0.0.0/8')).not.toThrow();
    expect(() => connections.allowFrom('0.0.0.0/0')).toThrow(/'allowFrom' has '0.0.0.0\/0', which admits the whole internet; admit the consumers by CIDR block$/);
  });

  it('fails on a group the construct does not manage, with the fix it was given', () => {
    const stack = devStack();
    const connections = new Connections(stack, { securityGroupId: 'sg-0123456789abcdef0', defaultPorts: [443], key: 'x', unmanagedFix: 'add the rule to your own group' });
    expect(() => connections.allowFrom('10.0.0.0/8')).toThrow(/'allowFrom' cannot add rules to the security group 'sg-0123456789abcdef0'.*add the rule to your own group/);
  });
});

describe('ExistingSecurityGroup', () => {
  it('is a typed reference: allowFrom adds separate rules to it, keyed by peer', () => {
    const stack = devStack();
    const group = new ExistingSecurityGroup(stack, 'Shared', { securityGroupId: 'sg-0123456789abcdef0', defaultPorts: [5432] });
    group.allowFrom('10.8.0.0/16');
    group.allowFrom({ securityGroupId: 'sg-0fedcba9876543210' }, [5432, 5433]);
    const rules = Object.values(synthJson(stack).resource.aws_vpc_security_group_ingress_rule);
    expect(rules).toHaveLength(3);
    expect(rules.every((rule) => rule.security_group_id === 'sg-0123456789abcdef0')).toBe(true);
    expect(rules).toEqual(expect.arrayContaining([expect.objectContaining({ cidr_ipv4: '10.8.0.0/16', from_port: 5432 }), expect.objectContaining({ referenced_security_group_id: 'sg-0fedcba9876543210', from_port: 5433 })]));
    expect(synthJson(stack).resource.aws_security_group).toBeUndefined();
  });

  it('checks the ID, also for untyped callers', () => {
    expect(() => new ExistingSecurityGroup(devStack(), 'G', { securityGroupId: 'default' })).toThrow(/'securityGroupId' is 'default'; give a security group ID/);
    expect(() => new ExistingSecurityGroup(devStack(), 'G', {} as never)).toThrow(/ConfigError|'securityGroupId' is undefined/);
    expect(() => new ExistingSecurityGroup(devStack(), 'G', undefined as never)).toThrow(/'securityGroupId' is undefined/);
  });
});

describe('Connections without a known group', () => {
  it('cannot take rules and cannot be admitted as a peer', () => {
    const stack = devStack();
    const unknown = new Connections(stack, { securityGroupId: '', defaultPorts: [443], key: 'x' });
    expect(() => unknown.allowFrom('10.0.0.0/8')).toThrow(/'allowFrom' cannot add rules: the security group is not known/);
    const { connections } = setup();
    expect(() => connections.allowFrom({ connections: unknown })).toThrow(/whose security group is not known/);
  });
});
