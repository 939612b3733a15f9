import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { EnvironmentStack } from '@privatelink-cdktf/core';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { HttpsProxy, type HttpsProxyProps, squidUserData, stsEndpointStatements } from '../src/https-proxy';
import { proxyProps } from './ec2-pattern-props';
import { devStack, PREFIX_LIST, policyOf, resources, SUBNETS, synthJson, VPC } from './helpers';

// Each test builds and synthesizes its own stack inside the test, so what it asserts is what the
// test itself ran (a stack built in a describe block belongs to no test).
function synthProxy(props: Partial<HttpsProxyProps> = {}, stack: EnvironmentStack = devStack()) {
  const proxy = new HttpsProxy(stack, 'Proxy', { ...proxyProps, ...props });
  const json = synthJson(stack);
  const instance = Object.values(resources(json, 'aws_instance'))[0];
  return {
    proxy,
    instance,
    script: (instance.user_data as string).split('\n'),
    endpoints: Object.values(resources(json, 'aws_vpc_endpoint')),
    ingress: Object.values(resources(json, 'aws_vpc_security_group_ingress_rule')),
    egress: Object.values(resources(json, 'aws_vpc_security_group_egress_rule')),
  };
}

const VIRGINIA_SUBNET = { subnetId: 'subnet-0bbbbbbbbbbbbbbb1', availabilityZoneId: 'use1-az1' };
const REGIONAL_NAMES = 'acl aws_names dstdomain .s3.ap-northeast-1.amazonaws.com sts.ap-northeast-1.amazonaws.com';

describe('HttpsProxy', () => {
  it("lets clients CONNECT to the region's S3 and STS names on 443 only, and reaches S3 through the gateway endpoint", () => {
    const { proxy, instance, script, ingress, egress } = synthProxy();
    expect(script).toEqual([
      '#!/bin/bash',
      'set -euo pipefail',
      'dnf install -y squid',
      "cat > /etc/squid/squid.conf <<'CONF'",
      'http_port 3128',
      'acl clients src 192.168.0.0/16',
      'acl tls_port port 443',
      'acl CONNECT method CONNECT',
      REGIONAL_NAMES,
      'http_access deny !CONNECT',
      'http_access deny !tls_port',
      'http_access allow clients aws_names',
      'http_access deny all',
      'cache deny all',
      'via off',
      'forwarded_for delete',
      'access_log daemon:/var/log/squid/access.log squid',
      'CONF',
      'systemctl enable --now squid',
      '',
    ]);
    expect(instance.instance_type).toBe('t3.small');
    expect(ingress).toContainEqual(expect.objectContaining({ cidr_ipv4: '192.168.0.0/16', from_port: 3128, to_port: 3128, description: 'Proxy clients' }));
    expect(egress).toEqual([
      expect.objectContaining({ from_port: 443, cidr_ipv4: VPC.cidrBlocks[0], description: 'Interface endpoints (STS, Systems Manager)' }),
      expect.objectContaining({ from_port: 443, prefix_list_id: PREFIX_LIST.prefixListId, description: 'S3 through the gateway endpoint' }),
    ]);
    expect(proxy.port).toBe(3128);
    expect(proxy.proxyUrl).toMatch(/^http:\/\/\$\{TfToken\[TOKEN\.\d+\]\}:3128$/);
  });

  it("creates an STS interface endpoint with private DNS in the proxy's subnet that admits the proxy only and assumes only the account's roles", () => {
    const { proxy, endpoints, ingress } = synthProxy();
    expect(endpoints).toEqual([expect.objectContaining({ service_name: 'com.amazonaws.ap-northeast-1.sts', vpc_endpoint_type: 'Interface', private_dns_enabled: true, subnet_ids: [SUBNETS[0].subnetId] })]);
    expect(policyOf(endpoints[0]).Statement).toEqual([
      { Sid: 'AssumeAccountRoles', Effect: 'Allow', Principal: '*', Action: ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'], Resource: ['arn:aws:iam::111111111111:role/*'] },
      { Sid: 'OwnSession', Effect: 'Allow', Principal: '*', Action: ['sts:GetSessionToken', 'sts:GetCallerIdentity'], Resource: ['*'] },
    ]);
    expect(ingress).toContainEqual(
      expect.objectContaining({ security_group_id: expect.stringContaining('StsEndpoint_SecurityGroup'), referenced_security_group_id: expect.stringContaining('Proxy_SecurityGroup'), from_port: 443 }),
    );
    expect(proxy.stsEndpoint?.serviceName).toBe('com.amazonaws.ap-northeast-1.sts');
  });

  it('places the STS endpoint in the subnets it is given', () => {
    const { endpoints } = synthProxy({ stsEndpointSubnets: SUBNETS });
    expect(endpoints).toEqual([expect.objectContaining({ subnet_ids: SUBNETS.map((s) => s.subnetId) })]);
  });

  it('reaches IAM and the global STS name through a NAT gateway only as an explicit option', () => {
    const { script, egress, endpoints, proxy } = synthProxy({ credentialsPath: 'nat-gateway' });
    expect(script).toContain(`${REGIONAL_NAMES} iam.amazonaws.com sts.amazonaws.com signin.aws.amazon.com`);
    expect(egress).toContainEqual(expect.objectContaining({ from_port: 443, cidr_ipv4: '0.0.0.0/0', description: 'IAM and STS through the NAT gateway' }));
    expect(endpoints).toEqual([]);
    expect(proxy.stsEndpoint).toBeUndefined();
  });

  it('reuses an existing STS endpoint when told to, creating none and reaching only the regional names', () => {
    const { script, egress, endpoints, proxy } = synthProxy({ credentialsPath: 'existing-sts-endpoint' });
    expect(script).toContain(REGIONAL_NAMES);
    expect(egress.map((rule) => rule.cidr_ipv4)).not.toContain('0.0.0.0/0');
    expect(endpoints).toEqual([]);
    expect(proxy.stsEndpoint).toBeUndefined();
  });

  it('listens on the port and runs on the instance type it is given', () => {
    const { proxy, instance, script, ingress } = synthProxy({ port: 8080, instanceType: 'c6i.large' });
    expect(script).toContain('http_port 8080');
    expect(instance.instance_type).toBe('c6i.large');
    expect(ingress).toContainEqual(expect.objectContaining({ from_port: 8080, to_port: 8080, description: 'Proxy clients' }));
    expect(proxy.proxyUrl).toMatch(/:8080$/);
  });

  it('runs in the region of its provider: its S3 and STS names, and an STS endpoint of that region', () => {
    const stack = devStack();
    const virginia = new AwsProvider(stack, 'virginia', { region: 'us-east-1', alias: 'virginia' });
    const { script, endpoints } = synthProxy({ provider: virginia, subnet: VIRGINIA_SUBNET }, stack);
    expect(script).toContain('acl aws_names dstdomain .s3.us-east-1.amazonaws.com sts.us-east-1.amazonaws.com');
    expect(endpoints).toEqual([expect.objectContaining({ service_name: 'com.amazonaws.us-east-1.sts', subnet_ids: [VIRGINIA_SUBNET.subnetId], provider: 'aws.virginia' })]);
  });
});

describe('squidUserData', () => {
  it('admits every client block and tunnels to every listed name', () => {
    const script = squidUserData(3128, ['192.168.0.0/16', '172.16.0.0/12'], ['.s3.eu-west-1.amazonaws.com', 'sts.eu-west-1.amazonaws.com']);
    expect(script).toContain('\nacl clients src 192.168.0.0/16 172.16.0.0/12\n');
    expect(script).toContain('\nacl aws_names dstdomain .s3.eu-west-1.amazonaws.com sts.eu-west-1.amazonaws.com\n');
  });
});

describe('stsEndpointStatements', () => {
  it("admits roles of any account when the VPC's account is unknown", () => {
    expect(stsEndpointStatements('aws-cn', undefined)).toEqual([
      { sid: 'AssumeAccountRoles', principals: '*', actions: ['sts:AssumeRole', 'sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity'], resources: ['arn:aws-cn:iam::*:role/*'] },
      { sid: 'OwnSession', principals: '*', actions: ['sts:GetSessionToken', 'sts:GetCallerIdentity'], resources: ['*'] },
    ]);
  });
});

const make = (props: Partial<HttpsProxyProps>) => () => new HttpsProxy(devStack(), 'Proxy', { ...proxyProps, ...props });

const BAD: readonly BadInputCase[] = [
  { name: 'an open proxy', run: make({ clientCidrs: ['0.0.0.0/0'] }), field: 'clientCidrs', value: "'0.0.0.0/0'", fix: /never admitted/ },
  { name: 'no clients', run: make({ clientCidrs: [] }), field: 'clientCidrs', value: 'is empty', fix: /list the CIDR blocks of the on-premises clients, for example \["192\.168\.0\.0\/16"\]/ },
  { name: 'an AMI that is no ID', run: make({ amiId: 'ubuntu' }), field: 'amiId', value: "'ubuntu', which is not an AMI ID", fix: /ami-0123456789abcdef0/ },
  { name: 'port 0', run: make({ port: 0 }), field: 'port', value: 'port 0', fix: /1 to 65535/ },
  { name: 'an empty instance type', run: make({ instanceType: ' ' }), field: 'instanceType', value: 'is empty', fix: /give an EC2 instance type, for example 't3\.small'/ },
  { name: 'an instance type that is no string (untyped JS)', run: make({ instanceType: 3 as never }), field: 'instanceType', value: 'the number 3, not a string', fix: /for example 't3\.small'/ },
  { name: 'a subnet of another region', run: make({ subnet: VIRGINIA_SUBNET }), field: 'subnet', value: "'use1-az1'", fix: /ap-northeast-1/ },
  { name: 'no STS endpoint subnets', run: make({ stsEndpointSubnets: [] }), field: 'stsEndpointSubnets', value: 'is empty', fix: /one subnet in each of at least 1 Availability Zone/ },
  { name: 'an STS endpoint subnet of another region', run: make({ stsEndpointSubnets: [VIRGINIA_SUBNET] }), field: 'stsEndpointSubnets', value: "'use1-az1'", fix: /ap-northeast-1/ },
];

describe('HttpsProxy refuses', () => {
  it.each(BAD.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));

  it('a blank instance type as its own, not its inner instance', () => {
    expect(make({ instanceType: ' ' })).toThrow(/^HttpsProxy 'unit-dev\/Proxy': 'instanceType' is empty; /);
  });
});
