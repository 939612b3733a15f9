import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Testing } from 'cdktf';
import { HttpsProxy } from '../src/https-proxy';
import { proxyProps } from './ec2-pattern-props';
import { devStack, resources, synthJson } from './helpers';

describe('HttpsProxy', () => {
  const stack = devStack();
  const proxy = new HttpsProxy(stack, 'Proxy', proxyProps);
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);
  const userData = Object.values(resources(json, 'aws_instance'))[0].user_data as string;

  it('lets clients CONNECT to the region\'s S3 and STS names on 443 only', () => {
    expect(userData).toContain('http_port 3128');
    expect(userData).toContain('acl clients src 192.168.0.0/16');
    expect(userData).toContain('acl aws_names dstdomain .s3.ap-northeast-1.amazonaws.com sts.ap-northeast-1.amazonaws.com');
    expect(userData).toMatch(/http_access deny !CONNECT\nhttp_access deny !tls_port\nhttp_access allow clients aws_names\nhttp_access deny all/);
    expect(userData).not.toContain('iam.amazonaws.com');
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.0.0/16', from_port: 3128 });
    expect(proxy.proxyUrl).toMatch(/^http:\/\/\$\{TfToken\[TOKEN\.\d+\]\}:3128$/);
  });

  it('creates an STS interface endpoint that admits the proxy only', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcEndpoint, { service_name: 'com.amazonaws.ap-northeast-1.sts', vpc_endpoint_type: 'Interface', private_dns_enabled: true });
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { security_group_id: expect.stringContaining('StsEndpoint_SecurityGroup'), referenced_security_group_id: expect.stringContaining('Proxy_SecurityGroup'), from_port: 443 });
    expect(proxy.stsEndpoint?.serviceName).toBe('com.amazonaws.ap-northeast-1.sts');
  });

  it('reaches IAM through a NAT gateway only as an explicit option', () => {
    const other = devStack();
    new HttpsProxy(other, 'Proxy', { ...proxyProps, credentialsPath: 'nat-gateway' });
    const otherJson = synthJson(other);
    expect(Object.values(resources(otherJson, 'aws_instance'))[0].user_data).toContain('iam.amazonaws.com sts.amazonaws.com');
    expect(Object.values(resources(otherJson, 'aws_vpc_security_group_egress_rule')).map((r) => r.cidr_ipv4)).toContain('0.0.0.0/0');
    expect(resources(otherJson, 'aws_vpc_endpoint')).toEqual({});
  });

  it('refuses to become an open proxy', () => {
    expect(() => new HttpsProxy(devStack(), 'Proxy', { ...proxyProps, clientCidrs: ['0.0.0.0/0'] })).toThrow(/HttpsProxy 'unit-dev\/Proxy': 'clientCidrs' includes '0.0.0.0\/0'/);
    expect(() => new HttpsProxy(devStack(), 'Proxy', { ...proxyProps, clientCidrs: [] })).toThrow(/'clientCidrs' is empty/);
    expect(() => new HttpsProxy(devStack(), 'Proxy', { ...proxyProps, amiId: 'ubuntu' })).toThrow(/'amiId' is 'ubuntu', which is not an AMI ID/);
    expect(() => new HttpsProxy(devStack(), 'Proxy', { ...proxyProps, port: 0 })).toThrow(/'port' has port 0/);
  });

  it('reuses an existing STS endpoint when told to, creating none', () => {
    const stack = devStack();
    const proxy = new HttpsProxy(stack, 'Proxy', { ...proxyProps, credentialsPath: 'existing-sts-endpoint' });
    expect(resources(synthJson(stack), 'aws_vpc_endpoint')).toEqual({});
    expect(proxy.stsEndpoint).toBeUndefined();
  });

});
