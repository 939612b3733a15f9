import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53ResolverEndpoint } from '@cdktf/provider-aws/lib/route53-resolver-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { TerraformVariable, Testing } from 'cdktf';
import { S3GatewayEndpoint, type S3GatewayEndpointProps } from '../src/s3-gateway-endpoint';
import { S3InterfaceEndpoint, type S3InterfaceEndpointProps } from '../src/s3-interface-endpoint';
import { acknowledgements, devStack, expectPreventDestroyInProduction, policyOf, referenceOf, resources, SUBNETS, synthJson, VPC } from './helpers';

const gatewayProps: S3GatewayEndpointProps = {
  name: 'unit-dev-s3-gateway',
  vpcId: VPC.vpcId,
  routeTables: { 'apne1-az1': 'rtb-0aaaaaaaaaaaaaaa1', 'apne1-az2': 'rtb-0aaaaaaaaaaaaaaa2' },
  bucketNames: ['acme-dev-exchange'],
};
const interfaceProps: S3InterfaceEndpointProps = {
  name: 'unit-dev-s3',
  vpc: VPC,
  subnets: SUBNETS,
  bucketNames: ['acme-dev-exchange', 'acme-dev-archive'],
  clientCidrs: ['192.168.0.0/16'],
  privateDnsOnlyForInboundResolverEndpoint: false,
};

describe('S3InterfaceEndpoint', () => {
  const stack = devStack();
  const gateway = new S3GatewayEndpoint(stack, 'Gateway', gatewayProps);
  const endpoint = new S3InterfaceEndpoint(stack, 'S3', { ...interfaceProps, privateDnsOnlyForInboundResolverEndpoint: true, gatewayEndpoint: gateway });
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);
  const vpce = Object.values(resources(json, 'aws_vpc_endpoint')).find((e) => e.vpc_endpoint_type === 'Interface')!;

  it('is an S3 interface endpoint with private DNS for the inbound resolver only, after the gateway endpoint', () => {
    expect(vpce).toMatchObject({
      service_name: 'com.amazonaws.ap-northeast-1.s3',
      private_dns_enabled: true,
      dns_options: { private_dns_only_for_inbound_resolver_endpoint: true },
      subnet_ids: SUBNETS.map((s) => s.subnetId),
    });
    expect(vpce.depends_on).toEqual([expect.stringMatching(/^aws_vpc_endpoint\.Gateway_Endpoint/)]);
    expect(referenceOf(endpoint, endpoint.endpointId)).toMatch(/^\$\{aws_vpc_endpoint\.S3_Endpoint_[0-9A-F]+\.id\}$/);
  });

  it('allows only the named buckets and admits the client networks on 443', () => {
    expect(policyOf(vpce).Statement[0].Resource).toEqual(['arn:aws:s3:::acme-dev-exchange', 'arn:aws:s3:::acme-dev-exchange/*', 'arn:aws:s3:::acme-dev-archive', 'arn:aws:s3:::acme-dev-archive/*']);
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.0.0/16', from_port: 443, security_group_id: expect.stringContaining('S3_Endpoint_SecurityGroup') });
  });

  it('adds a Resolver inbound endpoint in every subnet that answers on-premises DNS', () => {
    expect(synthesized).toHaveResourceWithProperties(Route53ResolverEndpoint, {
      direction: 'INBOUND',
      ip_address: SUBNETS.map((s) => ({ subnet_id: s.subnetId })),
      protocols: ['Do53'],
    });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.0.0/16', from_port: 53, ip_protocol: 'udp' });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.0.0/16', from_port: 53, ip_protocol: 'tcp' });
  });

  it('writes dns_options even when VPC traffic uses the interface endpoint too (hashicorp/terraform-provider-aws#46404)', () => {
    const stack = devStack();
    new S3InterfaceEndpoint(stack, 'S3', interfaceProps);
    expect(Object.values(resources(synthJson(stack), 'aws_vpc_endpoint'))[0].dns_options).toEqual({ private_dns_only_for_inbound_resolver_endpoint: false });
  });

  it('leaves the resolver out when the VPC has one, and pins its addresses when asked', () => {
    const without = devStack();
    new S3InterfaceEndpoint(without, 'S3', { ...interfaceProps, inboundResolver: false });
    expect(Testing.synth(without)).not.toHaveResource(Route53ResolverEndpoint);
    const pinned = devStack();
    new S3InterfaceEndpoint(pinned, 'S3', { ...interfaceProps, inboundResolver: { ipAddresses: { 'apne1-az1': '10.30.0.10' } } });
    expect(Testing.synth(pinned)).toHaveResourceWithProperties(Route53ResolverEndpoint, { ip_address: [{ subnet_id: SUBNETS[0].subnetId, ip: '10.30.0.10' }, { subnet_id: SUBNETS[1].subnetId }] });
  });

  it('rejects the inbound-resolver-only option without a gateway endpoint, or with one in another VPC', () => {
    expect(() => new S3InterfaceEndpoint(devStack(), 'S3', { ...interfaceProps, privateDnsOnlyForInboundResolverEndpoint: true })).toThrow(
      /S3InterfaceEndpoint 'unit-dev\/S3': 'privateDnsOnlyForInboundResolverEndpoint' is true but no S3 gateway endpoint is given; AWS requires an S3 gateway endpoint in the same VPC/,
    );
    expect(() => new S3InterfaceEndpoint(devStack(), 'S3', { ...interfaceProps, privateDnsOnlyForInboundResolverEndpoint: true, gatewayEndpoint: { endpointId: 'vpce-0123456789abcdef0', vpcId: 'vpc-0fffffffffffffff0' } })).toThrow(/'gatewayEndpoint' is in another VPC/);
    const unset = { ...interfaceProps, privateDnsOnlyForInboundResolverEndpoint: undefined } as unknown as S3InterfaceEndpointProps;
    expect(() => new S3InterfaceEndpoint(devStack(), 'S3', unset)).toThrow(/'privateDnsOnlyForInboundResolverEndpoint' is not set; set it explicitly/);
  });

  it('rejects no buckets, invalid bucket names, no clients and resolvers in one zone', () => {
    const make = (props: Partial<S3InterfaceEndpointProps>) => new S3InterfaceEndpoint(devStack(), 'S3', { ...interfaceProps, ...props });
    expect(() => make({ bucketNames: [] })).toThrow(/'bucketNames' is empty/);
    expect(() => make({ bucketNames: ['-bad-'] })).toThrow(/'bucketNames' is '-bad-', which has characters a S3 bucket name may not contain/);
    expect(() => make({ clientCidrs: [] })).toThrow(/'clientCidrs' is empty/);
    expect(() => make({ clientCidrs: ['0.0.0.0/0'] })).toThrow(/'clientCidrs' includes '0.0.0.0\/0'/);
    expect(() => make({ subnets: [SUBNETS[0]] })).toThrow(/S3InterfaceEndpoint 'unit-dev\/S3': 'subnets' has 1 subnet; give subnets in at least 2 Availability Zones/);
  });
});

describe('S3InterfaceEndpoint options', () => {
  const vpceOf = (stack: ReturnType<typeof devStack>) => Object.values(resources(synthJson(stack), 'aws_vpc_endpoint'))[0];

  it("needs one subnet only without a resolver, and builds in its provider's region", () => {
    const stack = devStack();
    const provider = new AwsProvider(stack, 'Virginia', { region: 'us-east-1', alias: 'virginia' });
    const subnet = { subnetId: 'subnet-0bbbbbbbbbbbbbbb1', availabilityZoneId: 'use1-az1' };
    new S3InterfaceEndpoint(stack, 'S3', { ...interfaceProps, subnets: [subnet], inboundResolver: false, provider });
    expect(vpceOf(stack)).toMatchObject({ service_name: 'com.amazonaws.us-east-1.s3', subnet_ids: [subnet.subnetId], provider: 'aws.virginia' });
    expect(resources(synthJson(stack), 'aws_route53_resolver_endpoint')).toEqual({});
  });

  it('pins a resolver address keyed by subnet ID', () => {
    const stack = devStack();
    new S3InterfaceEndpoint(stack, 'S3', { ...interfaceProps, inboundResolver: { ipAddresses: { [SUBNETS[1].subnetId]: '10.30.1.20' } } });
    expect(Object.values(resources(synthJson(stack), 'aws_route53_resolver_endpoint'))[0].ip_address).toEqual([{ subnet_id: SUBNETS[0].subnetId }, { subnet_id: SUBNETS[1].subnetId, ip: '10.30.1.20' }]);
  });

  it('takes a gateway endpoint whose VPC is known only at apply time, without waiting for it', () => {
    const stack = devStack();
    const vpcId = new TerraformVariable(stack, 'gateway_vpc', { type: 'string' }).stringValue;
    new S3InterfaceEndpoint(stack, 'S3', { ...interfaceProps, privateDnsOnlyForInboundResolverEndpoint: true, gatewayEndpoint: { endpointId: 'vpce-0123456789abcdef0', vpcId } });
    const vpce = vpceOf(stack);
    expect(vpce.dns_options).toEqual({ private_dns_only_for_inbound_resolver_endpoint: true });
    expect(vpce.depends_on).toBeUndefined();
  });

  it('takes an open statement with allowAll, and acknowledges PL-EP-2 where it was named and on the endpoint', () => {
    const stack = devStack();
    const open = { principals: { AWS: ['*'] }, actions: ['s3:*'], resources: ['*'] };
    new S3InterfaceEndpoint(stack, 'S3', { ...interfaceProps, additionalStatements: [open], allowAll: true });
    expect(policyOf(vpceOf(stack)).Statement.map((statement) => statement.Action)).toEqual([expect.arrayContaining(['s3:GetObject']), ['s3:*']]);
    expect(acknowledgements(stack)).toEqual([
      { ruleId: 'PL-EP-2', path: 'unit-dev/S3' },
      { ruleId: 'PL-EP-2', path: 'unit-dev/S3/Endpoint' },
    ]);
  });

  // 31 networks make 31 rules on 443 for the endpoint but 62 on 53 (TCP and UDP) for the resolver: more than a security group holds.
  const manyCidrs = Array.from({ length: 31 }, (_, i) => `192.168.${i}.0/24`);
  it.each([
    ['a gateway endpoint given by ID (untyped JS)', { gatewayEndpoint: 'vpce-0123456789abcdef0' }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'gatewayEndpoint' is the string 'vpce-0123456789abcdef0'; give the S3GatewayEndpoint of the same VPC$/],
    ['a null gateway endpoint (untyped JS)', { gatewayEndpoint: null }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'gatewayEndpoint' is null; give the S3GatewayEndpoint of the same VPC$/],
    ['a resolver given as a string (untyped JS)', { inboundResolver: 'yes' }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'inboundResolver' is the string 'yes'; give \{ ipAddresses: \{ \.\.\. \} \}, or false when the VPC already has an inbound endpoint$/],
    ['a null resolver (untyped JS)', { inboundResolver: null }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'inboundResolver' is null; give \{ ipAddresses/],
    ['a resolver set to true (untyped JS)', { inboundResolver: true }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'inboundResolver' is the boolean true; give \{ ipAddresses/],
    ['resolver addresses that are no map (untyped JS)', { inboundResolver: { ipAddresses: 5 } }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'inboundResolver\.ipAddresses' is 5; key the addresses by subnet ID or zone/],
    ['no resolver clients', { inboundResolver: { clientCidrs: [] } }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'inboundResolver\.clientCidrs' is empty; give the CIDR blocks of the DNS servers/],
    ['too many resolver clients', { inboundResolver: { clientCidrs: manyCidrs } }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'inboundResolver\.clientCidrs' makes \d+ ingress rules .*; group the CIDR blocks in a managed prefix list/],
    ['too many clients for the default resolver', { clientCidrs: manyCidrs }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'clientCidrs' makes \d+ ingress rules .*; group the CIDR blocks in a managed prefix list/],
    ['a subnet of another region', { subnets: [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZoneId: 'use1-az1' }, SUBNETS[1]] }, /^S3InterfaceEndpoint 'unit-dev\/S3': 'subnets' has 'use1-az1', a zone of us-east-1, but the stack deploys to ap-northeast-1/],
  ])('rejects %s on itself', (_, props, message) => {
    expect(() => new S3InterfaceEndpoint(devStack(), 'S3', { ...interfaceProps, ...(props as Partial<S3InterfaceEndpointProps>) })).toThrow(message);
  });
});

describe('S3InterfaceEndpoint in production', () => {
  it('carries prevent_destroy by default, and records an explicit opt-out as an acknowledgement of PL-PROD-2', () => {
    expectPreventDestroyInProduction((stack, preventDestroy) => new S3InterfaceEndpoint(stack, 'S3', { ...interfaceProps, preventDestroy }), 'aws_vpc_endpoint', 'S3/Endpoint');
  });
});
