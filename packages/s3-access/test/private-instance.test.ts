import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { EnvironmentStack } from '@privatelink-cdktf/core';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { Construct } from 'constructs';
import { FileGateway } from '../src/file-gateway';
import { HttpsProxy } from '../src/https-proxy';
import { type HostPlacementProps, PrivateInstance, type PrivateInstanceProps, requireHostPlacement } from '../src/private-instance';
import { SoftwareVpn } from '../src/software-vpn';
import { SyncHost } from '../src/sync-host';
import { gatewayProps, proxyProps, syncProps, vpnProps } from './ec2-pattern-props';
import { AMI, devStack, PREFIX_LIST, resources, SUBNETS, synthJson, VPC } from './helpers';

// Each test builds and synthesizes its own stack inside the test, so what it asserts is what the
// test itself ran (a stack built in a describe block belongs to no test).

const patterns: Array<[string, (scope: Construct) => void]> = [
  ['HttpsProxy', (scope) => new HttpsProxy(scope, 'Pattern', proxyProps)],
  ['FileGateway', (scope) => new FileGateway(scope, 'Pattern', gatewayProps)],
  ['SyncHost', (scope) => new SyncHost(scope, 'Pattern', syncProps)],
  ['SoftwareVpn', (scope) => new SoftwareVpn(scope, 'Pattern', vpnProps)],
];

describe.each(patterns)('%s, like every EC2 pattern', (_, build) => {
  const synthPattern = () => {
    const stack = devStack();
    build(stack);
    const json = synthJson(stack);
    return { json, instance: Object.values(resources(json, 'aws_instance'))[0] };
  };

  it('has no public IP, requires IMDSv2 and encrypts every volume', () => {
    const { instance } = synthPattern();
    expect(instance.associate_public_ip_address).toBe(false);
    expect(instance.metadata_options).toEqual({ http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 });
    expect(instance.root_block_device).toMatchObject({ encrypted: true });
    for (const volume of (instance.ebs_block_device as Array<Record<string, unknown>>) ?? []) expect(volume.encrypted).toBe(true);
  });

  it('is reached through Systems Manager: instance profile with AmazonSSMManagedInstanceCore, no key pair, no port 22', () => {
    const { json, instance } = synthPattern();
    expect(instance.key_name).toBeUndefined();
    expect(instance.iam_instance_profile).toMatch(/aws_iam_instance_profile/);
    const attachments = Object.values(resources(json, 'aws_iam_role_policy_attachment')).map((a) => a.policy_arn);
    expect(attachments).toContain('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore');
    const ports = Object.values(resources(json, 'aws_vpc_security_group_ingress_rule')).map((r) => r.from_port);
    expect(ports).not.toContain(22);
    expect(Object.values(resources(json, 'aws_vpc_security_group_egress_rule'))).toContainEqual(expect.objectContaining({ prefix_list_id: PREFIX_LIST.prefixListId, from_port: 443 }));
  });

  it('admits nothing from the open internet', () => {
    const cidrs = Object.values(resources(synthPattern().json, 'aws_vpc_security_group_ingress_rule')).map((r) => r.cidr_ipv4);
    expect(cidrs).not.toContain('0.0.0.0/0');
  });
});

const HOST: PrivateInstanceProps = { name: 'host', vpcId: VPC.vpcId, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 't3.micro' };

function synthInstance(props: Partial<PrivateInstanceProps> = {}, stack: EnvironmentStack = devStack()) {
  new PrivateInstance(stack, 'Host', { ...HOST, ...props });
  const json = synthJson(stack);
  return { json, instance: Object.values(resources(json, 'aws_instance'))[0] };
}

describe('PrivateInstance', () => {
  it('runs in its own security group without a public IP, with IMDSv2 only, and an instance profile of its own role with Session Manager', () => {
    const { json, instance } = synthInstance();
    expect(instance).toMatchObject({
      ami: AMI,
      instance_type: 't3.micro',
      subnet_id: SUBNETS[0].subnetId,
      vpc_security_group_ids: [expect.stringMatching(/^\$\{aws_security_group\.Host_SecurityGroup_\w+\.id\}$/)],
      associate_public_ip_address: false,
      source_dest_check: true,
      iam_instance_profile: expect.stringMatching(/^\$\{aws_iam_instance_profile\.Host_InstanceProfile_\w+\.name\}$/),
      metadata_options: { http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 },
    });
    expect(Object.values(resources(json, 'aws_iam_instance_profile'))).toEqual([{ name: 'host-instance', role: expect.stringMatching(/^\$\{aws_iam_role\.Host_Role_\w+\.name\}$/) }]);
    expect(Object.values(resources(json, 'aws_iam_role'))).toEqual([expect.objectContaining({ name: 'host-instance' })]);
    expect(Object.values(resources(json, 'aws_iam_role_policy_attachment'))).toEqual([expect.objectContaining({ policy_arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' })]);
  });

  it('has an encrypted 20 GiB gp3 root volume at its baseline IOPS, no data volumes and no user data by default', () => {
    const { instance } = synthInstance();
    expect(instance.root_block_device).toEqual({ volume_size: 20, volume_type: 'gp3', delete_on_termination: true, encrypted: true });
    expect(instance.ebs_block_device).toEqual([]);
    expect(instance.user_data).toBeUndefined();
    expect(instance.user_data_replace_on_change).toBeUndefined();
  });

  it('creates the root and data volumes as given, each deleted with the instance', () => {
    const { instance } = synthInstance({
      rootVolumeSizeGiB: 40,
      rootVolumeType: 'io1',
      rootVolumeIops: 1000,
      dataVolumes: [
        { deviceName: '/dev/sdb', sizeGiB: 100 },
        { deviceName: '/dev/sdc', sizeGiB: 200, volumeType: 'io2', iops: 2000 },
        { deviceName: '/dev/xvdd', sizeGiB: 50, iops: 6000 },
      ],
    });
    expect(instance.root_block_device).toEqual({ volume_size: 40, volume_type: 'io1', iops: 1000, delete_on_termination: true, encrypted: true });
    expect(instance.ebs_block_device).toEqual([
      { device_name: '/dev/sdb', volume_size: 100, volume_type: 'gp3', delete_on_termination: true, encrypted: true },
      { device_name: '/dev/sdc', volume_size: 200, volume_type: 'io2', iops: 2000, delete_on_termination: true, encrypted: true },
      { device_name: '/dev/xvdd', volume_size: 50, volume_type: 'gp3', iops: 6000, delete_on_termination: true, encrypted: true },
    ]);
  });

  it('encrypts every volume with the given key and keeps source/destination check on by default', () => {
    const key = 'arn:aws:kms:ap-northeast-1:111111111111:key/volumes';
    const { instance } = synthInstance({ dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: 10 }], volumeKmsKeyArn: key });
    expect(instance.root_block_device).toMatchObject({ encrypted: true, kms_key_id: key });
    expect(instance.ebs_block_device).toEqual([expect.objectContaining({ encrypted: true, kms_key_id: key })]);
    expect(instance.source_dest_check).toBe(true);
  });

  it('replaces an instance when its user data changes, so the running configuration is the declared one', () => {
    expect(synthInstance({ userData: '#!/bin/bash' }).instance).toMatchObject({ user_data: '#!/bin/bash', user_data_replace_on_change: true });
  });

  it('attaches Session Manager of the partition of its provider', () => {
    const stack = devStack();
    const china = new AwsProvider(stack, 'china', { region: 'cn-north-1', alias: 'china' });
    const { json } = synthInstance({ provider: china }, stack);
    expect(Object.values(resources(json, 'aws_iam_role_policy_attachment'))).toEqual([expect.objectContaining({ policy_arn: 'arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore', provider: 'aws.china' })]);
  });
});

const instance = (props: Partial<PrivateInstanceProps>) => () => new PrivateInstance(devStack(), 'Host', { ...HOST, ...props });

const BAD_INSTANCE: readonly BadInputCase[] = [
  { name: 'a VPC ID that is none', run: instance({ vpcId: 'vpc-1' }), field: 'vpcId', value: "'vpc-1'", fix: /vpc-0123456789abcdef0/ },
  { name: 'an empty instance type', run: instance({ instanceType: '' }), field: 'instanceType', value: 'is empty', fix: /give an EC2 instance type, for example 't3\.small'/ },
  { name: 'a root volume type misspelt (untyped JS)', run: instance({ rootVolumeType: 'GP3' as never }), field: 'rootVolumeType', value: "'GP3'", fix: /write it as 'gp3'/ },
  { name: 'root volume IOPS below the gp3 baseline', run: instance({ rootVolumeIops: 2999 }), field: 'rootVolumeIops', value: 'is 2999', fix: /from 3000 to 16000 IOPS/ },
  { name: 'data volumes that are no list (untyped JS)', run: instance({ dataVolumes: '/dev/sdb' as never }), field: 'dataVolumes', value: "the string '/dev/sdb', not a list", fix: /give a list of volumes, for example \[\{ deviceName: '\/dev\/sdb', sizeGiB: 100 \}\]/ },
  { name: 'a data volume that is null (untyped JS)', run: instance({ dataVolumes: [null as never] }), field: 'dataVolumes[0]', value: 'is not a volume', fix: /give \{ deviceName: '\/dev\/sdb', sizeGiB: 100 \}/ },
  { name: 'a data volume that is a number (untyped JS)', run: instance({ dataVolumes: [100 as never] }), field: 'dataVolumes[0]', value: 'is not a volume', fix: /deviceName: '\/dev\/sdb'/ },
  { name: 'a data volume without a device name (untyped JS)', run: instance({ dataVolumes: [{ sizeGiB: 10 } as never] }), field: 'dataVolumes[0].deviceName', value: 'is missing', fix: /give a device name such as '\/dev\/sdb'/ },
  { name: 'a volume key that is no KMS ARN', run: instance({ volumeKmsKeyArn: 'arn:aws:iam::111111111111:role/x' }), field: 'volumeKmsKeyArn', value: "'arn:aws:iam::111111111111:role/x', which is not an kms ARN", fix: /arn:aws:kms/ },
  { name: 'user data that is no string (untyped JS)', run: instance({ userData: 42 as never }), field: 'userData', value: 'the number 42, not a string', fix: /give the cloud-init script as a string/ },
];

describe('PrivateInstance refuses', () => {
  it.each(BAD_INSTANCE.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});

const PLACEMENT: HostPlacementProps = { name: 'host', vpc: VPC, subnetId: SUBNETS[0].subnetId, amiId: AMI };
const place = (props: Partial<HostPlacementProps>, defaultInstanceType?: string) => () => requireHostPlacement(new Construct(devStack(), 'Pattern'), { ...PLACEMENT, ...props }, defaultInstanceType);

describe('requireHostPlacement', () => {
  it("returns the VPC and the instance type: the pattern's default, or the one given", () => {
    expect(place({})()).toEqual({ vpc: VPC, instanceType: 't3.small' });
    expect(place({}, 'm5.xlarge')()).toEqual({ vpc: VPC, instanceType: 'm5.xlarge' });
    expect(place({ instanceType: 'c6i.large' }, 'm5.xlarge')()).toEqual({ vpc: VPC, instanceType: 'c6i.large' });
  });

  const BAD_PLACEMENT: readonly BadInputCase[] = [
    { name: 'a name with spaces', run: place({ name: 'my host' }), field: 'name', value: "'my host'", fix: /letters, digits/ },
    { name: 'no VPC (untyped JS)', run: place({ vpc: undefined }), field: 'vpc', value: 'is missing', fix: /PrivateNetwork/ },
    { name: 'a subnet ID that is none', run: place({ subnetId: 'private-a' }), field: 'subnetId', value: "'private-a'", fix: /subnet-0123456789abcdef0/ },
    { name: 'an AMI ID that is none', run: place({ amiId: 'al2023' }), field: 'amiId', value: "'al2023'", fix: /ami-0123456789abcdef0/ },
    { name: 'a blank instance type', run: place({ instanceType: ' ' }), field: 'instanceType', value: 'is empty', fix: /give an EC2 instance type, for example 't3\.small'/ },
    { name: 'an instance type that is no string (untyped JS)', run: place({ instanceType: 2 as never }), field: 'instanceType', value: 'the number 2, not a string', fix: /for example 't3\.small'/ },
  ];
  it.each(BAD_PLACEMENT.map((c) => [c.name, c] as const))('refuses %s', (_name, c) => assertBadInput(c));
});
