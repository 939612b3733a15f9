import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { assertBadInput } from '@privatelink-cdktf/core/testing';
import { Testing } from 'cdktf';
import { IpTargets, type IpTargetsProps } from '../src/ip-targets';
import { NetworkLoadBalancer } from '../src/network-load-balancer';
import { SUBNETS, VPC, resourcesOf, synthJson, testStack } from './helpers';

function setup(props: Partial<IpTargetsProps> = {}) {
  const stack = testStack();
  const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc: VPC, subnets: SUBNETS });
  const targets = new IpTargets(stack, 'Ips', { vpc: VPC, ips: ['10.10.1.10', '192.168.20.5'], ...props });
  return { stack, loadBalancer, targets };
}

describe('IpTargets', () => {
  it('registers addresses in the VPC by zone and on-premises addresses with availability_zone "all"', () => {
    const { stack, targets } = setup();
    const attachments = resourcesOf(synthJson(stack), 'aws_lb_target_group_attachment');
    const inVpc = Object.entries(attachments).find(([id]) => id.includes('Target-10-10-1-10'))?.[1];
    const onPrem = Object.entries(attachments).find(([id]) => id.includes('Target-192-168-20-5'))?.[1];
    expect(inVpc).toMatchObject({ target_id: '10.10.1.10', port: 443 });
    expect(inVpc).not.toHaveProperty('availability_zone');
    expect(onPrem).toMatchObject({ target_id: '192.168.20.5', port: 443, availability_zone: 'all' });
    expect(targets.outsideVpcIps).toEqual(['192.168.20.5']);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(LbTargetGroup, { target_type: 'ip', protocol: 'TCP', port: 443, health_check: expect.objectContaining({ protocol: 'TCP', port: 'traffic-port' }) });
  });

  it('keys attachments by address, so removing one leaves the others in place', () => {
    const ids = (ips: string[]) => Object.keys(resourcesOf(synthJson(setup({ ips }).stack), 'aws_lb_target_group_attachment')).sort();
    const before = ids(['10.10.1.10', '10.10.2.10', '10.10.3.10']);
    const after = ids(['10.10.1.10', '10.10.3.10']);
    expect(before.filter((id) => !id.includes('10-10-2-10'))).toEqual(after);
  });

  it('opens the NLB security group to each address on the target port, and the backend group from the NLB only', () => {
    const { stack, loadBalancer, targets } = setup({ port: 8443, backendSecurityGroupId: 'sg-0b0a0c0d0e0d00002' });
    loadBalancer.addListener({ port: 443 }, targets);
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { referenced_security_group_id: 'sg-0b0a0c0d0e0d00002', from_port: 8443 });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { security_group_id: 'sg-0b0a0c0d0e0d00002', from_port: 8443, to_port: 8443 });
    const plain = setup({ port: 8443 });
    plain.loadBalancer.addListener({ port: 443 }, plain.targets);
    const egress = Object.values(resourcesOf(synthJson(plain.stack), 'aws_vpc_security_group_egress_rule'));
    expect(egress.map((r) => `${r.cidr_ipv4}:${r.from_port}`).sort()).toEqual(['10.10.1.10/32:8443', '192.168.20.5/32:8443']);
  });

  it('opens a separate health check port too', () => {
    const { stack, loadBalancer, targets } = setup({ healthCheck: { port: 9000 } });
    loadBalancer.addListener({ port: 443 }, targets);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { cidr_ipv4: '10.10.1.10/32', from_port: 9000 });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(LbTargetGroupAttachment, { target_id: '10.10.1.10' });
  });

  it('rejects empty, duplicate, malformed, public and unresolved addresses, and bad ports', () => {
    expect(() => setup({ ips: [] })).toThrow(/IpTargets 'unit-dev\/Ips': 'ips' is empty/);
    expect(() => setup({ ips: ['10.10.1.10', '10.10.1.10'] })).toThrow(/'ips' lists '10.10.1.10' twice/);
    expect(() => setup({ ips: ['10.10.1.300'] })).toThrow(/'ips' is '10.10.1.300', which is not an IPv4 address/);
    expect(() => setup({ ips: ['8.8.8.8'] })).toThrow(/'ips' has '8.8.8.8', which is not a private address/);
    expect(() => setup({ port: 0 })).toThrow(/'port' has port 0/);
    expect(() => setup({ healthCheck: { path: '/health' } })).toThrow(/'healthCheck.path' is set on a TCP health check/);
  });
});

describe('IpTargets in a VPC of several CIDR blocks', () => {
  const vpc = { vpcId: VPC.vpcId, cidrBlocks: ['10.10.0.0/16', '10.20.0.0/16'] };
  const stack = testStack();
  const loadBalancer = new NetworkLoadBalancer(stack, 'Nlb', { name: 'unit-dev', vpc, subnets: SUBNETS });
  const targets = new IpTargets(stack, 'Ips', { vpc, ips: ['10.10.1.10', '10.20.1.10'] });
  loadBalancer.addListener({ port: 443 }, targets);
  const json = synthJson(stack);

  it('registers an address of any of its blocks by zone', () => {
    expect(targets.outsideVpcIps).toEqual([]);
    expect(Object.values(resourcesOf(json, 'aws_lb_target_group_attachment')).map((a) => a.availability_zone)).toStrictEqual([undefined, undefined]);
  });

  it('describes the path to the addresses in the egress rule', () => {
    const egress = Object.values(resourcesOf(json, 'aws_vpc_security_group_egress_rule'));
    expect(egress.map((r) => [r.cidr_ipv4, r.description])).toEqual([
      ['10.10.1.10/32', 'To the IP targets'],
      ['10.20.1.10/32', 'To the IP targets'],
    ]);
  });
});

describe('IpTargets bad input', () => {
  it('names every range an IP target may be in', () => {
    assertBadInput({ name: 'a public address', run: () => setup({ ips: ['8.8.8.8'] }), field: 'ips', value: "has '8.8.8.8', which is not a private address", fix: /IP targets must be in 10\.0\.0\.0\/8, 172\.16\.0\.0\/12, 192\.168\.0\.0\/16, 100\.64\.0\.0\/10/ });
  });
});
