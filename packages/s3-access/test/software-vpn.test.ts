import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { SoftwareVpn, type SoftwareVpnProps } from '../src/software-vpn';
import { vpnProps } from './ec2-pattern-props';
import { devStack, PREFIX_LIST, policyOf, resources, type Synthesized } from './helpers';

// Each test builds its own stack: what a test asserts is then built by that test.
function synthVpn(props: Partial<SoftwareVpnProps> = {}, stack: TerraformStack = devStack()): Synthesized {
  new SoftwareVpn(stack, 'Vpn', { ...vpnProps, ...props });
  return JSON.parse(Testing.synth(stack)) as Synthesized;
}

const instanceOf = (json: Synthesized) => Object.values(resources(json, 'aws_instance'))[0];
const statementsOf = (json: Synthesized) => policyOf(Object.values(resources(json, 'aws_iam_role_policy'))[0]).Statement;
const rulesOf = (json: Synthesized, direction: 'ingress' | 'egress') =>
  Object.values(resources(json, `aws_vpc_security_group_${direction}_rule`)).map((r) => [r.ip_protocol, r.from_port, r.cidr_ipv4 ?? r.prefix_list_id, r.description]);

describe('SoftwareVpn', () => {
  it('boots Libreswan with the tunnel to the peer, reads the pre-shared key at boot and source-NATs each on-premises network', () => {
    const instance = instanceOf(synthVpn({ onPremisesCidrs: ['192.168.0.0/16', '172.16.0.0/12'] }));
    expect(instance.source_dest_check).toBe(false);
    expect((instance.user_data as string).split('\n')).toEqual([
      '#!/bin/bash',
      'set -euo pipefail',
      'dnf install -y libreswan iptables-nft',
      'sysctl -w net.ipv4.ip_forward=1',
      "echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-vpn.conf",
      'PSK=$(aws ssm get-parameter --region ap-northeast-1 --with-decryption --name /vpn/onprem/psk --query Parameter.Value --output text)',
      "cat > /etc/ipsec.d/onprem.conf <<'CONF'",
      'conn onprem',
      '  authby=secret',
      '  auto=start',
      '  ikev2=insist',
      '  encapsulation=yes',
      '  left=%defaultroute',
      '  leftsubnet=0.0.0.0/0',
      '  right=192.168.0.1',
      '  rightsubnets={192.168.0.0/16 172.16.0.0/12}',
      'CONF',
      `printf '%%any 192.168.0.1 : PSK "%s"\\n' "$PSK" > /etc/ipsec.d/onprem.secrets`,
      'chmod 600 /etc/ipsec.d/onprem.secrets',
      "iptables -t nat -A POSTROUTING -s 192.168.0.0/16 -o $(ip route show default | awk '{print $5}') -j MASQUERADE",
      "iptables -t nat -A POSTROUTING -s 172.16.0.0/12 -o $(ip route show default | awk '{print $5}') -j MASQUERADE",
      'systemctl enable --now ipsec',
      '',
    ]);
  });

  it('admits IKE and NAT-T from the peer only, and reaches the peer, the S3 gateway endpoint and the VPC endpoints', () => {
    const json = synthVpn();
    expect(rulesOf(json, 'ingress')).toEqual([
      ['udp', 4500, '192.168.0.1/32', 'IKE and IPsec NAT-T from the on-premises device'],
      ['udp', 500, '192.168.0.1/32', 'IKE and IPsec NAT-T from the on-premises device'],
    ]);
    expect(rulesOf(json, 'egress')).toEqual([
      ['tcp', 443, '10.30.0.0/16', 'Interface endpoints (Systems Manager, S3, Transfer)'],
      ['tcp', 443, PREFIX_LIST.prefixListId, 'S3 through the gateway endpoint'],
      ['udp', 4500, '192.168.0.1/32', 'IKE and IPsec NAT-T to the on-premises device'],
      ['udp', 500, '192.168.0.1/32', 'IKE and IPsec NAT-T to the on-premises device'],
    ]);
  });

  it('may read only its pre-shared key', () => {
    expect(statementsOf(synthVpn())).toEqual([
      { Sid: 'PreSharedKey', Effect: 'Allow', Action: ['ssm:GetParameter'], Resource: ['arn:aws:ssm:ap-northeast-1:111111111111:parameter/vpn/onprem/psk'] },
    ]);
  });

  it('reads the key in the region of its provider', () => {
    const stack = devStack();
    const provider = new AwsProvider(stack, 'Virginia', { region: 'us-east-1', alias: 'virginia' });
    const json = synthVpn({ provider }, stack);
    expect(statementsOf(json)[0].Resource).toEqual(['arn:aws:ssm:us-east-1:111111111111:parameter/vpn/onprem/psk']);
    expect(instanceOf(json).user_data).toContain('aws ssm get-parameter --region us-east-1 ');
  });

  it("attaches the Systems Manager policy of its provider's partition", () => {
    const stack = devStack();
    const china = new AwsProvider(stack, 'China', { region: 'cn-north-1', alias: 'china' });
    const json = synthVpn({ provider: china, subnetId: 'subnet-0aaaaaaaaaaaaaaa1' }, stack);
    expect(Object.values(resources(json, 'aws_iam_role_policy_attachment'))).toEqual([expect.objectContaining({ policy_arn: 'arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore' })]);
  });

  it('names the key of any account when the stack does not know its account', () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    new AwsProvider(stack, 'aws', { region: 'eu-west-1' });
    expect(statementsOf(synthVpn({}, stack))[0].Resource).toEqual(['arn:aws:ssm:eu-west-1:*:parameter/vpn/onprem/psk']);
  });

  it('takes on-premises networks known only at apply time', () => {
    const stack = devStack();
    const network = new TerraformVariable(stack, 'network', { type: 'string' });
    const json = synthVpn({ onPremisesCidrs: [network.stringValue] }, stack);
    expect(instanceOf(json).user_data).toContain('  rightsubnets={${var.network}}\n');
  });

  const make = (props: Partial<SoftwareVpnProps>) => () => new SoftwareVpn(devStack(), 'Vpn', { ...vpnProps, ...props });
  const badInputs: BadInputCase[] = [
    { name: 'a peer that is no address', run: make({ peerAddress: '300.1.1.1' }), field: 'peerAddress', value: "'300.1.1.1'", fix: /IPv4 address/ },
    { name: 'a peer missing (untyped JS)', run: make({ peerAddress: undefined }), field: 'peerAddress', value: 'is missing', fix: /the IPv4 address of the on-premises VPN device, for example 192\.168\.0\.1/ },
    { name: 'no on-premises networks', run: make({ onPremisesCidrs: [] }), field: 'onPremisesCidrs', value: 'is empty', fix: /list the on-premises networks behind the tunnel, for example \["192\.168\.0\.0\/16"\]/ },
    { name: 'an on-premises network of IPv6', run: make({ onPremisesCidrs: ['fd00::/8'] }), field: 'onPremisesCidrs', value: "'fd00::/8', an IPv6 block", fix: /give an IPv4 block/ },
    { name: 'a parameter name without a slash', run: make({ preSharedKeyParameterName: 'psk' }), field: 'preSharedKeyParameterName', value: "'psk'", fix: /\/vpn\/onprem\/psk/ },
    { name: 'the S3 gateway endpoint missing (untyped JS)', run: make({ s3GatewayEndpoint: undefined }), field: 's3GatewayEndpoint', value: 'is missing', fix: /the S3GatewayEndpoint of the VPC/ },
  ];
  it.each(badInputs.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => assertBadInput(c));
});
