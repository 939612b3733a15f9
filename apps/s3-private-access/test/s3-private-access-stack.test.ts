import { Ec2ClientVpnEndpoint } from '@cdktf/provider-aws/lib/ec2-client-vpn-endpoint';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { Route53ResolverEndpoint } from '@cdktf/provider-aws/lib/route53-resolver-endpoint';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { TransferServer } from '@cdktf/provider-aws/lib/transfer-server';
import { TransferUser } from '@cdktf/provider-aws/lib/transfer-user';
import { VpcEndpoint } from '@cdktf/provider-aws/lib/vpc-endpoint';
import { Guardrails } from '@privatelink-cdktf/core';
import { Testing } from 'cdktf';
import type { AppConfig } from '../src/config';
import { ENVIRONMENTS } from '../src/environments';
import { dev } from '../src/environments/dev';
import { prod } from '../src/environments/prod';
import { stg } from '../src/environments/stg';
import { S3PrivateAccessStack } from '../src/s3-private-access-stack';

type Resources = Record<string, Record<string, Record<string, unknown>>>;
interface Synthesized {
  resource: Resources;
  output: Record<string, { value: unknown }>;
}

function synth(config: AppConfig): { stack: S3PrivateAccessStack; text: string; json: Synthesized } {
  const stack = new S3PrivateAccessStack(Testing.app(), config);
  const text = Testing.synth(stack);
  return { stack, text, json: JSON.parse(text) as Synthesized };
}

const of = (json: Synthesized, type: string) => Object.values(json.resource[type] ?? {});
const stacks = { dev: synth(dev), stg: synth(stg), prod: synth(prod) };

describe.each(ENVIRONMENTS.map((config) => [config.environment.name, config] as const))('s3-private-access-%s', (name, config) => {
  const { text, json } = stacks[name];

  it('creates the exchange bucket behind a guard that admits only the VPC endpoints and the named principals', () => {
    expect(text).toHaveResourceWithProperties(S3Bucket, { bucket: config.bucket.name });
    expect(text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, { block_public_policy: true, restrict_public_buckets: true });
    const policy = JSON.parse(of(json, 'aws_s3_bucket_policy')[0].policy as string);
    const deny = policy.Statement[0];
    expect(deny.Condition.StringNotEquals['aws:SourceVpce']).toHaveLength(config.interfaceEndpoint ? 2 : 1);
    expect(deny.Condition.ArnNotLike['aws:PrincipalArn']).toEqual(expect.arrayContaining([...config.bucket.adminPrincipalArns]));
    expect(deny.Condition.ArnNotLike['aws:PrincipalArn']).toHaveLength(config.bucket.adminPrincipalArns.length + Object.keys(config.sftp?.users ?? {}).length);
  });

  it('routes the VPC to S3 through a gateway endpoint limited to the bucket', () => {
    const gateway = of(json, 'aws_vpc_endpoint').find((e) => e.vpc_endpoint_type === 'Gateway')!;
    expect(gateway.service_name).toBe('com.amazonaws.ap-northeast-1.s3');
    expect(JSON.parse(gateway.policy as string).Statement[0].Resource).toEqual([`arn:aws:s3:::${config.bucket.name}`, `arn:aws:s3:::${config.bucket.name}/*`]);
    expect(of(json, 'aws_vpc_endpoint_route_table_association')).toHaveLength(config.network.zones.length);
  });

  it(config.interfaceEndpoint ? 'reaches S3 from on-premises through the interface endpoint and the Resolver inbound endpoint' : 'has no interface endpoint', () => {
    const s3Interface = of(json, 'aws_vpc_endpoint').filter((e) => e.vpc_endpoint_type === 'Interface' && e.service_name === 'com.amazonaws.ap-northeast-1.s3');
    expect(s3Interface).toHaveLength(config.interfaceEndpoint ? 1 : 0);
    if (config.interfaceEndpoint) {
      expect(s3Interface[0]).toMatchObject({ private_dns_enabled: true, dns_options: { private_dns_only_for_inbound_resolver_endpoint: true } });
      expect(text).toHaveResourceWithProperties(Route53ResolverEndpoint, { direction: 'INBOUND' });
      expect(json.output['s3-interface-endpoint-dns-name']).toBeDefined();
    } else {
      expect(text).not.toHaveResource(Route53ResolverEndpoint);
    }
  });

  it(config.sftp ? 'serves the SFTP partners from an internal Transfer Family server' : 'has no SFTP server', () => {
    if (config.sftp) {
      expect(text).toHaveResourceWithProperties(TransferServer, { endpoint_type: 'VPC', protocols: ['SFTP'], security_policy_name: 'TransferSecurityPolicy-2024-01' });
      for (const user of Object.keys(config.sftp.users)) expect(text).toHaveResourceWithProperties(TransferUser, { user_name: user, home_directory_type: 'LOGICAL' });
    } else {
      expect(text).not.toHaveResource(TransferServer);
    }
  });

  it(config.clientVpn ? 'admits operators through Client VPN' : 'has no Client VPN', () => {
    if (config.clientVpn) expect(text).toHaveResourceWithProperties(Ec2ClientVpnEndpoint, { client_cidr_block: config.clientVpn.clientCidrBlock, split_tunnel: true });
    else expect(text).not.toHaveResource(Ec2ClientVpnEndpoint);
  });

  it(config.proxy || config.syncHost ? 'runs the proxy and the sync host as private instances' : 'runs no instances', () => {
    const instances = of(json, 'aws_instance');
    expect(instances).toHaveLength((config.proxy ? 1 : 0) + (config.syncHost ? 1 : 0));
    for (const instance of instances) expect(instance).toMatchObject({ associate_public_ip_address: false, metadata_options: { http_tokens: 'required' } });
  });

  it('passes the guardrail pack (PL-IAM-1, PL-EP-3 and PL-PROD-2 included) with nothing suppressed or acknowledged', () => {
    expect(Guardrails.of(stacks[name].stack).rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(['PL-IAM-1', 'PL-EP-3', 'PL-PROD-2']));
    expect(Guardrails.of(stacks[name].stack).findings()).toEqual([]);
    expect(() => Testing.synth(stacks[name].stack, true)).not.toThrow();
    expect((stacks[name].stack.toTerraform() as { '//': { guardrails: { suppressions: unknown[] } } })['//'].guardrails.suppressions).toEqual([]);
  });

  it('narrows the S3 endpoint policies to the account and read-write actions, and every service role to its source', () => {
    for (const endpoint of of(json, 'aws_vpc_endpoint').filter((e) => String(e.service_name).endsWith('.s3'))) {
      const [statement] = JSON.parse(endpoint.policy as string).Statement;
      expect(statement.Action).not.toContain('s3:*');
      expect(statement.Condition).toEqual({ StringEquals: { 'aws:PrincipalAccount': [config.environment.accountId] } });
    }
    for (const role of of(json, 'aws_iam_role')) {
      const [trust] = JSON.parse(role.assume_role_policy as string).Statement;
      const service = trust.Principal.Service[0];
      if (service === 'ec2.amazonaws.com') continue; // EC2 sends neither condition key
      expect(Object.keys(trust.Condition.ArnLike)).toEqual(['aws:SourceArn']);
      expect(trust.Condition.StringEquals).toEqual({ 'aws:SourceAccount': [config.environment.accountId] });
    }
  });

  it('matches the reviewed snapshot', () => {
    expect(text).toMatchSnapshot();
  });
});

describe('environment differences', () => {
  it('prod and stg use the interface endpoint and SFTP, stg adds Client VPN, dev shows the proxy and the sync host', () => {
    expect(stacks.prod.text).not.toHaveResource(Ec2ClientVpnEndpoint);
    expect(stacks.prod.text).not.toHaveResource(Instance);
    expect(stacks.stg.text).toHaveResource(Ec2ClientVpnEndpoint);
    expect(stacks.dev.text).toHaveResourceWithProperties(VpcEndpoint, { service_name: 'com.amazonaws.ap-northeast-1.sts' });
    expect(stacks.dev.json.output['proxy-url']).toBeDefined();
    expect(stacks.dev.json.output['sync-host-ip']).toBeDefined();
  });

  it('pins the prod Resolver addresses for the on-premises forwarders', () => {
    expect(stacks.prod.text).toHaveResourceWithProperties(Route53ResolverEndpoint, {
      ip_address: expect.arrayContaining([expect.objectContaining({ ip: '10.32.0.53' }), expect.objectContaining({ ip: '10.32.16.53' })]),
    });
  });
});

describe('configuration errors', () => {
  const make = (config: AppConfig) => () => new S3PrivateAccessStack(Testing.app(), config);

  it('rejects invalid bucket names, missing admins and overlapping on-premises networks', () => {
    expect(make({ ...prod, bucket: { ...prod.bucket, name: 'Prod_Exchange' } })).toThrow(/S3PrivateAccessStack 's3-private-access-prod': 'bucket.name' is 'Prod_Exchange', which has characters a S3 bucket name may not contain/);
    expect(make({ ...prod, bucket: { ...prod.bucket, adminPrincipalArns: [] } })).toThrow(/'bucket.adminPrincipalArns' is empty/);
    expect(make({ ...prod, onPremisesCidrs: ['10.32.0.0/20'] })).toThrow(/'onPremisesCidrs' has '10.32.0.0\/20', which overlaps the VPC block '10.32.0.0\/16'/);
    expect(make({ ...prod, onPremisesCidrs: [] })).toThrow(/'onPremisesCidrs' is empty/);
    expect(make({ ...prod, onPremisesCidrs: ['10.32.0.0/16'] })).toThrow(/'onPremisesCidrs' has '10.32.0.0\/16', which is the VPC block '10.32.0.0\/16'/);
  });

  it('rejects self-managed hosts in prod, a one-zone interface endpoint and an environment with no access path', () => {
    expect(make({ ...prod, proxy: dev.proxy })).toThrow(/'proxy' is configured in prod/);
    expect(make({ ...prod, network: { ...prod.network, zones: ['apne1-az1'] } })).toThrow(/'network.zones' has 1 zone/);
    expect(make({ environment: dev.environment, network: dev.network, onPremisesCidrs: dev.onPremisesCidrs, bucket: dev.bucket })).toThrow(/configure at least one way to reach the bucket/);
    expect(make({ ...dev, proxy: { amiId: 'latest' } })).toThrow(/'proxy.amiId' is 'latest', which is not an AMI ID/);
  });

  it('rejects pinned resolver addresses outside the VPC or in zones it does not have', () => {
    const pinned = (resolverIpAddresses: Record<string, string>) => ({ ...prod, interfaceEndpoint: { privateDnsOnlyForInboundResolverEndpoint: true, resolverIpAddresses } });
    expect(make(pinned({ 'apne1-az1': '10.99.0.53' }))).toThrow(/'interfaceEndpoint.resolverIpAddresses.apne1-az1' is '10.99.0.53', outside the VPC block '10.32.0.0\/16'/);
    expect(make(pinned({ 'apne1-az3': '10.32.0.53' }))).toThrow(/'interfaceEndpoint.resolverIpAddresses.apne1-az3' names a zone the network does not have/);
  });

  it('rejects a Client VPN range that overlaps the VPC', () => {
    expect(make({ ...stg, clientVpn: { ...stg.clientVpn!, clientCidrBlock: '10.31.0.0/22' } })).toThrow(/'clientCidrBlock' is '10.31.0.0\/22', which overlaps the VPC block/);
  });
});
