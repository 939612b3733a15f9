import { Instance } from '@cdktf/provider-aws/lib/instance';
import { StoragegatewayCache } from '@cdktf/provider-aws/lib/storagegateway-cache';
import { StoragegatewayGateway } from '@cdktf/provider-aws/lib/storagegateway-gateway';
import { StoragegatewayNfsFileShare } from '@cdktf/provider-aws/lib/storagegateway-nfs-file-share';
import { StoragegatewaySmbFileShare } from '@cdktf/provider-aws/lib/storagegateway-smb-file-share';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import {
  FILE_GATEWAY_INSTANCE_VCPUS,
  FileGateway,
  type FileGatewayProps,
  HttpsProxy,
  type HttpsProxyProps,
  PrivateInstance,
  SoftwareVpn,
  type SoftwareVpnProps,
  SyncHost,
  type SyncHostProps,
} from '../src';
import { AMI, devStack, policyOf, PREFIX_LIST, resources, SUBNETS, synthJson, VPC } from './helpers';

const proxyProps: HttpsProxyProps = { name: 'unit-dev-proxy', vpc: VPC, subnet: SUBNETS[0], amiId: AMI, clientCidrs: ['192.168.0.0/16'], s3GatewayEndpoint: PREFIX_LIST };
const gatewayProps: FileGatewayProps = {
  name: 'unit-dev-file-gateway',
  vpc: VPC,
  subnetId: SUBNETS[0].subnetId,
  amiId: AMI,
  activation: { type: 'ip-address', terraformRunnerCidrs: ['10.30.0.0/24'] },
  bucketName: 'acme-dev-exchange',
  clientCidrs: ['192.168.0.0/16'],
  s3GatewayEndpoint: PREFIX_LIST,
};
const syncProps: SyncHostProps = {
  name: 'unit-dev-sync',
  vpc: VPC,
  subnetId: SUBNETS[0].subnetId,
  amiId: AMI,
  bucketName: 'acme-dev-exchange',
  bucketPrefix: 'inbound',
  clientCidrs: ['192.168.0.0/16'],
  clientPorts: [21],
  s3GatewayEndpoint: PREFIX_LIST,
};
const vpnProps: SoftwareVpnProps = {
  name: 'unit-dev-vpn',
  vpc: VPC,
  subnetId: SUBNETS[0].subnetId,
  amiId: AMI,
  peerAddress: '192.168.0.1',
  onPremisesCidrs: ['192.168.0.0/16'],
  preSharedKeyParameterName: '/vpn/onprem/psk',
  s3GatewayEndpoint: PREFIX_LIST,
};

const patterns: Array<[string, (scope: Construct) => void]> = [
  ['HttpsProxy', (scope) => new HttpsProxy(scope, 'Pattern', proxyProps)],
  ['FileGateway', (scope) => new FileGateway(scope, 'Pattern', gatewayProps)],
  ['SyncHost', (scope) => new SyncHost(scope, 'Pattern', syncProps)],
  ['SoftwareVpn', (scope) => new SoftwareVpn(scope, 'Pattern', vpnProps)],
];

describe.each(patterns)('%s, like every EC2 pattern', (_, build) => {
  const stack = devStack();
  build(stack);
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);
  const instance = Object.values(resources(json, 'aws_instance'))[0];

  it('has no public IP, requires IMDSv2 and encrypts every volume', () => {
    expect(instance.associate_public_ip_address).toBe(false);
    expect(instance.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 });
    expect(instance.root_block_device).toMatchObject({ encrypted: true });
    for (const volume of (instance.ebs_block_device as Array<Record<string, unknown>>) ?? []) expect(volume.encrypted).toBe(true);
  });

  it('is reached through Systems Manager: instance profile with AmazonSSMManagedInstanceCore, no key pair, no port 22', () => {
    expect(instance.key_name).toBeUndefined();
    expect(instance.iam_instance_profile).toMatch(/aws_iam_instance_profile/);
    const attachments = Object.values(resources(json, 'aws_iam_role_policy_attachment')).map((a) => a.policy_arn);
    expect(attachments).toContain('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore');
    const ports = Object.values(resources(json, 'aws_vpc_security_group_ingress_rule')).map((r) => r.from_port);
    expect(ports).not.toContain(22);
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { prefix_list_id: PREFIX_LIST.prefixListId, from_port: 443 });
  });

  it('admits nothing from the open internet', () => {
    const cidrs = Object.values(resources(json, 'aws_vpc_security_group_ingress_rule')).map((r) => r.cidr_ipv4);
    expect(cidrs).not.toContain('0.0.0.0/0');
  });
});

describe('HttpsProxy', () => {
  const stack = devStack();
  const proxy = new HttpsProxy(stack, 'Proxy', proxyProps);
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);
  const userData = Object.values(resources(json, 'aws_instance'))[0].user_data as string;

  it('lets clients CONNECT to the region\'s S3 and STS names on 443 only', () => {
    expect(userData).toContain('http_port 3128');
    expect(userData).toContain('acl clients src 192.168.0.0/16');
    expect(userData).toContain('acl aws_names dstdomain .s3.ap-northeast-1.amazonaws.com sts.ap-northeast-1.amazonaws.com');
    expect(userData).toMatch(/http_access deny !CONNECT\nhttp_access deny !tls_port\nhttp_access allow clients aws_names\nhttp_access deny all/);
    expect(userData).not.toContain('iam.amazonaws.com');
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.0.0/16', from_port: 3128 });
    expect(proxy.proxyUrl).toMatch(/^http:\/\/\$\{TfToken\[TOKEN\.\d+\]\}:3128$/);
  });

  it('creates an STS interface endpoint that admits the proxy only', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, { service_name: 'com.amazonaws.ap-northeast-1.sts', vpc_endpoint_type: 'Interface', private_dns_enabled: true });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { security_group_id: expect.stringContaining('StsEndpoint_SecurityGroup'), referenced_security_group_id: expect.stringContaining('Proxy_SecurityGroup'), from_port: 443 });
    expect(proxy.stsEndpoint).toBeDefined();
  });

  it('reaches IAM through a NAT gateway only as an explicit option', () => {
    const other = devStack();
    new HttpsProxy(other, 'Proxy', { ...proxyProps, credentialsPath: 'nat-gateway' });
    const otherJson = synthJson(other);
    expect(Object.values(resources(otherJson, 'aws_instance'))[0].user_data).toContain('iam.amazonaws.com sts.amazonaws.com');
    expect(Object.values(resources(otherJson, 'aws_vpc_security_group_egress_rule')).map((r) => r.cidr_ipv4)).toContain('0.0.0.0/0');
    expect(resources(otherJson, 'aws_vpc_endpoint')).toEqual({});
  });

  it('refuses to become an open proxy', () => {
    expect(() => new HttpsProxy(devStack(), 'Proxy', { ...proxyProps, clientCidrs: ['0.0.0.0/0'] })).toThrow(/HttpsProxy 'unit-dev\/Proxy': 'clientCidrs' includes '0.0.0.0\/0'/);
    expect(() => new HttpsProxy(devStack(), 'Proxy', { ...proxyProps, clientCidrs: [] })).toThrow(/'clientCidrs' is empty/);
    expect(() => new HttpsProxy(devStack(), 'Proxy', { ...proxyProps, amiId: 'ubuntu' })).toThrow(/'amiId' is 'ubuntu', which is not an AMI ID/);
    expect(() => new HttpsProxy(devStack(), 'Proxy', { ...proxyProps, port: 0 })).toThrow(/'port' has port 0/);
  });
});

describe('FileGateway', () => {
  it('runs on c5.4xlarge with an 80 GiB root and a 512 GiB encrypted cache, activated through the private IP', () => {
    const stack = devStack();
    new FileGateway(stack, 'Gateway', gatewayProps);
    const synthesized = Testing.synth(stack);
    const json = synthJson(stack);
    const instance = Object.values(resources(json, 'aws_instance'))[0];
    expect(instance.instance_type).toBe('c5.4xlarge');
    expect(instance.root_block_device).toMatchObject({ volume_size: 80, encrypted: true });
    expect(instance.ebs_block_device).toEqual([expect.objectContaining({ device_name: '/dev/sdb', volume_size: 512, encrypted: true })]);
    expect(synthesized).toHaveResourceWithProperties(StoragegatewayGateway, { gateway_type: 'FILE_S3', gateway_ip_address: expect.stringContaining('private_ip'), gateway_timezone: 'GMT' });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '10.30.0.0/24', from_port: 80 });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.0.0/16', from_port: 2049, ip_protocol: 'tcp' });
    // Without the disk ID the cache and the share wait for the second apply.
    expect(synthesized).not.toHaveResource(StoragegatewayCache);
    expect(synthesized).not.toHaveResource(StoragegatewayNfsFileShare);
  });

  it('adds the cache and an NFS share on the bucket with a role for it once the disk ID is known', () => {
    const stack = devStack();
    const gateway = new FileGateway(stack, 'Gateway', { ...gatewayProps, cacheDiskId: '/dev/nvme1n1', bucketPrefix: 'files', activation: { type: 'activation-key', activationKey: 'ABCDE-12345-FGHIJ-67890-KLMNO' } });
    const synthesized = Testing.synth(stack);
    const json = synthJson(stack);
    expect(synthesized).toHaveResourceWithProperties(StoragegatewayGateway, { activation_key: 'ABCDE-12345-FGHIJ-67890-KLMNO' });
    expect(synthesized).toHaveResourceWithProperties(StoragegatewayCache, { disk_id: '/dev/nvme1n1' });
    expect(synthesized).toHaveResourceWithProperties(StoragegatewayNfsFileShare, { location_arn: 'arn:aws:s3:::acme-dev-exchange/files/', client_list: ['192.168.0.0/16'], squash: 'RootSquash' });
    const role = policyOf(Object.values(resources(json, 'aws_iam_role_policy')).find((p) => (p.policy as string).includes('ListBucketMultipartUploads'))!);
    expect(role.Statement[1].Resource).toEqual(['arn:aws:s3:::acme-dev-exchange/files/*']);
    expect(Object.values(resources(json, 'aws_vpc_security_group_ingress_rule')).map((r) => r.from_port)).not.toContain(80);
    expect(gateway.fileShareArn).toBeDefined();
  });

  it('serves SMB with guest access or Active Directory', () => {
    const stack = devStack();
    new FileGateway(stack, 'Gateway', { ...gatewayProps, protocol: 'SMB', smbGuestPassword: 'guest-password', cacheDiskId: 'disk-1' });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(StoragegatewaySmbFileShare, { authentication: 'GuestAccess' });
    expect(synthesized).toHaveResourceWithProperties(StoragegatewayGateway, { smb_security_strategy: 'MandatoryEncryption' });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { from_port: 445 });
  });

  it('rejects instances below 4 vCPUs, unknown types and undersized disks', () => {
    const make = (props: Partial<FileGatewayProps>) => new FileGateway(devStack(), 'Gateway', { ...gatewayProps, ...props });
    expect(FILE_GATEWAY_INSTANCE_VCPUS['c5.4xlarge']).toBe(16);
    expect(() => make({ instanceType: 'm5.large' })).toThrow(/FileGateway 'unit-dev\/Gateway': 'instanceType' is 'm5.large' with 2 vCPUs; a File Gateway needs at least 4 vCPUs/);
    expect(() => make({ instanceType: 't3.medium' })).toThrow(/with 2 vCPUs/);
    expect(() => make({ instanceType: 'x9.huge' })).toThrow(/'instanceType' is 'x9.huge', which is not a known File Gateway instance type/);
    expect(() => make({ instanceType: 'm5.xlarge' })).not.toThrow();
    expect(() => make({ cacheVolumeSizeGiB: 100 })).toThrow(/'cacheVolumeSizeGiB' is 100/);
    expect(() => make({ rootVolumeSizeGiB: 40 })).toThrow(/'rootVolumeSizeGiB' is 40/);
  });

  it('rejects bad bucket names, missing or mixed SMB authentication and open clients', () => {
    const make = (props: Partial<FileGatewayProps>) => new FileGateway(devStack(), 'Gateway', { ...gatewayProps, ...props });
    expect(() => make({ bucketName: 'UPPER' })).toThrow(/'bucketName' is 'UPPER'/);
    expect(() => make({ protocol: 'SMB' })).toThrow(/'smbActiveDirectory' and smbGuestPassword are both set or both missing/);
    expect(() => make({ smbGuestPassword: 'x' })).toThrow(/'protocol' is 'NFS' but SMB settings are given/);
    expect(() => make({ clientCidrs: ['0.0.0.0/0'] })).toThrow(/'clientCidrs' includes '0.0.0.0\/0'/);
    expect(() => make({ activation: { type: 'ip-address', terraformRunnerCidrs: [] } })).toThrow(/'activation.terraformRunnerCidrs' is empty/);
  });
});

describe('SyncHost', () => {
  const stack = devStack();
  new SyncHost(stack, 'Sync', { ...syncProps, mirrorDeletes: true, syncIntervalMinutes: 10 });
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);
  const userData = Object.values(resources(json, 'aws_instance'))[0].user_data as string;

  it('pushes the directory to the bucket prefix on a timer', () => {
    expect(userData).toContain('ExecStart=/usr/bin/aws s3 sync /srv/outbox s3://acme-dev-exchange/inbound --region ap-northeast-1 --only-show-errors --delete');
    expect(userData).toContain('OnUnitActiveSec=10min');
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { from_port: 21, cidr_ipv4: '192.168.0.0/16' });
  });

  it('has an instance role scoped to the bucket prefix', () => {
    const policy = policyOf(Object.values(resources(json, 'aws_iam_role_policy'))[0]);
    expect(policy.Statement).toEqual([
      expect.objectContaining({ Action: ['s3:ListBucket'], Condition: { StringLike: { 's3:prefix': ['inbound/*', 'inbound/'] } } }),
      expect.objectContaining({ Action: ['s3:PutObject', 's3:DeleteObject'], Resource: ['arn:aws:s3:::acme-dev-exchange/inbound/*'] }),
    ]);
  });

  it('rejects SSH, bad intervals and directories, and invalid buckets', () => {
    const make = (props: Partial<SyncHostProps>) => new SyncHost(devStack(), 'Sync', { ...syncProps, ...props });
    expect(() => make({ clientPorts: [21, 22] })).toThrow(/SyncHost 'unit-dev\/Sync': 'clientPorts' includes 22; the host is administered with Session Manager/);
    expect(() => make({ clientPorts: [] })).toThrow(/'clientPorts' is empty/);
    expect(() => make({ syncIntervalMinutes: 0 })).toThrow(/'syncIntervalMinutes' is 0/);
    expect(() => make({ localDirectory: 'relative/dir' })).toThrow(/'localDirectory' is 'relative\/dir'/);
    expect(() => make({ bucketName: 'bad_bucket' })).toThrow(/'bucketName' is 'bad_bucket'/);
  });
});

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

describe('PrivateInstance', () => {
  it('encrypts every volume with the given key and keeps source/destination check on by default', () => {
    const stack = devStack();
    const key = 'arn:aws:kms:ap-northeast-1:111111111111:key/volumes';
    new PrivateInstance(stack, 'Host', { name: 'host', vpcId: VPC.vpcId, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 't3.micro', dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: 10 }], volumeKmsKeyArn: key });
    const instance = Object.values(resources(synthJson(stack), 'aws_instance'))[0];
    expect(instance.root_block_device).toMatchObject({ encrypted: true, kms_key_id: key });
    expect(instance.ebs_block_device).toEqual([expect.objectContaining({ encrypted: true, kms_key_id: key })]);
    expect(instance.source_dest_check).toBe(true);
    expect(instance.user_data).toBeUndefined();
  });

  it('reuses an existing STS endpoint when told to, creating none', () => {
    const stack = devStack();
    const proxy = new HttpsProxy(stack, 'Proxy', { ...proxyProps, credentialsPath: 'existing-sts-endpoint' });
    expect(resources(synthJson(stack), 'aws_vpc_endpoint')).toEqual({});
    expect(proxy.stsEndpoint).toBeUndefined();
  });

  it('replaces an instance when its user data changes, so the running configuration is the declared one', () => {
    const stack = devStack();
    new SyncHost(stack, 'Sync', syncProps);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Instance, { user_data_replace_on_change: true });
  });
});
