import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { VpcEndpointServicePrivateDnsVerification } from '@cdktf/provider-aws/lib/vpc-endpoint-service-private-dns-verification';
import { Fn, Testing } from 'cdktf';
import { EndpointService } from '../src/endpoint-service';
import { PrivateDnsName, type PrivateDnsNameProps } from '../src/private-dns-name';
import { NLB_ARN, resourcesOf, synthJson, testStack } from './helpers';

function dns(privateDnsName: string | undefined, props: Partial<PrivateDnsNameProps> = {}) {
  const stack = testStack();
  const service = new EndpointService(stack, 'Service', { networkLoadBalancerArns: [NLB_ARN], privateDnsName });
  new PrivateDnsName(stack, 'Dns', { service, hostedZoneId: 'Z0123456789ABCDEFGHIJ', ...props });
  return stack;
}

describe('PrivateDnsName', () => {
  it('writes the TXT record AWS asks for into the public zone, then starts the verification', () => {
    const stack = dns('api.dev.saas.example.com');
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveResourceWithProperties(Route53Record, {
      zone_id: 'Z0123456789ABCDEFGHIJ',
      type: 'TXT',
      ttl: 1800,
      name: expect.stringMatching(/^\$\{aws_vpc_endpoint_service\.Service_\w+\.private_dns_name_configuration\[0\]\.name\}\.api\.dev\.saas\.example\.com$/),
      records: [expect.stringMatching(/private_dns_name_configuration\[0\]\.value\}$/)],
    });
    expect(synthesized).toHaveResourceWithProperties(VpcEndpointServicePrivateDnsVerification, {
      service_id: expect.stringMatching(/^\$\{aws_vpc_endpoint_service\.Service_\w+\.id\}$/),
      wait_for_verification: false,
      depends_on: [expect.stringMatching(/^aws_route53_record\.Dns_VerificationRecord_/)],
    });
    // The zone is given by ID: nothing is read from AWS.
    expect(JSON.parse(synthesized)).not.toHaveProperty('data');
  });

  it('can verify a parent domain, strips a wildcard and can wait for the verification', () => {
    const record = (stack: ReturnType<typeof dns>) => Object.values(resourcesOf(synthJson(stack), 'aws_route53_record'))[0].name;
    expect(record(dns('api.dev.saas.example.com', { verifiedDomain: 'saas.example.com' }))).toMatch(/\}\.saas\.example\.com$/);
    expect(record(dns('*.tenants.example.com'))).toMatch(/\}\.tenants\.example\.com$/);
    expect(Testing.synth(dns('api.example.com', { waitForVerification: true, ttlSeconds: 300 }))).toHaveResourceWithProperties(VpcEndpointServicePrivateDnsVerification, { wait_for_verification: true });
  });

  it('rejects a service without a private DNS name, a bad zone ID and a domain that does not contain the name', () => {
    expect(() => dns(undefined)).toThrow(/PrivateDnsName 'unit-dev\/Dns': 'service' has no privateDnsName/);
    expect(() => dns('api.example.com', { hostedZoneId: 'example.com' })).toThrow(/'hostedZoneId' is 'example.com'; give the ID of a Route 53 public hosted zone/);
    expect(() => dns('api.example.com', { verifiedDomain: 'example.org' })).toThrow(/'verifiedDomain' is 'example.org', which does not contain the private DNS name 'api.example.com'/);
    expect(() => dns('api.example.com', { verifiedDomain: 'pi.example.com' })).toThrow(/does not contain/);
    expect(() => dns('*.tenants.example.com', { verifiedDomain: '*.tenants.example.com' })).toThrow(
      /'verifiedDomain' is '\*.tenants.example.com', which does not contain the private DNS name '\*.tenants.example.com'; verify the private DNS name itself or one of its parent domains/,
    );
    expect(() => dns('api.example.com', { verifiedDomain: 'Example.com' })).toThrow(/'verifiedDomain' is 'Example.com', which is not a valid DNS name/);
  });

  it('takes a domain or name known only at apply time as it is', () => {
    const record = (stack: ReturnType<typeof dns>) => Object.values(resourcesOf(synthJson(stack), 'aws_route53_record'))[0].name;
    expect(record(dns('api.dev.saas.example.com', { verifiedDomain: Fn.lower('SAAS.EXAMPLE.COM') }))).toMatch(/\}\.\$\{lower\("SAAS.EXAMPLE.COM"\)\}$/);
    expect(record(dns(Fn.lower('API.EXAMPLE.COM'), { verifiedDomain: 'example.org' }))).toMatch(/\}\.example\.org$/);
  });
});
