import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { TerraformVariable, Testing } from 'cdktf';
import { ClientVpn, type ClientVpnProps } from '../src/client-vpn';
import { devStack, expectPreventDestroyInProduction, PREFIX_LIST, prodStack, resources, SUBNETS, synthJson, VPC, type Synthesized } from './helpers';

const CLIENT_CA = 'arn:aws:acm:ap-northeast-1:111111111111:certificate/client-ca';
const IDP = 'arn:aws:iam::111111111111:saml-provider/idp';
const PORTAL_IDP = 'arn:aws:iam::111111111111:saml-provider/portal';

const base: ClientVpnProps = {
  name: 'unit-dev-client-vpn',
  vpc: VPC,
  subnets: SUBNETS,
  clientCidrBlock: '172.20.0.0/22',
  serverCertificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/server',
  authentication: { type: 'certificate', rootCertificateChainArn: CLIENT_CA },
};

// Each test builds its own stack: what a test asserts is then built by that test.
function synthVpn(props: Partial<ClientVpnProps> = {}): Synthesized {
  const stack = devStack();
  new ClientVpn(stack, 'Vpn', { ...base, ...props });
  return synthJson(stack);
}

const endpointOf = (json: Synthesized) => Object.values(resources(json, 'aws_ec2_client_vpn_endpoint'))[0];
const make = (props: Partial<ClientVpnProps>) => () => new ClientVpn(devStack(), 'Vpn', { ...base, ...props });

describe('ClientVpn', () => {
  it('is a split-tunnel endpoint with certificate authentication, logging to an encrypted group and the VPC resolver', () => {
    const json = synthVpn();
    expect(endpointOf(json)).toEqual({
      description: 'unit-dev-client-vpn',
      client_cidr_block: '172.20.0.0/22',
      server_certificate_arn: base.serverCertificateArn,
      authentication_options: [{ type: 'certificate-authentication', root_certificate_chain_arn: CLIENT_CA }],
      connection_log_options: { enabled: true, cloudwatch_log_group: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Vpn_ConnectionLogs_.*\.name\}$/) },
      split_tunnel: true,
      transport_protocol: 'udp',
      vpn_port: 443,
      vpc_id: VPC.vpcId,
      security_group_ids: [expect.stringMatching(/^\$\{aws_security_group\.Vpn_SecurityGroup_.*\.id\}$/)],
      dns_servers: ['10.30.0.2'],
      self_service_portal: 'disabled',
      tags: { Name: 'unit-dev-client-vpn' },
    });
    expect(Object.values(resources(json, 'aws_cloudwatch_log_group'))).toEqual([
      expect.objectContaining({ name: '/aws/client-vpn/unit-dev-client-vpn', retention_in_days: 365, kms_key_id: expect.stringContaining('aws_kms_key') }),
    ]);
  });

  it('hands clients the resolver of the primary VPC block', () => {
    expect(endpointOf(synthVpn({ vpc: { ...VPC, cidrBlocks: ['10.40.16.0/20', '10.30.0.0/16'] } })).dns_servers).toEqual(['10.40.16.2']);
  });

  it('sends all traffic through the tunnel when splitTunnel is false', () => {
    expect(endpointOf(synthVpn({ splitTunnel: false })).split_tunnel).toBe(false);
  });

  it('associates each subnet under its zone', () => {
    const associations = resources(synthVpn(), 'aws_ec2_client_vpn_network_association');
    expect(Object.entries(associations).map(([name, r]) => [name.replace(/_[0-9A-F]{8}$/, ''), r.subnet_id, r.client_vpn_endpoint_id])).toEqual([
      ['Vpn_Association-apne1-az1', SUBNETS[0].subnetId, expect.stringMatching(/^\$\{aws_ec2_client_vpn_endpoint\.Vpn_Endpoint_.*\.id\}$/)],
      ['Vpn_Association-apne1-az2', SUBNETS[1].subnetId, expect.stringMatching(/^\$\{aws_ec2_client_vpn_endpoint\.Vpn_Endpoint_.*\.id\}$/)],
    ]);
  });

  it('authorizes each target CIDR, for everyone or for one group, under a name made of the CIDR and the group', () => {
    const json = synthVpn({ authorizations: [{ targetCidr: '10.30.0.0/16' }, { targetCidr: '10.30.0.0/16', accessGroupId: 'admins' }, { targetCidr: '10.31.0.0/16' }] });
    const rules = Object.fromEntries(Object.entries(resources(json, 'aws_ec2_client_vpn_authorization_rule')).map(([name, r]) => [name.replace(/_[0-9A-F]{8}$/, ''), r]));
    const endpointId = expect.stringMatching(/^\$\{aws_ec2_client_vpn_endpoint\.Vpn_Endpoint_.*\.id\}$/);
    expect(rules).toEqual({
      'Vpn_Authorization-10-30-0-0-16': { client_vpn_endpoint_id: endpointId, target_network_cidr: '10.30.0.0/16', authorize_all_groups: true, description: '10.30.0.0/16 for all users' },
      'Vpn_Authorization-10-30-0-0-16-admins': { client_vpn_endpoint_id: endpointId, target_network_cidr: '10.30.0.0/16', access_group_id: 'admins', description: '10.30.0.0/16 for admins' },
      'Vpn_Authorization-10-31-0-0-16': { client_vpn_endpoint_id: endpointId, target_network_cidr: '10.31.0.0/16', authorize_all_groups: true, description: '10.31.0.0/16 for all users' },
    });
  });

  it('authorizes every VPC block for everyone by default', () => {
    const rules = Object.values(resources(synthVpn({ vpc: { ...VPC, cidrBlocks: ['10.30.0.0/16', '10.31.0.0/16'] } }), 'aws_ec2_client_vpn_authorization_rule'));
    expect(rules.map((r) => [r.target_network_cidr, r.authorize_all_groups])).toEqual([
      ['10.30.0.0/16', true],
      ['10.31.0.0/16', true],
    ]);
  });

  it('lets its interfaces reach the VPC endpoints and the S3 gateway endpoint on 443 only', () => {
    const json = synthVpn({ s3GatewayEndpoint: PREFIX_LIST });
    const egress = Object.values(resources(json, 'aws_vpc_security_group_egress_rule'));
    expect(egress.map((r) => [r.cidr_ipv4 ?? r.prefix_list_id, r.from_port, r.to_port, r.description])).toEqual([
      ['10.30.0.0/16', 443, 443, 'Interface endpoints (S3, Transfer) and HTTPS in the VPC'],
      [PREFIX_LIST.prefixListId, 443, 443, 'S3 through the gateway endpoint'],
    ]);
    expect(resources(json, 'aws_vpc_security_group_ingress_rule')).toEqual({});
  });

  it('reaches S3 through interface endpoints only without a gateway endpoint', () => {
    const egress = Object.values(resources(synthVpn(), 'aws_vpc_security_group_egress_rule'));
    expect(egress.map((r) => r.cidr_ipv4 ?? r.prefix_list_id)).toEqual(['10.30.0.0/16']);
  });

  it.each([
    ['without a self-service provider', { type: 'saml', samlProviderArn: IDP }, { type: 'federated-authentication', saml_provider_arn: IDP }, 'disabled'],
    ['with a self-service provider', { type: 'saml', samlProviderArn: IDP, selfServiceSamlProviderArn: PORTAL_IDP }, { type: 'federated-authentication', saml_provider_arn: IDP, self_service_saml_provider_arn: PORTAL_IDP }, 'enabled'],
  ] as const)('supports SAML federation %s', (_name, authentication, options, portal) => {
    const endpoint = endpointOf(synthVpn({ authentication, transportProtocol: 'tcp', vpnPort: 1194 }));
    expect(endpoint).toMatchObject({ authentication_options: [options], self_service_portal: portal, transport_protocol: 'tcp', vpn_port: 1194 });
  });

  it('opens no self-service portal for certificate users, even with a stray self-service provider (untyped JS)', () => {
    const authentication = { type: 'certificate', rootCertificateChainArn: CLIENT_CA, selfServiceSamlProviderArn: PORTAL_IDP } as never;
    expect(endpointOf(synthVpn({ authentication })).self_service_portal).toBe('disabled');
  });

  it('takes a port known only at apply time', () => {
    const stack = devStack();
    const port = new TerraformVariable(stack, 'port', { type: 'number' });
    new ClientVpn(stack, 'Vpn', { ...base, vpnPort: port.numberValue as 443 });
    expect(endpointOf(synthJson(stack)).vpn_port).toBe('${var.port}');
  });

  it('deploys to the region of its provider: zones and certificates of that region', () => {
    const stack = devStack();
    const provider = new AwsProvider(stack, 'Virginia', { region: 'us-east-1', alias: 'virginia' });
    const certificate = (id: string) => `arn:aws:acm:us-east-1:111111111111:certificate/${id}`;
    new ClientVpn(stack, 'Vpn', {
      ...base,
      provider,
      subnets: [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'use1-az1' }],
      serverCertificateArn: certificate('server'),
      authentication: { type: 'certificate', rootCertificateChainArn: certificate('client-ca') },
    });
    expect(endpointOf(synthJson(stack))).toMatchObject({ provider: 'aws.virginia', server_certificate_arn: certificate('server') });
  });

  it('rejects a client CIDR that overlaps the VPC or has the wrong size, and bad ARNs', () => {
    expect(make({ clientCidrBlock: '10.30.4.0/22' })).toThrow(/ClientVpn 'unit-dev\/Vpn': 'clientCidrBlock' is '10.30.4.0\/22', which overlaps the VPC block '10.30.0.0\/16'/);
    expect(make({ clientCidrBlock: '10.0.0.0/8' })).toThrow(/'clientCidrBlock' has '10.0.0.0\/8', a \/8 block; use a prefix from \/12 to \/22/);
    expect(make({ clientCidrBlock: '172.20.0.0/24' })).toThrow(/from \/12 to \/22/);
    expect(make({ serverCertificateArn: 'cert' })).toThrow(/'serverCertificateArn' is 'cert', which is not an acm certificate ARN/);
    expect(make({ subnets: [SUBNETS[0], { ...SUBNETS[1], availabilityZoneId: 'apne1-az1' }] })).toThrow(/'subnets' has two subnets in apne1-az1/);
  });

  const badInputs: BadInputCase[] = [
    { name: 'a VPC that is no VPC reference', run: make({ vpc: { ...VPC, vpcId: 'vpc' } }), field: 'vpc.vpcId', value: "'vpc'", fix: /vpc-/ },
    { name: 'a subnet of another region', run: make({ subnets: [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'use1-az1' }] }), field: 'subnets', value: 'use1-az1', fix: /ap-northeast-1/ },
    { name: 'authentication missing (untyped JS)', run: make({ authentication: undefined }), field: 'authentication', value: 'is missing', fix: /\{ type: 'certificate', rootCertificateChainArn \} or \{ type: 'saml', samlProviderArn \}/ },
    { name: 'authentication as a string (untyped JS)', run: make({ authentication: 'saml' as never }), field: 'authentication', value: "is the string 'saml'", fix: /\{ type: 'saml', samlProviderArn \}/ },
    { name: 'a root certificate chain of another service', run: make({ authentication: { type: 'certificate', rootCertificateChainArn: 'arn:aws:iam::111111111111:certificate/client-ca' } }), field: 'authentication.rootCertificateChainArn', value: "'arn:aws:iam::111111111111:certificate/client-ca', which is not an acm certificate ARN", fix: /full ARN/ },
    { name: 'a root certificate chain of another region', run: make({ authentication: { type: 'certificate', rootCertificateChainArn: 'arn:aws:acm:us-east-1:111111111111:certificate/client-ca' } }), field: 'authentication.rootCertificateChainArn', value: 'in us-east-1, but the stack deploys to ap-northeast-1', fix: /of ap-northeast-1/ },
    { name: 'a SAML provider of another service', run: make({ authentication: { type: 'saml', samlProviderArn: 'arn:aws:sts::111111111111:saml-provider/idp' } }), field: 'authentication.samlProviderArn', value: "'arn:aws:sts::111111111111:saml-provider/idp', which is not an iam saml-provider ARN", fix: /full ARN/ },
    { name: 'a self-service SAML provider that is a role', run: make({ authentication: { type: 'saml', samlProviderArn: IDP, selfServiceSamlProviderArn: 'arn:aws:iam::111111111111:role/portal' } }), field: 'authentication.selfServiceSamlProviderArn', value: "'arn:aws:iam::111111111111:role/portal', which is not an iam saml-provider ARN", fix: /saml-provider\// },
    { name: 'a self-service SAML provider of another service', run: make({ authentication: { type: 'saml', samlProviderArn: IDP, selfServiceSamlProviderArn: 'arn:aws:sts::111111111111:saml-provider/portal' } }), field: 'authentication.selfServiceSamlProviderArn', value: 'which is not an iam saml-provider ARN', fix: /full ARN/ },
    { name: 'authorizations as a string (untyped JS)', run: make({ authorizations: '10.30.0.0/16' as never }), field: 'authorizations', value: "is the string '10.30.0.0/16', not a list", fix: /\[\{ targetCidr: '10\.0\.0\.0\/16' \}\]/ },
    { name: 'an authorization that is a string (untyped JS)', run: make({ authorizations: ['10.30.0.0/16' as never] }), field: 'authorizations[0]', value: "is the string '10.30.0.0/16'", fix: /give \{ targetCidr: '10\.0\.0\.0\/16' \}/ },
    { name: 'an authorization that is null (untyped JS)', run: make({ authorizations: [{ targetCidr: '10.30.0.0/16' }, null as never] }), field: 'authorizations[1]', value: 'is null', fix: /give \{ targetCidr: '10\.0\.0\.0\/16' \}/ },
    { name: 'an authorization without a target (untyped JS)', run: make({ authorizations: [{} as never] }), field: 'authorizations[0].targetCidr', value: 'is missing', fix: /the destination network, for example '10\.0\.0\.0\/16'/ },
    { name: 'an authorization to an IPv6 network', run: make({ authorizations: [{ targetCidr: '2001:db8::/32' }] }), field: 'authorizations[0].targetCidr', value: "'2001:db8::/32'", fix: /give an IPv4 block/ },
    { name: 'an authorization for an empty group', run: make({ authorizations: [{ targetCidr: '10.30.0.0/16', accessGroupId: ' ' }] }), field: 'authorizations[0].accessGroupId', value: 'is empty', fix: /the group ID of your identity provider/ },
    { name: 'an authorization for a numeric group (untyped JS)', run: make({ authorizations: [{ targetCidr: '10.30.0.0/16', accessGroupId: 7 as never }] }), field: 'authorizations[0].accessGroupId', value: 'is the number 7, not a string', fix: /the group ID of your identity provider/ },
    { name: 'preventDestroy as a string (untyped JS)', run: make({ preventDestroy: 'yes' as never }), field: 'preventDestroy', value: "is the string 'yes'", fix: /true or false/ },
    { name: 'a gateway endpoint that is missing its ID', run: make({ s3GatewayEndpoint: {} as never }), field: 's3GatewayEndpoint.prefixListId', value: 'is missing', fix: /pl-/ },
  ];
  it.each(badInputs.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => assertBadInput(c));
});

describe('ClientVpn in production', () => {
  it('carries prevent_destroy by default, and records an explicit opt-out as an acknowledgement of PL-PROD-2', () => {
    expectPreventDestroyInProduction((stack, preventDestroy) => new ClientVpn(stack, 'Vpn', { ...base, preventDestroy }), 'aws_ec2_client_vpn_endpoint', 'Vpn');
  });

  it('gives the reason of the opt-out: the field and the endpoint it leaves unprotected', () => {
    const stack = prodStack();
    new ClientVpn(stack, 'Vpn', { ...base, preventDestroy: false });
    Testing.synth(stack);
    const { suppressions } = (stack.toTerraform() as { '//': { guardrails: { suppressions: Array<{ ruleId: string; reason: string }> } } })['//'].guardrails;
    expect(suppressions.map((s) => [s.ruleId, s.reason])).toEqual([['PL-PROD-2', 'preventDestroy: false was set on the Client VPN endpoint in production, so a plan may destroy it']]);
  });
});
