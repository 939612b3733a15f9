import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Testing } from 'cdktf';
import { PrivateNetwork } from '../src/private-network';
import { devStack, synthJson } from './helpers';

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
