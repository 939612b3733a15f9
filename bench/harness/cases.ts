// The generated cases the bench validates: core's DedicatedSecurityGroup with generated rules, the
// same kind of generator as core's property test (packages/core/test/constructs.fuzz.test.ts), about two thirds of which the construct accepts.
import { DedicatedSecurityGroup, EnvironmentStack, type DedicatedSecurityGroupProps, type TrafficRule } from '@privatelink-cdktf/core';
import { Testing } from 'cdktf';
import * as fc from 'fast-check';

const network = fc.tuple(fc.integer({ min: 0, max: 0xffffff }), fc.integer({ min: 8, max: 32 })).map(([host, bits]) => {
  const address = ((10 << 24) | host) & (~0 << (32 - bits));
  return `${[24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join('.')}/${bits}`;
});
const rule: fc.Arbitrary<TrafficRule> = fc.record({
  ports: fc.array(fc.oneof({ arbitrary: fc.integer({ min: 1, max: 65535 }), weight: 20 }, { arbitrary: fc.constantFrom(0, 65536), weight: 1 }), { minLength: 1, maxLength: 3 }),
  protocol: fc.constantFrom('tcp' as const, 'udp' as const),
  cidrs: fc.array(fc.oneof({ arbitrary: network, weight: 12 }, { arbitrary: fc.constantFrom('0.0.0.0/0', '2001:db8::/56', 'not-a-cidr'), weight: 2 }), { minLength: 1, maxLength: 3 }),
});
const props: fc.Arbitrary<DedicatedSecurityGroupProps> = fc.record({
  vpcId: fc.constant('vpc-0123456789abcdef0'),
  name: fc.stringMatching(/^[a-z][a-z0-9-]{0,40}$/),
  description: fc.stringMatching(/^[A-Za-z0-9 ._-]{1,60}$/),
  ingress: fc.array(rule, { maxLength: 3 }),
  egress: fc.array(rule, { maxLength: 2 }),
});

export const generatedSecurityGroups = {
  arbitrary: props,
  synthesize(value: DedicatedSecurityGroupProps): string {
    const stack = new EnvironmentStack(Testing.app(), { application: 'bench', environment: { name: 'dev', accountId: '111111111111' } });
    new DedicatedSecurityGroup(stack, 'Group', value);
    return Testing.synth(stack);
  },
};
