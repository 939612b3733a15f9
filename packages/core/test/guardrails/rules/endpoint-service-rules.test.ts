import { Alb } from '@cdktf/provider-aws/lib/alb';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { VpcEndpointService } from '@cdktf/provider-aws/lib/vpc-endpoint-service';
import { VpcEndpointServiceAllowedPrincipal } from '@cdktf/provider-aws/lib/vpc-endpoint-service-allowed-principal';
import { Construct } from 'constructs';
import { type EnvironmentStack } from '../../../src/environment-stack';
import { Guardrails } from '../../../src/guardrails/guardrails';
import { NO_ANY_PRINCIPAL } from '../../../src/guardrails/rules/endpoint-service-rules';
import { describeRule, findingsOf, guardedStack, synthesizeToFile } from '../helpers';

const NLB_ARN = 'arn:aws:elasticloadbalancing:ap-northeast-1:111111111111:loadbalancer/net/api/0123456789abcdef';

function service(stack: Construct, acceptanceRequired: boolean, allowedPrincipals?: string[]): VpcEndpointService {
  return new VpcEndpointService(stack, 'Service', { acceptanceRequired, networkLoadBalancerArns: [NLB_ARN], allowedPrincipals });
}

function principal(stack: EnvironmentStack, principalArn: string): void {
  new VpcEndpointServiceAllowedPrincipal(stack, 'Principal', { vpcEndpointServiceId: service(stack, true).id, principalArn });
}

function serviceBehindNlb(stack: EnvironmentStack, enableDeletionProtection?: boolean): void {
  // prevent_destroy on both, so that in production only PL-ES-3 judges the fixture (not PL-PROD-2).
  const lifecycle = { preventDestroy: true };
  const nlb = new Lb(stack, 'Nlb', { name: 'api', internal: true, loadBalancerType: 'network', subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'], enableDeletionProtection, lifecycle });
  new VpcEndpointService(stack, 'Service', { acceptanceRequired: true, networkLoadBalancerArns: [nlb.arn], lifecycle });
}

describeRule('PL-ES-1', {
  compliant: [
    { name: 'a service that requires acceptance', build: (stack) => service(stack, true) },
    { name: 'a service whose acceptance Terraform computes', build: (stack) => service(stack, true).addOverride('acceptance_required', '${var.acceptance_required}') },
  ],
  nonCompliant: [
    { name: 'a service that accepts every endpoint', path: 'Service', problem: /acceptance_required' is false, so endpoints of allowed principals connect without review/, build: (stack) => service(stack, false) },
    { name: 'a service that leaves acceptance unset', path: 'Service', problem: /acceptance_required' is not set, so/, build: (stack) => service(stack, undefined as unknown as boolean) },
  ],
});

describeRule('PL-ES-2', {
  compliant: [
    { name: 'an allowed principal naming an account', build: (stack) => principal(stack, 'arn:aws:iam::222222222222:root') },
    { name: 'an inline list of roles', build: (stack) => service(stack, true, ['arn:aws:iam::222222222222:role/consumer']) },
  ],
  nonCompliant: [
    { name: "an allowed principal resource of '*'", path: 'Principal', problem: /principal_arn' allows '\*'/, build: (stack) => principal(stack, '*') },
    { name: "an inline '*' principal", path: 'Service', problem: /allowed_principals' allows '\*'/, build: (stack) => service(stack, true, ['*']) },
    { name: "'*' spelled as every account's root", path: 'Principal', problem: /allows 'arn:aws:iam::\*:root'/, build: (stack) => principal(stack, 'arn:aws:iam::*:root') },
  ],
});

describe('PL-ES-2 opt-in by a construct', () => {
  /** What a library construct does when its user set `allowAnyPrincipal: true`. */
  class OpenService extends Construct {
    constructor(scope: Construct, id: string) {
      super(scope, id);
      Guardrails.acknowledge(this, NO_ANY_PRINCIPAL, "allowAnyPrincipal: true was set, so any account may request (acceptance still applies)");
      principal(this as unknown as EnvironmentStack, '*');
    }
  }

  it('accepts the construct and everything under it, and records who accepted it', () => {
    const stack = guardedStack();
    new OpenService(stack, 'Open');
    const json = synthesizeToFile(stack);
    expect(json['//'].guardrails.suppressions).toEqual([
      expect.objectContaining({ ruleId: 'PL-ES-2', path: 'guard-dev/Open', source: 'construct', suppressed: [expect.stringMatching(/^aws_vpc_endpoint_service_allowed_principal\./)] }),
    ]);
  });

  it('does not reach constructs outside it', () => {
    const stack = guardedStack();
    new OpenService(stack, 'Open');
    principal(stack, '*');
    expect(findingsOf(stack, 'PL-ES-2').filter((f) => !f.suppression).map((f) => f.path)).toEqual(['guard-dev/Principal']);
  });

  it('needs a reason', () => {
    const stack = guardedStack();
    expect(() => Guardrails.acknowledge(stack, 'PL-ES-2', 'ok')).toThrow(/acknowledge\.reason/);
  });
});

describeRule('PL-ES-3', {
  compliant: [
    { name: 'a protected NLB in production', production: true, build: (stack) => serviceBehindNlb(stack, true) },
    { name: 'an unprotected NLB outside production', build: (stack) => serviceBehindNlb(stack, false) },
    {
      name: 'an NLB whose deletion protection Terraform computes, in production',
      production: true,
      build: (stack) => {
        serviceBehindNlb(stack, false);
        (stack.node.findChild('Nlb') as Lb).addOverride('enable_deletion_protection', '${var.protect}');
      },
    },
  ],
  nonCompliant: [
    { name: 'an unprotected NLB in production', production: true, path: 'Nlb', problem: /enable_deletion_protection/, build: (stack) => serviceBehindNlb(stack, false) },
    { name: 'an NLB with the default (off) in production', production: true, path: 'Nlb', build: (stack) => serviceBehindNlb(stack) },
    {
      name: 'an unprotected aws_alb of type network in production',
      production: true,
      path: 'Nlb',
      build: (stack) => {
        const lifecycle = { preventDestroy: true };
        const nlb = new Alb(stack, 'Nlb', { name: 'api', internal: true, loadBalancerType: 'network', subnets: ['subnet-0a1b2c3d4e5f60718'], lifecycle });
        new VpcEndpointService(stack, 'Service', { acceptanceRequired: true, networkLoadBalancerArns: [nlb.arn], lifecycle });
      },
    },
    {
      name: 'an unprotected gateway load balancer in production',
      production: true,
      path: 'Gwlb',
      build: (stack) => {
        const lifecycle = { preventDestroy: true };
        const gwlb = new Lb(stack, 'Gwlb', { name: 'inspect', loadBalancerType: 'gateway', subnets: ['subnet-0a1b2c3d4e5f60718'], lifecycle });
        new VpcEndpointService(stack, 'Service', { acceptanceRequired: true, gatewayLoadBalancerArns: [gwlb.arn], lifecycle });
      },
    },
  ],
});

describe('endpoint service findings', () => {
  it('say what is wrong and how to fix it', () => {
    const stack = guardedStack({ production: true });
    serviceBehindNlb(stack, false);
    service(new Construct(stack, 'Open'), false, ['arn:aws:iam::*:root']);
    const messages = (id: string) => findingsOf(stack, id).map((f) => [f.problem, f.fix]);
    expect(messages('PL-ES-1')).toEqual([
      ["'acceptance_required' is false, so endpoints of allowed principals connect without review", 'set acceptance_required = true (EndpointService acceptanceRequired, the default) and accept tenant endpoints by ID'],
    ]);
    expect(messages('PL-ES-2')).toEqual([
      [
        "'allowed_principals' allows 'arn:aws:iam::*:root', so any AWS account may request an endpoint",
        "list account root, role or user ARNs; if any AWS account really may connect, set allowAnyPrincipal: true on the EndpointService (which acknowledges PL-ES-2) or suppress PL-ES-2 with a reason",
      ],
    ]);
    expect(messages('PL-ES-3')).toEqual([
      ["'enable_deletion_protection' is not true on a load balancer that fronts an endpoint service in production", 'set enable_deletion_protection = true (NetworkLoadBalancer deletionProtection, the default)'],
    ]);
  });
});
