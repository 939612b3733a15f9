import { StoragegatewayCache } from '@cdktf/provider-aws/lib/storagegateway-cache';
import { StoragegatewayGateway } from '@cdktf/provider-aws/lib/storagegateway-gateway';
import { StoragegatewayNfsFileShare } from '@cdktf/provider-aws/lib/storagegateway-nfs-file-share';
import { StoragegatewaySmbFileShare } from '@cdktf/provider-aws/lib/storagegateway-smb-file-share';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { TerraformVariable, Testing } from 'cdktf';
import { FILE_GATEWAY_INSTANCE_VCPUS, FileGateway, type FileGatewayProps } from '../src/file-gateway';
import { gatewayProps } from './ec2-pattern-props';
import { devStack, policyOf, referenceOf, resources, synthJson } from './helpers';

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
    expect(referenceOf(gateway, gateway.fileShareArn!)).toMatch(/^\$\{aws_storagegateway_nfs_file_share\.Gateway_NfsShare_[0-9A-F]+\.arn\}$/);
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

describe('FileGateway security review', () => {
  it("lets Storage Gateway assume the bucket role only for this gateway of this account", () => {
    const stack = devStack();
    new FileGateway(stack, 'Gateway', gatewayProps);
    const role = Object.entries(resources(synthJson(stack), 'aws_iam_role')).find(([key]) => key.startsWith('Gateway_BucketRole'))![1];
    expect(policyOf(role, 'assume_role_policy').Statement[0].Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': ['111111111111'] },
      ArnLike: { 'aws:SourceArn': [expect.stringMatching(/^\$\{aws_storagegateway_gateway\.Gateway_[0-9A-F]+\.arn\}$/)] },
    });
  });

  it("sets the gateway's time zone in Storage Gateway's form", () => {
    const stack = devStack();
    new FileGateway(stack, 'Gateway', { ...gatewayProps, timezone: 'GMT+9:00' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(StoragegatewayGateway, { gateway_timezone: 'GMT+9:00' });
  });
});

describe('FileGateway found by the generated-input property', () => {
  // Seed 2036039976, value #884: a guest password holding '${' failed terraform validate.
  it('passes a guest password that holds a template opener to Terraform as written', () => {
    const stack = devStack();
    new FileGateway(stack, 'Gateway', { ...gatewayProps, protocol: 'SMB', smbGuestPassword: '#${$]B', timezone: 'GMT+14:00' });
    expect(Object.values(resources(synthJson(stack), 'aws_storagegateway_gateway'))[0].smb_guest_password).toBe('#$${$]B');
  });
});

describe('FileGateway on SMB with Active Directory, a KMS bucket key and a Storage Gateway endpoint', () => {
  const KEY = 'arn:aws:kms:ap-northeast-1:111111111111:key/k';
  const ENDPOINT = 'vpce-1.storagegateway.ap-northeast-1.vpce.amazonaws.com';
  const stack = devStack();
  new FileGateway(stack, 'Gateway', {
    ...gatewayProps,
    protocol: 'SMB',
    cacheDiskId: '/dev/nvme1n1',
    bucketKmsKeyArn: KEY,
    gatewayVpcEndpointDnsName: ENDPOINT,
    smbActiveDirectory: { domainName: 'corp.example.com', username: 'join', password: 'p${w}', domainControllers: ['10.0.0.10', 'dc2.corp.example.com'] },
  });
  const json = synthJson(stack);
  const gateway = Object.values(resources(json, 'aws_storagegateway_gateway'))[0];
  const share = Object.values(resources(json, 'aws_storagegateway_smb_file_share'))[0];

  it('joins the directory through the VPC endpoint, with the credentials written as given', () => {
    expect(gateway).toMatchObject({
      gateway_vpc_endpoint: ENDPOINT,
      smb_active_directory_settings: { domain_name: 'corp.example.com', username: 'join', password: 'p$${w}', domain_controllers: ['10.0.0.10', 'dc2.corp.example.com'] },
      smb_security_strategy: 'MandatoryEncryption',
    });
    expect(gateway.smb_guest_password).toBeUndefined();
  });

  it('shares the whole bucket, encrypted with the key, to directory users once the cache exists', () => {
    const cache = Object.keys(resources(json, 'aws_storagegateway_cache'))[0];
    expect(share).toMatchObject({
      authentication: 'ActiveDirectory',
      location_arn: 'arn:aws:s3:::acme-dev-exchange',
      default_storage_class: 'S3_STANDARD',
      object_acl: 'bucket-owner-full-control',
      kms_encrypted: true,
      kms_key_arn: KEY,
      depends_on: [`aws_storagegateway_cache.${cache}`],
    });
  });

  it('lets its bucket role list the bucket, work on its objects and use the key', () => {
    const [key, role] = Object.entries(resources(json, 'aws_iam_role')).find(([, r]) => r.name === 'unit-dev-file-gateway-bucket')!;
    expect(policyOf(role, 'assume_role_policy').Statement[0].Principal).toEqual({ Service: ['storagegateway.amazonaws.com'] });
    const policy = Object.values(resources(json, 'aws_iam_role_policy')).find((p) => p.role === `\${aws_iam_role.${key}.name}`)!;
    expect(policyOf(policy).Statement).toEqual([
      {
        Sid: 'Bucket',
        Effect: 'Allow',
        Action: ['s3:GetAccelerateConfiguration', 's3:GetBucketLocation', 's3:GetBucketVersioning', 's3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'],
        Resource: ['arn:aws:s3:::acme-dev-exchange'],
      },
      {
        Sid: 'Objects',
        Effect: 'Allow',
        Action: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:ListMultipartUploadParts', 's3:PutObject', 's3:PutObjectAcl'],
        Resource: ['arn:aws:s3:::acme-dev-exchange/*'],
      },
      { Sid: 'BucketKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt', 'kms:ReEncrypt*'], Resource: [KEY] },
    ]);
  });

  it('reaches S3 through the gateway endpoint and the Storage Gateway endpoint ports in the VPC only', () => {
    const egress = Object.values(resources(json, 'aws_vpc_security_group_egress_rule')).map((r) => [r.from_port, r.prefix_list_id ?? r.cidr_ipv4]);
    expect(egress).toEqual(expect.arrayContaining([[443, 'pl-61a54008'], ...[443, 1026, 1027, 1028, 1031, 2222].map((port) => [port, '10.30.0.0/16'])]));
    expect(egress).toHaveLength(7);
  });
});

describe('FileGateway defaults', () => {
  it('joins a directory found through DNS when no domain controllers are given', () => {
    const stack = devStack();
    new FileGateway(stack, 'Gateway', { ...gatewayProps, protocol: 'SMB', smbActiveDirectory: { domainName: 'corp.example.com', username: 'join', password: 'secret' } });
    const gateway = Object.values(resources(synthJson(stack), 'aws_storagegateway_gateway'))[0];
    expect(gateway.smb_active_directory_settings).toEqual({ domain_name: 'corp.example.com', username: 'join', password: 'secret' });
  });

  it('shares over NFS without SMB settings, a KMS key or a private Storage Gateway endpoint', () => {
    const stack = devStack();
    new FileGateway(stack, 'Gateway', { ...gatewayProps, cacheDiskId: '/dev/nvme1n1' });
    const json = synthJson(stack);
    const gateway = Object.values(resources(json, 'aws_storagegateway_gateway'))[0];
    expect(Object.keys(gateway).filter((key) => key.startsWith('smb_') || key === 'gateway_vpc_endpoint')).toEqual([]);
    const share = Object.values(resources(json, 'aws_storagegateway_nfs_file_share'))[0];
    expect(share).toMatchObject({ location_arn: 'arn:aws:s3:::acme-dev-exchange', default_storage_class: 'S3_STANDARD', object_acl: 'bucket-owner-full-control' });
    expect(share.kms_encrypted).toBeUndefined();
  });

  it("names its bucket ARNs in its provider's partition", () => {
    const stack = devStack();
    const china = new AwsProvider(stack, 'china', { region: 'cn-north-1', alias: 'china' });
    new FileGateway(stack, 'Gateway', { ...gatewayProps, cacheDiskId: '/dev/nvme1n1', bucketPrefix: 'files', provider: china });
    const json = synthJson(stack);
    expect(Object.values(resources(json, 'aws_storagegateway_nfs_file_share'))[0].location_arn).toBe('arn:aws-cn:s3:::acme-dev-exchange/files/');
    // The appliance's role gets the China partition's managed policy too (its instance takes the provider).
    expect(Object.values(resources(json, 'aws_iam_role_policy_attachment'))).toEqual([expect.objectContaining({ policy_arn: 'arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore' })]);
  });

  it('accepts an instance type known only at apply time', () => {
    const stack = devStack();
    const instanceType = new TerraformVariable(stack, 'gateway_instance_type', { type: 'string' }).stringValue;
    new FileGateway(stack, 'Gateway', { ...gatewayProps, instanceType });
    expect(Object.values(resources(synthJson(stack), 'aws_instance'))[0].instance_type).toBe('${var.gateway_instance_type}');
  });
});

const make = (props: Partial<FileGatewayProps>) => () => new FileGateway(devStack(), 'Gateway', { ...gatewayProps, ...props });
const smb = (props: Partial<FileGatewayProps>) => make({ protocol: 'SMB', ...props });
const DIRECTORY = { domainName: 'corp.example.com', username: 'join', password: 'secret' };
const directory = (settings: Record<string, unknown>) => smb({ smbActiveDirectory: { ...DIRECTORY, ...settings } as never });

const BAD: readonly BadInputCase[] = [
  { name: 'unknown instance type', run: make({ instanceType: 'x9.huge' }), field: 'instanceType', value: "'x9.huge'", fix: /m5\/m6i\/m7i\/c5\/c6i\/c7i\/r5\/r6i\/r7i sizes from xlarge up/ },
  { name: 'cache below the File Gateway minimum', run: make({ cacheVolumeSizeGiB: 100 }), field: 'cacheVolumeSizeGiB', value: 'is 100', fix: /a File Gateway cache needs 150 GiB at least/ },
  { name: 'KMS key that is another service', run: make({ bucketKmsKeyArn: 'arn:aws:s3:::acme-dev-exchange' }), field: 'bucketKmsKeyArn', value: "'arn:aws:s3:::acme-dev-exchange'", fix: /arn:aws:kms:/ },
  { name: 'no clients', run: make({ clientCidrs: [] }), field: 'clientCidrs', value: 'is empty', fix: /CIDR blocks of the NFS or SMB clients/ },
  { name: 'a directory on NFS', run: make({ smbActiveDirectory: DIRECTORY }), field: 'protocol', value: "is 'NFS' but SMB settings are given", fix: /drop smbActiveDirectory/ },
  { name: 'empty cache disk ID', run: make({ cacheDiskId: ' ' }), field: 'cacheDiskId', value: 'is empty', fix: /list-local-disks/ },
  { name: 'gateway endpoint that is no prefix list', run: make({ s3GatewayEndpoint: 'pl-61a54008' as never }), field: 's3GatewayEndpoint', value: "is the string 'pl-61a54008'", fix: /S3GatewayEndpoint of the VPC/ },
  { name: 'Storage Gateway endpoint that is no DNS name', run: make({ gatewayVpcEndpointDnsName: 'vpce 1' }), field: 'gatewayVpcEndpointDnsName', value: "'vpce 1'", fix: /lower-case labels/ },
  { name: 'time zone as a number (untyped JS)', run: make({ timezone: 9 as never }), field: 'timezone', value: 'is the number 9, not a string', fix: /'GMT\+9:00'/ },
  { name: 'guest password as a number (untyped JS)', run: smb({ smbGuestPassword: 123456 as never }), field: 'smbGuestPassword', value: 'is the number 123456', fix: /6-512 printable ASCII/ },
  { name: 'directory as a string (untyped JS)', run: smb({ smbActiveDirectory: 'corp.example.com' as never }), field: 'smbActiveDirectory', value: "is the string 'corp.example.com'", fix: /domainName: 'corp.example.com', username, password/ },
  { name: 'directory null (untyped JS)', run: smb({ smbActiveDirectory: null as never }), field: 'smbActiveDirectory', value: 'is null', fix: /domainName: 'corp.example.com'/ },
  { name: 'directory without a domain (untyped JS)', run: directory({ domainName: undefined }), field: 'smbActiveDirectory.domainName', value: 'is missing', fix: /directory's DNS name, for example corp.example.com/ },
  { name: 'directory user empty', run: directory({ username: '' }), field: 'smbActiveDirectory.username', value: 'is empty', fix: /joins the gateway to the domain/ },
  { name: 'directory user missing (untyped JS)', run: directory({ username: undefined }), field: 'smbActiveDirectory.username', value: 'is missing', fix: /joins the gateway to the domain/ },
  { name: 'directory password empty', run: directory({ password: ' ' }), field: 'smbActiveDirectory.password', value: 'is empty', fix: /sensitive TerraformVariable/ },
  { name: 'directory password missing (untyped JS)', run: directory({ password: undefined }), field: 'smbActiveDirectory.password', value: 'is missing', fix: /sensitive TerraformVariable/ },
  { name: 'domain controllers as a string (untyped JS)', run: directory({ domainControllers: '10.0.0.10' }), field: 'smbActiveDirectory.domainControllers', value: "is the string '10.0.0.10', not a list", fix: /\['10.0.0.10'\]/ },
  { name: 'domain controller empty', run: directory({ domainControllers: ['10.0.0.10', ''] }), field: 'smbActiveDirectory.domainControllers', value: 'is empty', fix: /host names or addresses/ },
  { name: 'domain controller as a number (untyped JS)', run: directory({ domainControllers: [10] }), field: 'smbActiveDirectory.domainControllers', value: 'is the number 10, not a string', fix: /host names or addresses/ },
  { name: 'activation null (untyped JS)', run: make({ activation: null as never }), field: 'activation', value: 'is null', fix: /type: 'ip-address', terraformRunnerCidrs/ },
  { name: 'activation as a key string (untyped JS)', run: make({ activation: 'ABCDE' as never }), field: 'activation', value: "is the string 'ABCDE'", fix: /type: 'activation-key', activationKey/ },
  { name: 'activation key empty', run: make({ activation: { type: 'activation-key', activationKey: '' } }), field: 'activation.activationKey', value: 'is empty', fix: /ABCDE-12345-FGHIJ-67890-KLMNO/ },
  { name: 'activation key missing (untyped JS)', run: make({ activation: { type: 'activation-key' } as never }), field: 'activation.activationKey', value: 'is missing', fix: /the key the gateway returned/ },
  { name: 'activation without runners', run: make({ activation: { type: 'ip-address', terraformRunnerCidrs: [] } }), field: 'activation.terraformRunnerCidrs', value: 'is empty', fix: /the machine that runs Terraform/ },
];

describe('FileGateway bad input', () => {
  it.each(BAD.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));

  // The password is never echoed; the message counts its characters and says whether some are not printable ASCII.
  it.each([
    ['too short', 'abc', "'smbGuestPassword' has 3 characters; Storage Gateway takes 6 to 512 printable ASCII characters"],
    ['too long', 'a'.repeat(513), "'smbGuestPassword' has 513 characters; Storage Gateway takes"],
    ['with a tab', 'pass\tword', "'smbGuestPassword' has 9 characters, some outside printable ASCII; Storage Gateway takes"],
  ])('refuses a guest password %s without showing it', (_name, password, message) => {
    expect(smb({ smbGuestPassword: password })).toThrow(message);
  });
});
