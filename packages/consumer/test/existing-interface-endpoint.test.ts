import { DedicatedSecurityGroup } from '@privatelink-cdktf/core';
import { InterfaceEndpoint } from '../src/interface-endpoint';
import { devStack, synthJson, VPC } from './helpers';

describe('InterfaceEndpoint.fromAttributes', () => {
  test('references an existing endpoint by literal attributes and wires clients to its group', () => {
    const stack = devStack();
    const existing = InterfaceEndpoint.fromAttributes(stack, 'Shared', { endpointId: 'vpce-0123456789abcdef0', securityGroupId: 'sg-0123456789abcdef0', ports: [8443] });
    const workloads = new DedicatedSecurityGroup(stack, 'Workloads', { vpcId: VPC.vpcId, name: 'workloads', description: 'Workloads' });
    existing.allowFrom(workloads);
    existing.allowFrom('10.8.0.0/16', [443]);
    const json = synthJson(stack);
    expect(existing.endpointId).toBe('vpce-0123456789abcdef0');
    expect(json.resource.aws_vpc_endpoint).toBeUndefined();
    expect(Object.values(json.resource.aws_vpc_security_group_ingress_rule).map((r) => [r.security_group_id, r.from_port, r.cidr_ipv4 ?? 'group']).sort()).toEqual([
      ['sg-0123456789abcdef0', 443, '10.8.0.0/16'],
      ['sg-0123456789abcdef0', 8443, 'group'],
    ]);
    expect(Object.values(json.resource.aws_vpc_security_group_egress_rule)).toEqual([expect.objectContaining({ referenced_security_group_id: 'sg-0123456789abcdef0', from_port: 8443 })]);
  });

  test('without its security group it cannot take rules; bad IDs fail', () => {
    const stack = devStack();
    const existing = InterfaceEndpoint.fromAttributes(stack, 'Shared', { endpointId: 'vpce-0123456789abcdef0' });
    expect(() => existing.allowFrom('10.8.0.0/16')).toThrow(/'allowFrom' cannot add rules: the security group is not known; give the endpoint's securityGroupId to fromAttributes/);
    expect(() => InterfaceEndpoint.fromAttributes(devStack(), 'X', { endpointId: 'vpc-0123456789abcdef0' })).toThrow(/ExistingInterfaceEndpoint 'unit-dev\/X': 'endpointId' is 'vpc-0123456789abcdef0'/);
    expect(() => InterfaceEndpoint.fromAttributes(devStack(), 'X', {} as never)).toThrow(/'endpointId' is missing; give a VPC endpoint ID/);
    expect(() => InterfaceEndpoint.fromAttributes(devStack(), 'X', { endpointId: 'vpce-0123456789abcdef0', securityGroupId: 'sg-x' })).toThrow(/'securityGroupId' is 'sg-x'/);
  });

  test('keeps a given regional DNS name', () => {
    const existing = InterfaceEndpoint.fromAttributes(devStack(), 'Shared', { endpointId: 'vpce-0123456789abcdef0', regionalDnsName: 'vpce-0123456789abcdef0-abcdefgh.sts.ap-northeast-1.vpce.amazonaws.com' });
    expect(existing.regionalDnsName).toBe('vpce-0123456789abcdef0-abcdefgh.sts.ap-northeast-1.vpce.amazonaws.com');
  });

  test.each([
    ['a regional DNS name that is no string', { regionalDnsName: 42 }, /'regionalDnsName' is the number 42, not a string; give the endpoint's regional DNS name, for example InterfaceEndpoint\.regionalDnsName/],
    ['ports that are no list', { ports: 443 }, /'ports' is the number 443, not a list/],
  ])('bad input: %s', (_name, attributes, message) => {
    expect(() => InterfaceEndpoint.fromAttributes(devStack(), 'X', { endpointId: 'vpce-0123456789abcdef0', ...(attributes as object) })).toThrow(message);
  });
});
