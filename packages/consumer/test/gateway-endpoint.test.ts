import { Testing } from 'cdktf';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointRouteTableAssociation } from '@cdktf/provider-aws/lib/vpc-endpoint-route-table-association';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { DedicatedSecurityGroup } from '@privatelink-cdktf/core';
import { GatewayEndpoint, type GatewayEndpointProps } from '../src/gateway-endpoint';
import { devStack, rendered, resourcesOf, synthesizeToFile, VPC } from './helpers';

const ROUTE_TABLES = { 'apne1-az1': 'rtb-0aaaaaaaaaaaaaaa1', 'apne1-az2': 'rtb-0bbbbbbbbbbbbbbb2' };
const READ_BUCKET = [{ principals: '*' as const, actions: ['s3:GetObject'], resources: ['arn:aws:s3:::unit-data/*'] }];

function gateway(props: Partial<GatewayEndpointProps> = {}, stack = devStack()) {
  const construct = new GatewayEndpoint(stack, 'S3', { vpcId: VPC.vpcId, service: 's3', routeTables: ROUTE_TABLES, policy: READ_BUCKET, name: 'unit-s3', ...props });
  return { stack, construct };
}

describe('GatewayEndpoint', () => {
  test('an S3 gateway endpoint with its policy and one association per route table key', () => {
    const { stack, construct } = gateway();
    const synth = Testing.synth(stack);
    expect(synth).toHaveResourceWithProperties(VpcEndpoint, { vpc_endpoint_type: 'Gateway', service_name: 'com.amazonaws.ap-northeast-1.s3', tags: { Name: 'unit-s3' } });
    const ep = Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))[0];
    expect(ep).not.toHaveProperty('route_table_ids');
    expect(JSON.parse(ep.policy as string).Statement[0]).toMatchObject({ Principal: '*', Action: ['s3:GetObject'] });
    const associations = resourcesOf(stack, 'aws_vpc_endpoint_route_table_association');
    expect(Object.keys(associations).sort()).toEqual([expect.stringMatching(/^S3_RouteTable-apne1-az1_/), expect.stringMatching(/^S3_RouteTable-apne1-az2_/)]);
    expect(synth).toHaveResourceWithProperties(VpcEndpointRouteTableAssociation, { route_table_id: 'rtb-0bbbbbbbbbbbbbbb2' });
    expect(construct.serviceName).toBe('com.amazonaws.ap-northeast-1.s3');
    expect(rendered(stack, construct.prefixListId)).toMatch(/aws_vpc_endpoint\.S3_Endpoint_.*\.prefix_list_id/);
  });

  test('adding a route table adds one association and leaves the others', () => {
    const before = Object.keys(resourcesOf(gateway().stack, 'aws_vpc_endpoint_route_table_association'));
    const after = Object.keys(resourcesOf(gateway({ routeTables: { ...ROUTE_TABLES, 'apne1-az4': 'rtb-0ccccccccccccccc3' } }).stack, 'aws_vpc_endpoint_route_table_association'));
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toHaveLength(3);
  });

  test('DynamoDB, and the default policy only when asked for by name', () => {
    const { stack } = gateway({ service: 'dynamodb', policy: undefined, allowAll: true });
    const ep = Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))[0];
    expect(ep.service_name).toBe('com.amazonaws.ap-northeast-1.dynamodb');
    expect(ep).not.toHaveProperty('policy');
  });

  test('allowEgressFrom adds egress to the prefix list, to a dedicated group or a group by ID', () => {
    const { stack, construct } = gateway();
    const workers = new DedicatedSecurityGroup(stack, 'Workers', { vpcId: VPC.vpcId, name: 'workers', description: 'Workers' });
    construct.allowEgressFrom(workers);
    construct.allowEgressFrom('sg-0123456789abcdef0', [443, 80]);
    const rules = Object.values(resourcesOf(stack, 'aws_vpc_security_group_egress_rule'));
    expect(rules).toHaveLength(3);
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcSecurityGroupEgressRule, { security_group_id: 'sg-0123456789abcdef0', from_port: 80, to_port: 80, ip_protocol: 'tcp' });
    for (const rule of rules) expect(rule.prefix_list_id).toMatch(/prefix_list_id/);
  });

  test('egress rules are keyed by the group, so the order of calls never renames one', () => {
    const addresses = (order: Array<'s3' | 'dynamodb'>) => {
      const stack = devStack();
      const workers = new DedicatedSecurityGroup(stack, 'Workers', { vpcId: VPC.vpcId, name: 'workers', description: 'Workers' });
      const gateways = {
        s3: gateway({}, stack).construct,
        dynamodb: new GatewayEndpoint(stack, 'DynamoDb', { vpcId: VPC.vpcId, service: 'dynamodb', routeTables: ROUTE_TABLES, allowAll: true, name: 'unit-dynamodb' }),
      };
      for (const service of order) gateways[service].allowEgressFrom(workers);
      return Object.keys(resourcesOf(stack, 'aws_vpc_security_group_egress_rule')).sort();
    };
    expect(addresses(['s3', 'dynamodb'])).toEqual(addresses(['dynamodb', 's3']));
    expect(addresses(['s3'])).toEqual([expect.stringMatching(/^S3_Egress-Workers-443_/)]);
  });

  describe('bad input', () => {
    test('an empty route table list', () => expect(() => gateway({ routeTables: {} })).toThrow(/'routeTables' is empty/));
    test('a route table key that is not address-safe', () => expect(() => gateway({ routeTables: { 'Zone A': 'rtb-0123456789abcdef0' } })).toThrow(/'routeTables' has key 'Zone A'/));
    test('a service other than S3 or DynamoDB', () => expect(() => gateway({ service: 'kinesis-streams' as never })).toThrow(/'service' is 'kinesis-streams'; use one of 's3', 'dynamodb'/));
    test('no policy and no explicit allowAll', () => expect(() => gateway({ policy: undefined })).toThrow(/'policy' is missing; the default endpoint policy allows access to every bucket/));
    test('an open statement without allowAll, which takes it as written with allowAll', () => {
      const open = [{ principals: '*' as const, actions: ['s3:*'], resources: ['*'] }];
      expect(() => gateway({ policy: open })).toThrow(/'policy\[0\]' allows any principal every action on every resource/);
      const { stack } = gateway({ policy: open, allowAll: true });
      expect(JSON.parse(Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))[0].policy as string).Statement[0].Action).toEqual(['s3:*']);
    });
    test('a policy statement without actions', () => expect(() => gateway({ policy: [{ principals: '*', actions: [] }] })).toThrow(/'policy\[0\]\.actions' is empty/));
    test('egress from a group known only at apply time without a key', () => {
      const { stack, construct } = gateway();
      const group = new DedicatedSecurityGroup(stack, 'Other', { vpcId: VPC.vpcId, name: 'other', description: 'Other' });
      expect(() => construct.allowEgressFrom(group.securityGroupId)).toThrow(/'allowEgressFrom.key' is missing/);
      expect(() => construct.allowEgressFrom(group.securityGroupId, [443], 'other')).not.toThrow();
    });
    test('egress on a port outside 1-65535', () => expect(() => gateway().construct.allowEgressFrom('sg-0123456789abcdef0', [70000])).toThrow(/'ports' has port 70000/));
  });
});

// The pack runs in every EnvironmentStack; a named opt-in must not fail the synth it was set in.
describe('GatewayEndpoint opt-ins in the guardrail pack', () => {
  it('allowAll on an S3 gateway endpoint is recorded as an acknowledgement of PL-EP-2, not reported', () => {
    const stack = devStack();
    new GatewayEndpoint(stack, 'S3', { name: 'unit-s3', vpcId: VPC.vpcId, service: 's3', routeTables: { a: 'rtb-0123456789abcdef0' }, allowAll: true });
    expect(synthesizeToFile(stack)['//'].guardrails.suppressions).toEqual([expect.objectContaining({ ruleId: 'PL-EP-2', source: 'construct' })]);
  });

  it('allowAll on a DynamoDB gateway endpoint is recorded as an acknowledgement of PL-EP-3', () => {
    const stack = devStack();
    new GatewayEndpoint(stack, 'Dynamo', { name: 'unit-dynamodb', vpcId: VPC.vpcId, service: 'dynamodb', routeTables: { a: 'rtb-0123456789abcdef0' }, allowAll: true });
    expect(synthesizeToFile(stack)['//'].guardrails.suppressions).toEqual([expect.objectContaining({ ruleId: 'PL-EP-3', source: 'construct' })]);
  });
});

describe('GatewayEndpoint settings', () => {
  it('serves the region given in props, else the stack region', () => {
    expect(gateway({ region: 'us-east-1' }).construct.serviceName).toBe('com.amazonaws.us-east-1.s3');
  });

  it('describes each egress rule with the service, and takes a repeated call for the same group as done', () => {
    const { stack, construct } = gateway();
    construct.allowEgressFrom('sg-0123456789abcdef0', [443], 'workers');
    construct.allowEgressFrom('sg-0123456789abcdef0', [443, 80], 'workers');
    const rules = Object.values(resourcesOf(stack, 'aws_vpc_security_group_egress_rule'));
    expect(rules.map((rule) => rule.from_port).sort()).toEqual([443, 80]);
    for (const rule of rules) expect(rule.description).toBe('To com.amazonaws.ap-northeast-1.s3 through the gateway endpoint');
  });

  it.each<[string, Partial<GatewayEndpointProps>, RegExp]>([
    ['no name', { name: undefined }, /GatewayEndpoint 'unit-dev\/S3': 'name' is missing; give a name such as tenant-consumer-prod-s3/],
    ['an empty name', { name: '' }, /'name' is empty; give a name such as tenant-consumer-prod-s3/],
    ['no route tables', { routeTables: undefined }, /'routeTables' is missing; give the route tables of the subnets that use the service, keyed by a stable name/],
    ['route tables as null', { routeTables: null as never }, /GatewayEndpoint 'unit-dev\/S3': 'routeTables' is null; give the route tables of the subnets/],
    ['one route table ID instead of a map', { routeTables: 'rtb-0123456789abcdef0' as never }, /GatewayEndpoint 'unit-dev\/S3': 'routeTables' is the string 'rtb-0123456789abcdef0'; give the route tables of the subnets/],
    ['a list of route table IDs, keyed by position', { routeTables: ['rtb-0123456789abcdef0'] as never }, /GatewayEndpoint 'unit-dev\/S3': 'routeTables' is a list; give the route tables of the subnets that use the service, keyed by a stable name/],
    ['no DynamoDB policy and no allowAll', { service: 'dynamodb', policy: undefined }, /'policy' is missing; the default endpoint policy allows access to every table of every account/],
  ])('rejects %s', (_name, props, message) => expect(() => gateway(props)).toThrow(message));

  it.each<[string, (endpoint: GatewayEndpoint) => void, RegExp]>([
    ['a security group ID that is not one', (endpoint) => endpoint.allowEgressFrom('sg-bad'), /'allowEgressFrom.securityGroup' is 'sg-bad'/],
    ['a key that is not address-safe', (endpoint) => endpoint.allowEgressFrom('sg-0123456789abcdef0', [443], 'Work ers'), /'allowEgressFrom.key' has key 'Work ers'/],
    [
      'a group known only at apply time without a key',
      (endpoint) => endpoint.allowEgressFrom(new DedicatedSecurityGroup(endpoint, 'Other', { vpcId: VPC.vpcId, name: 'other', description: 'Other' }).securityGroupId),
      /'allowEgressFrom.key' is missing for a security group ID known only at apply time; pass a stable key as the third argument/,
    ],
  ])('allowEgressFrom rejects %s', (_name, call, message) => expect(() => call(gateway().construct)).toThrow(message));
});

describe('GatewayEndpoint acknowledgements', () => {
  const reasons = (props: Partial<GatewayEndpointProps>) => {
    const { stack } = gateway(props);
    return synthesizeToFile(stack)['//'].guardrails.suppressions.map((s) => s.reason);
  };

  it('records why allowAll was set, with or without a policy, and nothing without allowAll', () => {
    expect(reasons({ policy: undefined, allowAll: true })).toEqual([expect.stringMatching(/allowAll: true was set on the s3 gateway endpoint, so it keeps the default full-access policy/)]);
    expect(reasons({ allowAll: true })).toEqual([expect.stringMatching(/allowAll: true was set on the s3 gateway endpoint, so its policy may grant full access/)]);
    expect(reasons({})).toEqual([]);
  });
});
