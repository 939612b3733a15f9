import { DedicatedSecurityGroup } from '@privatelink-cdktf/core';
import { Fn, TerraformVariable } from 'cdktf';
import { AwsServiceEndpoints } from '../src/aws-service-endpoints';
import { InterfaceEndpoint, type InterfaceEndpointProps } from '../src/interface-endpoint';
import { ResourceEndpoint } from '../src/resource-endpoint';
import { devStack, rendered, resourcesOf, SUBNETS, synthJson, VPC } from './helpers';

function endpoint(props: Partial<InterfaceEndpointProps> = {}, stack = devStack()) {
  const construct = new InterfaceEndpoint(stack, 'Saas', { vpc: VPC, subnets: SUBNETS, service: { awsService: 'sts' }, name: 'unit-sts', ...props });
  return { stack, construct };
}
const endpointResource = (stack: ReturnType<typeof devStack>) => Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))[0];

describe('additionalSecurityGroupIds', () => {
  test('join the dedicated group, which stays first and keeps its own rules', () => {
    const { stack, construct } = endpoint({ additionalSecurityGroupIds: ['sg-0123456789abcdef0', 'sg-0fedcba9876543210'] });
    const own = rendered(stack, construct.securityGroupId);
    expect(endpointResource(stack).security_group_ids).toEqual([own, 'sg-0123456789abcdef0', 'sg-0fedcba9876543210']);
    expect(construct.securityGroupIds).toHaveLength(3);
    expect(Object.keys(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'))).toHaveLength(2);
  });

  test('join a group of your own too', () => {
    const { stack } = endpoint({ securityGroupId: 'sg-0aaaaaaaaaaaaaaa1', additionalSecurityGroupIds: ['sg-0123456789abcdef0'] });
    expect(endpointResource(stack).security_group_ids).toEqual(['sg-0aaaaaaaaaaaaaaa1', 'sg-0123456789abcdef0']);
  });

  test('reach every endpoint of an AwsServiceEndpoints map and a Lattice endpoint', () => {
    const stack = devStack();
    new AwsServiceEndpoints(stack, 'Aws', { vpc: VPC, subnets: SUBNETS, name: 'unit', services: { sts: { awsService: 'sts' }, logs: { awsService: 'logs' } }, additionalSecurityGroupIds: ['sg-0123456789abcdef0'] });
    new ResourceEndpoint(stack, 'Db', { vpc: VPC, subnets: SUBNETS, name: 'unit-db', resourceConfigurationArn: 'arn:aws:vpc-lattice:ap-northeast-1:444444444444:resourceconfiguration/rcfg-0123456789abcdef0', additionalSecurityGroupIds: ['sg-0123456789abcdef0'] });
    for (const ep of Object.values(resourcesOf(stack, 'aws_vpc_endpoint'))) expect(ep.security_group_ids).toEqual([expect.stringMatching(/^\$\{aws_security_group\./), 'sg-0123456789abcdef0']);
  });

  test('take groups known only at apply time', () => {
    const stack = devStack();
    const shared = new TerraformVariable(stack, 'baseline_group', { type: 'string' }).stringValue;
    endpoint({ additionalSecurityGroupIds: [shared] }, stack);
    expect(endpointResource(stack).security_group_ids).toEqual([expect.anything(), '${var.baseline_group}']);
  });

  test('bad input', () => {
    expect(() => endpoint({ additionalSecurityGroupIds: ['default'] })).toThrow(/'additionalSecurityGroupIds' is 'default', which is not a security group ID; give a security group ID/);
    expect(() => endpoint({ additionalSecurityGroupIds: ['sg-0123456789abcdef0', 'sg-0123456789abcdef0'] })).toThrow(/'additionalSecurityGroupIds' lists 'sg-0123456789abcdef0' twice/);
    expect(() => endpoint({ securityGroupId: 'sg-0123456789abcdef0', additionalSecurityGroupIds: ['sg-0123456789abcdef0'] })).toThrow(/already the endpoint's securityGroupId/);
    expect(() => endpoint({ additionalSecurityGroupIds: 'sg-0123456789abcdef0' as never })).toThrow(/'additionalSecurityGroupIds' is the string 'sg-0123456789abcdef0', not a list; give a list/);
    const sixteen = Array.from({ length: 16 }, (_, i) => `sg-${String(i).padStart(17, '0')}`);
    expect(() => endpoint({ additionalSecurityGroupIds: sixteen })).toThrow(/has 16 groups; an endpoint's network interfaces take at most 16/);
  });
});

describe('allowFrom on endpoints', () => {
  test('a workload group is admitted on the endpoint ports and gets the matching egress rule', () => {
    const { stack, construct } = endpoint({ ports: [443, 8443], allowedCidrs: ['10.0.0.0/16'] });
    const workloads = new DedicatedSecurityGroup(stack, 'Workloads', { vpcId: VPC.vpcId, name: 'workloads', description: 'Workloads' });
    construct.allowFrom(workloads);
    const json = synthJson(stack);
    const ingress = Object.values(json.resource.aws_vpc_security_group_ingress_rule);
    expect(ingress.filter((r) => r.referenced_security_group_id === rendered(stack, workloads.securityGroupId)).map((r) => r.from_port)).toEqual([443, 8443]);
    const egress = Object.values(json.resource.aws_vpc_security_group_egress_rule);
    expect(egress.map((r) => [r.security_group_id, r.referenced_security_group_id, r.from_port])).toEqual([
      [rendered(stack, workloads.securityGroupId), rendered(stack, construct.securityGroupId), 443],
      [rendered(stack, workloads.securityGroupId), rendered(stack, construct.securityGroupId), 8443],
    ]);
  });

  test('one endpoint admits another construct with a security group (Connectable), by its group', () => {
    const stack = devStack();
    const { construct: sts } = endpoint({}, stack);
    const db = new ResourceEndpoint(stack, 'Db', { vpc: VPC, subnets: SUBNETS, name: 'unit-db', resourceConfigurationArn: 'arn:aws:vpc-lattice:ap-northeast-1:444444444444:resourceconfiguration/rcfg-0123456789abcdef0', ports: [5432] });
    db.allowFrom(sts);
    const rules = Object.entries(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule')).filter(([id]) => id.startsWith('Db_'));
    expect(rules.map(([id, r]) => [id.replace(/_[0-9A-F]{8}$/, ''), r.from_port])).toEqual(expect.arrayContaining([['Db_SecurityGroup_In-tcp-5432-sgSaas-0', 5432]]));
  });

  test('an endpoint on a group of your own refuses rules: you manage them', () => {
    const { construct } = endpoint({ securityGroupId: 'sg-0aaaaaaaaaaaaaaa1' });
    expect(() => construct.allowFrom('10.0.0.0/8')).toThrow(/InterfaceEndpoint 'unit-dev\/Saas': 'allowFrom' cannot add rules to the security group 'sg-0aaaaaaaaaaaaaaa1'.*securityGroupId/);
  });

  test('the open internet never gets in this way, opt-in or not', () => {
    const { construct } = endpoint({ allowedCidrs: ['0.0.0.0/0'], allowOpenIngress: true });
    expect(() => construct.allowFrom('::/0')).toThrow(/'allowFrom' has '::\/0', which admits the whole internet/);
  });
});

describe('the dedicated security group and its inputs', () => {
  const ids = (count: number, prefix = 'sg') => Array.from({ length: count }, (_, i) => `${prefix}-${String(i + 1).padStart(17, '0')}`);
  const cidrs = (count: number) => Array.from({ length: count }, (_, i) => `10.${Math.floor(i / 250)}.${i % 250}.0/24`);
  const ingressRules = (stack: ReturnType<typeof devStack>) => Object.values(resourcesOf(stack, 'aws_vpc_security_group_ingress_rule'));

  test('an empty allowedCidrs gives a group without inbound rules', () => {
    const { stack } = endpoint({ allowedCidrs: [] });
    expect(ingressRules(stack)).toEqual([]);
    expect(Object.keys(resourcesOf(stack, 'aws_security_group'))).toHaveLength(1);
  });

  test('admits exactly as many peers and ports as a security group holds, and refuses one more', () => {
    expect(ingressRules(endpoint({ allowedCidrs: cidrs(30), ports: [443, 8443] }).stack)).toHaveLength(60);
    expect(() => endpoint({ allowedCidrs: cidrs(61) })).toThrow(/'allowedCidrs' and the other peers make 61 inbound rules \(one per peer and port\), more than the 60/);
  });

  test('the limit of 16 groups counts the additional groups, not the admitted ones', () => {
    expect(endpointResource(endpoint({ additionalSecurityGroupIds: ids(15) }).stack).security_group_ids).toHaveLength(16);
    expect(ingressRules(endpoint({ allowedSecurityGroupIds: ids(16) }).stack)).toHaveLength(16);
  });

  test.each([
    ['allowedSecurityGroupIds that is no list', { allowedSecurityGroupIds: 'sg-0123456789abcdef0' }, /'allowedSecurityGroupIds' .*give a list of IDs, for example \["sg-0123456789abcdef0"\]/],
    ['allowedPrefixListIds that is no list', { allowedPrefixListIds: 'pl-61a54008' }, /'allowedPrefixListIds' .*give a list of IDs, for example \["pl-61a54008"\]/],
    ['a group admitted twice', { allowedSecurityGroupIds: ['sg-0123456789abcdef0', 'sg-0123456789abcdef0'] }, /'allowedSecurityGroupIds' lists 'sg-0123456789abcdef0' twice; list each ID once/],
    ['allowOpenIngress with a group of your own', { securityGroupId: 'sg-0aaaaaaaaaaaaaaa1', allowOpenIngress: true }, /'allowOpenIngress' is true together with securityGroupId; leave it out: the rules of your own security group are yours/],
  ])('bad input: %s', (_name, props, message) => {
    expect(() => endpoint(props as unknown as Partial<InterfaceEndpointProps>)).toThrow(message);
  });

  describe('a peer known only at apply time that is no resource reference', () => {
    const computed = (stack: ReturnType<typeof devStack>, name: string) => Fn.element(new TerraformVariable(stack, name, { type: 'list(string)' }).listValue, 0);
    const fix = /admit it with allowFrom\(\{ securityGroupId, key: 'workers' \}\) \(or \{ prefixListId, key \}\) instead/;

    test('among the admitted groups, is reported under allowedSecurityGroupIds', () => {
      const stack = devStack();
      expect(() => endpoint({ allowedSecurityGroupIds: ['sg-0123456789abcdef0', computed(stack, 'groups')] }, stack)).toThrow(/'allowedSecurityGroupIds' has a peer known only at apply time/);
      const other = devStack();
      expect(() => endpoint({ allowedSecurityGroupIds: [computed(other, 'groups')] }, other)).toThrow(fix);
    });

    test('among the admitted prefix lists, is reported under allowedPrefixListIds', () => {
      const stack = devStack();
      expect(() => endpoint({ allowedPrefixListIds: [computed(stack, 'lists')] }, stack)).toThrow(/'allowedPrefixListIds' has a peer known only at apply time/);
      const other = devStack();
      expect(() => endpoint({ allowedSecurityGroupIds: ['sg-0123456789abcdef0'], allowedPrefixListIds: [computed(other, 'lists')] }, other)).toThrow(/'allowedPrefixListIds' has/);
    });
  });

  test('a CIDR block known only at apply time is refused under allowedCidrs', () => {
    const stack = devStack();
    const cidr = new TerraformVariable(stack, 'cidr', { type: 'string' }).stringValue;
    expect(() => endpoint({ allowedCidrs: [cidr] }, stack)).toThrow(/'allowedCidrs' has an unresolved value/);
  });
});
