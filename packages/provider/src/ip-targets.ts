import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import {
  applyConstructContract,
  cidrContainsAddress,
  configError,
  formatValue,
  isUnresolved,
  requireIpAddress,
  requireNonEmpty,
  requireResourceId,
  requireUnique,
} from '@privatelink-cdktf/core';
import type { Construct } from 'constructs';
import { NlbTargetGroup, type TargetBackend, type TargetGroupBaseProps } from './target-group';

/** Ranges a Network Load Balancer accepts as IP targets (RFC 1918 and RFC 6598). */
const TARGETABLE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

export interface IpTargetsProps extends TargetGroupBaseProps {
  /** The port the targets listen on. @default 443 */
  readonly port?: number;
  /**
   * Private IPv4 addresses: in the VPC, in a peered VPC, or on premises over Direct Connect or VPN.
   * Each address is its own attachment, keyed by the address.
   */
  readonly ips: readonly string[];
  /**
   * The targets' security group, when they are in the VPC: it gets ingress from the NLB's group
   * only. @default - none; the NLB may reach the target addresses on the port
   */
  readonly backendSecurityGroupId?: string;
}

/**
 * IP targets behind a Network Load Balancer. Addresses outside the VPC (on premises, reached over
 * Direct Connect) are registered with `availability_zone = "all"`, as AWS requires.
 */
export class IpTargets extends NlbTargetGroup {
  public readonly targetType = 'ip';
  /** The addresses outside the VPC's CIDR blocks. */
  public readonly outsideVpcIps: readonly string[];
  private readonly props: IpTargetsProps;

  constructor(scope: Construct, id: string, props: IpTargetsProps) {
    super(scope, id);
    applyConstructContract(this, props);
    this.props = props;
    this.requireBaseProps(props);
    const ips = requireNonEmpty(this, 'ips', props.ips, 'give at least one private IPv4 address, for example ["10.0.1.10"]');
    for (const ip of ips) {
      if (isUnresolved(ip)) configError(this, 'ips', 'has an unresolved value', 'give literal addresses: each one names its attachment');
      requireIpAddress(this, 'ips', ip, 'ipv4');
      if (!TARGETABLE_RANGES.some((range) => cidrContainsAddress(range, ip))) {
        configError(this, 'ips', `has ${formatValue(ip)}, which is not a private address`, `IP targets must be in ${TARGETABLE_RANGES.join(', ')}`);
      }
    }
    requireUnique(this, 'ips', ips, 'list each address once');
    if (props.backendSecurityGroupId !== undefined) requireResourceId(this, 'backendSecurityGroupId', props.backendSecurityGroupId, 'securityGroup');
    const port = props.port ?? 443;
    const group = this.createTargetGroup(props, { port, portField: 'port', healthProtocol: 'TCP' });
    const outside = ips.filter((ip) => !props.vpc.cidrBlocks.some((cidr) => cidrContainsAddress(cidr, ip)));
    for (const ip of ips) {
      this.addDependable(
        new LbTargetGroupAttachment(this, `Target-${ip.replace(/\./g, '-')}`, {
          targetGroupArn: group.arn,
          targetId: ip,
          port,
          // Addresses outside the VPC (on premises, peered VPCs) belong to no zone of it.
          ...(outside.includes(ip) ? { availabilityZone: 'all' } : {}),
        }),
      );
    }
    this.outsideVpcIps = outside;
  }

  protected backend(): TargetBackend {
    return { securityGroupId: this.props.backendSecurityGroupId, cidrs: this.props.ips.map((ip) => `${ip}/32`), description: 'the IP targets' };
  }
}
