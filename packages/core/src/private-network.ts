import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { Construct } from 'constructs';
import { configError, show } from './config-error';
import type { SubnetRef } from './subnet-ref';
import { nameTags } from './tags';
import { parseIpv4Cidr, requireCidr, requireNonEmpty, requireUnique } from './validate';
import type { VpcRef } from './vpc-ref';
import { VpcFlowLogs } from './vpc-flow-logs';

const AZ_ID = /^[a-z]+[0-9]+(-[a-z]+[0-9]+)?-az[0-9]+$/;
const AZ_NAME = /^[a-z]{2}(-gov)?-[a-z]+-[0-9][a-z]$/;

export interface PrivateNetworkProps {
  /** Names the VPC and its parts, for example `tenant-consumer-prod`. */
  readonly name: string;
  /** The VPC's IPv4 CIDR block, for example `10.20.0.0/16`. */
  readonly cidrBlock: string;
  /** More IPv4 CIDR blocks for the VPC. @default [] */
  readonly secondaryCidrBlocks?: readonly string[];
  /**
   * One private subnet per zone, by AZ ID (`apne1-az1`, preferred: it names the same zone in
   * every account) or AZ name (`ap-northeast-1a`).
   */
  readonly zones: readonly string[];
  /**
   * Prefix length of each subnet. A zone's subnet takes the slot of its zone number (`apne1-az4`
   * and `ap-northeast-1d` take the fourth), so adding or removing a zone never moves the others.
   * @default VPC prefix + 4
   */
  readonly subnetPrefixLength?: number;
  /** Explicit subnet CIDR blocks by zone, for zones whose numbers collide (Local Zones) or to match an addressing plan. @default - carved by zone number */
  readonly subnetCidrs?: Readonly<Record<string, string>>;
  /** Flow logs to an encrypted log group, or `false` to turn them off explicitly. @default { retentionDays: 365 } */
  readonly flowLogs?: { readonly retentionDays?: number } | false;
}

/**
 * A VPC with private subnets only (no internet gateway, no NAT, no public IPs), DNS support and
 * hostnames on, a default security group emptied of rules, and flow logs.
 */
export class PrivateNetwork extends Construct implements VpcRef {
  public readonly vpcId: string;
  public readonly cidrBlocks: readonly string[];
  public readonly dnsSupport = true;
  public readonly dnsHostnames = true;
  public readonly subnets: readonly SubnetRef[];
  public readonly subnetIds: readonly string[];
  /** Route table IDs keyed by zone, for gateway endpoints. */
  public readonly routeTableIds: Readonly<Record<string, string>>;
  public readonly flowLogs?: VpcFlowLogs;

  constructor(scope: Construct, id: string, props: PrivateNetworkProps) {
    super(scope, id);
    requireCidr(this, 'cidrBlock', props.cidrBlock);
    const zones = requireNonEmpty(this, 'zones', props.zones, 'give at least one zone, for example ["apne1-az1", "apne1-az2"]');
    requireUnique(this, 'zones', zones, 'give one subnet per zone');
    const subnetCidrs = carveSubnets(this, props.cidrBlock, zones, props.subnetPrefixLength, props.subnetCidrs ?? {});

    const vpc = new Vpc(this, 'Vpc', {
      cidrBlock: props.cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: nameTags(props.name),
    });
    for (const cidr of props.secondaryCidrBlocks ?? []) {
      requireCidr(this, 'secondaryCidrBlocks', cidr);
      new VpcIpv4CidrBlockAssociation(this, `Cidr-${cidr.replace(/[./]/g, '-')}`, { vpcId: vpc.id, cidrBlock: cidr });
    }
    // The default group is what resources fall back to; with no rules it admits nothing.
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', { vpcId: vpc.id, tags: nameTags(`${props.name}-default-deny`) });

    const subnets: SubnetRef[] = [];
    const routeTableIds: Record<string, string> = {};
    for (const zone of zones) {
      const byId = AZ_ID.test(zone);
      const subnet = new Subnet(this, `Subnet-${zone}`, {
        vpcId: vpc.id,
        cidrBlock: subnetCidrs[zone],
        ...(byId ? { availabilityZoneId: zone } : { availabilityZone: zone }),
        mapPublicIpOnLaunch: false,
        tags: nameTags(`${props.name}-private-${zone}`),
      });
      const routeTable = new RouteTable(this, `RouteTable-${zone}`, { vpcId: vpc.id, tags: nameTags(`${props.name}-private-${zone}`) });
      new RouteTableAssociation(this, `RouteTableAssociation-${zone}`, { subnetId: subnet.id, routeTableId: routeTable.id });
      subnets.push(byId ? { subnetId: subnet.id, availabilityZoneId: zone } : { subnetId: subnet.id, availabilityZone: zone });
      routeTableIds[zone] = routeTable.id;
    }

    this.vpcId = vpc.id;
    this.cidrBlocks = [props.cidrBlock, ...(props.secondaryCidrBlocks ?? [])];
    this.subnets = subnets;
    this.subnetIds = subnets.map((s) => s.subnetId);
    this.routeTableIds = routeTableIds;
    if (props.flowLogs !== false) {
      this.flowLogs = new VpcFlowLogs(this, 'FlowLogs', { vpcId: vpc.id, name: props.name, retentionDays: props.flowLogs?.retentionDays });
    }
  }
}

/** The zone's number counted from 0: `apne1-az4` -> 3, `ap-northeast-1c` -> 2. */
function zoneSlot(scope: Construct, zone: string): number {
  if (AZ_ID.test(zone)) return Number(/az(\d+)$/.exec(zone)![1]) - 1;
  if (AZ_NAME.test(zone)) return zone.charCodeAt(zone.length - 1) - 'a'.charCodeAt(0);
  return configError(scope, 'zones', `has ${show(zone)}`, 'give an AZ ID such as apne1-az1 or an AZ name such as ap-northeast-1a');
}

function carveSubnets(scope: Construct, cidr: string, zones: readonly string[], prefixLength: number | undefined, explicit: Readonly<Record<string, string>>): Record<string, string> {
  const parsed = parseIpv4Cidr(cidr);
  if (!parsed) configError(scope, 'cidrBlock', `is ${show(cidr)}`, 'give an IPv4 CIDR block such as 10.0.0.0/16');
  const [base, vpcPrefix] = parsed;
  const prefix = prefixLength ?? Math.min(vpcPrefix + 4, 28);
  const slots = 2 ** Math.max(prefix - vpcPrefix, 0);
  const size = 2 ** (32 - prefix);
  const cidrs: Record<string, string> = {};
  const owners = new Map<number, string>();
  for (const zone of zones) {
    const slot = zoneSlot(scope, zone);
    if (explicit[zone] !== undefined) {
      cidrs[zone] = requireCidr(scope, `subnetCidrs.${zone}`, explicit[zone]);
      continue;
    }
    if (prefix < vpcPrefix || prefix > 28 || slot >= slots) {
      configError(scope, 'subnetPrefixLength', `is ${show(prefix)}: ${cidr} has ${slots} subnet slot(s) of /${prefix}, and ${zone} needs slot ${slot + 1}`, `use a prefix from /${vpcPrefix + Math.ceil(Math.log2(slot + 1))} to /28, or give subnetCidrs`);
    }
    const other = owners.get(slot);
    if (other !== undefined) {
      configError(scope, 'zones', `has ${show(other)} and ${show(zone)}, which share zone number ${slot + 1}`, `give subnetCidrs for one of them`);
    }
    owners.set(slot, zone);
    const start = base + slot * size;
    cidrs[zone] = `${[24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256).join('.')}/${prefix}`;
  }
  return cidrs;
}
