import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { RamPrincipalAssociation } from '@cdktf/provider-aws/lib/ram-principal-association';
import { Route53ProfilesResourceAssociation } from '@cdktf/provider-aws/lib/route53profiles-resource-association';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { InterfaceEndpoint } from '../src/interface-endpoint';
import { Route53Profile, Route53ProfileAssociations, type Route53ProfileProps } from '../src/route53-profile';
import { CUSTOM_SERVICE, devStack, rendered, resourcesOf, SUBNETS, synthJson, VPC } from './helpers';

const ZONE = 'arn:aws:route53:::hostedzone/Z0123456789ABCDEFGHIJ';
const RULE = 'arn:aws:route53resolver:ap-northeast-1:111111111111:resolver-rule/rslvr-rr-0123456789abcdef0';
const FIREWALL = 'arn:aws:route53resolver:ap-northeast-1:111111111111:firewall-rule-group/rslvr-frg-0123456789abcdef0';
const OU = 'arn:aws:organizations::999999999999:ou/o-abcdefghij/ou-ab12-cdefghij';

function profile(props: Partial<Route53ProfileProps> = {}, stack = devStack()) {
  const saas = new InterfaceEndpoint(stack, 'Saas', { vpc: VPC, subnets: SUBNETS, name: 'unit-saas', service: { serviceName: CUSTOM_SERVICE }, privateDns: true });
  const construct = new Route53Profile(stack, 'Dns', { name: 'unit-dns', resources: { saas: { endpoint: saas } }, ...props });
  return { stack, construct, saas };
}

describe('Route53Profile', () => {
  test("carries an endpoint's private DNS, zones, rules and firewall groups to the VPCs of this account", () => {
    const stack = devStack();
    const saas = new InterfaceEndpoint(stack, 'Saas', { vpc: VPC, subnets: SUBNETS, name: 'unit-saas', service: { serviceName: CUSTOM_SERVICE }, privateDns: true });
    const construct = new Route53Profile(stack, 'Dns', {
      name: 'unit-dns',
      resources: { saas: { endpoint: saas }, corp: { hostedZoneArn: ZONE }, onprem: { resolverRuleArn: RULE }, firewall: { firewallRuleGroupArn: FIREWALL, priority: 200 } },
      vpcs: { analytics: 'vpc-0123456789abcdef0', batch: 'vpc-0fedcba9876543210' },
      timeouts: { create: '30m' },
    });
    const synth = Testing.synth(stack);
    const json = synthJson(stack);
    expect(Object.values(json.resource.aws_route53profiles_profile)).toEqual([expect.objectContaining({ name: 'unit-dns', timeouts: { create: '30m' } })]);
    expect(synth).toHaveResourceWithProperties(Route53ProfilesResourceAssociation, { name: 'unit-dns-saas', resource_arn: rendered(stack, saas.endpointArn), profile_id: rendered(stack, construct.profileId) });
    expect(synth).toHaveResourceWithProperties(Route53ProfilesResourceAssociation, { resource_arn: ZONE });
    expect(synth).toHaveResourceWithProperties(Route53ProfilesResourceAssociation, { resource_arn: FIREWALL, resource_properties: '{"priority":200}' });
    const vpcIds = Object.entries(json.resource.aws_route53profiles_association).map(([id, a]) => [id.replace(/_[0-9A-F]{8}$/, ''), a.resource_id]);
    expect(vpcIds).toEqual([['Dns_Vpc-analytics', 'vpc-0123456789abcdef0'], ['Dns_Vpc-batch', 'vpc-0fedcba9876543210']]);
    expect(resourcesOf(stack, 'aws_ram_resource_share')).toEqual({});
    expect(construct.resourceShareArn).toBeUndefined();
  });

  test('shares the profile with other accounts and organizational units through AWS RAM, inside the organization by default', () => {
    const { stack, construct } = profile({ shareWith: { 'analytics-prod': '222222222222', workloads: OU } });
    const synth = Testing.synth(stack);
    expect(Object.values(resourcesOf(stack, 'aws_ram_resource_share'))).toEqual([expect.objectContaining({ allow_external_principals: false })]);
    expect(Object.values(resourcesOf(stack, 'aws_ram_resource_association'))).toEqual([expect.objectContaining({ resource_arn: rendered(stack, construct.profileArn) })]);
    expect(synth).toHaveResourceWithProperties(RamPrincipalAssociation, { principal: '222222222222' });
    expect(synth).toHaveResourceWithProperties(RamPrincipalAssociation, { principal: OU });
    const external = profile({ shareWith: { partner: '333333333333' }, allowExternalPrincipals: true });
    expect(Object.values(resourcesOf(external.stack, 'aws_ram_resource_share'))[0]).toMatchObject({ allow_external_principals: true });
  });

  test('the receiving account associates its VPCs with the shared profile, one resource per key', () => {
    const stack = devStack();
    const associations = new Route53ProfileAssociations(stack, 'Dns', { name: 'unit-dns', profileId: 'rp-0123456789abcdef', vpcs: { analytics: 'vpc-0123456789abcdef0' } });
    expect(Object.values(resourcesOf(stack, 'aws_route53profiles_association'))).toEqual([expect.objectContaining({ profile_id: 'rp-0123456789abcdef', resource_id: 'vpc-0123456789abcdef0', name: 'unit-dns-analytics' })]);
    expect(Object.keys(associations.associationIds)).toEqual(['analytics']);
  });

  test('adding a VPC or a resource leaves the others at their addresses', () => {
    const ids = (vpcs: Record<string, string>) => Object.keys(resourcesOf(profile({ vpcs }).stack, 'aws_route53profiles_association'));
    expect(ids({ a: 'vpc-0123456789abcdef0', b: 'vpc-0fedcba9876543210' })).toEqual(expect.arrayContaining(ids({ b: 'vpc-0fedcba9876543210' })));
  });

  describe('bad input', () => {
    test('resources', () => {
      expect(() => profile({ resources: {} })).toThrow(/'resources' is empty/);
      expect(() => profile({ resources: undefined })).toThrow(/Route53Profile 'unit-dev\/Dns': 'resources' is missing/);
      expect(() => profile({ resources: { zone: { hostedZoneArn: 'Z0123' } } })).toThrow(/'resources.zone.hostedZoneArn' is 'Z0123'; give an ARN such as arn:aws:route53:::hostedzone/);
      expect(() => profile({ resources: { rule: { resolverRuleArn: ZONE } } })).toThrow(/'resources.rule.resolverRuleArn'/);
      expect(() => profile({ resources: { fw: { firewallRuleGroupArn: FIREWALL, priority: 50 } } })).toThrow(/'resources.fw.priority' is 50; give a whole number from 100 to 9900/);
      expect(() => profile({ resources: { zone: { hostedZoneArn: ZONE, priority: 100 } as never } })).toThrow(/'resources.zone.priority' is set on a resource that is not a firewall rule group/);
      expect(() => profile({ resources: { two: { hostedZoneArn: ZONE, resolverRuleArn: RULE } as never } })).toThrow(/'resources.two' has hostedZoneArn and resolverRuleArn/);
    });
    test('an endpoint without private DNS has nothing to share', () => {
      const stack = devStack();
      const plain = new InterfaceEndpoint(stack, 'Plain', { vpc: VPC, subnets: SUBNETS, name: 'unit-plain', service: { serviceName: CUSTOM_SERVICE } });
      expect(() => new Route53Profile(stack, 'Dns', { name: 'unit-dns', resources: { plain: { endpoint: plain } } })).toThrow(/'resources.plain.endpoint' is unit-dev\/Plain, which has private DNS off; turn on privateDns/);
    });
    test('VPCs and principals', () => {
      expect(() => profile({ vpcs: { a: 'subnet-0123456789abcdef0' } })).toThrow(/'vpcs.a' is 'subnet-0123456789abcdef0'/);
      expect(() => profile({ vpcs: { A: 'vpc-0123456789abcdef0' } })).toThrow(/'vpcs' has key 'A'/);
      expect(() => profile({ shareWith: { me: '111111111111' } })).toThrow(/'shareWith.me' is this stack's own account 111111111111/);
      expect(() => profile({ shareWith: { x: 'arn:aws:iam::222222222222:root' } })).toThrow(/'shareWith.x' is 'arn:aws:iam::222222222222:root'; give a 12-digit account ID/);
      expect(() => new Route53ProfileAssociations(devStack(), 'A', { name: 'x', profileId: 'rp-1', vpcs: {} })).toThrow(/'vpcs' is empty/);
      expect(() => new Route53ProfileAssociations(devStack(), 'A', { name: 'x', vpcs: { a: 'vpc-0123456789abcdef0' } } as never)).toThrow(/'profileId' is missing/);
      expect(() => profile({ name: '' })).toThrow(/'name' is empty/);
      expect(() => new Route53Profile(devStack(), 'P', undefined as never)).toThrow(/Route53Profile 'unit-dev\/P': 'props' is missing/);
      expect(() => profile({ timeouts: { update: '5m' } as never })).toThrow(/'timeouts.update' is not a timeout of this resource/);
    });
  });
});

describe('Route53Profile sharing', () => {
  it('names the share after the profile', () => {
    const { stack } = profile({ shareWith: { 'analytics-prod': '222222222222' } });
    expect(Object.values(resourcesOf(stack, 'aws_ram_resource_share'))).toEqual([expect.objectContaining({ name: 'unit-dns-route53-profile' })]);
  });

  it('needs the account only to share: without one it builds an unshared profile, and refuses to share', () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    new AwsProvider(stack, 'aws', { region: 'ap-northeast-1' });
    const build = (id: string, shareWith?: Record<string, string>) => new Route53Profile(stack, id, { name: 'unit-dns', resources: { corp: { hostedZoneArn: ZONE } }, shareWith });
    expect(build('Unshared').resourceShareArn).toBeUndefined();
    expect(() => build('Shared', { partner: '222222222222' })).toThrow(/Route53Profile 'plain\/Shared': 'accountId' is unknown/);
  });

  it('takes principals known only at apply time', () => {
    const stack = devStack();
    const principal = new TerraformVariable(stack, 'principal', { type: 'string' }).stringValue;
    profile({ shareWith: { partner: principal } }, stack);
    expect(Object.values(resourcesOf(stack, 'aws_ram_principal_association'))).toEqual([expect.objectContaining({ principal: '${var.principal}' })]);
  });

  it.each<[string, Partial<Route53ProfileProps>, RegExp]>([
    ['a principal that is not a string', { shareWith: { x: 222222222222 as never } }, /'shareWith.x' is 222222222222; give an account ID, or an organization or organizational unit ARN/],
    ['an account ID in a list', { shareWith: { x: ['222222222222'] as never } }, /'shareWith.x' is \["222222222222"\]; give an account ID/],
    ['an account ID of 13 digits', { shareWith: { x: '2222222222223' } }, /'shareWith.x' is '2222222222223'; give a 12-digit account ID/],
    ['a share key that is not address-safe', { shareWith: { 'Analytics Prod': '222222222222' } }, /'shareWith' has key 'Analytics Prod'/],
  ])('rejects %s', (_name, props, message) => expect(() => profile(props)).toThrow(message));
});

describe('Route53Profile resources and settings', () => {
  it('takes delete timeouts for the profile and its VPC associations', () => {
    const { stack } = profile({ vpcs: { analytics: 'vpc-0123456789abcdef0' }, timeouts: { delete: '45m' } });
    expect(Object.values(resourcesOf(stack, 'aws_route53profiles_profile'))[0]).toMatchObject({ timeouts: { delete: '45m' } });
    expect(Object.values(resourcesOf(stack, 'aws_route53profiles_association'))[0]).toMatchObject({ timeouts: { delete: '45m' } });
  });

  it('takes firewall rule group priorities from 100 to 9900', () => {
    const { stack } = profile({ resources: { first: { firewallRuleGroupArn: FIREWALL, priority: 100 }, last: { firewallRuleGroupArn: FIREWALL, priority: 9900 } } });
    expect(Object.values(resourcesOf(stack, 'aws_route53profiles_resource_association')).map((a) => a.resource_properties)).toEqual(['{"priority":100}', '{"priority":9900}']);
  });

  const PRIORITY_FIX = 'give a whole number from 100 to 9900; lower runs first';
  it.each<[string, Partial<Route53ProfileProps>, RegExp | string]>([
    ['an empty name', { name: '' }, /Route53Profile 'unit-dev\/Dns': 'name' is empty; give a name such as tenant-consumer-prod-dns/],
    ['no resources', { resources: undefined }, /'resources' is missing; give what the profile carries, for example \{ saas: \{ endpoint: saasEndpoint \} \}/],
    ['empty resources', { resources: {} }, /'resources' is empty; give at least one endpoint, hosted zone, Resolver rule or firewall rule group/],
    ['a resource key that is not address-safe', { resources: { 'Corp Zone': { hostedZoneArn: ZONE } } }, /'resources' has key 'Corp Zone'/],
    ['a null resource', { resources: { corp: null as never } }, /'resources.corp' is null; give \{ endpoint \}, \{ vpcEndpointArn \}, \{ hostedZoneArn \}, \{ resolverRuleArn \} or \{ firewallRuleGroupArn, priority \}/],
    ['a resource given as its ARN', { resources: { corp: ZONE as never } }, /'resources.corp' is 'arn:aws:route53:::hostedzone\/Z0123456789ABCDEFGHIJ'; give \{ endpoint \}/],
    ['a resource of no known kind', { resources: { corp: {} as never } }, /'resources.corp' is \{\}; give exactly one of endpoint, vpcEndpointArn, hostedZoneArn, resolverRuleArn, firewallRuleGroupArn/],
    ['a resource of two kinds', { resources: { two: { hostedZoneArn: ZONE, resolverRuleArn: RULE } as never } }, /'resources.two' has hostedZoneArn and resolverRuleArn; give exactly one of endpoint/],
    ['an ARN in a list', { resources: { corp: { hostedZoneArn: [ZONE] as never } } }, /'resources.corp.hostedZoneArn' is \["arn:aws:route53:::hostedzone\/Z0123456789ABCDEFGHIJ"\]; give an ARN such as/],
    ['a priority on a hosted zone', { resources: { zone: { hostedZoneArn: ZONE, priority: 100 } as never } }, /'resources.zone.priority' is set on a resource that is not a firewall rule group; leave it out/],
    ['a priority as a string', { resources: { fw: { firewallRuleGroupArn: FIREWALL, priority: '200' as never } } }, `'resources.fw.priority' is '200'; ${PRIORITY_FIX}`],
    ['a fractional priority', { resources: { fw: { firewallRuleGroupArn: FIREWALL, priority: 150.5 } } }, `'resources.fw.priority' is 150.5; ${PRIORITY_FIX}`],
    ['a priority above 9900', { resources: { fw: { firewallRuleGroupArn: FIREWALL, priority: 9901 } } }, `'resources.fw.priority' is 9901; ${PRIORITY_FIX}`],
  ])('rejects %s', (_name, props, message) => expect(() => profile(props)).toThrow(message));
});

describe('Route53ProfileAssociations bad input', () => {
  const build = (props: Record<string, unknown>) => () =>
    new Route53ProfileAssociations(devStack(), 'Dns', { name: 'unit-dns', profileId: 'rp-0123456789abcdef', vpcs: { analytics: 'vpc-0123456789abcdef0' }, ...props } as never);

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an empty profile ID', { profileId: '' }, /Route53ProfileAssociations 'unit-dev\/Dns': 'profileId' is empty; give the profile ID \(rp-\.\.\.\)/],
    ['no VPCs', { vpcs: {} }, /'vpcs' is empty; give at least one VPC, for example \{ analytics: 'vpc-0123456789abcdef0' \}/],
    ['a timeout the association does not have', { timeouts: { update: '5m' } }, /'timeouts.update' is not a timeout of this resource/],
  ])('rejects %s', (_name, props, message) => expect(build(props)).toThrow(message));

  it('takes create and delete timeouts', () => {
    const stack = devStack();
    new Route53ProfileAssociations(stack, 'Dns', { name: 'unit-dns', profileId: 'rp-0123456789abcdef', vpcs: { analytics: 'vpc-0123456789abcdef0' }, timeouts: { create: '20m', delete: '45m' } });
    expect(Object.values(resourcesOf(stack, 'aws_route53profiles_association'))[0]).toMatchObject({ timeouts: { create: '20m', delete: '45m' } });
  });
});
