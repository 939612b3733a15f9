import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { Connections, constructKey, ExistingSecurityGroup, type Peer, type SecurityGroupRules } from '../src/connections';
import { DedicatedSecurityGroup } from '../src/security-group';
import { configErrorOf, devStack, synthJson } from './helpers';

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

describe('Connections.allowFrom, what the rules say', () => {
  const stack = devStack();
  const group = new DedicatedSecurityGroup(stack, 'Endpoint', { vpcId: 'vpc-1', name: 'endpoint', description: 'Endpoint' });
  const connections = new Connections(group, { securityGroupId: group.securityGroupId, rules: group, defaultPorts: [443], key: 'Endpoint' });
  const api = new DedicatedSecurityGroup(stack, 'Api', { vpcId: 'vpc-1', name: 'api', description: 'Api' });
  const team = new Construct(stack, 'Team_A');
  const nested = new DedicatedSecurityGroup(team, 'Workers', { vpcId: 'vpc-1', name: 'workers', description: 'Workers' });
  const partner = new ExistingSecurityGroup(stack, 'Partner', { securityGroupId: 'sg-0fedcba9876543210' });
  const lookalike = new Construct(stack, 'Lookalike') as Construct & { securityGroupId: string };
  lookalike.securityGroupId = 'sg-0aaaaaaaaaaaaaaa0';
  connections.allowFrom('10.8.0.0/16');
  connections.allowFrom({ securityGroupId: 'sg-0123456789abcdef0', key: 'billing' });
  connections.allowFrom({ prefixListId: 'pl-0123456789abcdef0' });
  connections.allowFrom({ connections: new Connections(api, { securityGroupId: api.securityGroupId, rules: api, defaultPorts: [443], key: 'Api' }) }, [8443]);
  connections.allowFrom(nested);
  connections.allowFrom(partner);
  connections.allowFrom({ securityGroupId: 'sg-0bbbbbbbbbbbbbbb0', addIngress: () => undefined } as never);
  connections.allowFrom(lookalike as never);
  const json = synthJson(stack);
  const ingress = Object.entries(json.resource.aws_vpc_security_group_ingress_rule);
  const egress = Object.entries(json.resource.aws_vpc_security_group_egress_rule);

  it('labels each rule with its peer: the CIDR, the key or ID, the construct path or the connections key', () => {
    expect(ingress.map(([, rule]) => rule.description).sort()).toEqual([
      'From 10.8.0.0/16',
      'From Api',
      'From billing',
      'From pl-0123456789abcdef0',
      'From sg-0aaaaaaaaaaaaaaa0',
      'From sg-0bbbbbbbbbbbbbbb0',
      'From unit-dev/Partner',
      'From unit-dev/Team_A/Workers',
    ]);
    expect(ingress.map(([, rule]) => rule.from_port).sort()).toEqual([443, 443, 443, 443, 443, 443, 443, 8443]);
  });

  it('gives a dedicated group behind a Connectable or nested in constructs the matching egress rule, keyed by this construct', () => {
    const apiId = expect.stringMatching(/^\$\{aws_security_group\.Api_SecurityGroup_\w+\.id\}$/);
    const workersId = expect.stringMatching(/^\$\{aws_security_group\.Team_A_Workers_SecurityGroup_\w+\.id\}$/);
    const endpointId = expect.stringMatching(/^\$\{aws_security_group\.Endpoint_SecurityGroup_\w+\.id\}$/);
    expect(egress).toEqual(expect.arrayContaining([
      [expect.stringMatching(/^Api_Out-tcp-8443-sgEndpoint-0_/), expect.objectContaining({ security_group_id: apiId, referenced_security_group_id: endpointId, from_port: 8443, to_port: 8443, description: 'To unit-dev/Endpoint' })],
      [expect.stringMatching(/^Team_A_Workers_Out-tcp-443-sgEndpoint-0_/), expect.objectContaining({ security_group_id: workersId, referenced_security_group_id: endpointId, description: 'To unit-dev/Endpoint' })],
    ]));
    expect(egress).toHaveLength(2);
  });

  it('keys the ingress rules of peers known only at apply time by their key or construct path', () => {
    const ids = ingress.map(([id]) => id.replace(/_[0-9A-F]{8}$/, ''));
    expect(ids).toEqual(expect.arrayContaining(['Endpoint_In-tcp-8443-sgApi-0', 'Endpoint_In-tcp-443-sgTeam-A-Workers-0', 'Endpoint_In-tcp-443-10-8-0-0-16']));
  });
});

describe('constructKey', () => {
  it("is the construct's path below its stack, address-safe", () => {
    const stack = devStack();
    expect(constructKey(new Construct(new Construct(stack, 'Team_A'), 'Workers'))).toBe('Team-A-Workers');
    expect(constructKey(new Construct(stack, 'Solo'))).toBe('Solo');
  });
});

describe('Connections.allowFrom refuses', () => {
  const { stack, connections } = setup();
  const variable = new TerraformVariable(stack, 'PrefixList', { type: 'string' });
  const cases: ReadonlyArray<readonly [string, unknown, string, RegExp]> = [
    ['a null peer', null, 'allowFrom', /'allowFrom' has no peer; give a CIDR block, \{ securityGroupId, key \}, \{ prefixListId, key \} or a construct with a security group$/],
    ['a CIDR that is not a string', { cidr: 10 }, 'allowFrom.cidr', /'allowFrom\.cidr' is 10; give a CIDR block such as 10\.0\.0\.0\/16$/],
    ['a group ID that is not a string', { securityGroupId: 5 }, 'allowFrom.securityGroupId', /'allowFrom\.securityGroupId' is 5; give an ID such as sg-0123456789abcdef0$/],
    ['a prefix list ID that is not a string', { prefixListId: false }, 'allowFrom.prefixListId', /'allowFrom\.prefixListId' is false; give an ID such as pl-0123456789abcdef0$/],
    ['a prefix list ID that is no ID', { prefixListId: 'pl-1' }, 'allowFrom.prefixListId', /'allowFrom\.prefixListId' is 'pl-1'; give an ID such as pl-0123456789abcdef0$/],
    ['a group ID that is no ID', { securityGroupId: 'sg-0123' }, 'allowFrom.securityGroupId', /'allowFrom\.securityGroupId' is 'sg-0123'; give an ID such as sg-0123456789abcdef0$/],
    ['a key that is not a string', { securityGroupId: 'sg-0123456789abcdef0', key: 7 }, 'allowFrom.key', /'allowFrom\.key' is 7; keys are 1-63 letters, digits and hyphens and never change once deployed$/],
    ['a key starting with a hyphen', { securityGroupId: 'sg-0123456789abcdef0', key: '-office' }, 'allowFrom.key', /'allowFrom\.key' is '-office'/],
    ['a key of 64 characters', { securityGroupId: 'sg-0123456789abcdef0', key: 'k'.repeat(64) }, 'allowFrom.key', /'allowFrom\.key' is 'k{64}'/],
    ['an unresolved prefix list without key', { prefixListId: variable.stringValue }, 'allowFrom.key', /'allowFrom\.key' is missing for a prefixListId known only at apply time; give a stable key that names the peer, for example \{ securityGroupId: workers\.id, key: 'workers' \}$/],
    ['an object with connections that are not Connections', { connections: { securityGroupId: 'sg-0123456789abcdef0' } }, 'allowFrom', /'allowFrom' has \{"connections":\{"securityGroupId":"sg-0123456789abcdef0"\}\}, which is not a peer; give a CIDR block, \{ securityGroupId, key \}/],
    ['a construct without a security group', new Construct(stack, 'Plain'), 'allowFrom', /which is not a peer/],
    ['a number (untyped JS)', 8443, 'allowFrom', /'allowFrom' has 8443, which is not a peer; give a CIDR block/],
    ['a group ID in a list', { securityGroupId: ['sg-0123456789abcdef0'] }, 'allowFrom.securityGroupId', /'allowFrom\.securityGroupId' is \["sg-0123456789abcdef0"\]; give an ID such as sg-0123456789abcdef0$/],
    ['a construct that takes rules but has no group ID', Object.assign(new Construct(stack, 'Half'), { addIngress: () => undefined }), 'allowFrom', /'allowFrom' has .*, which is not a peer/],
    ['a function (untyped JS)', () => '10.0.0.0/8', 'allowFrom', /'allowFrom' has a function, which is not a peer/],
  ];

  it.each(cases)('%s', (_name, peer, field, message) => {
    const error = configErrorOf(() => connections.allowFrom(peer as Peer));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  it('accepts a key of 63 characters and a key starting with a digit', () => {
    expect(() => connections.allowFrom({ securityGroupId: 'sg-0123456789abcdef0', key: 'k'.repeat(63) })).not.toThrow();
    expect(() => connections.allowFrom({ prefixListId: variable.stringValue, key: '1office' })).not.toThrow();
    const rule = Object.values(synthJson(stack).resource.aws_vpc_security_group_ingress_rule).find((r) => r.prefix_list_id === '${var.PrefixList}');
    expect(rule).toMatchObject({ description: 'From 1office' });
  });

  it('names a peer construct whose group is not known, and a bare Connectable', () => {
    class Unknown extends Construct {
      public readonly connections = new Connections(this, { securityGroupId: '', defaultPorts: [443], key: 'Unknown' });
    }
    expect(() => connections.allowFrom(new Unknown(stack, 'Unknown'))).toThrow(
      /'allowFrom' has unit-dev\/Unknown, whose security group is not known; give that construct its security group ID, or admit the peer by CIDR$/,
    );
    expect(() => connections.allowFrom({ connections: new Connections(stack, { securityGroupId: '', defaultPorts: [443], key: 'x' }) })).toThrow(/'allowFrom' has a construct, whose security group is not known/);
  });

  it('asks no egress rule of a group it admits that this stack does not create', () => {
    class ForeignGroup extends Construct implements SecurityGroupRules {
      public readonly securityGroupId = 'sg-0aaaaaaaaaaaaaaa0';
      public readonly egress: number[][] = [];
      public addIngress(): void {}
      public addEgress(rule: { ports: readonly number[] }): void {
        this.egress.push([...rule.ports]);
      }
    }
    const foreign = new ForeignGroup(stack, 'Foreign');
    connections.allowFrom(foreign);
    expect(foreign.egress).toEqual([]);
    const rule = Object.values(synthJson(stack).resource.aws_vpc_security_group_ingress_rule).find((r) => r.referenced_security_group_id === 'sg-0aaaaaaaaaaaaaaa0');
    expect(rule).toMatchObject({ description: 'From unit-dev/Foreign' });
  });

  it('fails on a group it does not manage with the default fix', () => {
    const unmanaged = new Connections(stack, { securityGroupId: 'sg-0123456789abcdef0', defaultPorts: [443], key: 'x' });
    expect(() => unmanaged.allowFrom('10.0.0.0/8')).toThrow(/'allowFrom' cannot add rules to the security group 'sg-0123456789abcdef0', which this construct does not manage; give the construct a security group it manages$/);
  });
});

describe('ExistingSecurityGroup rules', () => {
  const stack = devStack();
  const workers = new DedicatedSecurityGroup(stack, 'Workers', { vpcId: 'vpc-1', name: 'workers', description: 'Workers' });
  const prefixList = new TerraformVariable(stack, 'PrefixList', { type: 'string' });
  const shared = new ExistingSecurityGroup(stack, 'Shared', { securityGroupId: 'sg-0123456789abcdef0' });
  shared.allowFrom('10.8.0.0/16');
  shared.allowFrom('10.8.0.0/16');
  shared.addIngress({ ports: [53], protocol: 'udp', cidrs: ['2001:db8::/56'] });
  shared.addIngress({ ports: [443], securityGroupIds: [workers.securityGroupId], prefixListIds: [prefixList.stringValue], key: 'workers', description: 'Workers in' });
  shared.addEgress({ ports: [5432], cidrs: ['10.9.0.0/16'], securityGroupIds: ['sg-0fedcba9876543210'], prefixListIds: ['pl-0123456789abcdef0'] });
  const fromToken = new ExistingSecurityGroup(stack, 'FromToken', { securityGroupId: workers.securityGroupId });
  const json = synthJson(stack);
  const ids = (type: string) => Object.keys(json.resource[type] ?? {}).map((id) => id.replace(/_[0-9A-F]{8}$/, '')).sort();
  const byId = (type: string, id: string) => Object.entries(json.resource[type]).find(([address]) => address.startsWith(`${id}_`))?.[1];

  it('names every rule by direction, protocol, port and peer, on the default port 443', () => {
    expect(ids('aws_vpc_security_group_ingress_rule')).toEqual([
      'Shared_In-tcp-443-10-8-0-0-16',
      'Shared_In-tcp-443-plworkers',
      'Shared_In-tcp-443-sgworkers',
      'Shared_In-udp-53-2001-db8---56',
    ]);
    expect(ids('aws_vpc_security_group_egress_rule')).toEqual(['Shared_Out-tcp-5432-10-9-0-0-16', 'Shared_Out-tcp-5432-pl-0123456789abcdef0', 'Shared_Out-tcp-5432-sg-0fedcba9876543210']);
  });

  it('describes rules by protocol and port unless told otherwise, and writes each kind of peer', () => {
    expect(byId('aws_vpc_security_group_ingress_rule', 'Shared_In-udp-53-2001-db8---56')).toMatchObject({ security_group_id: 'sg-0123456789abcdef0', ip_protocol: 'udp', from_port: 53, to_port: 53, description: 'UDP 53', cidr_ipv6: '2001:db8::/56' });
    expect(byId('aws_vpc_security_group_ingress_rule', 'Shared_In-tcp-443-plworkers')).toMatchObject({ prefix_list_id: '${var.PrefixList}', description: 'Workers in' });
    expect(byId('aws_vpc_security_group_ingress_rule', 'Shared_In-tcp-443-sgworkers')).toMatchObject({ referenced_security_group_id: expect.stringMatching(/^\$\{aws_security_group\.Workers_SecurityGroup_\w+\.id\}$/) });
    expect(byId('aws_vpc_security_group_egress_rule', 'Shared_Out-tcp-5432-10-9-0-0-16')).toMatchObject({ security_group_id: 'sg-0123456789abcdef0', ip_protocol: 'tcp', description: 'TCP 5432', cidr_ipv4: '10.9.0.0/16' });
    expect(byId('aws_vpc_security_group_egress_rule', 'Shared_Out-tcp-5432-pl-0123456789abcdef0')).toMatchObject({ prefix_list_id: 'pl-0123456789abcdef0' });
    expect(byId('aws_vpc_security_group_ingress_rule', 'Shared_In-tcp-443-10-8-0-0-16')).toMatchObject({ cidr_ipv4: '10.8.0.0/16', description: 'From 10.8.0.0/16' });
  });

  it('takes an ID known only at apply time', () => {
    expect(fromToken.securityGroupId).toBe(workers.securityGroupId);
  });

  it('refuses a rule for a peer known only at apply time without key, and bad ports, naming the method', () => {
    expect(() => shared.addIngress({ ports: [443], securityGroupIds: [workers.securityGroupId] })).toThrow(
      /'addIngress\(\)\.key' is missing for a peer known only at apply time; give the rule a stable key, for example the name of the peer$/,
    );
    expect(() => shared.addEgress({ ports: [443], prefixListIds: [prefixList.stringValue] })).toThrow(/'addEgress\(\)\.key' is missing for a peer known only at apply time/);
    expect(() => shared.addIngress({ ports: [], cidrs: ['10.0.0.0/8'] })).toThrow(/'addIngress\(\)\.ports' is empty/);
    expect(() => shared.addEgress({ ports: [0], cidrs: ['10.0.0.0/8'] })).toThrow(/'addEgress\(\)\.ports' has port 0/);
  });

  it('refuses an ID that is not a string, with the fix', () => {
    expect(() => new ExistingSecurityGroup(devStack(), 'G', { securityGroupId: ['sg-0123456789abcdef0'] as never })).toThrow(
      /'securityGroupId' is \["sg-0123456789abcdef0"\]; give the ID of the existing group, for example sg-0123456789abcdef0$/,
    );
  });

  it('refuses an empty ID and bad default ports', () => {
    expect(() => new ExistingSecurityGroup(devStack(), 'G', { securityGroupId: '' })).toThrow(/'securityGroupId' is ''; give the ID of the existing group, for example sg-0123456789abcdef0$/);
    expect(() => new ExistingSecurityGroup(devStack(), 'G', { securityGroupId: 'sg-0123456789abcdef0', defaultPorts: [] })).toThrow(/'defaultPorts' is empty/);
  });
});
