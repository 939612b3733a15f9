import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { FileGateway } from '../src/file-gateway';
import { HttpsProxy } from '../src/https-proxy';
import { PrivateInstance } from '../src/private-instance';
import { SoftwareVpn } from '../src/software-vpn';
import { SyncHost } from '../src/sync-host';
import { gatewayProps, proxyProps, syncProps, vpnProps } from './ec2-pattern-props';
import { AMI, devStack, PREFIX_LIST, resources, SUBNETS, synthJson, VPC } from './helpers';

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

  it('replaces an instance when its user data changes, so the running configuration is the declared one', () => {
    const stack = devStack();
    new PrivateInstance(stack, 'Host', { name: 'host', vpcId: VPC.vpcId, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 't3.micro', userData: '#!/bin/bash' });
    expect(Object.values(resources(synthJson(stack), 'aws_instance'))[0]).toMatchObject({ user_data: '#!/bin/bash', user_data_replace_on_change: true });
  });
});
