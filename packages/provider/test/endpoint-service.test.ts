import { VpcEndpointService } from '@cdktf/provider-aws/lib/vpc-endpoint-service';
import { Guardrails } from '@privatelink-cdktf/core';
import { Testing } from 'cdktf';
import { EndpointService, type EndpointServiceProps } from '../src';
import { NLB_ARN, resolve, resourcesOf, synthJson, testStack } from './helpers';

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
