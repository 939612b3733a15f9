import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Testing } from 'cdktf';
import { SoftwareVpn, type SoftwareVpnProps } from '../src/software-vpn';
import { vpnProps } from './ec2-pattern-props';
import { devStack, policyOf, resources, synthJson } from './helpers';

describe('SoftwareVpn', () => {
  const stack = devStack();
  new SoftwareVpn(stack, 'Vpn', vpnProps);
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);
  const instance = Object.values(resources(json, 'aws_instance'))[0];

  it('forwards with source/destination check off and source-NATs on-premises clients', () => {
    expect(instance.source_dest_check).toBe(false);
    expect(instance.user_data).toContain('iptables -t nat -A POSTROUTING -s 192.168.0.0/16');
    expect(instance.user_data).toContain('MASQUERADE');
    expect(instance.user_data).toContain('net.ipv4.ip_forward = 1');
    expect(instance.user_data).toContain('--name /vpn/onprem/psk');
  });

  it('admits IKE and NAT-T from the peer only and may read only its pre-shared key', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.0.1/32', from_port: 4500, ip_protocol: 'udp' });
    const policy = policyOf(Object.values(resources(json, 'aws_iam_role_policy'))[0]);
    expect(policy.Statement[0]).toMatchObject({ Action: ['ssm:GetParameter'], Resource: ['arn:aws:ssm:ap-northeast-1:111111111111:parameter/vpn/onprem/psk'] });
  });

  it('rejects a bad peer, networks and parameter name', () => {
    const make = (props: Partial<SoftwareVpnProps>) => new SoftwareVpn(devStack(), 'Vpn', { ...vpnProps, ...props });
    expect(() => make({ peerAddress: '300.1.1.1' })).toThrow(/SoftwareVpn 'unit-dev\/Vpn': 'peerAddress' is '300.1.1.1'/);
    expect(() => make({ onPremisesCidrs: [] })).toThrow(/'onPremisesCidrs' is empty/);
    expect(() => make({ onPremisesCidrs: ['fd00::/8'] })).toThrow(/'onPremisesCidrs' has 'fd00::\/8', an IPv6 block; give an IPv4 block/);
    expect(() => make({ preSharedKeyParameterName: 'psk' })).toThrow(/'preSharedKeyParameterName' is 'psk'/);
  });
});
