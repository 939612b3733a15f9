import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { DefaultTokenResolver, StringConcat, TerraformVariable, Testing, Token, Tokenization } from 'cdktf';
import { PrivateNetwork, type PrivateNetworkProps } from '../src/private-network';
import { assertBadInput, type BadInputCase } from '../src/testing';
import { devStack, onlyResource, synthJson } from './helpers';

describe('PrivateNetwork', () => {
  const stack = devStack();
  const network = new PrivateNetwork(stack, 'Network', { name: 'unit-dev', cidrBlock: '10.20.0.0/16', zones: ['apne1-az1', 'apne1-az2', 'apne1-az4'] });
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);

  it('creates a VPC with DNS on and private subnets carved per zone by AZ ID', () => {
    expect(synthesized).toHaveResourceWithProperties(Vpc, { cidr_block: '10.20.0.0/16', enable_dns_support: true, enable_dns_hostnames: true });
    const subnets = Object.values(json.resource.aws_subnet);
    expect(subnets.map((s) => [s.cidr_block, s.availability_zone_id, s.map_public_ip_on_launch])).toEqual([
      ['10.20.0.0/20', 'apne1-az1', false],
      ['10.20.16.0/20', 'apne1-az2', false],
      ['10.20.48.0/20', 'apne1-az4', false],
    ]);
    expect(network.subnets.map((s) => s.availabilityZoneId)).toEqual(['apne1-az1', 'apne1-az2', 'apne1-az4']);
    // Each subnet carries its block, so fixed addresses in it are checked at synth time.
    expect(network.subnets.map((s) => s.cidrBlock)).toEqual(subnets.map((s) => s.cidr_block));
    expect(Object.keys(network.routeTableIds)).toEqual(['apne1-az1', 'apne1-az2', 'apne1-az4']);
  });

  it('has no internet path and empties the default security group', () => {
    expect(json.resource.aws_internet_gateway).toBeUndefined();
    expect(json.resource.aws_nat_gateway).toBeUndefined();
    expect(synthesized).toHaveResource(DefaultSecurityGroup);
    const group = Object.values(json.resource.aws_default_security_group)[0];
    expect(group.ingress).toBeUndefined();
    expect(group.egress).toBeUndefined();
  });

  it('sends flow logs to an encrypted log group with retention', () => {
    expect(synthesized).toHaveResourceWithProperties(FlowLog, { traffic_type: 'ALL', log_destination_type: 'cloud-watch-logs' });
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, { name: '/privatelink/unit-dev/flow-logs', retention_in_days: 365 });
    expect(synthesized).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true });
    const group = Object.values(json.resource.aws_cloudwatch_log_group)[0];
    expect(group.kms_key_id).toMatch(/aws_kms_key\./);
  });

  it('places subnets by AZ name too', () => {
    const other = devStack();
    new PrivateNetwork(other, 'Network', { name: 'n', cidrBlock: '10.0.0.0/24', zones: ['ap-northeast-1a', 'ap-northeast-1c'], flowLogs: false });
    expect(Testing.synth(other)).toHaveResourceWithProperties(Subnet, { availability_zone: 'ap-northeast-1a', cidr_block: '10.0.0.0/28' });
    expect(Testing.synth(other)).not.toHaveResource(FlowLog);
  });

  it('gives each zone the slot of its zone number, so removing a zone never moves another subnet', () => {
    const cidrs = (zones: string[]) => {
      const other = devStack();
      new PrivateNetwork(other, 'Network', { name: 'n', cidrBlock: '10.20.0.0/16', zones, flowLogs: false });
      return Object.fromEntries(Object.values(synthJson(other).resource.aws_subnet).map((s) => [s.availability_zone_id, s.cidr_block]));
    };
    expect(cidrs(['apne1-az2', 'apne1-az4'])).toEqual({ 'apne1-az2': '10.20.16.0/20', 'apne1-az4': '10.20.48.0/20' });
    expect(cidrs(['apne1-az4', 'apne1-az1'])['apne1-az4']).toBe('10.20.48.0/20');
  });

  it('takes explicit subnet CIDRs, and asks for them when zone numbers collide', () => {
    const other = devStack({ region: 'us-east-1' });
    new PrivateNetwork(other, 'Network', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['use1-az1', 'use1-bos1-az1'], subnetCidrs: { 'use1-bos1-az1': '10.0.200.0/24' }, flowLogs: false });
    expect(Testing.synth(other)).toHaveResourceWithProperties(Subnet, { availability_zone_id: 'use1-bos1-az1', cidr_block: '10.0.200.0/24' });
    expect(() => new PrivateNetwork(devStack({ region: 'us-east-1' }), 'N', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['use1-az1', 'use1-bos1-az1'] })).toThrow(/share zone number 1; give subnetCidrs/);
  });

  it('rejects bad zones, CIDRs and subnet sizes', () => {
    expect(() => new PrivateNetwork(devStack(), 'N', { name: 'n', cidrBlock: '10.0.0.0/16', zones: [] })).toThrow(/'zones' is empty/);
    expect(() => new PrivateNetwork(devStack(), 'N', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['tokyo-1'] })).toThrow(/'zones' has 'tokyo-1'/);
    expect(() => new PrivateNetwork(devStack(), 'N', { name: 'n', cidrBlock: '10.0.0/16', zones: ['apne1-az1'] })).toThrow(/not a CIDR block/);
    expect(() => new PrivateNetwork(devStack(), 'N', { name: 'n', cidrBlock: '10.0.0.0/27', zones: ['apne1-az1', 'apne1-az2', 'apne1-az4'] })).toThrow(/subnetPrefixLength/);
    expect(() => new PrivateNetwork(devStack(), 'N', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1'], flowLogs: { retentionDays: 10 } })).toThrow(/'flowLogs\.retentionDays' is 10; use one of the periods CloudWatch Logs accepts, for example 14/);
    expect(() => new PrivateNetwork(devStack(), 'N', { name: 'n', cidrBlock: '10.0.0.1/16', zones: ['apne1-az1'] })).toThrow(/'cidrBlock' has '10.0.0.1\/16', which has host bits set; use 10.0.0.0\/16/);
    expect(() => new PrivateNetwork(devStack(), 'N', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['use1-az1'] })).toThrow(/'zones' has 'use1-az1', a zone of us-east-1, but the stack deploys to ap-northeast-1/);
    expect(() => new PrivateNetwork(devStack(), 'N', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1'], subnetCidrs: { 'apne1-az1': '10.1.0.0/24' } })).toThrow(/'subnetCidrs.apne1-az1' is '10.1.0.0\/24', outside the VPC's blocks/);
    expect(() => new PrivateNetwork(devStack(), 'N', { name: 'n', cidrBlock: '10.0.0.0/16', secondaryCidrBlocks: ['10.0.128.0/17'], zones: ['apne1-az1'] })).toThrow(/'secondaryCidrBlocks' has '10.0.128.0\/17', which overlaps '10.0.0.0\/16'/);
  });
});

describe('PrivateNetwork parts', () => {
  const stack = devStack();
  const network = new PrivateNetwork(stack, 'Network', {
    name: 'unit-dev',
    cidrBlock: '10.20.0.0/16',
    secondaryCidrBlocks: ['10.21.0.0/16', '10.22.0.0/16'],
    zones: ['apne1-az1', 'ap-northeast-1c'],
    subnetCidrs: { 'ap-northeast-1c': '10.22.0.0/24' },
    flowLogs: { retentionDays: 30 },
  });
  const json = synthJson(stack);
  const vpcRef = expect.stringMatching(/^\$\{aws_vpc\.Network_Vpc_\w+\.id\}$/);

  it('associates each secondary block with the VPC, named by the block', () => {
    const associations = Object.entries(json.resource.aws_vpc_ipv4_cidr_block_association).map(([id, r]) => [id.replace(/_[0-9A-F]{8}$/, ''), r]);
    expect(associations).toEqual([
      ['Network_Cidr-10-21-0-0-16', { vpc_id: vpcRef, cidr_block: '10.21.0.0/16' }],
      ['Network_Cidr-10-22-0-0-16', { vpc_id: vpcRef, cidr_block: '10.22.0.0/16' }],
    ]);
    expect(network.cidrBlocks).toEqual(['10.20.0.0/16', '10.21.0.0/16', '10.22.0.0/16']);
  });

  it('names the VPC, the default group, the subnets and their route tables', () => {
    expect(onlyResource(json, 'aws_vpc')).toMatchObject({ tags: { Name: 'unit-dev' } });
    expect(onlyResource(json, 'aws_default_security_group')).toMatchObject({ vpc_id: vpcRef, tags: { Name: 'unit-dev-default-deny' } });
    expect(Object.values(json.resource.aws_subnet)).toEqual([
      { vpc_id: vpcRef, availability_zone: 'ap-northeast-1c', cidr_block: '10.22.0.0/24', map_public_ip_on_launch: false, tags: { Name: 'unit-dev-private-ap-northeast-1c' } },
      { vpc_id: vpcRef, availability_zone_id: 'apne1-az1', cidr_block: '10.20.0.0/20', map_public_ip_on_launch: false, tags: { Name: 'unit-dev-private-apne1-az1' } },
    ]);
    expect(Object.values(json.resource.aws_route_table)).toEqual([
      expect.objectContaining({ vpc_id: vpcRef, tags: { Name: 'unit-dev-private-ap-northeast-1c' } }),
      expect.objectContaining({ vpc_id: vpcRef, tags: { Name: 'unit-dev-private-apne1-az1' } }),
    ]);
  });

  it('associates each subnet with its own route table', () => {
    const associations = Object.entries(json.resource.aws_route_table_association).map(([id, r]) => [id.replace(/_[0-9A-F]{8}$/, ''), r]);
    expect(associations).toEqual([
      ['Network_RouteTableAssociation-ap-northeast-1c', { subnet_id: expect.stringMatching(/^\$\{aws_subnet\.Network_Subnet-ap-northeast-1c_\w+\.id\}$/), route_table_id: expect.stringMatching(/^\$\{aws_route_table\.Network_RouteTable-ap-northeast-1c_\w+\.id\}$/) }],
      ['Network_RouteTableAssociation-apne1-az1', { subnet_id: expect.stringMatching(/^\$\{aws_subnet\.Network_Subnet-apne1-az1_\w+\.id\}$/), route_table_id: expect.stringMatching(/^\$\{aws_route_table\.Network_RouteTable-apne1-az1_\w+\.id\}$/) }],
    ]);
  });

  it('exposes the VPC, its subnets by zone and its route tables', () => {
    const resolved = (value: string) => Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) }) as string;
    expect(resolved(network.vpcId)).toMatch(/^\$\{aws_vpc\.Network_Vpc_\w+\.id\}$/);
    expect(network.dnsSupport).toBe(true);
    expect(network.dnsHostnames).toBe(true);
    expect(network.subnets.map((s) => ({ ...s, subnetId: resolved(s.subnetId) }))).toEqual([
      { subnetId: expect.stringMatching(/^\$\{aws_subnet\.Network_Subnet-apne1-az1_\w+\.id\}$/), availabilityZoneId: 'apne1-az1', cidrBlock: '10.20.0.0/20' },
      { subnetId: expect.stringMatching(/^\$\{aws_subnet\.Network_Subnet-ap-northeast-1c_\w+\.id\}$/), availabilityZone: 'ap-northeast-1c', cidrBlock: '10.22.0.0/24' },
    ]);
    expect(network.subnetIds).toEqual(network.subnets.map((s) => s.subnetId));
    expect(Object.fromEntries(Object.entries(network.routeTableIds).map(([zone, id]) => [zone, resolved(id)]))).toEqual({
      'apne1-az1': expect.stringMatching(/^\$\{aws_route_table\.Network_RouteTable-apne1-az1_\w+\.id\}$/),
      'ap-northeast-1c': expect.stringMatching(/^\$\{aws_route_table\.Network_RouteTable-ap-northeast-1c_\w+\.id\}$/),
    });
  });

  it('keeps flow logs for the retention it was given, named after the network', () => {
    expect(onlyResource(json, 'aws_cloudwatch_log_group')).toMatchObject({ name: '/privatelink/unit-dev/flow-logs', retention_in_days: 30 });
    expect(onlyResource(json, 'aws_flow_log')).toMatchObject({ vpc_id: vpcRef });
    expect(network.flowLogs?.node.path).toBe('unit-dev/Network/FlowLogs');
  });
});

describe('PrivateNetwork subnet carving', () => {
  const subnetsOf = (props: Partial<PrivateNetworkProps>) => {
    const stack = devStack();
    const network = new PrivateNetwork(stack, 'Network', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1'], flowLogs: false, ...props });
    return { network, cidrs: Object.values(synthJson(stack).resource.aws_subnet).map((s) => s.cidr_block) };
  };

  it('keeps subnets at /28 at most, and takes any prefix from the VPC prefix to /28', () => {
    expect(subnetsOf({ cidrBlock: '10.0.0.0/26', zones: ['apne1-az2'] }).cidrs).toEqual(['10.0.0.16/28']);
    expect(subnetsOf({ subnetPrefixLength: 16 }).cidrs).toEqual(['10.0.0.0/16']);
    expect(subnetsOf({ subnetPrefixLength: 28, zones: ['apne1-az2'] }).cidrs).toEqual(['10.0.0.16/28']);
  });

  it('turns flow logs off only with false, and keeps a year by default', () => {
    expect(subnetsOf({}).network.flowLogs).toBeUndefined();
    const stack = devStack();
    new PrivateNetwork(stack, 'Network', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1'], flowLogs: {} });
    expect(onlyResource(synthJson(stack), 'aws_cloudwatch_log_group')).toMatchObject({ retention_in_days: 365 });
  });

  it('writes flow logs with a key of the region of its provider', () => {
    const stack = devStack();
    const provider = new AwsProvider(stack, 'Us', { region: 'us-east-1', alias: 'us' });
    new PrivateNetwork(stack, 'Network', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['use1-az1'], provider });
    const policy = JSON.parse(String(onlyResource(synthJson(stack), 'aws_kms_key').policy)) as { Statement: Array<{ Principal: unknown }> };
    expect(policy.Statement[1].Principal).toEqual({ Service: ['logs.us-east-1.amazonaws.com'] });
  });

  it('takes an explicit subnet known only at apply time', () => {
    const variable = (stack: ReturnType<typeof devStack>) => new TerraformVariable(stack, 'Block', { type: 'string' }).stringValue;
    const stack = devStack();
    new PrivateNetwork(stack, 'Network', { name: 'n', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1'], subnetCidrs: { 'apne1-az1': variable(stack) }, flowLogs: false });
    expect(onlyResource(synthJson(stack), 'aws_subnet')).toMatchObject({ cidr_block: '${var.Block}' });
  });
});

describe('PrivateNetwork bad input', () => {
  const network = (props: Partial<PrivateNetworkProps>, stack = devStack()) => () =>
    new PrivateNetwork(stack, 'Network', { name: 'unit-dev', cidrBlock: '10.0.0.0/16', zones: ['apne1-az1'], ...props });
  const cases: BadInputCase[] = [
    { name: 'name missing (untyped JS)', run: network({ name: undefined }), field: 'name', value: 'is missing', fix: /^give a name such as 'tenant-consumer-prod'$/ },
    { name: 'CIDR missing (untyped JS)', run: network({ cidrBlock: undefined }), field: 'cidrBlock', value: 'is missing', fix: /^give the IPv4 block of the VPC, for example 10\.20\.0\.0\/16$/ },
    { name: 'name with a space', run: network({ name: 'unit dev' }), field: 'name', value: "'unit dev'", fix: /letters, digits and \._-/ },
    { name: 'CIDR of IPv6', run: network({ cidrBlock: '2001:db8::/56' }), field: 'cidrBlock', value: "'2001:db8::/56'", fix: /IPv4/ },
    { name: 'CIDR larger than /16', run: network({ cidrBlock: '10.0.0.0/15' }), field: 'cidrBlock', value: "'10.0.0.0/15'", fix: /from \/16 to \/28/ },
    { name: 'a zone twice', run: network({ zones: ['apne1-az1', 'apne1-az1'] }), field: 'zones', value: "'apne1-az1'", fix: /give one subnet per zone/ },
    { name: 'secondary blocks not a list', run: network({ secondaryCidrBlocks: '10.1.0.0/16' as never }), field: 'secondaryCidrBlocks', value: "the string '10.1.0.0/16'", fix: /give a list of IPv4 blocks, for example \["10\.21\.0\.0\/16"\]/ },
    { name: 'secondary block of IPv6', run: network({ secondaryCidrBlocks: ['2001:db8::/56'] }), field: 'secondaryCidrBlocks', value: "'2001:db8::/56'", fix: /IPv4/ },
    { name: 'secondary block too large', run: network({ secondaryCidrBlocks: ['10.0.0.0/8'] }), field: 'secondaryCidrBlocks', value: "'10.0.0.0/8'", fix: /from \/16 to \/28/ },
    {
      name: 'secondary blocks overlapping each other',
      run: network({ secondaryCidrBlocks: ['10.1.0.0/16', '10.1.128.0/17'] }),
      field: 'secondaryCidrBlocks',
      value: "has '10.1.128.0/17', which overlaps '10.1.0.0/16'",
      fix: /give blocks that do not overlap the VPC's other blocks/,
    },
    { name: 'zones empty in another region', run: network({ zones: [] }, devStack({ region: 'us-east-1' })), field: 'zones', value: 'is empty', fix: /give at least one zone, for example \["us-east-1a"\]/ },
    { name: 'zones empty in Tokyo', run: network({ zones: [] }), field: 'zones', value: 'is empty', fix: /give at least one zone, for example \["apne1-az1"\]/ },
    { name: 'flow logs as true (untyped JS)', run: network({ flowLogs: true as never }), field: 'flowLogs', value: 'is the boolean true', fix: /retentionDays: 365/ },
    { name: 'flow logs null (untyped JS)', run: network({ flowLogs: null as never }), field: 'flowLogs', value: 'is null', fix: /give \{ retentionDays: 365 \}, or false to turn flow logs off/ },
    { name: 'CIDR known only at apply time', run: network({ cidrBlock: Token.asString({ Ref: 'cidr' }) }), field: 'cidrBlock', value: 'is an unresolved value', fix: /give the VPC block literally: subnets are carved from it at synth time/ },
    { name: 'subnet prefix below the VPC prefix', run: network({ cidrBlock: '10.0.0.0/20', subnetPrefixLength: 18 }), field: 'subnetPrefixLength', value: 'is 18', fix: /from 20 to 28/ },
    { name: 'subnet prefix beyond /28', run: network({ subnetPrefixLength: 29 }), field: 'subnetPrefixLength', value: 'is 29', fix: /from 16 to 28/ },
    { name: 'subnet CIDRs as a string (untyped JS)', run: network({ subnetCidrs: '10.0.0.0/24' as never }), field: 'subnetCidrs', value: "is the string '10.0.0.0/24'", fix: /give subnet blocks keyed by zone, for example \{ "apne1-az1": "10\.20\.0\.0\/20" \}/ },
    { name: 'subnet CIDR for a zone left out', run: network({ zones: ['apne1-az1', 'apne1-az2'], subnetCidrs: { 'apne1-az4': '10.0.0.0/24' } }), field: 'subnetCidrs.apne1-az4', value: 'names a zone that is not in zones', fix: /give blocks only for apne1-az1, apne1-az2$/ },
    { name: 'subnet CIDR of IPv6', run: network({ subnetCidrs: { 'apne1-az1': '2001:db8::/64' } }), field: 'subnetCidrs.apne1-az1', value: "'2001:db8::/64'", fix: /IPv4/ },
    { name: 'subnet CIDR too small', run: network({ subnetCidrs: { 'apne1-az1': '10.0.0.0/29' } }), field: 'subnetCidrs.apne1-az1', value: "'10.0.0.0/29'", fix: /\/28/ },
    {
      name: 'subnet CIDR outside primary and secondary blocks',
      run: network({ secondaryCidrBlocks: ['10.2.0.0/16'], subnetCidrs: { 'apne1-az1': '10.1.0.0/24' } }),
      field: 'subnetCidrs.apne1-az1',
      value: "is '10.1.0.0/24', outside the VPC's blocks 10.0.0.0/16, 10.2.0.0/16",
      fix: /give a block inside the VPC/,
    },
    {
      name: 'zone beyond the slots of the VPC',
      run: network({ cidrBlock: '10.0.0.0/24', zones: ['apne1-az3'], subnetPrefixLength: 25 }),
      field: 'subnetPrefixLength',
      value: 'is 25: 10.0.0.0/24 has 2 subnet slot(s) of /25, and apne1-az3 needs slot 3',
      fix: /^use a prefix from \/26 to \/28, or give subnetCidrs$/,
    },
    {
      name: 'zones sharing a number',
      run: network({ zones: ['use1-az1', 'use1-bos1-az1'] }, devStack({ region: 'us-east-1' })),
      field: 'zones',
      value: "has 'use1-az1' and 'use1-bos1-az1', which share zone number 1",
      fix: /^give subnetCidrs for one of them$/,
    },
    {
      name: 'explicit subnet overlapping a carved one',
      run: network({ zones: ['apne1-az1', 'apne1-az2'], subnetCidrs: { 'apne1-az2': '10.0.1.0/24' } }),
      field: 'subnetCidrs.apne1-az1',
      value: "is '10.0.0.0/20', which overlaps the subnet of apne1-az2 (10.0.1.0/24)",
      fix: /^give every zone its own block$/,
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
