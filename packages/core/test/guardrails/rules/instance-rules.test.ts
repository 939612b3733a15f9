import { EbsVolume } from '@cdktf/provider-aws/lib/ebs-volume';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Instance, type InstanceConfig } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate, type LaunchTemplateConfig } from '@cdktf/provider-aws/lib/launch-template';
import type { EnvironmentStack } from '../../../src/environment-stack';
import { describeRule } from '../helpers';

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
  compliant,
  nonCompliant: [
    { name: 'an instance with optional tokens', path: 'Host', problem: /http_tokens' is "optional"/, build: (stack) => instance(stack, { metadataOptions: { httpTokens: 'optional' } }) },
    { name: 'an instance without metadata options', path: 'Host', problem: /not set/, build: (stack) => instance(stack, { metadataOptions: undefined }) },
    { name: 'a launch template without metadata options', path: 'Template', build: (stack) => template(stack, { metadataOptions: undefined }) },
  ],
});

describeRule('PL-EC2-2', {
  compliant: [...compliant, { name: 'an encrypted volume', build: (stack) => new EbsVolume(stack, 'Volume', { availabilityZone: 'ap-northeast-1a', size: 10, encrypted: true }) }],
  nonCompliant: [
    { name: 'an unencrypted root volume', path: 'Host', problem: /root_block_device/, build: (stack) => instance(stack, { rootBlockDevice: { encrypted: false } }) },
    { name: 'an instance without a root volume setting', path: 'Host', build: (stack) => instance(stack, { rootBlockDevice: undefined }) },
    { name: 'an unencrypted data volume', path: 'Host', problem: /"\/dev\/sdg"/, build: (stack) => instance(stack, { ebsBlockDevice: [{ deviceName: '/dev/sdg', volumeSize: 10 }] }) },
    { name: 'an unencrypted launch template mapping', path: 'Template', build: (stack) => template(stack, { blockDeviceMappings: [{ deviceName: '/dev/xvda', ebs: { encrypted: 'false' } }] }) },
    { name: 'an unencrypted EBS volume', path: 'Volume', build: (stack) => new EbsVolume(stack, 'Volume', { availabilityZone: 'ap-northeast-1a', size: 10 }) },
  ],
});

describeRule('PL-EC2-3', {
  compliant,
  nonCompliant: [
    { name: 'an instance with a public IP', path: 'Host', problem: /associate_public_ip_address' is true/, build: (stack) => instance(stack, { associatePublicIpAddress: true }) },
    { name: 'a launch template with a public IP', path: 'Template', build: (stack) => template(stack, { networkInterfaces: [{ associatePublicIpAddress: 'true' }] }) },
    { name: 'an Elastic IP on an instance', path: 'Eip', problem: /aws_instance\.Host/, build: (stack) => new Eip(stack, 'Eip', { domain: 'vpc', instance: instance(stack).id }) },
  ],
});
