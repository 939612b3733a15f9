import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { PrivateNetwork } from '@privatelink-cdktf/core';
import { TerraformVariable, Testing } from 'cdktf';
import { AwsServiceEndpoints } from '../src/aws-service-endpoints';
import { GatewayLoadBalancerEndpoint } from '../src/gateway-load-balancer-endpoint';
import { InterfaceEndpoint, type InterfaceEndpointProps } from '../src/interface-endpoint';
import { CUSTOM_SERVICE, devStack, SUBNETS, synthesizeToFile, VPC } from './helpers';

interface CheckBlock {
  data: { aws_vpc_endpoint_service: Record<string, Record<string, unknown>> };
  assert: Array<{ condition: string; error_message: string }>;
}
const checksOf = (stack: ReturnType<typeof devStack>) => (JSON.parse(Testing.synth(stack)) as { check?: Record<string, CheckBlock> }).check ?? {};

const NAMED = [
  { subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZone: 'ap-northeast-1a' },
  { subnetId: 'subnet-0bbbbbbbbbbbbbbb2', availabilityZone: 'ap-northeast-1c' },
];

function endpoint(props: Partial<InterfaceEndpointProps> = {}, stack = devStack()) {
  new InterfaceEndpoint(stack, 'Kinesis', { vpc: VPC, subnets: NAMED, service: { awsService: 'kinesis-streams' }, name: 'unit-kinesis', checkServiceZones: true, ...props });
  return stack;
}

describe('checkServiceZones', () => {
  test('asks AWS for the service in a check block and asserts every subnet zone is offered', () => {
    const checks = checksOf(endpoint());
    const [name] = Object.keys(checks);
    expect(name).toMatch(/^Kinesis_ZoneCheck_/);
    const check = checks[name];
    expect(check.data.aws_vpc_endpoint_service).toEqual({ [name]: { service_name: 'com.amazonaws.ap-northeast-1.kinesis-streams', service_type: 'Interface' } });
    expect(check.assert).toHaveLength(1);
    expect(check.assert[0].condition).toBe(`\${length(setsubtract(["ap-northeast-1a", "ap-northeast-1c"], data.aws_vpc_endpoint_service.${name}.availability_zones)) == 0}`);
    expect(check.assert[0].error_message).toMatch(/is not offered in \$\{join\(", ", setsubtract\(/);
  });

  test('is off by default, so the literal check stays the only one', () => {
    expect(checksOf(endpoint({ checkServiceZones: undefined }))).toEqual({});
  });

  test('takes the zone of a subnet created in the same configuration from the subnet itself', () => {
    const stack = devStack();
    const network = new PrivateNetwork(stack, 'Network', { name: 'unit-dev', cidrBlock: '10.20.0.0/16', zones: ['apne1-az1', 'apne1-az2'], flowLogs: false });
    endpoint({ vpc: network, subnets: network.subnets }, stack);
    const [check] = Object.values(checksOf(stack));
    expect(check.assert[0].condition).toMatch(/setsubtract\(\[aws_subnet\.Network_Subnet-apne1-az1_\w+\.availability_zone, aws_subnet\.Network_Subnet-apne1-az2_\w+\.availability_zone\]/);
  });

  test('covers every service of an AwsServiceEndpoints map and a Gateway Load Balancer endpoint', () => {
    const stack = devStack();
    new AwsServiceEndpoints(stack, 'Aws', { vpc: VPC, subnets: NAMED, name: 'unit', services: { sts: { awsService: 'sts' }, logs: { awsService: 'logs' } }, checkServiceZones: true });
    new GatewayLoadBalancerEndpoint(stack, 'Inspection', { vpcId: VPC.vpcId, subnet: NAMED[0], serviceName: CUSTOM_SERVICE, name: 'unit-inspection', checkServiceZones: true });
    const services = Object.values(checksOf(stack)).map((check) => Object.values(check.data.aws_vpc_endpoint_service)[0]);
    expect(services).toEqual([
      { service_name: 'com.amazonaws.ap-northeast-1.logs', service_type: 'Interface' },
      { service_name: 'com.amazonaws.ap-northeast-1.sts', service_type: 'Interface' },
      { service_name: CUSTOM_SERVICE, service_type: 'GatewayLoadBalancer' },
    ]);
  });

  test('asks through the endpoint provider', () => {
    const stack = devStack();
    const osaka = new AwsProvider(stack, 'osaka', { region: 'ap-northeast-3', alias: 'osaka' });
    endpoint({ provider: osaka, subnets: [{ subnetId: 'subnet-0ccccccccccccccc3', availabilityZone: 'ap-northeast-3a' }] }, stack);
    const [check] = Object.values(checksOf(stack));
    expect(Object.values(check.data.aws_vpc_endpoint_service)[0]).toMatchObject({ provider: 'aws.osaka', service_name: 'com.amazonaws.ap-northeast-3.kinesis-streams' });
  });

  test('fails at synth on a subnet whose zone name cannot be known, and on cross-region endpoints', () => {
    expect(() => endpoint({ subnets: SUBNETS })).toThrow(/InterfaceEndpoint 'unit-dev\/Kinesis': 'subnets' has subnet 'subnet-0aaaaaaaaaaaaaaa1' without an AZ name, which the zone check compares; give the subnet's availabilityZone/);
    expect(() => new GatewayLoadBalancerEndpoint(devStack(), 'G', { vpcId: VPC.vpcId, subnet: SUBNETS[0], serviceName: CUSTOM_SERVICE, name: 'g', checkServiceZones: true })).toThrow(/'subnet' has subnet 'subnet-0aaaaaaaaaaaaaaa1' without an AZ name/);
    expect(() => endpoint({ serviceRegion: 'us-east-1', service: { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0' } })).toThrow(/'checkServiceZones' is true on a cross-region endpoint/);
  });

  describe('a single check block, read once', () => {
    const stack = endpoint();
    const [[name, check]] = Object.entries(checksOf(stack));

    test('carries the construct path and unique ID, like a resource', () => {
      // Testing.synth leaves metadata out; `cdktf synth` writes it.
      const written = (synthesizeToFile(stack) as unknown as { check: Record<string, { '//': unknown }> }).check;
      expect(written[name]['//']).toEqual({ metadata: { path: 'unit-dev/Kinesis/ZoneCheck', uniqueId: name } });
    });

    test('its error message names the missing and the offered zones and what to do', () => {
      const offered = `data.aws_vpc_endpoint_service.${name}.availability_zones`;
      const missing = `setsubtract(["ap-northeast-1a", "ap-northeast-1c"], ${offered})`;
      expect(check.assert[0].error_message).toBe(
        `\${data.aws_vpc_endpoint_service.${name}.service_name} is not offered in \${join(", ", ${missing})}, where the endpoint has subnets ` +
          `(offered in \${join(", ", ${offered})}): creating the endpoint fails there. Move those subnets, or ask the provider to add the zone.`,
      );
    });
  });

  test('takes a zone name known only at apply time as its expression', () => {
    const stack = devStack();
    const zone = new TerraformVariable(stack, 'zone', { type: 'string' }).stringValue;
    endpoint({ subnets: [{ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZone: zone }] }, stack);
    const [check] = Object.values(checksOf(stack));
    expect(check.assert[0].condition).toMatch(/^\$\{length\(setsubtract\(\[var\.zone\], data\.aws_vpc_endpoint_service\./);
  });

  test.each([
    [
      'a zone name partly known at apply time',
      (stack: ReturnType<typeof devStack>) => ({ subnetId: 'subnet-0aaaaaaaaaaaaaaa1', availabilityZone: `ap-${new TerraformVariable(stack, 'zone', { type: 'string' }).stringValue}` }),
      /'subnets' has subnet 'subnet-0aaaaaaaaaaaaaaa1' without an AZ name/,
    ],
    [
      'a subnet ID known only at apply time without a zone name',
      (stack: ReturnType<typeof devStack>) => ({ subnetId: new TerraformVariable(stack, 'subnet', { type: 'string' }).stringValue, availabilityZoneId: 'apne1-az1' }),
      /'subnets' has subnet 'an unresolved value' without an AZ name/,
    ],
  ])('fails at synth on %s', (_name, subnet, message) => {
    const stack = devStack();
    expect(() => endpoint({ subnets: [subnet(stack)] }, stack)).toThrow(message);
  });
});
