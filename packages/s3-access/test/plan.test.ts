import { type EnvironmentStack, Guardrails, PrivateNetwork } from '@privatelink-cdktf/core';
import { planConfig, TERRAFORM_TIMEOUT_MS, type PlanResult } from '@privatelink-cdktf/terraform-harness';
import { Testing } from 'cdktf';
import { BucketGuard } from '../src/bucket-guard';
import { ClientVpn } from '../src/client-vpn';
import { FileGateway } from '../src/file-gateway';
import { HttpsProxy } from '../src/https-proxy';
import { PublicDirectConnect } from '../src/public-direct-connect';
import { S3GatewayEndpoint } from '../src/s3-gateway-endpoint';
import { S3InterfaceEndpoint } from '../src/s3-interface-endpoint';
import { SftpServer } from '../src/sftp-server';
import { SoftwareVpn } from '../src/software-vpn';
import { SyncHost } from '../src/sync-host';
import { AMI, devStack } from './helpers';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLEKEY partner@example.com';
const ON_PREMISES = ['192.168.0.0/16'];
const BUCKET = 'acme-dev-exchange';

/** All ten architectures in one stack, planned once with real Terraform. */
function everyArchitecture(): EnvironmentStack {
  const stack = devStack();
  const network = new PrivateNetwork(stack, 'Network', { name: 'unit-dev', cidrBlock: '10.30.0.0/16', zones: ['apne1-az1', 'apne1-az2'] });
  const [first] = network.subnets;
  const gateway = new S3GatewayEndpoint(stack, 'S3Gateway', { name: 'unit-dev-s3-gateway', vpcId: network.vpcId, routeTables: network.routeTableIds, bucketNames: [BUCKET], allowAmazonLinuxRepositories: true });
  const s3 = new S3InterfaceEndpoint(stack, 'S3', {
    name: 'unit-dev-s3', vpc: network, subnets: network.subnets, bucketNames: [BUCKET], clientCidrs: ON_PREMISES,
    privateDnsOnlyForInboundResolverEndpoint: true, gatewayEndpoint: gateway, access: 'read', organizationId: 'o-a1b2c3d4e5',
  });
  const sftp = new SftpServer(stack, 'Sftp', {
    name: 'unit-dev-sftp', vpcId: network.vpcId, subnets: network.subnets, bucketName: BUCKET, sourceCidrs: ON_PREMISES,
    users: { partner: { sshPublicKeys: [KEY], homeDirectory: `/${BUCKET}/partner` } },
    customHostname: { zoneId: 'Z0123456789ABCDEFGHIJ', name: 'sftp.example.com' },
  });
  new BucketGuard(stack, 'Guard', {
    bucketName: BUCKET, createBucket: true, endpointIds: [s3.endpointId, gateway.endpointId],
    exemptPrincipalArns: ['arn:aws:iam::111111111111:role/terraform', ...Object.values(sftp.userRoleArns)],
  });
  new HttpsProxy(stack, 'Proxy', { name: 'unit-dev-proxy', vpc: network, subnet: first, stsEndpointSubnets: network.subnets, amiId: AMI, clientCidrs: ON_PREMISES, s3GatewayEndpoint: gateway });
  new FileGateway(stack, 'FileGateway', {
    name: 'unit-dev-file-gateway', vpc: network, subnetId: first.subnetId, amiId: AMI, bucketName: BUCKET, clientCidrs: ON_PREMISES,
    activation: { type: 'activation-key', activationKey: 'ABCDE-12345-FGHIJ-67890-KLMNO' }, cacheDiskId: '/dev/nvme1n1', s3GatewayEndpoint: gateway,
  });
  new SyncHost(stack, 'Sync', { name: 'unit-dev-sync', vpc: network, subnetId: first.subnetId, amiId: AMI, bucketName: BUCKET, bucketPrefix: 'inbound', clientCidrs: ON_PREMISES, clientPorts: [21], s3GatewayEndpoint: gateway });
  new PublicDirectConnect(stack, 'PublicVif', { name: 'unit-dev-public-vif', connectionId: 'dxcon-fg5678gh', vlan: 4000, bgpAsn: 65000, amazonAddress: '203.0.113.1/30', customerAddress: '203.0.113.2/30', routeFilterPrefixes: ['198.51.100.0/28'] });
  new ClientVpn(stack, 'ClientVpn', {
    name: 'unit-dev-client-vpn', vpc: network, subnets: network.subnets, clientCidrBlock: '172.20.0.0/22',
    serverCertificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/server',
    authentication: { type: 'certificate', rootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/client-ca' },
    s3GatewayEndpoint: gateway,
  });
  new SoftwareVpn(stack, 'Vpn', { name: 'unit-dev-vpn', vpc: network, subnetId: first.subnetId, amiId: AMI, peerAddress: '192.168.0.1', onPremisesCidrs: ON_PREMISES, preSharedKeyParameterName: '/vpn/onprem/psk', s3GatewayEndpoint: gateway });
  return stack;
}

describe('every architecture, planned with real Terraform', () => {
  let result: PlanResult;
  const after = (type: string) => result.resourceChanges.filter((rc) => rc.type === type).map((rc) => rc.change.after as Record<string, unknown>);

  const stack = everyArchitecture();

  beforeAll(async () => {
    result = await planConfig(JSON.parse(Testing.synth(stack)), { name: 's3-access-every-architecture' });
  }, TERRAFORM_TIMEOUT_MS);

  it('passes the guardrail pack with nothing suppressed', () => {
    expect(Guardrails.of(stack).findings()).toEqual([]);
    expect(() => Testing.synth(stack, true)).not.toThrow();
  });

  it('validates and plans only creations, with no data source reads', () => {
    expect(result.validation.valid).toBe(true);
    expect(result.validation.diagnostics).toEqual([]);
    expect(result.summary.change + result.summary.destroy).toBe(0);
    expect(result.summary.add).toBe(result.resourceChanges.length);
    expect(result.resourceChanges.filter((rc) => rc.address.startsWith('data.'))).toEqual([]);
  });

  it('plans the S3 interface endpoint (inbound resolver DNS only) beside the gateway endpoint, and the Resolver inbound endpoint', () => {
    const endpoints = after('aws_vpc_endpoint');
    expect(endpoints).toEqual(expect.arrayContaining([
      expect.objectContaining({ vpc_endpoint_type: 'Gateway', service_name: 'com.amazonaws.ap-northeast-1.s3' }),
      expect.objectContaining({ vpc_endpoint_type: 'Interface', service_name: 'com.amazonaws.ap-northeast-1.s3', private_dns_enabled: true, dns_options: [expect.objectContaining({ private_dns_only_for_inbound_resolver_endpoint: true })] }),
      expect.objectContaining({ vpc_endpoint_type: 'Interface', service_name: 'com.amazonaws.ap-northeast-1.sts' }),
    ]));
    expect(after('aws_vpc_endpoint_route_table_association')).toHaveLength(2);
    expect(after('aws_route53_resolver_endpoint')).toEqual([expect.objectContaining({ direction: 'INBOUND' })]);
  });

  it('plans narrowed S3 endpoint policies: named actions, the account or the organization, never s3:* for anyone', () => {
    const s3Endpoints = after('aws_vpc_endpoint').filter((e) => e.service_name === 'com.amazonaws.ap-northeast-1.s3');
    const statements = s3Endpoints.flatMap((e) => JSON.parse(e.policy as string).Statement as Array<Record<string, unknown>>);
    expect(statements.flatMap((st) => st.Action as string[])).not.toContain('s3:*');
    // Terraform may write a one-item list as its item: compare condition values as lists.
    const asLists = (condition: Record<string, Record<string, unknown>>) =>
      Object.fromEntries(Object.entries(condition).map(([test, values]) => [test, Object.fromEntries(Object.entries(values).map(([key, value]) => [key, [value].flat()]))]));
    const conditions = statements.filter((st) => String(st.Sid).startsWith('NamedBuckets')).map((st) => asLists(st.Condition as Record<string, Record<string, unknown>>));
    expect(conditions).toEqual(expect.arrayContaining([{ StringEquals: { 'aws:PrincipalAccount': ['111111111111'] } }, { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } }]));
  });

  it("plans the SFTP logging role's trust with aws:SourceAccount and aws:SourceArn", () => {
    const logging = after('aws_iam_role').find((role) => role.name === 'unit-dev-sftp-logging')!;
    const condition = JSON.parse(logging.assume_role_policy as string).Statement[0].Condition as Record<string, Record<string, string | string[]>>;
    expect([condition.StringEquals['aws:SourceAccount']].flat()).toEqual(['111111111111']);
    expect([condition.ArnLike['aws:SourceArn']].flat()).toEqual(['arn:aws:transfer:ap-northeast-1:111111111111:server/*']);
  });

  it('plans the bucket guard on a created bucket', () => {
    expect(after('aws_s3_bucket')).toEqual([expect.objectContaining({ bucket: BUCKET })]);
    expect(after('aws_s3_bucket_public_access_block')).toEqual([expect.objectContaining({ block_public_acls: true, restrict_public_buckets: true })]);
    expect(result.addresses('aws_s3_bucket_policy')).toHaveLength(1);
  });

  it('plans the SFTP server, its user, key and host name', () => {
    expect(after('aws_transfer_server')).toEqual([expect.objectContaining({ endpoint_type: 'VPC', protocols: ['SFTP'], security_policy_name: 'TransferSecurityPolicy-2024-01', identity_provider_type: 'SERVICE_MANAGED' })]);
    expect(after('aws_transfer_user')).toEqual([expect.objectContaining({ user_name: 'partner', home_directory_type: 'LOGICAL' })]);
    expect(result.addresses('aws_transfer_ssh_key')).toHaveLength(1);
    expect(after('aws_route53_record')).toEqual([expect.objectContaining({ type: 'CNAME', name: 'sftp.example.com' })]);
  });

  it('plans four private instances with IMDSv2 and encrypted volumes, one with source/destination check off', () => {
    const instances = after('aws_instance');
    expect(instances).toHaveLength(4);
    for (const instance of instances) {
      expect(instance.associate_public_ip_address).toBe(false);
      expect(instance.metadata_options).toEqual([expect.objectContaining({ http_tokens: 'required' })]);
      expect(instance.root_block_device).toEqual([expect.objectContaining({ encrypted: true })]);
    }
    expect(instances.filter((i) => i.source_dest_check === false)).toHaveLength(1);
    expect(instances.map((i) => i.instance_type).sort()).toEqual(['c5.4xlarge', 't3.small', 't3.small', 't3.small']);
  });

  it('plans the File Gateway with its cache and NFS share', () => {
    expect(after('aws_storagegateway_gateway')).toEqual([expect.objectContaining({ gateway_type: 'FILE_S3' })]);
    expect(after('aws_storagegateway_cache')).toEqual([expect.objectContaining({ disk_id: '/dev/nvme1n1' })]);
    expect(after('aws_storagegateway_nfs_file_share')).toEqual([expect.objectContaining({ client_list: ON_PREMISES, location_arn: `arn:aws:s3:::${BUCKET}` })]);
  });

  it('plans the public virtual interface and the Client VPN with its associations and rules', () => {
    expect(after('aws_dx_public_virtual_interface')).toEqual([expect.objectContaining({ vlan: 4000, route_filter_prefixes: ['198.51.100.0/28'] })]);
    expect(after('aws_ec2_client_vpn_endpoint')).toEqual([expect.objectContaining({ split_tunnel: true, client_cidr_block: '172.20.0.0/22' })]);
    expect(result.addresses('aws_ec2_client_vpn_network_association')).toHaveLength(2);
    expect(result.addresses('aws_ec2_client_vpn_authorization_rule')).toHaveLength(1);
  });
});
