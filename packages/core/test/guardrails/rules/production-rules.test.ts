import { Lb } from '@cdktf/provider-aws/lib/lb';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointService } from '@cdktf/provider-aws/lib/vpc-endpoint-service';
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { type StateBackend } from '../../../src/environment';
import { EnvironmentStack } from '../../../src/environment-stack';
import { Guardrails } from '../../../src/guardrails/guardrails';
import { PRODUCTION_PREVENT_DESTROY, PRODUCTION_REMOTE_STATE } from '../../../src/guardrails/rules/production-rules';
import { describeRule, findingsOf, guardedStack, synthesizeToFile } from '../helpers';

const SUBNETS = ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'];

describe('PL-PROD-1', () => {
  const stack = (name: 'dev' | 'prod', backend?: StateBackend) => {
    // PL-PROD-1 is in the pack: every EnvironmentStack runs it.
    return new EnvironmentStack(Testing.app(), { application: 'state', environment: { name, accountId: '333333333333', backend } });
  };

  it('has a rationale', () => {
    expect(PRODUCTION_REMOTE_STATE.rationale).toMatch(/\w+ \w+ \w+/);
  });

  it('passes a production stack with its state in S3, and a dev stack on the local disk', () => {
    expect(() => synthesizeToFile(stack('prod', { type: 's3', bucket: 'acme-terraform-state' }))).not.toThrow();
    expect(() => synthesizeToFile(stack('dev'))).not.toThrow();
  });

  it('fails a production stack whose state would stay on the local disk, by default or by choice', () => {
    expect(() => synthesizeToFile(stack('prod'))).toThrow(/\[PL-PROD-1\] state-prod \(terraform\.backend\): the stack uses a local backend, so its state stays on the local disk\. Fix: give the environment backend/);
    expect(() => synthesizeToFile(stack('prod', { type: 'local', path: 'prod.tfstate' }))).toThrow(/\[PL-PROD-1\]/);
  });

  it('fails a production stack of any kind that has no backend at all', () => {
    class ProductionStack extends TerraformStack {
      public readonly isProduction = true;
    }
    const plain = new ProductionStack(Testing.app(), 'plain-prod');
    expect(Guardrails.of(plain).findings().filter((f) => f.ruleId === 'PL-PROD-1')).toEqual([
      expect.objectContaining({ path: 'plain-prod', address: 'terraform.backend', problem: 'the stack has no backend, so its state stays on the local disk', fix: expect.stringMatching(/backend: \{ type: 's3', bucket \}/) }),
    ]);
  });

  it('accepts it when suppressed for the stack, and records the suppression', () => {
    const s = stack('prod');
    Guardrails.of(s).suppress({ ruleId: 'PL-PROD-1', path: 'state-prod', reason: 'Throw-away production rehearsal, state discarded' });
    const record = synthesizeToFile(s)['//'].guardrails;
    expect(record.suppressions).toEqual([expect.objectContaining({ ruleId: 'PL-PROD-1', path: 'state-prod', suppressed: ['terraform.backend'] })]);
  });
});

function protectedResources(stack: EnvironmentStack, preventDestroy: boolean | { nlb: boolean; service: boolean }): void {
  const { nlb: nlbProtected, service: serviceProtected } = typeof preventDestroy === 'boolean' ? { nlb: preventDestroy, service: preventDestroy } : preventDestroy;
  const published = new Construct(stack, 'Published');
  const nlb = new Lb(published, 'Nlb', { name: 'api', internal: true, loadBalancerType: 'network', subnets: SUBNETS, enableDeletionProtection: true, lifecycle: { preventDestroy: nlbProtected } });
  new VpcEndpointService(published, 'Service', { acceptanceRequired: true, networkLoadBalancerArns: [nlb.arn], lifecycle: { preventDestroy: serviceProtected } });
}

describeRule(PRODUCTION_PREVENT_DESTROY, {
  compliant: [
    { name: 'a protected endpoint service and NLB in production', production: true, build: (stack) => protectedResources(stack, true) },
    { name: 'unprotected ones outside production', build: (stack) => protectedResources(stack, false) },
    {
      name: 'an application load balancer and a gateway endpoint in production',
      production: true,
      build: (stack) => {
        new Lb(stack, 'Alb', { name: 'web', internal: true, loadBalancerType: 'application', subnets: SUBNETS });
        // With the data perimeter PL-EP-3 asks of an AWS service's endpoint.
        const perimeter = { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111111111111', 'aws:ResourceAccount': '111111111111' } } };
        new VpcEndpoint(stack, 'Gateway', { vpcId: 'vpc-0a1b2c3d4e5f60718', serviceName: 'com.amazonaws.ap-northeast-1.dynamodb', vpcEndpointType: 'Gateway', policy: JSON.stringify({ Version: '2012-10-17', Statement: [perimeter] }) });
      },
    },
    {
      name: "a load balancer and an endpoint of Terraform's default types (application, Gateway) in production",
      production: true,
      build: (stack) => {
        new Lb(stack, 'Alb', { name: 'web', internal: true, subnets: SUBNETS });
        const perimeter = { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalAccount': '111111111111', 'aws:ResourceAccount': '111111111111' } } };
        new VpcEndpoint(stack, 'Gateway', { vpcId: 'vpc-0a1b2c3d4e5f60718', serviceName: 'com.amazonaws.ap-northeast-1.dynamodb', policy: JSON.stringify({ Version: '2012-10-17', Statement: [perimeter] }) });
      },
    },
  ],
  nonCompliant: [
    { name: 'an endpoint service without prevent_destroy in production', production: true, path: 'Published/Service', problem: /prevent_destroy' is not true/, build: (stack) => protectedResources(stack, { nlb: true, service: false }) },
    { name: 'a network load balancer without prevent_destroy in production', production: true, path: 'Published/Nlb', build: (stack) => protectedResources(stack, { nlb: false, service: true }) },
    {
      name: 'an interface endpoint without prevent_destroy in production',
      production: true,
      path: 'Endpoint',
      build: (stack) =>
        new VpcEndpoint(stack, 'Endpoint', {
          vpcId: 'vpc-0a1b2c3d4e5f60718',
          serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0',
          vpcEndpointType: 'Interface',
          subnetIds: SUBNETS,
          securityGroupIds: ['sg-0a1b2c3d4e5f60718'],
        }),
    },
  ],
});

describe('PL-PROD-2 findings', () => {
  it('say what is wrong and how to fix it', () => {
    const stack = guardedStack({ production: true });
    protectedResources(stack, { nlb: true, service: false });
    expect(findingsOf(stack, 'PL-PROD-2').map((f) => [f.path, f.problem, f.fix])).toEqual([
      [
        'guard-prod/Published/Service',
        "'lifecycle.prevent_destroy' is not true on a resource customers connect through in production",
        "set the construct's preventDestroy (on by default in production), or lifecycle { prevent_destroy = true }",
      ],
    ]);
  });

  it('leave a prevent_destroy that is not a literal to Terraform', () => {
    const stack = guardedStack({ production: true });
    protectedResources(stack, true);
    (stack.node.findChild('Published').node.findChild('Service') as VpcEndpointService).addOverride('lifecycle.prevent_destroy', '${var.protect}');
    expect(findingsOf(stack, 'PL-PROD-2')).toEqual([]);
  });
});
