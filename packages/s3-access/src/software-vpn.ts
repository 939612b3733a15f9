import {
  awsContext,
  configError,
  formatValue,
  isIpAddress,
  isUnresolved,
  parseCidr,
  useProvider,
  type VpcRef,
} from '@privatelink-cdktf/core';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { requireClientCidrs } from './client-cidrs';
import { PrivateInstance } from './private-instance';
import type { S3PrefixListRef } from './s3-prefix-list';

const PARAMETER_NAME = /^\/[A-Za-z0-9_.\-/]+$/;

export interface SoftwareVpnProps {
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
  /** The on-premises networks behind the tunnel. */
  readonly onPremisesCidrs: readonly string[];
  /**
   * A Systems Manager SecureString parameter holding the IPsec pre-shared key, read at boot so the
   * key never appears in the configuration or the state.
   */
  readonly preSharedKeyParameterName: string;
  /** The S3 gateway endpoint the translated traffic leaves through. */
  readonly s3GatewayEndpoint: S3PrefixListRef;
  /** @default - the default provider */
  readonly provider?: TerraformProvider;
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
    useProvider(this, props.provider);
    if (!isUnresolved(props.peerAddress)) {
      if (!isIpAddress(props.peerAddress, 'ipv4')) {
        configError(this, 'peerAddress', `is ${formatValue(props.peerAddress)}, which is not an IPv4 address`, 'give the address of the on-premises VPN device, for example 192.168.0.1');
      }
    }
    const onPremisesCidrs = requireClientCidrs(this, 'onPremisesCidrs', props.onPremisesCidrs, 'list the on-premises networks behind the tunnel, for example ["192.168.0.0/16"]');
    for (const cidr of onPremisesCidrs) {
      if (!isUnresolved(cidr) && parseCidr(cidr)?.family !== 'ipv4') configError(this, 'onPremisesCidrs', `has ${formatValue(cidr)}`, 'the tunnel carries IPv4 only; give IPv4 CIDR blocks');
    }
    if (!isUnresolved(props.preSharedKeyParameterName) && !PARAMETER_NAME.test(props.preSharedKeyParameterName)) {
      configError(this, 'preSharedKeyParameterName', `is ${formatValue(props.preSharedKeyParameterName)}`, 'give the full name of a SecureString parameter, for example /vpn/onprem/psk');
    }
    const { partition, region, accountId } = awsContext(this);
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
      vpcId: props.vpc.vpcId,
      subnetId: props.subnetId,
      amiId: props.amiId,
      instanceType: props.instanceType ?? 't3.small',
      sourceDestCheck: false,
      ingress: [{ ports: [500, 4500], protocol: 'udp', cidrs: [peer], description: 'IKE and IPsec NAT-T from the on-premises device' }],
      egress: [
        { ports: [500, 4500], protocol: 'udp', cidrs: [peer], description: 'IKE and IPsec NAT-T to the on-premises device' },
        { ports: [443], prefixListIds: [props.s3GatewayEndpoint.prefixListId], description: 'S3 through the gateway endpoint' },
        { ports: [443], cidrs: props.vpc.cidrBlocks, description: 'Interface endpoints (Systems Manager, S3, Transfer)' },
      ],
      statements: [{ sid: 'PreSharedKey', actions: ['ssm:GetParameter'], resources: [parameterArn] }],
      userData,
    });
    this.privateIp = this.instance.privateIp;
    this.securityGroupId = this.instance.securityGroupId;
  }
}
