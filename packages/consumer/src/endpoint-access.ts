import {
  configError,
  DedicatedSecurityGroup,
  requireNarrowCidrs,
  requirePorts,
  type VpcRef,
} from '@privatelink-cdktf/core';
import type { Construct } from 'constructs';

/** Who may connect to an endpoint's network interfaces. */
export interface EndpointAccessProps {
  /** The ports clients connect to. @default [443] */
  readonly ports?: readonly number[];
  /**
   * Client CIDR blocks admitted on `ports`.
   * @default - every CIDR block of the VPC, unless allowedSecurityGroupIds or allowedPrefixListIds are given
   */
  readonly allowedCidrs?: readonly string[];
  /** Client security groups admitted on `ports`. @default [] */
  readonly allowedSecurityGroupIds?: readonly string[];
  /** Managed prefix lists admitted on `ports`. @default [] */
  readonly allowedPrefixListIds?: readonly string[];
  /** Permit 0.0.0.0/0 or ::/0 in allowedCidrs. @default false */
  readonly allowOpenIngress?: boolean;
  /**
   * An existing security group to attach instead of creating one; you manage its rules, so
   * the allowed* props cannot be combined with it.
   * @default - a new dedicated security group that admits only the allowed clients on `ports`
   */
  readonly securityGroupId?: string;
}

/** The security group an endpoint uses: the one given, or a new dedicated group. */
export function endpointSecurityGroup(
  scope: Construct,
  props: EndpointAccessProps & { readonly vpc: VpcRef; readonly name: string },
  description: string,
): { securityGroupId: string; securityGroup?: DedicatedSecurityGroup } {
  const ports = requirePorts(scope, 'ports', props.ports ?? [443]);
  const given = { allowedCidrs: props.allowedCidrs, allowedSecurityGroupIds: props.allowedSecurityGroupIds, allowedPrefixListIds: props.allowedPrefixListIds };
  if (props.securityGroupId !== undefined) {
    const field = Object.entries(given).find(([, value]) => value !== undefined)?.[0];
    if (field) configError(scope, field, 'is set together with securityGroupId', 'add the rule to your own security group, or leave securityGroupId out to get a dedicated group');
    return { securityGroupId: props.securityGroupId };
  }
  const noPeers = Object.values(given).every((value) => value === undefined);
  const cidrs = requireNarrowCidrs(scope, 'allowedCidrs', noPeers ? props.vpc.cidrBlocks : (props.allowedCidrs ?? []), {
    name: 'allowOpenIngress',
    given: props.allowOpenIngress ?? false,
  });
  const rule = { ports, cidrs, securityGroupIds: props.allowedSecurityGroupIds, prefixListIds: props.allowedPrefixListIds, description: `Clients of ${props.name}` };
  const hasPeers = cidrs.length + (rule.securityGroupIds?.length ?? 0) + (rule.prefixListIds?.length ?? 0) > 0;
  const securityGroup = new DedicatedSecurityGroup(scope, 'SecurityGroup', {
    vpcId: props.vpc.vpcId,
    name: props.name,
    description,
    ingress: hasPeers ? [rule] : [],
    allowOpenIngress: props.allowOpenIngress,
  });
  return { securityGroupId: securityGroup.securityGroupId, securityGroup };
}
