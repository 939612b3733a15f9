import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { EipAssociation } from '@cdktf/provider-aws/lib/eip-association';
import { Instance, type InstanceConfig, type InstanceEbsBlockDevice } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate, type LaunchTemplateBlockDeviceMappings, type LaunchTemplateConfig } from '@cdktf/provider-aws/lib/launch-template';
import type { EnvironmentStack } from '../../../src/environment-stack';
import { describeRule, findingsOf, guardedStack } from '../helpers';

const INSTANCE: InstanceConfig = {
  ami: 'ami-0a1b2c3d4e5f60718',
  instanceType: 't3.micro',
  subnetId: 'subnet-0a1b2c3d4e5f60718',
  associatePublicIpAddress: false,
  metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required' },
  rootBlockDevice: { encrypted: true },
  ebsBlockDevice: [{ deviceName: '/dev/sdf', volumeSize: 10, encrypted: true }],
};
const TEMPLATE: LaunchTemplateConfig = {
  name: 'proxy',
  imageId: 'ami-0a1b2c3d4e5f60718',
  metadataOptions: { httpTokens: 'required' },
  blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'true', volumeSize: 8 } }],
  networkInterfaces: [{ associatePublicIpAddress: 'false' }],
};

const instance = (stack: EnvironmentStack, config: Partial<InstanceConfig> = {}) => new Instance(stack, 'Host', { ...INSTANCE, ...config });
const template = (stack: EnvironmentStack, config: Partial<LaunchTemplateConfig> = {}) => new LaunchTemplate(stack, 'Template', { ...TEMPLATE, ...config });

const compliant = [
  { name: 'a hardened instance', build: (stack: EnvironmentStack) => instance(stack) },
  { name: 'a hardened launch template', build: (stack: EnvironmentStack) => template(stack) },
  {
    name: 'an instance launched from a hardened template',
    build: (stack: EnvironmentStack) => {
      const lt = template(stack);
      new Instance(stack, 'Host', { launchTemplate: { id: lt.id } });
    },
  },
];

describeRule('PL-EC2-1', {
  compliant: [...compliant, { name: 'an instance whose token setting Terraform computes', build: (stack) => instance(stack, { metadataOptions: { httpTokens: '${var.http_tokens}' } }) }],
  nonCompliant: [
    {
      name: 'an instance from a hardened template that sets optional tokens itself',
      path: 'Host',
      problem: /http_tokens' is "optional"/,
      build: (stack) => new Instance(stack, 'Host', { launchTemplate: { id: template(stack).id }, metadataOptions: { httpTokens: 'optional' } }),
    },
    { name: 'an instance with optional tokens', path: 'Host', problem: /http_tokens' is "optional"/, build: (stack) => instance(stack, { metadataOptions: { httpTokens: 'optional' } }) },
    { name: 'an instance without metadata options', path: 'Host', problem: /not set/, build: (stack) => instance(stack, { metadataOptions: undefined }) },
    { name: 'a launch template without metadata options', path: 'Template', build: (stack) => template(stack, { metadataOptions: undefined }) },
  ],
});

describeRule('PL-EC2-2', {
  compliant: [
    ...compliant,
    { name: 'an encrypted volume', build: (stack) => new EbsVolume(stack, 'Volume', { availabilityZone: 'ap-northeast-1a', size: 10, encrypted: true }) },
    { name: 'a volume whose encryption Terraform computes', build: (stack) => new EbsVolume(stack, 'Volume', { availabilityZone: 'ap-northeast-1a', size: 10, encrypted: '${var.encrypted}' as unknown as boolean }) },
    {
      name: 'a template with an instance store mapping (no EBS)',
      build: (stack) => template(stack, { blockDeviceMappings: [{ deviceName: '/dev/sdb', virtualName: 'ephemeral0' }, ...(TEMPLATE.blockDeviceMappings as LaunchTemplateBlockDeviceMappings[])] }),
    },
  ],
  nonCompliant: [
    { name: 'an unencrypted root volume', path: 'Host', problem: /root_block_device/, build: (stack) => instance(stack, { rootBlockDevice: { encrypted: false } }) },
    { name: 'an instance without a root volume setting', path: 'Host', build: (stack) => instance(stack, { rootBlockDevice: undefined }) },
    { name: 'an unencrypted data volume', path: 'Host', problem: /"\/dev\/sdg"/, build: (stack) => instance(stack, { ebsBlockDevice: [{ deviceName: '/dev/sdg', volumeSize: 10 }] }) },
    { name: 'an unencrypted launch template mapping', path: 'Template', problem: /'block_device_mappings' "\/dev\/xvda" is not encrypted/, build: (stack) => template(stack, { blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'false' } }] }) },
    { name: 'an unnamed unencrypted launch template mapping', path: 'Template', problem: /'block_device_mappings' "" is not encrypted/, build: (stack) => template(stack, { blockDeviceMappings: [{ ebs: { volumeSize: 8 } }] }) },
    {
      name: 'an unnamed unencrypted data volume',
      path: 'Host',
      problem: /'ebs_block_device' "" is not encrypted/,
      build: (stack) => instance(stack, { ebsBlockDevice: [{ volumeSize: 10 } as InstanceEbsBlockDevice] }),
    },
    { name: 'an unencrypted EBS volume', path: 'Volume', build: (stack) => new EbsVolume(stack, 'Volume', { availabilityZone: 'ap-northeast-1a', size: 10 }) },
  ],
});

describeRule('PL-EC2-3', {
  compliant: [
    ...compliant,
    { name: 'an Elastic IP on a NAT gateway (no instance)', build: (stack) => new Eip(stack, 'Eip', { domain: 'vpc' }) },
    {
      name: 'an Elastic IP associated with a network interface',
      build: (stack) => new EipAssociation(stack, 'Association', { allocationId: new Eip(stack, 'Eip', { domain: 'vpc' }).allocationId, networkInterfaceId: 'eni-0a1b2c3d4e5f60718' }),
    },
  ],
  nonCompliant: [
    { name: 'an instance with a public IP', path: 'Host', problem: /associate_public_ip_address' is true/, build: (stack) => instance(stack, { associatePublicIpAddress: true }) },
    { name: 'a launch template with a public IP', path: 'Template', build: (stack) => template(stack, { networkInterfaces: [{ associatePublicIpAddress: 'true' }] }) },
    {
      name: 'a launch template with a public IP on its second interface',
      path: 'Template',
      build: (stack) => template(stack, { networkInterfaces: [{ associatePublicIpAddress: 'false' }, { associatePublicIpAddress: 'true', deviceIndex: 1 }] }),
    },
    { name: 'an Elastic IP on an instance', path: 'Eip', problem: /aws_instance\.Host/, build: (stack) => new Eip(stack, 'Eip', { domain: 'vpc', instance: instance(stack).id }) },
    {
      name: 'an Elastic IP associated with an instance',
      path: 'Association',
      problem: /aws_instance\.Host/,
      build: (stack) => new EipAssociation(stack, 'Association', { allocationId: new Eip(stack, 'Eip', { domain: 'vpc' }).allocationId, instanceId: instance(stack).id }),
    },
  ],
});

describe('instance findings', () => {
  it('say what is wrong and how to fix it', () => {
    const stack = guardedStack();
    const host = instance(stack, { associatePublicIpAddress: true, rootBlockDevice: { encrypted: false }, ebsBlockDevice: undefined });
    template(stack, { networkInterfaces: [{ associatePublicIpAddress: 'true' }] });
    new EbsVolume(stack, 'Volume', { availabilityZone: 'ap-northeast-1a', size: 10 });
    new Eip(stack, 'Eip', { domain: 'vpc', instance: host.id });
    const messages = (id: string) => findingsOf(stack, id).map((f) => [f.path, f.problem, f.fix]);
    const encrypt = 'set encrypted = true (with a customer managed kms_key_id where required)';
    expect(messages('PL-EC2-2')).toEqual([
      ['guard-dev/Host', "'root_block_device.encrypted' is not true, so the root volume is unencrypted unless the account default says otherwise", encrypt],
      ['guard-dev/Volume', "'encrypted' is not true", encrypt],
    ]);
    const publicIp = 'keep instances in private subnets without public addresses; reach them through Session Manager, a load balancer or an endpoint';
    expect(messages('PL-EC2-3')).toEqual([
      ['guard-dev/Host', "'associate_public_ip_address' is true", publicIp],
      ['guard-dev/Template', "'network_interfaces.associate_public_ip_address' is true", publicIp],
      ['guard-dev/Eip', 'attaches an Elastic IP to aws_instance.Host', publicIp],
    ]);
  });

  it('name the metadata option IMDSv1 answers without', () => {
    const stack = guardedStack();
    instance(stack, { metadataOptions: { httpTokens: 'optional' } });
    expect(findingsOf(stack, 'PL-EC2-1').map((f) => [f.problem, f.fix])).toEqual([
      [`'metadata_options.http_tokens' is "optional", so IMDSv1 answers without a token`, "set metadata_options { http_tokens = 'required' } (IMDSv2 only)"],
    ]);
  });
});
