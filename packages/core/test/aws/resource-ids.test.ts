import { Token } from 'cdktf';
import { isResourceId, requireResourceId, RESOURCE_IDS } from '../../src/aws/resource-ids';
import { configErrorOf, widget } from '../helpers';

describe('resource IDs', () => {
  it.each([
    ['vpc', 'vpc-0123456789abcdef0', 'vpc-1'],
    ['subnet', 'subnet-0abc1234', 'subnet-0ABC1234'],
    ['vpcEndpoint', 'vpce-0123456789abcdef0', 'vpc-0123456789abcdef0'],
    ['securityGroup', 'sg-0123456789abcdef0', 'sg-xyz'],
    ['routeTable', 'rtb-0123456789abcdef0', 'rtb-'],
    ['prefixList', 'pl-61a54008', 'pl-61a5400'],
    ['ami', 'ami-0123456789abcdef0', 'ami-0123456789abcdef'],
    ['directConnectConnection', 'dxlag-ffabc123', 'dxvif-ffabc123'],
    ['organization', 'o-a1b2c3d4e5', 'o-a1b2'],
    ['instance', 'i-0a1b2c3d', 'i-0123456789abcdef01'],
    ['networkInterface', 'eni-0123456789abcdef0', 'eni-0123456789ABCDEF0'],
    ['endpointService', 'vpce-svc-0123456789abcdef0', 'vpce-0123456789abcdef0'],
  ] as const)('%s: %s is one, %s is not', (kind, good, bad) => {
    expect(isResourceId(good, kind)).toBe(true);
    expect(isResourceId(bad, kind)).toBe(false);
    expect(isResourceId(` ${good}`, kind)).toBe(false);
    expect(isResourceId(42 as never, kind)).toBe(false);
    // A list of one ID would read as the ID if it were turned into text.
    expect(isResourceId([good] as never, kind)).toBe(false);
  });

  it('names the field, the value, what it must be and an example', () => {
    expect(configErrorOf(() => requireResourceId(widget(), 'endpointIds', 'vpc-0123456789abcdef0', 'vpcEndpoint')).message).toBe(
      "Widget 'prod/Service': 'endpointIds' is 'vpc-0123456789abcdef0', which is not a VPC endpoint ID; give a VPC endpoint ID, for example vpce-0123456789abcdef0",
    );
    expect(configErrorOf(() => requireResourceId(widget(), 'amiId', undefined as never, 'ami')).message).toMatch(/'amiId' is missing; give an AMI ID, for example ami-0123456789abcdef0$/);
    expect(configErrorOf(() => requireResourceId(widget(), 'amiId', 7 as never, 'ami')).message).toMatch(/'amiId' is the number 7, not a string/);
  });

  it('lets an ID known only at apply time through, and returns the literal one', () => {
    const token = Token.asString({ Ref: 'endpoint' });
    expect(requireResourceId(widget(), 'endpointIds', token, 'vpcEndpoint')).toBe(token);
    expect(requireResourceId(widget(), 'vpcId', 'vpc-0123456789abcdef0', 'vpc')).toBe('vpc-0123456789abcdef0');
  });

  it('tells an endpoint service from its endpoints', () => {
    expect(isResourceId('vpce-svc-0123456789abcdef0', 'vpcEndpoint')).toBe(false);
  });

  it('gives an example of every kind that is itself valid', () => {
    for (const [kind, { example }] of Object.entries(RESOURCE_IDS)) expect(isResourceId(example, kind as keyof typeof RESOURCE_IDS)).toBe(true);
  });
});
