import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint, type VpcEndpointConfig } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointPolicy } from '@cdktf/provider-aws/lib/vpc-endpoint-policy';
import { VpcEndpointSecurityGroupAssociation } from '@cdktf/provider-aws/lib/vpc-endpoint-security-group-association';
import { policyDocument, type EnvironmentStack } from '../../../src';
import { describeRule } from '../helpers';

const VPC = 'vpc-0a1b2c3d4e5f60718';
const SUBNETS = ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'];
const S3 = 'com.amazonaws.ap-northeast-1.s3';

function endpoint(stack: EnvironmentStack, config: Partial<VpcEndpointConfig>): VpcEndpoint {
  return new VpcEndpoint(stack, 'Endpoint', { vpcId: VPC, serviceName: 'com.amazonaws.ap-northeast-1.ssm', vpcEndpointType: 'Interface', subnetIds: SUBNETS, ...config });
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
    { name: 'a gateway endpoint (no security groups)', build: (stack) => endpoint(stack, { serviceName: 'com.amazonaws.ap-northeast-1.dynamodb', vpcEndpointType: 'Gateway', subnetIds: undefined }) },
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
  ],
  nonCompliant: [
    { name: 'an S3 gateway endpoint without a policy', path: 'Endpoint', problem: /gateway endpoint to com\.amazonaws\.ap-northeast-1\.s3/, build: (stack) => endpoint(stack, { serviceName: S3, vpcEndpointType: 'Gateway', subnetIds: undefined }) },
    { name: 'an S3 interface endpoint without a policy', path: 'Endpoint', build: (stack) => endpoint(stack, { serviceName: S3, securityGroupIds: [dedicatedGroup(stack)] }) },
  ],
});
