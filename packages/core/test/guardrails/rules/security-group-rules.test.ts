import { Lb } from '@cdktf/provider-aws/lib/lb';
import { SecurityGroup, type SecurityGroupIngress } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { TransferServer } from '@cdktf/provider-aws/lib/transfer-server';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { type EnvironmentStack } from '../../../src/environment-stack';
import { DedicatedSecurityGroup } from '../../../src/security-group';
import { describeRule, findingsOf, guardedStack } from '../helpers';

const VPC = 'vpc-0a1b2c3d4e5f60718';
const SUBNETS = ['subnet-0a1b2c3d4e5f60718', 'subnet-0a1b2c3d4e5f60719'];

function group(stack: EnvironmentStack, ingress?: SecurityGroupIngress[]): SecurityGroup {
  return new SecurityGroup(stack, 'Group', { vpcId: VPC, name: 'endpoint', description: 'endpoint', ingress });
}

function endpointWith(stack: EnvironmentStack, groupId: string): void {
  new VpcEndpoint(stack, 'Endpoint', { vpcId: VPC, serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0', vpcEndpointType: 'Interface', subnetIds: SUBNETS, securityGroupIds: [groupId] });
}

function ingressRule(stack: EnvironmentStack, groupId: string, cidr: string): void {
  new VpcSecurityGroupIngressRule(stack, 'In', { securityGroupId: groupId, ipProtocol: 'tcp', fromPort: 443, toPort: 443, ...(cidr.includes(':') ? { cidrIpv6: cidr } : { cidrIpv4: cidr }) });
}

const https = (cidr: string): SecurityGroupIngress => ({ protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: [cidr] });

describeRule('PL-SG-1', {
  compliant: [
    {
      name: 'an endpoint group that admits the VPC',
      build: (stack) => {
        const sg = group(stack);
        endpointWith(stack, sg.id);
        ingressRule(stack, sg.id, '10.0.0.0/16');
      },
    },
    {
      name: 'a DedicatedSecurityGroup on an endpoint',
      build: (stack) => {
        const sg = new DedicatedSecurityGroup(stack, 'Dedicated', { vpcId: VPC, name: 'endpoint', description: 'endpoint', ingress: [{ ports: [443], cidrs: ['10.0.0.0/16'] }] });
        endpointWith(stack, sg.securityGroupId);
      },
    },
    {
      name: 'an endpoint group open to half of the IPv4 internet only',
      build: (stack) => {
        const sg = group(stack);
        endpointWith(stack, sg.id);
        ingressRule(stack, sg.id, '0.0.0.0/1');
      },
    },
    {
      name: 'an open group that no endpoint, load balancer or server uses',
      build: (stack) => {
        ingressRule(stack, group(stack).id, '0.0.0.0/0');
      },
    },
  ],
  nonCompliant: [
    {
      name: 'an ingress rule resource from 0.0.0.0/0',
      path: 'In',
      problem: /'0\.0\.0\.0\/0' into a security group used by aws_vpc_endpoint\.Endpoint/,
      build: (stack) => {
        const sg = group(stack);
        endpointWith(stack, sg.id);
        ingressRule(stack, sg.id, '0.0.0.0/0');
      },
    },
    {
      name: 'inline blocks that split the IPv4 internet in halves',
      path: 'Group',
      problem: /'0\.0\.0\.0\/1', '128\.0\.0\.0\/1' into a security group used by aws_vpc_endpoint\.Endpoint, which opens it to the whole IPv4 internet/,
      build: (stack) => endpointWith(stack, group(stack, [https('0.0.0.0/1'), https('128.0.0.0/1')]).id),
    },
    {
      name: "IPv6's whole internet written as 0::/0",
      path: 'In',
      problem: /'0::\/0'.*whole IPv6 internet/,
      build: (stack) => {
        const sg = group(stack);
        endpointWith(stack, sg.id);
        ingressRule(stack, sg.id, '0::/0');
      },
    },
    {
      name: 'a legacy security group rule from ::/0',
      path: 'Rule',
      problem: /'::\/0'/,
      build: (stack) => {
        const sg = group(stack);
        endpointWith(stack, sg.id);
        new SecurityGroupRule(stack, 'Rule', { type: 'ingress', securityGroupId: sg.id, protocol: 'tcp', fromPort: 443, toPort: 443, ipv6CidrBlocks: ['::/0'] });
      },
    },
    {
      name: 'an inline ingress block',
      path: 'Group',
      build: (stack) => endpointWith(stack, group(stack, [https('10.0.0.0/8'), https('0.0.0.0/0')]).id),
    },
    {
      name: "a rule on a brought-your-own group ID that an endpoint uses",
      path: 'In',
      build: (stack) => {
        endpointWith(stack, 'sg-0a1b2c3d4e5f60718');
        ingressRule(stack, 'sg-0a1b2c3d4e5f60718', '0.0.0.0/0');
      },
    },
    {
      name: 'a load balancer group',
      path: 'Group',
      problem: /used by aws_lb\.Nlb/,
      build: (stack) => {
        const sg = group(stack, [https('0.0.0.0/0')]);
        new Lb(stack, 'Nlb', { name: 'api', internal: true, loadBalancerType: 'network', subnets: SUBNETS, securityGroups: [sg.id] });
      },
    },
    {
      name: 'a Transfer server group',
      path: 'In',
      problem: /used by aws_transfer_server\.Sftp/,
      build: (stack) => {
        const sg = group(stack);
        new TransferServer(stack, 'Sftp', {
          endpointType: 'VPC',
          endpointDetails: { vpcId: VPC, subnetIds: SUBNETS, securityGroupIds: [sg.id] },
          securityPolicyName: 'TransferSecurityPolicy-2024-01',
          loggingRole: 'arn:aws:iam::111111111111:role/transfer-logging',
        });
        ingressRule(stack, sg.id, '0.0.0.0/0');
      },
    },
  ],
});

describe('PL-SG-1 across rule resources', () => {
  it('adds up the rules of one group, so halves in two resources are found', () => {
    const stack = guardedStack();
    const sg = group(stack);
    endpointWith(stack, sg.id);
    new VpcSecurityGroupIngressRule(stack, 'First', { securityGroupId: sg.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '0.0.0.0/1' });
    new VpcSecurityGroupIngressRule(stack, 'Second', { securityGroupId: sg.id, ipProtocol: 'tcp', fromPort: 8443, toPort: 8443, cidrIpv4: '128.0.0.0/1' });
    new VpcSecurityGroupIngressRule(stack, 'Office', { securityGroupId: sg.id, ipProtocol: 'tcp', fromPort: 443, toPort: 443, cidrIpv4: '10.0.0.0/8' });
    const findings = findingsOf(stack, 'PL-SG-1');
    expect(findings.map((f) => f.path).sort()).toEqual(['guard-dev/First', 'guard-dev/Second']);
    expect(findings.find((f) => f.path === 'guard-dev/Second')?.problem).toMatch(/'128\.0\.0\.0\/1' .* which with '0\.0\.0\.0\/1' opens it to the whole IPv4 internet/);
  });
});
