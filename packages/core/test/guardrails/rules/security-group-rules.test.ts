import { Alb } from '@cdktf/provider-aws/lib/alb';
import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { DefaultVpc } from '@cdktf/provider-aws/lib/default-vpc';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { SecurityGroup, type SecurityGroupIngress } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { TransferServer } from '@cdktf/provider-aws/lib/transfer-server';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointSecurityGroupAssociation } from '@cdktf/provider-aws/lib/vpc-endpoint-security-group-association';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { type EnvironmentStack } from '../../../src/environment-stack';
import { DedicatedSecurityGroup } from '../../../src/security-group';
import { securityGroupKeys } from '../../../src/guardrails/rules/security-group-rules';
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

describe('PL-SG-1 with group IDs it cannot trace', () => {
  it('does not tie an endpoint to an open rule when both name groups only through other resources', () => {
    const stack = guardedStack();
    endpointWith(stack, '${aws_cloudformation_stack.Groups.outputs.EndpointGroup}');
    ingressRule(stack, '${aws_cloudformation_stack.Groups.outputs.PublicGroup}', '0.0.0.0/0');
    expect(findingsOf(stack, 'PL-SG-1')).toEqual([]);
  });
});

describe('PL-SG-1 findings', () => {
  const FIX = 'admit only the client CIDR blocks, security groups or prefix lists that need the service';
  const findings = (stack: EnvironmentStack) => findingsOf(stack, 'PL-SG-1').map((f) => [f.path, f.problem]);

  it('say what opens the group to which internet, and how to fix it', () => {
    const stack = guardedStack();
    endpointWith(stack, group(stack, [https('10.0.0.0/8'), { protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'], ipv6CidrBlocks: ['::/0'] }]).id);
    expect(findingsOf(stack, 'PL-SG-1').map((f) => [f.path, f.problem, f.fix])).toEqual([
      ['guard-dev/Group', "admits ingress from '0.0.0.0/0', '::/0' into a security group used by aws_vpc_endpoint.Endpoint, which opens it to the whole IPv4 and IPv6 internet", FIX],
    ]);
  });

  it("judge the inline rules of the VPC's managed default group when an endpoint uses it by the VPC's attribute", () => {
    const stack = guardedStack();
    const vpc = new Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16' });
    endpointWith(stack, vpc.defaultSecurityGroupId);
    new DefaultSecurityGroup(stack, 'DefaultGroup', { vpcId: vpc.id, ingress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }] });
    // Another group of the VPC is not its default group.
    new SecurityGroup(stack, 'Unused', { vpcId: vpc.id, name: 'unused', description: 'unused', ingress: [https('0.0.0.0/0')] });
    expect(findings(stack)).toEqual([['guard-dev/DefaultGroup', "admits ingress from '0.0.0.0/0' into a security group used by aws_vpc_endpoint.Endpoint, which opens it to the whole IPv4 internet"]]);
  });

  it('name the first resource that uses the group', () => {
    const stack = guardedStack();
    const sg = group(stack, [https('0.0.0.0/0')]);
    new Lb(stack, 'Nlb', { name: 'api', internal: true, loadBalancerType: 'network', subnets: SUBNETS, securityGroups: [sg.id] });
    endpointWith(stack, sg.id);
    expect(findings(stack)).toEqual([['guard-dev/Group', "admits ingress from '0.0.0.0/0' into a security group used by aws_vpc_endpoint.Endpoint, which opens it to the whole IPv4 internet"]]);
  });

  it('name the endpoint a group is associated with, or the association when the endpoint is not in the stack', () => {
    const stack = guardedStack();
    const endpoint = new VpcEndpoint(stack, 'Endpoint', { vpcId: VPC, serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0', vpcEndpointType: 'Interface', subnetIds: SUBNETS });
    new VpcEndpointSecurityGroupAssociation(stack, 'Association', { vpcEndpointId: endpoint.id, securityGroupId: group(stack, [https('0.0.0.0/0')]).id });
    const other = new SecurityGroup(stack, 'Other', { vpcId: VPC, name: 'other', description: 'other', ingress: [https('::/0')] });
    new VpcEndpointSecurityGroupAssociation(stack, 'Elsewhere', { vpcEndpointId: 'vpce-0a1b2c3d4e5f60718', securityGroupId: other.id });
    expect(findings(stack)).toEqual([
      ['guard-dev/Group', "admits ingress from '0.0.0.0/0' into a security group used by aws_vpc_endpoint.Endpoint, which opens it to the whole IPv4 internet"],
      ['guard-dev/Other', "admits ingress from '::/0' into a security group used by aws_vpc_endpoint_security_group_association.Elsewhere, which opens it to the whole IPv6 internet"],
    ]);
  });

  it('judge the groups of an aws_alb', () => {
    const stack = guardedStack();
    const sg = group(stack, [https('0.0.0.0/0')]);
    new Alb(stack, 'Alb', { name: 'web', internal: true, subnets: SUBNETS, securityGroups: [sg.id] });
    expect(findings(stack).map(([, problem]) => problem)).toEqual([expect.stringContaining('used by aws_alb.Alb,')]);
  });

  it('judge legacy ingress rules from IPv4 blocks, and leave egress rules alone', () => {
    const stack = guardedStack();
    const sg = group(stack);
    endpointWith(stack, sg.id);
    new SecurityGroupRule(stack, 'Out', { type: 'egress', securityGroupId: sg.id, protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] });
    new SecurityGroupRule(stack, 'In', { type: 'ingress', securityGroupId: sg.id, protocol: 'tcp', fromPort: 443, toPort: 443, cidrBlocks: ['0.0.0.0/0'] });
    expect(findings(stack).map(([path]) => path)).toEqual(['guard-dev/In']);
  });
});

describe('securityGroupKeys', () => {
  it('knows groups by address, default groups by their VPC (also the default VPC), and literal IDs', () => {
    const value = [
      '${aws_security_group.Group.id}',
      '${aws_default_security_group.Default.id}',
      '${aws_vpc.Vpc.default_security_group_id}',
      '${aws_default_vpc.Vpc.default_security_group_id}',
      'sg-0a1b2c3d4e5f60718',
    ];
    expect(securityGroupKeys(value)).toEqual([
      'aws_security_group.Group',
      'aws_default_security_group.Default',
      'default-of:aws_vpc.Vpc',
      'default-of:aws_default_vpc.Vpc',
      'id:sg-0a1b2c3d4e5f60718',
    ]);
  });

  it('knows nothing by other references or expressions', () => {
    expect(securityGroupKeys(['${aws_vpc.Vpc.id}', '${aws_instance.Host.security_groups}', '${var.groups}'])).toEqual([]);
  });
});

describe('PL-SG-1 on a default group used in two ways', () => {
  it('reports the group once, for the first that uses it', () => {
    const stack = guardedStack();
    const vpc = new DefaultVpc(stack, 'Vpc', {});
    const group = new DefaultSecurityGroup(stack, 'DefaultGroup', { vpcId: vpc.id, ingress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }] });
    const endpoint = (id: string, groupId: string) =>
      new VpcEndpoint(stack, id, { vpcId: vpc.id, serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0123456789abcdef0', vpcEndpointType: 'Interface', subnetIds: SUBNETS, securityGroupIds: [groupId] });
    endpoint('ByGroup', group.id);
    endpoint('ByVpc', vpc.defaultSecurityGroupId);
    expect(findingsOf(stack, 'PL-SG-1').map((f) => [f.path, f.problem])).toEqual([
      ['guard-dev/DefaultGroup', "admits ingress from '0.0.0.0/0' into a security group used by aws_vpc_endpoint.ByGroup, which opens it to the whole IPv4 internet"],
    ]);
    expect(findingsOf(stack, 'PL-EP-1').map((f) => [f.path, f.problem])).toEqual([
      ['guard-dev/ByGroup', "'security_group_ids' names the VPC's default security group (aws_default_security_group.DefaultGroup)"],
      ['guard-dev/ByVpc', "'security_group_ids' names the VPC's default security group (default of aws_default_vpc.Vpc)"],
    ]);
  });
});
