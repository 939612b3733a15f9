import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint, type VpcEndpointConfig } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointPolicy } from '@cdktf/provider-aws/lib/vpc-endpoint-policy';
import { VpcEndpointSecurityGroupAssociation } from '@cdktf/provider-aws/lib/vpc-endpoint-security-group-association';
import { type EnvironmentStack } from '../../../src/environment-stack';
import { PRIVATELINK_RULES } from '../../../src/guardrails/pack';
import { AWS_SERVICE_ENDPOINT_POLICY } from '../../../src/guardrails/rules/endpoint-rules';
import { policyDocument } from '../../../src/policy-document';
import { describeRule, findingsOf, guardedStack, synthesizeToFile } from '../helpers';

const VPC = 'vpc-0a1b2c3d4e5f60718';
const SUBNETS = ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'];
const S3 = 'com.amazonaws.ap-northeast-1.s3';
const SSM = 'com.amazonaws.ap-northeast-1.ssm';
// A provider's service: PL-EP-3 (endpoint policies of AWS services) leaves it alone.
const PROVIDER_SERVICE = 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0';

function endpoint(stack: EnvironmentStack, config: Partial<VpcEndpointConfig>): VpcEndpoint {
  return new VpcEndpoint(stack, 'Endpoint', { vpcId: VPC, serviceName: PROVIDER_SERVICE, vpcEndpointType: 'Interface', subnetIds: SUBNETS, ...config });
}

function dedicatedGroup(stack: EnvironmentStack): string {
  return new SecurityGroup(stack, 'Group', { vpcId: VPC, name: 'endpoint', description: 'endpoint' }).id;
}

/** A VPC with flow logs, so only the endpoint rule can fire. */
function loggedVpc(stack: EnvironmentStack): Vpc {
  const vpc = new Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
  new FlowLog(stack, 'FlowLog', { vpcId: vpc.id, trafficType: 'ALL', logDestinationType: 's3', logDestination: 'arn:aws:s3:::flow-logs-111111111111' });
  return vpc;
}

function bucketPolicy(stack: EnvironmentStack): string {
  return policyDocument(stack, 'policy', [{ principals: '*', actions: ['s3:GetObject'], resources: ['arn:aws:s3:::reports-111111111111/*'] }]);
}

describeRule('PL-EP-1', {
  compliant: [
    { name: 'an interface endpoint with its own group', build: (stack) => endpoint(stack, { securityGroupIds: [dedicatedGroup(stack)] }) },
    {
      name: 'an interface endpoint whose group is attached by an association',
      build: (stack) => {
        const ep = endpoint(stack, {});
        new VpcEndpointSecurityGroupAssociation(stack, 'Association', { vpcEndpointId: ep.id, securityGroupId: dedicatedGroup(stack), replaceDefaultAssociation: true });
      },
    },
    { name: 'a gateway endpoint (no security groups)', build: (stack) => endpoint(stack, { serviceName: 'com.amazonaws.ap-northeast-1.dynamodb', vpcEndpointType: 'Gateway', subnetIds: undefined, policy: perimeterPolicy(stack) }) },
    { name: "an endpoint of Terraform's default type (Gateway)", build: (stack) => endpoint(stack, { serviceName: 'com.amazonaws.ap-northeast-1.dynamodb', vpcEndpointType: undefined, subnetIds: undefined, policy: perimeterPolicy(stack) }) },
    { name: 'an interface endpoint whose groups Terraform computes', build: (stack) => endpoint(stack, {}).addOverride('security_group_ids', '${var.security_group_ids}') },
  ],
  nonCompliant: [
    { name: 'an interface endpoint without security groups', path: 'Endpoint', problem: /security_group_ids' is empty/, build: (stack) => endpoint(stack, {}) },
    {
      name: "an interface endpoint given the VPC's default group",
      path: 'Endpoint',
      problem: /default security group/,
      build: (stack) => {
        const vpc = loggedVpc(stack);
        endpoint(stack, { vpcId: vpc.id, securityGroupIds: [vpc.defaultSecurityGroupId] });
      },
    },
    {
      name: "an interface endpoint given the VPC's default group by an association",
      path: 'Endpoint',
      problem: /default security group \(default of aws_vpc\.Vpc\)/,
      build: (stack) => {
        const vpc = loggedVpc(stack);
        const ep = endpoint(stack, { vpcId: vpc.id });
        new VpcEndpointSecurityGroupAssociation(stack, 'Association', { vpcEndpointId: ep.id, securityGroupId: vpc.defaultSecurityGroupId });
      },
    },
    {
      name: 'an interface endpoint whose only association belongs to another endpoint',
      path: 'Endpoint',
      problem: /security_group_ids' is empty/,
      build: (stack) => {
        endpoint(stack, {});
        const other = new VpcEndpoint(stack, 'Other', { vpcId: VPC, serviceName: PROVIDER_SERVICE, vpcEndpointType: 'Interface', subnetIds: SUBNETS });
        new VpcEndpointSecurityGroupAssociation(stack, 'Association', { vpcEndpointId: other.id, securityGroupId: dedicatedGroup(stack) });
      },
    },
    {
      name: 'an interface endpoint given the managed default group',
      path: 'Endpoint',
      build: (stack) => {
        const vpc = loggedVpc(stack);
        endpoint(stack, { vpcId: vpc.id, securityGroupIds: [new DefaultSecurityGroup(stack, 'DefaultGroup', { vpcId: vpc.id }).id] });
      },
    },
  ],
});

describeRule('PL-EP-2', {
  compliant: [
    { name: 'an S3 gateway endpoint with a policy', build: (stack) => endpoint(stack, { serviceName: S3, vpcEndpointType: 'Gateway', subnetIds: undefined, policy: bucketPolicy(stack) }) },
    { name: 'an S3 interface endpoint with a policy', build: (stack) => endpoint(stack, { serviceName: S3, securityGroupIds: [dedicatedGroup(stack)], policy: bucketPolicy(stack) }) },
    {
      name: 'an S3 gateway endpoint with a separate endpoint policy',
      build: (stack) => {
        const ep = endpoint(stack, { serviceName: S3, vpcEndpointType: 'Gateway', subnetIds: undefined });
        new VpcEndpointPolicy(stack, 'Policy', { vpcEndpointId: ep.id, policy: bucketPolicy(stack) });
      },
    },
    { name: 'an interface endpoint to another service without a policy', build: (stack) => endpoint(stack, { securityGroupIds: [dedicatedGroup(stack)] }) },
    { name: 'an interface endpoint to another AWS service', build: (stack) => endpoint(stack, { serviceName: SSM, securityGroupIds: [dedicatedGroup(stack)], policy: perimeterPolicy(stack) }) },
  ],
  nonCompliant: [
    { name: 'an S3 gateway endpoint without a policy', path: 'Endpoint', problem: /gateway endpoint to com\.amazonaws\.ap-northeast-1\.s3/, build: (stack) => endpoint(stack, { serviceName: S3, vpcEndpointType: 'Gateway', subnetIds: undefined }) },
    { name: 'an S3 interface endpoint without a policy', path: 'Endpoint', build: (stack) => endpoint(stack, { serviceName: S3, securityGroupIds: [dedicatedGroup(stack)] }) },
    {
      name: 'an S3 endpoint whose only separate policy belongs to another endpoint',
      path: 'Endpoint',
      problem: /'policy' is not set/,
      build: (stack) => {
        endpoint(stack, { serviceName: S3, vpcEndpointType: 'Gateway', subnetIds: undefined });
        const other = new VpcEndpoint(stack, 'Other', { vpcId: VPC, serviceName: 'com.amazonaws.ap-northeast-1.dynamodb', vpcEndpointType: 'Gateway', policy: perimeterPolicy(stack) });
        new VpcEndpointPolicy(stack, 'Policy', { vpcEndpointId: other.id, policy: perimeterPolicy(stack) });
      },
    },
    { name: 'an S3 endpoint with a blank policy', path: 'Endpoint', problem: /'policy' is not set/, build: (stack) => endpoint(stack, { serviceName: S3, vpcEndpointType: 'Gateway', subnetIds: undefined, policy: ' ' }) },
    {
      name: "an S3 endpoint policy that writes out AWS's full-access default ('*' principal, s3:*, every resource)",
      path: 'Endpoint',
      problem: /statement 'Everything' allows any principal every s3 action on every resource/,
      build: (stack) =>
        endpoint(stack, {
          serviceName: S3,
          vpcEndpointType: 'Gateway',
          subnetIds: undefined,
          policy: policyDocument(stack, 'policy', [{ sid: 'Everything', principals: { AWS: ['*'] }, actions: ['s3:*'], resources: ['arn:aws:s3:::*'] }]),
        }),
    },
  ],
});

/** A policy that keeps the data perimeter: principals and resources of the account only. */
function perimeterPolicy(stack: EnvironmentStack): string {
  return policyDocument(stack, 'policy', [
    {
      principals: '*',
      actions: ['*'],
      resources: ['*'],
      conditions: [
        { test: 'StringEquals', variable: 'aws:PrincipalAccount', values: ['111111111111'] },
        { test: 'StringEquals', variable: 'aws:ResourceAccount', values: ['111111111111'] },
      ],
    },
  ]);
}

describeRule(AWS_SERVICE_ENDPOINT_POLICY, {
  compliant: [
    { name: 'an interface endpoint to an AWS service with a perimeter policy', build: (stack) => endpoint(stack, { serviceName: SSM, securityGroupIds: [dedicatedGroup(stack)], policy: perimeterPolicy(stack) }) },
    {
      name: 'a DynamoDB gateway endpoint with a separate perimeter policy',
      build: (stack) => {
        const ep = endpoint(stack, { serviceName: 'com.amazonaws.ap-northeast-1.dynamodb', vpcEndpointType: 'Gateway', subnetIds: undefined });
        new VpcEndpointPolicy(stack, 'Policy', { vpcEndpointId: ep.id, policy: perimeterPolicy(stack) });
      },
    },
    {
      name: 'a Gateway Load Balancer endpoint (which takes no policy)',
      build: (stack) => endpoint(stack, { serviceName: SSM, vpcEndpointType: 'GatewayLoadBalancer', subnetIds: [SUBNETS[0]] }),
    },
    {
      name: 'an endpoint to a name that is no service name',
      build: (stack) => endpoint(stack, { serviceName: 'not-a-service', securityGroupIds: [dedicatedGroup(stack)] }),
    },
    {
      name: "an endpoint to a provider's service (which takes no policy)",
      build: (stack) => endpoint(stack, { serviceName: PROVIDER_SERVICE, securityGroupIds: [dedicatedGroup(stack)] }),
    },
  ],
  nonCompliant: [
    { name: 'an interface endpoint to ssm without a policy', path: 'Endpoint', problem: /interface endpoint to com\.amazonaws\.ap-northeast-1\.ssm has no endpoint policy/, build: (stack) => endpoint(stack, { serviceName: SSM, securityGroupIds: [dedicatedGroup(stack)] }) },
    { name: 'an interface endpoint to the global IAM service without a policy', path: 'Endpoint', build: (stack) => endpoint(stack, { serviceName: 'com.amazonaws.iam', securityGroupIds: [dedicatedGroup(stack)] }) },
    {
      name: "a policy that allows '*' everything without conditions",
      path: 'Endpoint',
      problem: /allows any principal every action on every resource without a condition/,
      build: (stack) =>
        endpoint(stack, { serviceName: SSM, securityGroupIds: [dedicatedGroup(stack)], policy: policyDocument(stack, 'policy', [{ principals: '*', actions: ['*'], resources: ['*'] }]) }),
    },
  ],
});

describe('PL-EP-3 in the default pack', () => {
  it('fails the synth of an EnvironmentStack with an AWS service endpoint that has no policy', () => {
    const stack = guardedStack();
    endpoint(stack, { serviceName: SSM, securityGroupIds: [dedicatedGroup(stack)] });
    expect(PRIVATELINK_RULES).toContain(AWS_SERVICE_ENDPOINT_POLICY);
    expect(findingsOf(stack, 'PL-EP-3')).toHaveLength(1);
    expect(() => synthesizeToFile(stack)).toThrow(/\[PL-EP-3\] guard-dev\/Endpoint/);
  });
});

describe('endpoint findings', () => {
  const messages = (stack: EnvironmentStack, id: string) => findingsOf(stack, id).map((f) => [f.problem, f.fix]);
  const GROUP_FIX = 'give the endpoint its own security group (core DedicatedSecurityGroup) that admits only its clients on the service ports';

  it('name the default group an endpoint is given', () => {
    const stack = guardedStack();
    const vpc = loggedVpc(stack);
    endpoint(stack, { vpcId: vpc.id, securityGroupIds: [new DefaultSecurityGroup(stack, 'DefaultGroup', { vpcId: vpc.id }).id, vpc.defaultSecurityGroupId] });
    expect(messages(stack, 'PL-EP-1')).toEqual([["'security_group_ids' names the VPC's default security group (aws_default_security_group.DefaultGroup)", GROUP_FIX]]);
  });

  it('say when an endpoint has no group', () => {
    const stack = guardedStack();
    endpoint(stack, {});
    expect(messages(stack, 'PL-EP-1')).toEqual([["'security_group_ids' is empty, so AWS attaches the VPC's default security group", GROUP_FIX]]);
  });

  it("say what an S3 endpoint without a policy reaches, on Terraform's default type", () => {
    const stack = guardedStack();
    endpoint(stack, { serviceName: S3, vpcEndpointType: undefined, subnetIds: undefined });
    expect(messages(stack, 'PL-EP-2')).toEqual([
      [
        "'policy' is not set on the gateway endpoint to com.amazonaws.ap-northeast-1.s3, so AWS's default policy allows every action on every bucket",
        'give a least-privilege endpoint policy that names the buckets, the actions and the principals (or their accounts) that may be reached',
      ],
    ]);
  });

  it('name each open statement of an endpoint policy, by Sid when it has one', () => {
    const stack = guardedStack();
    const open = { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' };
    endpoint(stack, { serviceName: SSM, securityGroupIds: [dedicatedGroup(stack)], policy: JSON.stringify({ Statement: [open, { ...open, Sid: 'All' }, { ...open, Sid: 7 }] }) });
    const problem = (sid: string) => `the endpoint policy${sid} allows any principal every action on every resource without a condition, which is AWS's full-access default written out`;
    expect(findingsOf(stack, 'PL-EP-3').map((f) => f.problem)).toEqual([problem(''), problem(" statement 'All'"), problem('')]);
  });

  it('say which AWS service endpoint has no policy', () => {
    const stack = guardedStack();
    endpoint(stack, { serviceName: 'com.amazonaws.ap-northeast-1.dynamodb', vpcEndpointType: 'Gateway', subnetIds: undefined });
    expect(findingsOf(stack, 'PL-EP-3').map((f) => f.problem)).toEqual([
      "the gateway endpoint to com.amazonaws.ap-northeast-1.dynamodb has no endpoint policy, so AWS's default full-access policy applies",
    ]);
  });
});
