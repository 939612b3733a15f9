import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { VpcEndpointService } from '@cdktf/provider-aws/lib/vpc-endpoint-service';
import { Guardrails } from '@privatelink-cdktf/core';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { EndpointService, type EndpointServiceProps } from '../src/endpoint-service';
import { NLB_ARN, recordedGuardrails, resolve, resourcesOf, type Synthesized, synthJson, testStack } from './helpers';

const ROOT = 'arn:aws:iam::444444444444:root';

function service(props: Partial<EndpointServiceProps> = {}) {
  const stack = testStack();
  const endpointService = new EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], ...props });
  return { stack, endpointService };
}

describe('EndpointService', () => {
  it('requires acceptance and supports IPv4 by default, with no inline principals', () => {
    const { stack, endpointService } = service({ tenants: [{ key: 'acme-bank', principals: [ROOT] }] });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcEndpointService, {
      acceptance_required: true,
      network_load_balancer_arns: [NLB_ARN],
      supported_ip_address_types: ['ipv4'],
    });
    const resource = Object.values(resourcesOf(synthJson(stack), 'aws_vpc_endpoint_service'))[0];
    expect(resource).not.toHaveProperty('allowed_principals');
    expect(resource).not.toHaveProperty('lifecycle');
    expect(resolve(stack, endpointService.serviceName)).toMatch(/^\$\{aws_vpc_endpoint_service\.Service_\w+\.service_name\}$/);
    expect(resolve(stack, endpointService.verificationRecordName)).toMatch(/private_dns_name_configuration\[0\]\.name\}$/);
    expect(resolve(stack, endpointService.verificationRecordValue)).toMatch(/private_dns_name_configuration\[0\]\.value\}$/);
  });

  it('fronts several NLBs and sets IP types, supported regions, private DNS name, tags and prevent_destroy', () => {
    const second = NLB_ARN.replace('/shared/', '/second/');
    const { stack } = service({
      networkLoadBalancerArns: [NLB_ARN, second],
      supportedIpAddressTypes: ['ipv4', 'ipv6'],
      supportedRegions: ['us-east-1', 'eu-west-1'],
      privateDnsName: 'api.saas.example.com',
      tags: { service: 'hr' },
      preventDestroy: true,
      tenants: [{ key: 'acme-bank', principals: [ROOT] }],
    });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcEndpointService, {
      network_load_balancer_arns: [NLB_ARN, second],
      supported_ip_address_types: ['ipv4', 'ipv6'],
      // The service's own region joins the list (hashicorp/terraform-provider-aws#40667).
      supported_regions: ['ap-northeast-1', 'us-east-1', 'eu-west-1'],
      private_dns_name: 'api.saas.example.com',
      tags: { service: 'hr' },
      lifecycle: { prevent_destroy: true },
    });
  });

  it('turns acceptance off by name when principals are allowed', () => {
    const { stack } = service({ acceptanceRequired: false, tenants: [{ key: 'acme-bank', principals: [ROOT] }] });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(VpcEndpointService, { acceptance_required: false });
  });

  it("allows '*' only with the opt-in", () => {
    expect(() => service({ tenants: [{ key: 'everyone', principals: ['*'] }] })).toThrow(/EndpointService 'unit-dev\/Service': 'tenants' allows the principal '\*'.*set allowAnyPrincipal: true/);
    const { stack } = service({ tenants: [{ key: 'everyone', principals: ['*'] }], allowAnyPrincipal: true });
    expect(Object.values(resourcesOf(synthJson(stack), 'aws_vpc_endpoint_service_allowed_principal'))).toEqual([expect.objectContaining({ principal_arn: '*' })]);
    expect(() => service({ tenants: [{ key: 'everyone', principals: ['*'] }], allowAnyPrincipal: true, acceptanceRequired: false })).toThrow(/'acceptanceRequired' is false while '\*' is allowed/);
  });

  it('accepts the guardrail findings of its named opt-ins, so the stack still passes its guardrails', () => {
    const accepted = (stack: ReturnType<typeof service>['stack'], ruleId: string) =>
      Guardrails.of(stack)
        .findings()
        .filter((f) => f.ruleId === ruleId)
        .map((f) => f.suppression?.source);
    const open = service({ tenants: [{ key: 'everyone', principals: ['*'] }], allowAnyPrincipal: true });
    expect(() => Testing.synth(open.stack, true)).not.toThrow();
    expect(accepted(open.stack, 'PL-ES-2')).toEqual(['construct']);
    const unreviewed = service({ acceptanceRequired: false, tenants: [{ key: 'acme-bank', principals: [ROOT] }] });
    expect(() => Testing.synth(unreviewed.stack, true)).not.toThrow();
    expect(accepted(unreviewed.stack, 'PL-ES-1')).toEqual(['construct']);
    const safe = service({ tenants: [{ key: 'acme-bank', principals: [ROOT] }] });
    expect(Guardrails.of(safe.stack).findings()).toEqual([]);
  });

  it('adds its own region to supported regions only when it is missing (hashicorp/terraform-provider-aws#40667)', () => {
    const regionsOf = (props: Partial<EndpointServiceProps>) => Object.values(resourcesOf(synthJson(service(props).stack), 'aws_vpc_endpoint_service'))[0].supported_regions;
    expect(regionsOf({ supportedRegions: ['us-east-1', 'ap-northeast-1'] })).toEqual(['us-east-1', 'ap-northeast-1']);
    expect(regionsOf({})).toBeUndefined();
  });

  it('allows service principals next to account, role and user ARNs (aws/aws-cdk#29478)', () => {
    const principals = [ROOT, 'arn:aws:iam::444444444444:role/consumer', 'arn:aws:iam::444444444444:user/operator', 'elasticloadbalancing.amazonaws.com'];
    const { stack } = service({ tenants: [{ key: 'acme-bank', principals }] });
    const allowed = resourcesOf(synthJson(stack), 'aws_vpc_endpoint_service_allowed_principal');
    expect(Object.values(allowed).map((r) => r.principal_arn).sort()).toEqual([...principals].sort());
    expect(Object.keys(allowed).filter((id) => id.startsWith('Service_Tenant-acme-bank_Principal-elasticloadbalancing-amazonaws-com_'))).toHaveLength(1);
  });

  it("refuses 'anyone' written another way, even with the opt-in, so '*' stays the one spelling it guards", () => {
    expect(() => service({ tenants: [{ key: 'everyone', principals: ['arn:aws:iam::*:root'] }], allowAnyPrincipal: true })).toThrow(/'tenants\[0\].principals' has 'arn:aws:iam::\*:root', which allows any AWS account; write '\*'/);
  });

  it('fronts Gateway Load Balancers instead of NLBs', () => {
    const gwlb = NLB_ARN.replace('/net/', '/gwy/');
    const { stack } = service({ networkLoadBalancerArns: undefined, gatewayLoadBalancerArns: [gwlb], tenants: [{ key: 'acme-bank', principals: [ROOT] }] });
    const resource = Object.values(resourcesOf(synthJson(stack), 'aws_vpc_endpoint_service'))[0];
    expect(resource).toMatchObject({ gateway_load_balancer_arns: [gwlb], acceptance_required: true });
    expect(resource).not.toHaveProperty('network_load_balancer_arns');
    expect(() => service({ networkLoadBalancerArns: undefined, gatewayLoadBalancerArns: [] })).toThrow(/'gatewayLoadBalancerArns' is empty; give the ARN of at least one Gateway Load Balancer/);
  });

  it('waits as long as the timeouts say', () => {
    const { stack } = service({ timeouts: { create: '20m', delete: '30m' } });
    expect(Object.values(resourcesOf(synthJson(stack), 'aws_vpc_endpoint_service'))[0].timeouts).toEqual({ create: '20m', delete: '30m' });
  });

  it('carries prevent_destroy in production unless told otherwise by name', () => {
    const lifecycle = (environment: 'dev' | 'prod', props: Partial<EndpointServiceProps>) => {
      const stack = testStack(environment);
      const nlb = environment === 'prod' ? NLB_ARN.replace('111111111111', '333333333333') : NLB_ARN;
      new EndpointService(stack, 'Service', { networkLoadBalancerArns: [nlb], ...props });
      return Object.values(resourcesOf(synthJson(stack), 'aws_vpc_endpoint_service'))[0].lifecycle;
    };
    expect(lifecycle('prod', {})).toEqual({ prevent_destroy: true });
    expect(lifecycle('prod', { preventDestroy: false })).toBeUndefined();
    expect(lifecycle('dev', {})).toBeUndefined();
  });

  describe('rejects', () => {
    it('an empty or malformed NLB list', () => {
      expect(() => service({ networkLoadBalancerArns: [] })).toThrow(/'networkLoadBalancerArns' is empty; give the ARN of at least one Network Load Balancer/);
      expect(() => service({ networkLoadBalancerArns: [NLB_ARN, NLB_ARN] })).toThrow(/'networkLoadBalancerArns' lists .* twice/);
      expect(() => service({ networkLoadBalancerArns: [NLB_ARN.replace('/net/', '/app/')] })).toThrow(/which is not a Network Load Balancer ARN/);
    });

    it('acceptance off with no principals', () => {
      expect(() => service({ acceptanceRequired: false })).toThrow(/'acceptanceRequired' is false with no allowed principals/);
    });

    it('duplicate and malformed tenant keys', () => {
      expect(() => service({ tenants: [{ key: 'acme-bank', principals: [ROOT] }, { key: 'acme-bank', principals: ['arn:aws:iam::555555555555:root'] }] })).toThrow(/EndpointService 'unit-dev\/Service': 'tenants\[1\].key' is 'acme-bank', which tenants\[0\] \('acme-bank'\) already has; give every tenant its own key/);
      expect(() => service({ tenants: [{ key: 'Acme Bank', principals: [ROOT] }] })).toThrow(/'tenants\[0\].key' has key 'Acme Bank'/);
    });

    it('unknown regions, unknown IP types and an invalid private DNS name', () => {
      expect(() => service({ supportedRegions: ['ap-northeast-9'] })).toThrow(/'supportedRegions' has unknown region 'ap-northeast-9'/);
      expect(() => service({ supportedIpAddressTypes: ['dualstack' as 'ipv4'] })).toThrow(/'supportedIpAddressTypes' is 'dualstack'; use one of 'ipv4', 'ipv6'/);
      expect(() => service({ supportedIpAddressTypes: [] })).toThrow(/'supportedIpAddressTypes' is empty/);
      expect(() => service({ privateDnsName: 'API_.example.com' })).toThrow(/'privateDnsName' is 'API_.example.com', which is not a valid DNS name/);
      expect(() => service({ privateDnsName: 'localhost' })).toThrow(/'privateDnsName' is 'localhost'/);
    });
  });
});

describe('EndpointService.acceptEndpoint', () => {
  it('accepts an endpoint known only by reference, addressed by its key', () => {
    const { stack, endpointService } = service({ tenants: [{ key: 'acme-bank', principals: [ROOT] }] });
    const endpointId = Token.asString({ Ref: 'endpoint' });
    endpointService.acceptEndpoint('internal-batch', endpointId);
    const accepters = resourcesOf(synthJson(stack), 'aws_vpc_endpoint_connection_accepter');
    expect(Object.keys(accepters)).toEqual([expect.stringMatching(/^Service_AcceptRef-internal-batch_/)]);
    expect(Object.values(accepters)[0].vpc_endpoint_service_id).toMatch(/^\$\{aws_vpc_endpoint_service\.Service_\w+\.id\}$/);
  });

  it('refuses a second accepter for a key or for a tenant endpoint, a malformed ID, and acceptance that is off', () => {
    const { endpointService } = service({ tenants: [{ key: 'acme-bank', principals: [ROOT], endpointIds: ['vpce-0a1b2c3d4e5f60718'] }] });
    endpointService.acceptEndpoint('batch', 'vpce-0123456789abcdef0');
    expect(() => endpointService.acceptEndpoint('batch', 'vpce-0123456789abcdef1')).toThrow(/'acceptEndpoint.key' is 'batch' twice/);
    expect(() => endpointService.acceptEndpoint('again', 'vpce-0a1b2c3d4e5f60718')).toThrow(/which tenant 'acme-bank' lists already/);
    expect(() => endpointService.acceptEndpoint('bad', 'vpc-0123456789abcdef0')).toThrow(/'acceptEndpoint.endpointId' is 'vpc-0123456789abcdef0', which is not a VPC endpoint ID/);
    expect(() => endpointService.acceptEndpoint('Bad Key', 'vpce-0123456789abcdef2')).toThrow(/'acceptEndpoint.key' has key 'Bad Key'/);
    const automatic = service({ acceptanceRequired: false, tenants: [{ key: 'acme-bank', principals: [ROOT] }] }).endpointService;
    expect(() => automatic.acceptEndpoint('batch', 'vpce-0123456789abcdef0')).toThrow(/'acceptEndpoint' is called while acceptanceRequired is false/);
  });
});

describe('EndpointService where it deploys', () => {
  const supportedRegions = (stack: TerraformStack) => Object.values(resourcesOf(JSON.parse(Testing.synth(stack)) as Synthesized, 'aws_vpc_endpoint_service'))[0].supported_regions;

  it("checks the load balancers against its own provider's region, which joins the supported regions", () => {
    const stack = testStack();
    const provider = new AwsProvider(stack, 'Virginia', { region: 'us-east-1', alias: 'virginia' });
    // A second provider may be another account: only the region is known.
    const nlb = 'arn:aws:elasticloadbalancing:us-east-1:222222222222:loadbalancer/net/shared/0123456789abcdef';
    new EndpointService(stack, 'Service', { provider, networkLoadBalancerArns: [nlb], supportedRegions: ['eu-west-1'] });
    expect(supportedRegions(stack)).toEqual(['us-east-1', 'eu-west-1']);
    expect(() => new EndpointService(stack, 'Tokyo', { provider, networkLoadBalancerArns: [NLB_ARN] })).toThrow(/'networkLoadBalancerArns' is '.*', in ap-northeast-1, but the stack deploys to us-east-1/);
  });

  it('keeps the supported regions as given when its region is known only at apply time', () => {
    const stack = new TerraformStack(Testing.app(), 'plain');
    new AwsProvider(stack, 'aws', { region: new TerraformVariable(stack, 'region', { type: 'string' }).stringValue });
    const endpointService = new EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], supportedRegions: ['us-east-1'] });
    expect(supportedRegions(stack)).toEqual(['us-east-1']);
    // What an Aspect or escape hatch reading the resource sees: no placeholder for the unknown region.
    expect(endpointService.resource.supportedRegionsInput).toEqual(['us-east-1']);
  });
});

describe('EndpointService guardrail acknowledgements, as recorded for reviewers', () => {
  const OFFBOARDED = { key: 'old-co', principals: ['arn:aws:iam::555555555555:root'], state: 'offboarded' as const, endpointIds: ['vpce-0123456789abcdef1'] };
  const open = service({ tenants: [{ key: 'everyone', principals: ['*'] }], allowAnyPrincipal: true });
  const unreviewed = service({ acceptanceRequired: false, tenants: [{ key: 'acme-bank', principals: [ROOT] }] });
  const safe = service({ tenants: [{ key: 'acme-bank', principals: [ROOT], endpointIds: ['vpce-0a1b2c3d4e5f60718'] }, OFFBOARDED] });
  const prod = testStack('prod');
  new EndpointService(prod, 'Service', { networkLoadBalancerArns: [NLB_ARN.replace('111111111111', '333333333333')], preventDestroy: false });
  const onService = (stack: ReturnType<typeof testStack>) => recordedGuardrails(stack).suppressions.filter((s) => s.path === `${stack.node.id}/Service`);

  it("records why '*' is allowed, on the service", () => {
    expect(onService(open.stack)).toEqual([expect.objectContaining({ ruleId: 'PL-ES-2', reason: "allowAnyPrincipal: true was set on the endpoint service to allow the '*' principal" })]);
  });

  it('records why endpoints connect without review', () => {
    expect(onService(unreviewed.stack)).toEqual([
      expect.objectContaining({ ruleId: 'PL-ES-1', reason: 'acceptanceRequired: false was set on the endpoint service, so allowed principals connect without review' }),
    ]);
  });

  it('records why a production service may be destroyed', () => {
    expect(onService(prod)).toEqual([expect.objectContaining({ ruleId: 'PL-PROD-2', reason: 'preventDestroy: false was set on the endpoint service in production, so a plan may destroy it' })]);
  });

  it('records nothing for a service that chose no unsafe option, and lists only offboarded endpoints to reject', () => {
    expect(recordedGuardrails(safe.stack).suppressions).toEqual([]);
    expect(safe.endpointService.endpointsToReject).toEqual(['vpce-0123456789abcdef1']);
  });
});

describe('EndpointService bad input', () => {
  const GWLB = NLB_ARN.replace('/net/', '/gwy/');
  const accepting = () => service({ tenants: [{ key: 'acme-bank', principals: [ROOT], endpointIds: ['vpce-0a1b2c3d4e5f60718'] }] }).endpointService;
  const cases: BadInputCase[] = [
    { name: 'tags as a string', run: () => service({ tags: 'team=platform' as never }), field: 'tags', value: "is the string 'team=platform'", fix: /give an object such as \{ team: 'platform' \}/ },
    { name: 'tags null', run: () => service({ tags: null as never }), field: 'tags', value: 'is null', fix: /give an object such as \{ team: 'platform' \}/ },
    { name: 'tags as a list', run: () => service({ tags: ['platform'] as never }), field: 'tags', value: 'is a list', fix: /give an object such as \{ team: 'platform' \}/ },
    {
      name: 'an NLB ARN of another service',
      run: () => service({ networkLoadBalancerArns: [NLB_ARN.replace(':elasticloadbalancing:', ':ec2:')] }),
      field: 'networkLoadBalancerArns',
      value: 'which is not an elasticloadbalancing loadbalancer ARN',
      fix: /arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer\/net\/my-nlb\//,
    },
    { name: 'a GWLB service with an NLB ARN', run: () => service({ networkLoadBalancerArns: undefined, gatewayLoadBalancerArns: [NLB_ARN] }), field: 'gatewayLoadBalancerArns', value: 'which is not a Gateway Load Balancer ARN', fix: /give ARNs such as arn:aws:elasticloadbalancing:.*loadbalancer\/gwy\// },
    { name: 'an NLB service with a GWLB ARN', run: () => service({ networkLoadBalancerArns: [GWLB] }), field: 'networkLoadBalancerArns', value: 'which is not a Network Load Balancer ARN', fix: /give ARNs such as arn:aws:elasticloadbalancing:.*loadbalancer\/net\// },
    {
      name: 'a GWLB service with a private DNS name',
      run: () => service({ networkLoadBalancerArns: undefined, gatewayLoadBalancerArns: [GWLB], privateDnsName: 'api.example.com' }),
      field: 'privateDnsName',
      value: 'is set on a Gateway Load Balancer endpoint service',
      fix: /leave privateDnsName out: Gateway Load Balancer endpoints take no DNS name/,
    },
    {
      name: 'acceptEndpoint while acceptance is off',
      run: () => service({ acceptanceRequired: false, tenants: [{ key: 'acme-bank', principals: [ROOT] }] }).endpointService.acceptEndpoint('batch', 'vpce-0123456789abcdef0'),
      field: 'acceptEndpoint',
      value: 'is called while acceptanceRequired is false',
      fix: /leave it out: every endpoint of an allowed principal is accepted automatically/,
    },
    {
      name: "acceptEndpoint of a tenant's endpoint",
      run: () => accepting().acceptEndpoint('again', 'vpce-0a1b2c3d4e5f60718'),
      field: 'acceptEndpoint.endpointId',
      value: "is 'vpce-0a1b2c3d4e5f60718', which tenant 'acme-bank' lists already",
      fix: /accept an endpoint once: leave this call out, or remove it from the tenant/,
    },
    {
      name: 'acceptEndpoint with a key twice',
      run: () => {
        const endpointService = accepting();
        endpointService.acceptEndpoint('batch', 'vpce-0123456789abcdef0');
        return endpointService.acceptEndpoint('batch', 'vpce-0123456789abcdef1');
      },
      field: 'acceptEndpoint.key',
      value: "is 'batch' twice",
      fix: /give each accepted endpoint its own key/,
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
