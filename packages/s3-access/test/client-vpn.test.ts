import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Ec2ClientVpnAuthorizationRule } from '@cdktf/provider-aws/lib/ec2-client-vpn-authorization-rule';
import { Ec2ClientVpnEndpoint } from '@cdktf/provider-aws/lib/ec2-client-vpn-endpoint';
import { Testing } from 'cdktf';
import { ClientVpn, type ClientVpnProps } from '../src/client-vpn';
import { devStack, expectPreventDestroyInProduction, PREFIX_LIST, resources, SUBNETS, synthJson, VPC } from './helpers';

const base: ClientVpnProps = {
  name: 'unit-dev-client-vpn',
  vpc: VPC,
  subnets: SUBNETS,
  clientCidrBlock: '172.20.0.0/22',
  serverCertificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/server',
  authentication: { type: 'certificate', rootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/client-ca' },
};

describe('ClientVpn', () => {
  const stack = devStack();
  new ClientVpn(stack, 'Vpn', { ...base, s3GatewayEndpoint: PREFIX_LIST, authorizations: [{ targetCidr: '10.30.0.0/16' }, { targetCidr: '10.30.0.0/24', accessGroupId: 'admins' }] });
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);

  it('is a split-tunnel endpoint with certificate authentication, logging to an encrypted group and the VPC resolver', () => {
    expect(synthesized).toHaveResourceWithProperties(Ec2ClientVpnEndpoint, {
      client_cidr_block: '172.20.0.0/22',
      split_tunnel: true,
      transport_protocol: 'udp',
      vpn_port: 443,
      vpc_id: VPC.vpcId,
      dns_servers: ['10.30.0.2'],
      authentication_options: [{ type: 'certificate-authentication', root_certificate_chain_arn: base.authentication.type === 'certificate' ? base.authentication.rootCertificateChainArn : '' }],
      connection_log_options: { enabled: true, cloudwatch_log_group: expect.stringContaining('aws_cloudwatch_log_group') },
    });
    expect(synthesized).toHaveResourceWithProperties(CloudwatchLogGroup, { name: '/aws/client-vpn/unit-dev-client-vpn', kms_key_id: expect.stringContaining('aws_kms_key') });
  });

  it('associates each subnet under its zone and authorizes each target CIDR', () => {
    expect(Object.keys(resources(json, 'aws_ec2_client_vpn_network_association'))).toEqual([expect.stringContaining('Association-apne1-az1'), expect.stringContaining('Association-apne1-az2')]);
    expect(synthesized).toHaveResourceWithProperties(Ec2ClientVpnAuthorizationRule, { target_network_cidr: '10.30.0.0/16', authorize_all_groups: true });
    expect(synthesized).toHaveResourceWithProperties(Ec2ClientVpnAuthorizationRule, { target_network_cidr: '10.30.0.0/24', access_group_id: 'admins' });
  });

  it('lets its interfaces reach the VPC endpoints and the S3 gateway endpoint on 443 only', () => {
    const egress = Object.values(resources(json, 'aws_vpc_security_group_egress_rule'));
    expect(egress.map((r) => [r.cidr_ipv4 ?? r.prefix_list_id, r.from_port])).toEqual([['10.30.0.0/16', 443], [PREFIX_LIST.prefixListId, 443]]);
    expect(resources(json, 'aws_vpc_security_group_ingress_rule')).toEqual({});
  });

  it('supports SAML federation', () => {
    const saml = devStack();
    new ClientVpn(saml, 'Vpn', { ...base, authentication: { type: 'saml', samlProviderArn: 'arn:aws:iam::111111111111:saml-provider/idp' }, transportProtocol: 'tcp' });
    expect(Testing.synth(saml)).toHaveResourceWithProperties(Ec2ClientVpnEndpoint, { authentication_options: [{ type: 'federated-authentication', saml_provider_arn: 'arn:aws:iam::111111111111:saml-provider/idp' }], transport_protocol: 'tcp' });
  });

  it('rejects a client CIDR that overlaps the VPC or has the wrong size, and bad ARNs', () => {
    const make = (props: Partial<ClientVpnProps>) => new ClientVpn(devStack(), 'Vpn', { ...base, ...props });
    expect(() => make({ clientCidrBlock: '10.30.4.0/22' })).toThrow(/ClientVpn 'unit-dev\/Vpn': 'clientCidrBlock' is '10.30.4.0\/22', which overlaps the VPC block '10.30.0.0\/16'/);
    expect(() => make({ clientCidrBlock: '10.0.0.0/8' })).toThrow(/'clientCidrBlock' has '10.0.0.0\/8', a \/8 block; use a prefix from \/12 to \/22/);
    expect(() => make({ clientCidrBlock: '172.20.0.0/24' })).toThrow(/from \/12 to \/22/);
    expect(() => make({ serverCertificateArn: 'cert' })).toThrow(/'serverCertificateArn' is 'cert', which is not an acm certificate ARN/);
    expect(() => make({ authentication: { type: 'saml', samlProviderArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/x' } })).toThrow(/'authentication.samlProviderArn'/);
    expect(() => make({ authorizations: [] })).toThrow(/'authorizations' is empty/);
    expect(() => make({ subnets: [SUBNETS[0], { ...SUBNETS[1], availabilityZoneId: 'apne1-az1' }] })).toThrow(/'subnets' has two subnets in apne1-az1/);
    expect(() => make({ vpnPort: 8443 as 443 })).toThrow(/'vpnPort' is 8443/);
  });
});

describe('ClientVpn in production', () => {
  it('carries prevent_destroy by default, and records an explicit opt-out as an acknowledgement of PL-PROD-2', () => {
    expectPreventDestroyInProduction((stack, preventDestroy) => new ClientVpn(stack, 'Vpn', { ...base, preventDestroy }), 'aws_ec2_client_vpn_endpoint', 'Vpn');
  });
});
