import { DxPublicVirtualInterface } from '@cdktf/provider-aws/lib/dx-public-virtual-interface';
import { Ec2ClientVpnEndpoint } from '@cdktf/provider-aws/lib/ec2-client-vpn-endpoint';
import { Ec2ClientVpnNetworkAssociation } from '@cdktf/provider-aws/lib/ec2-client-vpn-network-association';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbTargetGroupAttachment } from '@cdktf/provider-aws/lib/lb-target-group-attachment';
import { Route53ResolverEndpoint } from '@cdktf/provider-aws/lib/route53-resolver-endpoint';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { TransferServer } from '@cdktf/provider-aws/lib/transfer-server';
import { TransferUser } from '@cdktf/provider-aws/lib/transfer-user';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcEndpointConnectionNotification } from '@cdktf/provider-aws/lib/vpc-endpoint-connection-notification';
import { VpcEndpointService } from '@cdktf/provider-aws/lib/vpc-endpoint-service';
import { VpcEndpointServiceAllowedPrincipal } from '@cdktf/provider-aws/lib/vpc-endpoint-service-allowed-principal';
import { DedicatedSecurityGroup, EnvironmentStack, PrivateNetwork, policyDocument } from '@privatelink-cdktf/core';
import { planConfig, TERRAFORM_TIMEOUT_MS, type PlanResult } from '@privatelink-cdktf/terraform-harness';
import { App, Testing } from 'cdktf';
import { buildTopology, renderMarkdown, summarizePlan, type PlanJson, type Topology, type TopologyNode } from '../src';

// One stack with every part of the picture, built from raw provider resources so the diagram is
// tested on what Terraform really reports (addresses, values, configuration references), not on
// hand-written JSON.
function everyPathStack(): EnvironmentStack {
  const app: App = Testing.app();
  const stack = new EnvironmentStack(app, { application: 'topology', environment: { name: 'dev', accountId: '111111111111' } });
  const network = new PrivateNetwork(stack, 'Network', { name: 'topology-dev', cidrBlock: '10.20.0.0/16', zones: ['apne1-az1', 'apne1-az2'] });
  const subnetIds = [...network.subnetIds];
  const group = (id: string) =>
    new DedicatedSecurityGroup(stack, id, { vpcId: network.vpcId, name: `topology-${id.toLowerCase()}`, description: id, ingress: [{ ports: [443], cidrs: ['10.20.0.0/16'] }] });

  // Provider side: tenants -> endpoint service -> NLB -> alb target group -> ALB -> its targets.
  const alb = new Lb(stack, 'Alb', { name: 'topology-alb', loadBalancerType: 'application', internal: true, subnets: subnetIds, securityGroups: [group('AlbGroup').securityGroupId] });
  const appTargets = new LbTargetGroup(stack, 'AppTargets', { name: 'topology-app', port: 8080, protocol: 'HTTP', targetType: 'ip', vpcId: network.vpcId });
  new LbListener(stack, 'AlbListener', { loadBalancerArn: alb.arn, port: 80, protocol: 'HTTP', defaultAction: [{ type: 'forward', targetGroupArn: appTargets.arn }] });
  const nlb = new Lb(stack, 'Nlb', { name: 'topology-nlb', loadBalancerType: 'network', internal: true, subnets: subnetIds, securityGroups: [group('NlbGroup').securityGroupId] });
  const albTargets = new LbTargetGroup(stack, 'AlbTargets', { name: 'topology-alb', port: 80, protocol: 'TCP', targetType: 'alb', vpcId: network.vpcId });
  new LbTargetGroupAttachment(stack, 'AlbAttachment', { targetGroupArn: albTargets.arn, targetId: alb.arn, port: 80 });
  new LbListener(stack, 'NlbListener', { loadBalancerArn: nlb.arn, port: 443, protocol: 'TCP', defaultAction: [{ type: 'forward', targetGroupArn: albTargets.arn }] });
  const service = new VpcEndpointService(stack, 'Service', { acceptanceRequired: true, networkLoadBalancerArns: [nlb.arn] });
  for (const [key, account] of [['bank', '444400001111'], ['hospital', '555500002222']]) {
    new VpcEndpointServiceAllowedPrincipal(stack, `Tenant-${key}`, { vpcEndpointServiceId: service.id, principalArn: `arn:aws:iam::${account}:root` });
  }
  const key = new KmsKey(stack, 'TopicKey', { enableKeyRotation: true });
  const topic = new SnsTopic(stack, 'Topic', { name: 'topology-connections', kmsMasterKeyId: key.arn });
  new VpcEndpointConnectionNotification(stack, 'Notification', { vpcEndpointServiceId: service.id, connectionNotificationArn: topic.arn, connectionEvents: ['Connect'] });
  new SnsTopic(stack, 'UnrelatedTopic', { name: 'topology-unrelated', kmsMasterKeyId: key.arn });

  // Consumer side: interface endpoints to an AWS service and to the service above, a resolver.
  const endpointGroup = group('EndpointGroup').securityGroupId;
  const interfaceEndpoint = (id: string, serviceName: string) =>
    new VpcEndpoint(stack, id, { vpcId: network.vpcId, serviceName, vpcEndpointType: 'Interface', subnetIds, securityGroupIds: [endpointGroup] });
  interfaceEndpoint('Ssm', 'com.amazonaws.ap-northeast-1.ssm');
  interfaceEndpoint('Saas', service.serviceName);
  new Route53ResolverEndpoint(stack, 'Resolver', {
    name: 'topology-inbound',
    direction: 'INBOUND',
    securityGroupIds: [group('ResolverGroup').securityGroupId],
    ipAddress: subnetIds.map((subnetId) => ({ subnetId })),
  });

  // S3 paths: interface and gateway endpoints, a bucket guarded to them, SFTP, Client VPN, DX, a host.
  const s3Interface = interfaceEndpoint('S3Interface', 'com.amazonaws.ap-northeast-1.s3');
  const s3Gateway = new VpcEndpoint(stack, 'S3Gateway', { vpcId: network.vpcId, serviceName: 'com.amazonaws.ap-northeast-1.s3', vpcEndpointType: 'Gateway', routeTableIds: Object.values(network.routeTableIds) });
  const bucket = new S3Bucket(stack, 'Bucket', { bucket: 'topology-dev-data' });
  new S3BucketPolicy(stack, 'Guard', {
    bucket: bucket.bucket,
    policy: policyDocument(stack, 'policy', [
      {
        effect: 'Deny',
        principals: '*',
        actions: ['s3:*'],
        resources: [bucket.arn],
        conditions: [{ test: 'StringNotEquals', variable: 'aws:SourceVpce', values: [s3Interface.id, s3Gateway.id] }],
      },
    ]),
  });
  const transferRole = new IamRole(stack, 'TransferRole', {
    name: 'topology-transfer',
    assumeRolePolicy: policyDocument(stack, 'assumeRolePolicy', [{ principals: { Service: ['transfer.amazonaws.com'] }, actions: ['sts:AssumeRole'] }]),
  });
  const sftp = new TransferServer(stack, 'Sftp', {
    endpointType: 'VPC',
    protocols: ['SFTP'],
    identityProviderType: 'SERVICE_MANAGED',
    endpointDetails: { vpcId: network.vpcId, subnetIds, securityGroupIds: [group('SftpGroup').securityGroupId] },
  });
  new TransferUser(stack, 'SftpUser', { serverId: sftp.id, userName: 'partner', role: transferRole.arn, homeDirectory: `/${bucket.bucket}/partner` });
  const clientVpn = new Ec2ClientVpnEndpoint(stack, 'ClientVpn', {
    clientCidrBlock: '172.16.0.0/22',
    serverCertificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
    authenticationOptions: [{ type: 'certificate-authentication', rootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/66666666-7777-8888-9999-000000000000' }],
    connectionLogOptions: { enabled: false },
  });
  new Ec2ClientVpnNetworkAssociation(stack, 'ClientVpnSubnet', { clientVpnEndpointId: clientVpn.id, subnetId: subnetIds[0] });
  new DxPublicVirtualInterface(stack, 'PublicVif', {
    connectionId: 'dxcon-abc12345',
    name: 'topology-public-vif',
    vlan: 100,
    addressFamily: 'ipv4',
    bgpAsn: 65000,
    amazonAddress: '203.0.113.1/30',
    customerAddress: '203.0.113.2/30',
    routeFilterPrefixes: ['198.51.100.0/24'],
  });
  new Instance(stack, 'Proxy', {
    ami: 'ami-0123456789abcdef0',
    instanceType: 't3.micro',
    subnetId: subnetIds[1],
    vpcSecurityGroupIds: [group('ProxyGroup').securityGroupId],
    tags: { Name: 'topology-s3-proxy' },
  });
  return stack;
}

describe('the topology of a real plan', () => {
  let result: PlanResult;
  let topology: Topology;
  let mermaid: string;
  const node = (label: string): TopologyNode => {
    const found = topology.nodes.filter((n) => n.label.join(' ') === label);
    if (found.length !== 1) throw new Error(`expected one node labelled '${label}', found ${found.length}: ${topology.nodes.map((n) => n.label.join(' ')).join(' | ')}`);
    return found[0];
  };
  const edge = (from: string, to: string) => topology.edges.find((e) => e.from === node(from).address && e.to === node(to).address);

  beforeAll(async () => {
    result = await planConfig(JSON.parse(Testing.synth(everyPathStack())) as object, { name: 'plan-review-topology' });
    topology = buildTopology(result.plan as PlanJson);
    mermaid = summarizePlan('topology-dev', result.plan as PlanJson).mermaid ?? '';
  }, TERRAFORM_TIMEOUT_MS);

  it('draws each known resource once, with a label from its planned values, and nothing else', () => {
    expect(topology.nodes.map((n) => n.label.join(' ')).sort()).toEqual(
      [
        'ALB topology-alb',
        'Client VPN 172.16.0.0/22',
        'Direct Connect public VIF topology-public-vif',
        'EC2 host topology-s3-proxy',
        'Endpoint service acceptance required',
        'Gateway endpoint s3',
        'Interface endpoint s3',
        'Interface endpoint service known after apply',
        'Interface endpoint ssm',
        'NLB topology-nlb',
        'Resolver inbound endpoint topology-inbound',
        'S3 bucket topology-dev-data',
        'Bucket policy endpoint guard',
        'SNS topic topology-connections',
        'Target group HTTP 8080 (ip)',
        'Target group TCP 80 (alb)',
        'Tenant account 444400001111',
        'Tenant account 555500002222',
        'Transfer Family SFTP (VPC)',
        'VPC 10.20.0.0/16 topology-dev',
      ].sort(),
    );
    // A topic that receives no endpoint notifications is not part of the picture.
    expect(mermaid).not.toContain('topology-unrelated');
  });

  it('follows traffic from tenants through the endpoint service, NLB and ALB', () => {
    expect(edge('Tenant account 444400001111', 'Endpoint service acceptance required')?.label).toBe('allowed');
    expect(edge('Tenant account 555500002222', 'Endpoint service acceptance required')?.label).toBe('allowed');
    expect(edge('Endpoint service acceptance required', 'NLB topology-nlb')).toBeDefined();
    expect(edge('NLB topology-nlb', 'Target group TCP 80 (alb)')?.label).toBe('TCP 443');
    expect(edge('Target group TCP 80 (alb)', 'ALB topology-alb')).toBeDefined();
    expect(edge('ALB topology-alb', 'Target group HTTP 8080 (ip)')?.label).toBe('HTTP 80');
    expect(edge('Endpoint service acceptance required', 'SNS topic topology-connections')?.label).toBe('notifies');
    expect(edge('Interface endpoint service known after apply', 'Endpoint service acceptance required')).toBeDefined();
  });

  it('follows the S3 paths to the guarded bucket', () => {
    expect(edge('Interface endpoint s3', 'Bucket policy endpoint guard')).toBeDefined();
    expect(edge('Gateway endpoint s3', 'Bucket policy endpoint guard')).toBeDefined();
    expect(edge('Bucket policy endpoint guard', 'S3 bucket topology-dev-data')).toBeDefined();
    expect(edge('Transfer Family SFTP (VPC)', 'S3 bucket topology-dev-data')?.label).toBe('home directory');
  });

  it('never connects two resources only because they share a subnet or a VPC', () => {
    expect(edge('EC2 host topology-s3-proxy', 'Interface endpoint ssm')).toBeUndefined();
    expect(edge('Interface endpoint ssm', 'Interface endpoint s3')).toBeUndefined();
    expect(edge('Client VPN 172.16.0.0/22', 'EC2 host topology-s3-proxy')).toBeUndefined();
    const vpc = node('VPC 10.20.0.0/16 topology-dev').address;
    expect(topology.edges.filter((e) => e.from === vpc || e.to === vpc)).toEqual([]);
  });

  it('puts what sits in the VPC inside it, and regional and on-premises parts outside', () => {
    const vpc = node('VPC 10.20.0.0/16 topology-dev').address;
    const inVpc = topology.nodes.filter((n) => n.vpc === vpc).map((n) => n.label[0]);
    expect(inVpc.sort()).toEqual(
      ['ALB', 'Client VPN', 'EC2 host', 'Gateway endpoint', 'Interface endpoint', 'Interface endpoint', 'Interface endpoint', 'NLB', 'Resolver inbound endpoint', 'Target group', 'Target group', 'Transfer Family'].sort(),
    );
    for (const label of ['Endpoint service acceptance required', 'Tenant account 444400001111', 'S3 bucket topology-dev-data', 'Direct Connect public VIF topology-public-vif']) {
      expect(node(label).vpc).toBeUndefined();
    }
  });

  it('sorts nodes into the provider side, the consumer side and the S3 paths', () => {
    expect(node('NLB topology-nlb').side).toBe('provider');
    expect(node('Tenant account 444400001111').side).toBe('provider');
    expect(node('Interface endpoint ssm').side).toBe('consumer');
    expect(node('Resolver inbound endpoint topology-inbound').side).toBe('consumer');
    expect(node('Interface endpoint s3').side).toBe('s3');
    expect(node('Gateway endpoint s3').side).toBe('s3');
    expect(node('Direct Connect public VIF topology-public-vif').side).toBe('s3');
  });

  it('renders a flowchart whose edges only use declared IDs and whose subgraphs close', () => {
    const lines = mermaid.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    const declared = new Set(lines.flatMap((l) => [...l.matchAll(/^\s*(?:subgraph )?([A-Za-z0-9_]+)\[/g)].map((m) => m[1])));
    const used = lines.flatMap((l) => [...l.matchAll(/^\s*(\w+) -->(?:\|"[^"]*"\|)? (\w+)$/g)].flatMap((m) => [m[1], m[2]]));
    expect(used.length).toBe(topology.edges.length * 2);
    for (const id of used) expect(declared).toContain(id);
    expect(lines.filter((l) => /^\s*subgraph /.test(l)).length).toBe(lines.filter((l) => /^\s*end$/.test(l)).length);
    expect(mermaid).toContain('subgraph side_provider["Provider side"]');
    // The VPC holds more S3-path resources than others, so it is drawn under the S3 paths, with
    // the consumer endpoints in it; the consumer side has nothing left outside a VPC.
    expect(node('VPC 10.20.0.0/16 topology-dev').side).toBe('s3');
    expect(mermaid).toMatch(/subgraph side_s3\["S3 paths"\]\n\s+subgraph r_aws_vpc_Network_Vpc_\w+\["VPC<br\/>10\.20\.0\.0\/16 topology-dev"\]/);
    expect(mermaid).not.toContain('side_consumer');
    // Every label is one quoted string with no raw quote inside.
    for (const l of lines.filter((l) => l.includes('['))) expect(l).toMatch(/\["[^"]*"\]$/);
  });

  it('counts what Terraform counts', () => {
    const markdown = renderMarkdown(summarizePlan('topology-dev', result.plan as PlanJson));
    const { add, change, destroy } = result.summary;
    expect(markdown).toContain(`**${add} to add, ${change} to change, ${destroy} to destroy**`);
    for (const address of result.addresses()) expect(markdown).toContain(`\`${address}\``);
  });
});
