import {
  applyConstructContract,
  awsContext,
  cidrsOverlap,
  configError,
  formatValue,
  isUnresolved,
  type MetaArguments,
  providerRegion,
  requireCidr,
  requireIpAddress,
  requireNarrowCidrs,
  requireNonEmpty,
  requireString,
  type VpcRef,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { PrivateInstance, requireHostPlacement } from './private-instance';
import { requirePrefixListRef, type S3PrefixListRef } from './s3-prefix-list';

const PARAMETER_NAME = /^\/[A-Za-z0-9_.\-/]+$/;

export interface SoftwareVpnProps extends MetaArguments {
  /** Names the instance, its role and security group. */
  readonly name: string;
  readonly vpc: VpcRef;
  readonly subnetId: string;
  /** An Amazon Linux 2023 AMI (Libreswan is installed from its repositories, which S3 serves). */
  readonly amiId: string;
  /** @default 't3.small' */
  readonly instanceType?: string;
  /** The IPv4 address of the on-premises VPN device, reachable from the subnet. */
  readonly peerAddress: string;
  /** The on-premises networks behind the tunnel (IPv4, outside the VPC's own blocks). */
  readonly onPremisesCidrs: readonly string[];
  /**
   * A Systems Manager SecureString parameter holding the IPsec pre-shared key, read at boot so the
   * key never appears in the configuration or the state.
   */
  readonly preSharedKeyParameterName: string;
  /** The S3 gateway endpoint the translated traffic leaves through. */
  readonly s3GatewayEndpoint: S3PrefixListRef;
}

/**
 * A software VPN (Libreswan on EC2) that terminates an IPsec tunnel from on-premises and
 * source-NATs the clients' traffic to its own address, so S3 requests leave from inside the VPC
 * and use the gateway endpoint, and replies come back to the instance. Source/destination check
 * is off. The tunnel runs over a private path you already have (Direct Connect private VIF,
 * Transit Gateway): the instance has no public IP. Self-managed (patching, availability: one
 * instance); costs the instance. Speaks whatever the clients speak (HTTPS to S3, SFTP to a
 * Transfer endpoint...).
 */
export class SoftwareVpn extends Construct {
  public readonly instance: PrivateInstance;
  public readonly privateIp: string;
  public readonly securityGroupId: string;

  constructor(scope: Construct, id: string, props: SoftwareVpnProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    const { vpc, instanceType } = requireHostPlacement(this, props);
    requireString(this, 'peerAddress', props.peerAddress, 'give the IPv4 address of the on-premises VPN device, for example 192.168.0.1');
    requireIpAddress(this, 'peerAddress', props.peerAddress, 'ipv4');
    const onPremisesCidrs = requireNonEmpty(this, 'onPremisesCidrs', props.onPremisesCidrs, 'list the on-premises networks behind the tunnel, for example ["192.168.0.0/16"]');
    // The tunnel carries IPv4 only.
    onPremisesCidrs.forEach((cidr) => requireCidr(this, 'onPremisesCidrs', cidr, { family: 'ipv4' }));
    requireNarrowCidrs(this, 'onPremisesCidrs', onPremisesCidrs);
    for (const cidr of onPremisesCidrs) {
      // A network known only at apply time overlaps nothing here: cidrsOverlap is false for what is no literal CIDR.
      // A network on both sides of the tunnel makes routing ambiguous: replies to it never leave the VPC.
      const vpcBlock = vpc.cidrBlocks.find((block) => !isUnresolved(block) && cidrsOverlap(block, cidr));
      if (vpcBlock !== undefined) {
        configError(this, 'onPremisesCidrs', `has ${formatValue(cidr)}, which overlaps the VPC's own block ${formatValue(vpcBlock)}`, 'list only the networks behind the tunnel; on-premises and VPC blocks must not overlap');
      }
    }
    requireString(this, 'preSharedKeyParameterName', props.preSharedKeyParameterName, 'give the full name of a SecureString parameter, for example /vpn/onprem/psk');
    if (!isUnresolved(props.preSharedKeyParameterName) && !PARAMETER_NAME.test(props.preSharedKeyParameterName)) {
      configError(this, 'preSharedKeyParameterName', `is ${formatValue(props.preSharedKeyParameterName)}`, 'give the full name of a SecureString parameter, for example /vpn/onprem/psk');
    }
    const gateway = requirePrefixListRef(this, 's3GatewayEndpoint', props.s3GatewayEndpoint);
    const { partition, region, accountId } = awsContext(this, { region: providerRegion(provider) });
    const parameterArn = `arn:${partition}:ssm:${region}:${accountId ?? '*'}:parameter${props.preSharedKeyParameterName}`;
    const peer = `${props.peerAddress}/32`;
    const userData = [
      '#!/bin/bash',
      'set -euo pipefail',
      'dnf install -y libreswan iptables-nft',
      'sysctl -w net.ipv4.ip_forward=1',
      "echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-vpn.conf",
      `PSK=$(aws ssm get-parameter --region ${region} --with-decryption --name ${props.preSharedKeyParameterName} --query Parameter.Value --output text)`,
      "cat > /etc/ipsec.d/onprem.conf <<'CONF'",
      'conn onprem',
      '  authby=secret',
      '  auto=start',
      '  ikev2=insist',
      '  encapsulation=yes',
      '  left=%defaultroute',
      '  leftsubnet=0.0.0.0/0',
      `  right=${props.peerAddress}`,
      `  rightsubnets={${onPremisesCidrs.join(' ')}}`,
      'CONF',
      `printf '%%any ${props.peerAddress} : PSK "%s"\\n' "$PSK" > /etc/ipsec.d/onprem.secrets`,
      'chmod 600 /etc/ipsec.d/onprem.secrets',
      // Source NAT: S3 sees the instance's address, and replies return through the tunnel.
      ...onPremisesCidrs.map((cidr) => `iptables -t nat -A POSTROUTING -s ${cidr} -o $(ip route show default | awk '{print $5}') -j MASQUERADE`),
      'systemctl enable --now ipsec',
      '',
    ].join('\n');
    this.instance = new PrivateInstance(this, 'Gateway', {
      name: props.name,
      provider,
      vpcId: vpc.vpcId,
      subnetId: props.subnetId,
      amiId: props.amiId,
      instanceType,
      sourceDestCheck: false,
      ingress: [{ ports: [500, 4500], protocol: 'udp', cidrs: [peer], description: 'IKE and IPsec NAT-T from the on-premises device' }],
      egress: [
        { ports: [500, 4500], protocol: 'udp', cidrs: [peer], description: 'IKE and IPsec NAT-T to the on-premises device' },
        { ports: [443], prefixListIds: [gateway.prefixListId], description: 'S3 through the gateway endpoint' },
        { ports: [443], cidrs: vpc.cidrBlocks, description: 'Interface endpoints (Systems Manager, S3, Transfer)' },
      ],
      statements: [{ sid: 'PreSharedKey', actions: ['ssm:GetParameter'], resources: [parameterArn] }],
      userData,
      dependsOn,
    });
    this.privateIp = this.instance.privateIp;
    this.securityGroupId = this.instance.securityGroupId;
  }
}
