import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcIpv4CidrBlockAssociation } from '@cdktf/provider-aws/lib/vpc-ipv4-cidr-block-association';
import { Construct } from 'constructs';
import { isAzId, requireZone, zoneNumber } from './aws/availability-zones';
import { cidrContains, cidrsOverlap, parseCidr, requireCidr, subnetOfCidr } from './aws/cidr';
import { NAME_RULES, requireName } from './aws/names';
import { awsContext } from './aws-context';
import { configError, formatValue } from './config-error';
import { requireLogRetentionDays } from './encrypted-log-group';
import { applyConstructContract, type MetaArguments, providerRegion } from './meta-arguments';
import type { SubnetRef } from './subnet-ref';
import { nameTags } from './tags';
import { describeKind, isUnresolved, requireArray, requireInteger, requireNonEmpty, requireUnique } from './validate';
import type { VpcRef } from './vpc-ref';
import { VpcFlowLogs } from './vpc-flow-logs';

export interface PrivateNetworkProps extends MetaArguments {
  /** Names the VPC and its parts, for example `tenant-consumer-prod`. */
  readonly name: string;
  /** The VPC's IPv4 CIDR block, /16 to /28, for example `10.20.0.0/16`. */
  readonly cidrBlock: string;
  /** More IPv4 CIDR blocks for the VPC. @default [] */
  readonly secondaryCidrBlocks?: readonly string[];
  /**
   * One private subnet per zone, by AZ ID (`apne1-az1`, preferred: it names the same zone in
   * every account) or AZ name (`ap-northeast-1a`), all of the stack's region.
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

const VPC_PREFIX = { min: 16, max: 28 };

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
    const { dependsOn, provider } = applyConstructContract(this, props);
    if (props.name === undefined) configError(this, 'name', 'is missing', `give a name such as '${NAME_RULES.namePrefix.example}'`);
    requireName(this, 'name', props.name, NAME_RULES.namePrefix);
    if (props.cidrBlock === undefined) configError(this, 'cidrBlock', 'is missing', 'give the IPv4 block of the VPC, for example 10.20.0.0/16');
    requireCidr(this, 'cidrBlock', props.cidrBlock, { family: 'ipv4', prefixLength: VPC_PREFIX });
    const secondary = requireArray(this, 'secondaryCidrBlocks', props.secondaryCidrBlocks ?? [], 'give a list of IPv4 blocks, for example ["10.21.0.0/16"]');
    const allBlocks = [props.cidrBlock];
    for (const cidr of secondary) {
      requireCidr(this, 'secondaryCidrBlocks', cidr, { family: 'ipv4', prefixLength: VPC_PREFIX });
      const overlapping = allBlocks.find((block) => cidrsOverlap(block, cidr));
      if (overlapping) configError(this, 'secondaryCidrBlocks', `has ${formatValue(cidr)}, which overlaps ${formatValue(overlapping)}`, 'give blocks that do not overlap the VPC\'s other blocks');
      allBlocks.push(cidr);
    }
    const { region } = awsContext(this, { region: providerRegion(provider) });
    const zones = requireNonEmpty(this, 'zones', props.zones, `give at least one zone, for example ["${region === 'ap-northeast-1' ? 'apne1-az1' : `${region}a`}"]`);
    zones.forEach((zone) => requireZone(this, 'zones', zone, { region }));
    requireUnique(this, 'zones', zones, 'give one subnet per zone');
    if (props.flowLogs !== undefined && props.flowLogs !== false) {
      if (typeof props.flowLogs !== 'object' || props.flowLogs === null) configError(this, 'flowLogs', `is ${describeKind(props.flowLogs)}`, 'give { retentionDays: 365 }, or false to turn flow logs off');
      if (props.flowLogs.retentionDays !== undefined) requireLogRetentionDays(this, 'flowLogs.retentionDays', props.flowLogs.retentionDays);
    }
    const subnetCidrs = carveSubnets(this, props.cidrBlock, allBlocks, zones, props.subnetPrefixLength, props.subnetCidrs ?? {});

    const vpc = new Vpc(this, 'Vpc', {
      cidrBlock: props.cidrBlock,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: nameTags(props.name),
      dependsOn,
    });
    for (const cidr of secondary) {
      new VpcIpv4CidrBlockAssociation(this, `Cidr-${cidr.replace(/[./]/g, '-')}`, { vpcId: vpc.id, cidrBlock: cidr });
    }
    // The default group is what resources fall back to; with no rules it admits nothing.
    new DefaultSecurityGroup(this, 'DefaultSecurityGroup', { vpcId: vpc.id, tags: nameTags(`${props.name}-default-deny`) });

    const subnets: SubnetRef[] = [];
    const routeTableIds: Record<string, string> = {};
    for (const zone of zones) {
      const byId = isAzId(zone);
      const subnet = new Subnet(this, `Subnet-${zone}`, {
        vpcId: vpc.id,
        cidrBlock: subnetCidrs[zone],
        ...(byId ? { availabilityZoneId: zone } : { availabilityZone: zone }),
        mapPublicIpOnLaunch: false,
        tags: nameTags(`${props.name}-private-${zone}`),
      });
      const routeTable = new RouteTable(this, `RouteTable-${zone}`, { vpcId: vpc.id, tags: nameTags(`${props.name}-private-${zone}`) });
      new RouteTableAssociation(this, `RouteTableAssociation-${zone}`, { subnetId: subnet.id, routeTableId: routeTable.id });
      subnets.push({ subnetId: subnet.id, ...(byId ? { availabilityZoneId: zone } : { availabilityZone: zone }), cidrBlock: subnetCidrs[zone] });
      routeTableIds[zone] = routeTable.id;
    }

    this.vpcId = vpc.id;
    this.cidrBlocks = allBlocks;
    this.subnets = subnets;
    this.subnetIds = subnets.map((s) => s.subnetId);
    this.routeTableIds = routeTableIds;
    if (props.flowLogs !== false) {
      this.flowLogs = new VpcFlowLogs(this, 'FlowLogs', { vpcId: vpc.id, name: props.name, retentionDays: props.flowLogs?.retentionDays, provider });
    }
  }
}

function carveSubnets(
  scope: Construct,
  cidr: string,
  vpcBlocks: readonly string[],
  zones: readonly string[],
  prefixLength: number | undefined,
  explicit: Readonly<Record<string, string>>,
): Record<string, string> {
  if (isUnresolved(cidr)) configError(scope, 'cidrBlock', 'is an unresolved value', 'give the VPC block literally: subnets are carved from it at synth time');
  const vpcPrefix = parseCidr(cidr)!.prefixLength;
  if (prefixLength !== undefined) requireInteger(scope, 'subnetPrefixLength', prefixLength, { min: vpcPrefix, max: 28 });
  // The caller defaults a missing or null subnetCidrs to {}.
  if (typeof explicit !== 'object') configError(scope, 'subnetCidrs', `is ${describeKind(explicit)}`, 'give subnet blocks keyed by zone, for example { "apne1-az1": "10.20.0.0/20" }');
  for (const zone of Object.keys(explicit)) {
    if (!zones.includes(zone)) configError(scope, `subnetCidrs.${zone}`, 'names a zone that is not in zones', `give blocks only for ${zones.join(', ')}`);
  }
  const prefix = prefixLength ?? Math.min(vpcPrefix + 4, 28);
  const cidrs: Record<string, string> = {};
  const owners = new Map<number, string>();
  for (const zone of zones) {
    if (explicit[zone] !== undefined) {
      requireCidr(scope, `subnetCidrs.${zone}`, explicit[zone], { family: 'ipv4', prefixLength: { max: 28 } });
      if (!isUnresolved(explicit[zone]) && !vpcBlocks.some((block) => cidrContains(block, explicit[zone]))) {
        configError(scope, `subnetCidrs.${zone}`, `is ${formatValue(explicit[zone])}, outside the VPC's blocks ${vpcBlocks.join(', ')}`, 'give a block inside the VPC');
      }
      cidrs[zone] = explicit[zone];
      continue;
    }
    const slot = zoneNumber(zone)! - 1;
    const carved = subnetOfCidr(cidr, prefix, slot);
    if (!carved) {
      const slots = 2 ** (prefix - vpcPrefix);
      configError(scope, 'subnetPrefixLength', `is ${formatValue(prefix)}: ${cidr} has ${slots} subnet slot(s) of /${prefix}, and ${zone} needs slot ${slot + 1}`, `use a prefix from /${vpcPrefix + Math.ceil(Math.log2(slot + 1))} to /28, or give subnetCidrs`);
    }
    const other = owners.get(slot);
    if (other !== undefined) {
      configError(scope, 'zones', `has ${formatValue(other)} and ${formatValue(zone)}, which share zone number ${slot + 1}`, 'give subnetCidrs for one of them');
    }
    owners.set(slot, zone);
    cidrs[zone] = carved;
  }
  const explicitBlocks = Object.entries(cidrs);
  for (const [zone, block] of explicitBlocks) {
    const clash = explicitBlocks.find(([other, otherBlock]) => other !== zone && cidrsOverlap(block, otherBlock));
    if (clash) configError(scope, `subnetCidrs.${zone}`, `is ${formatValue(block)}, which overlaps the subnet of ${clash[0]} (${clash[1]})`, 'give every zone its own block');
  }
  return cidrs;
}
