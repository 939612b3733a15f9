import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { TransferServer } from '@cdktf/provider-aws/lib/transfer-server';
import { TransferSshKey } from '@cdktf/provider-aws/lib/transfer-ssh-key';
import { TransferUser } from '@cdktf/provider-aws/lib/transfer-user';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Guardrails } from '@privatelink-cdktf/core';
import { Testing } from 'cdktf';
import { SftpServer, type SftpServerProps } from '../src/sftp-server';
import { devStack, expectPreventDestroyInProduction, policyOf, resources, SUBNETS, synthJson, VPC } from './helpers';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLEKEY partner@example.com';
const base: SftpServerProps = {
  name: 'unit-dev-sftp',
  vpcId: VPC.vpcId,
  subnets: SUBNETS,
  bucketName: 'acme-dev-exchange',
  sourceCidrs: ['192.168.10.0/24'],
  users: { partner: { sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/partners/partner' } },
};

describe('SftpServer', () => {
  const stack = devStack();
  const server = new SftpServer(stack, 'Sftp', {
    ...base,
    bucketKmsKeyArn: 'arn:aws:kms:ap-northeast-1:111111111111:key/abc',
    users: { ...base.users, auditor: { sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/reports', readOnly: true } },
    customHostname: { zoneId: 'Z0123456789ABCDEFGHIJ', name: 'sftp.example.com' },
  });
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);

  it('is an internal VPC endpoint server speaking SFTP only, with service-managed users and a current policy', () => {
    expect(synthesized).toHaveResourceWithProperties(TransferServer, {
      endpoint_type: 'VPC',
      endpoint_details: { vpc_id: VPC.vpcId, subnet_ids: SUBNETS.map((s) => s.subnetId), security_group_ids: [expect.stringContaining('aws_security_group')] },
      protocols: ['SFTP'],
      domain: 'S3',
      identity_provider_type: 'SERVICE_MANAGED',
      security_policy_name: 'TransferSecurityPolicy-2024-01',
    });
    const details = Object.values(resources(json, 'aws_transfer_server'))[0].endpoint_details as Record<string, unknown>;
    expect(details.address_allocation_ids).toBeUndefined();
    expect(synthesized).not.toHaveResource(Eip);
  });

  it('logs through a logging role to an encrypted log group', () => {
    const transfer = Object.values(resources(json, 'aws_transfer_server'))[0];
    expect(transfer.structured_log_destinations).toEqual([expect.stringMatching(/aws_cloudwatch_log_group\..*\.arn}:\*$/)]);
    expect(transfer.logging_role).toMatch(/aws_iam_role\.Sftp_LoggingRole/);
    expect(Object.values(resources(json, 'aws_cloudwatch_log_group'))[0]).toMatchObject({ name: '/aws/transfer/unit-dev-sftp', retention_in_days: 365, kms_key_id: expect.stringContaining('aws_kms_key') });
  });

  it('admits SFTP on port 22 from the source CIDRs only', () => {
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.10.0/24', from_port: 22, to_port: 22 });
    expect(Object.keys(resources(json, 'aws_vpc_security_group_ingress_rule'))).toHaveLength(1);
  });

  it('locks each user into its prefix with a logical home and a role scoped to that prefix', () => {
    expect(synthesized).toHaveResourceWithProperties(TransferUser, {
      user_name: 'partner',
      home_directory_type: 'LOGICAL',
      home_directory_mappings: [{ entry: '/', target: '/acme-dev-exchange/partners/partner' }],
    });
    const policies = resources(json, 'aws_iam_role_policy');
    const partner = policyOf(Object.entries(policies).find(([name]) => name.includes('UserRole-partner'))![1]);
    expect(partner.Statement).toEqual([
      expect.objectContaining({ Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::acme-dev-exchange'], Condition: { StringLike: { 's3:prefix': ['partners/partner/', 'partners/partner/*'] } } }),
      expect.objectContaining({ Action: ['s3:GetBucketLocation'] }),
      expect.objectContaining({ Action: expect.arrayContaining(['s3:PutObject', 's3:GetObject']), Resource: ['arn:aws:s3:::acme-dev-exchange/partners/partner/*'] }),
      expect.objectContaining({ Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: ['arn:aws:kms:ap-northeast-1:111111111111:key/abc'] }),
    ]);
    const auditor = policyOf(Object.entries(policies).find(([name]) => name.includes('UserRole-auditor'))![1]);
    expect(auditor.Statement[2].Action).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
    const trust = JSON.parse(Object.entries(resources(json, 'aws_iam_role')).find(([name]) => name.includes('UserRole-partner'))![1].assume_role_policy as string);
    expect(trust.Statement[0]).toMatchObject({ Principal: { Service: ['transfer.amazonaws.com'] }, Condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] } } });
    expect(Object.keys(server.userRoleArns)).toEqual(['partner', 'auditor']);
  });

  it('registers each SSH key under a key derived from the key itself', () => {
    expect(synthesized).toHaveResourceWithProperties(TransferSshKey, { body: KEY });
    expect(Object.keys(resources(json, 'aws_transfer_ssh_key'))).toEqual(expect.arrayContaining([expect.stringMatching(/^Sftp_SshKey-partner-[0-9a-f]{12}_/)]));
  });

  it('points the custom host name at the server endpoint', () => {
    expect(synthesized).toHaveResourceWithProperties(Route53Record, { name: 'sftp.example.com', type: 'CNAME', records: [expect.stringContaining('.endpoint}')] });
  });
});

describe('SftpServer options', () => {
  it('attaches one Elastic IP per subnet only when asked', () => {
    const stack = devStack();
    new SftpServer(stack, 'Sftp', { ...base, elasticIps: true });
    const json = synthJson(stack);
    expect(Object.keys(resources(json, 'aws_eip'))).toEqual([expect.stringMatching(/Eip-apne1-az1/), expect.stringMatching(/Eip-apne1-az2/)]);
    const details = Object.values(resources(json, 'aws_transfer_server'))[0].endpoint_details as Record<string, unknown>;
    expect(details.address_allocation_ids).toHaveLength(2);
  });

  it('passes the guardrail pack, and acknowledges the open-ingress finding only when internet sources are allowed by name', () => {
    const closed = devStack();
    new SftpServer(closed, 'Sftp', base);
    expect(Guardrails.of(closed).findings()).toEqual([]);
    const open = devStack();
    new SftpServer(open, 'Sftp', { ...base, sourceCidrs: ['0.0.0.0/0'], allowInternetSources: true, elasticIps: true });
    expect(() => Testing.synth(open, true)).not.toThrow();
    const findings = Guardrails.of(open).findings();
    expect(findings.map((f) => [f.ruleId, f.suppression?.source])).toEqual([['PL-SG-1', 'construct']]);
  });

  it('accepts newer security policies', () => {
    for (const name of ['TransferSecurityPolicy-2025-03', 'TransferSecurityPolicy-FIPS-2024-05', 'TransferSecurityPolicy-SshAuditCompliant-2025-02']) {
      expect(() => new SftpServer(devStack(), 'Sftp', { ...base, securityPolicyName: name })).not.toThrow();
    }
  });
});

describe('SftpServer bad input', () => {
  const make = (props: Partial<SftpServerProps>) => new SftpServer(devStack(), 'Sftp', { ...base, ...props });

  it('rejects a server with no source CIDRs, or open to the internet unless explicitly allowed', () => {
    expect(() => make({ sourceCidrs: [] })).toThrow(/SftpServer 'unit-dev\/Sftp': 'sourceCidrs' is empty/);
    expect(() => make({ sourceCidrs: ['0.0.0.0/0'] })).toThrow(/'sourceCidrs' includes '0.0.0.0\/0', which admits the whole internet; .*allowInternetSources: true/);
    expect(() => make({ sourceCidrs: ['0.0.0.0/0'], allowInternetSources: true, elasticIps: true })).not.toThrow();
    expect(() => make({ sourceCidrs: ['192.168.10.0/33'] })).toThrow(/'sourceCidrs' has '192.168.10.0\/33', which is not a CIDR block/);
  });

  it('rejects a home directory outside the bucket, at its root, or escaping it', () => {
    const user = (homeDirectory: string) => ({ partner: { sshPublicKeys: [KEY], homeDirectory } });
    expect(() => make({ users: user('/other-bucket/partner') })).toThrow(/'users.partner.homeDirectory' is '\/other-bucket\/partner', which is outside the bucket 'acme-dev-exchange'/);
    expect(() => make({ users: user('/acme-dev-exchange') })).toThrow(/'users.partner.homeDirectory'.*or is its root/);
    expect(() => make({ users: user('/acme-dev-exchange/../other') })).toThrow(/'users.partner.homeDirectory'/);
    expect(() => make({ users: user('acme-dev-exchange/partner') })).toThrow(/'users.partner.homeDirectory'/);
  });

  it('rejects old security policies', () => {
    expect(() => make({ securityPolicyName: 'TransferSecurityPolicy-2020-06' })).toThrow(/'securityPolicyName' is 'TransferSecurityPolicy-2020-06'; use TransferSecurityPolicy-2024-01 or a newer/);
    expect(() => make({ securityPolicyName: 'TransferSecurityPolicy-2018-11' })).toThrow(/securityPolicyName/);
    expect(() => make({ securityPolicyName: 'latest' })).toThrow(/securityPolicyName/);
  });

  it('rejects users without keys, with malformed keys or bad names, and invalid bucket names', () => {
    expect(() => make({ users: {} })).toThrow(/'users' is empty/);
    expect(() => make({ users: { partner: { sshPublicKeys: [], homeDirectory: '/acme-dev-exchange/p' } } })).toThrow(/'users.partner.sshPublicKeys' is empty/);
    expect(() => make({ users: { partner: { sshPublicKeys: ['not a key'], homeDirectory: '/acme-dev-exchange/p' } } })).toThrow(/which is not an OpenSSH public key/);
    expect(() => make({ users: { Partner: { sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/p' } } })).toThrow(/'users' has key 'Partner'/);
    expect(() => make({ users: { ab: { sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/p' } } })).toThrow(/'users' is 'ab', which has 2 characters, fewer than the 3 a Transfer Family user name needs/);
    expect(() => make({ bucketName: 'Not_A_Bucket' })).toThrow(/'bucketName' is 'Not_A_Bucket', which has characters a S3 bucket name may not contain/);
    expect(() => make({ subnets: [] })).toThrow(/'subnets' is empty/);
    expect(() => make({ customHostname: { zoneId: 'Z1', name: 'Not A Name' } })).toThrow(/'customHostname.name'/);
  });
});

describe('SftpServer security review', () => {
  const stack = devStack();
  new SftpServer(stack, 'Sftp', base);
  const roles = resources(synthJson(stack), 'aws_iam_role');
  const trustOf = (name: string) => policyOf(Object.entries(roles).find(([key]) => key.startsWith(name))![1], 'assume_role_policy').Statement[0];

  it('lets Transfer Family assume the logging role only for servers of this account', () => {
    expect(trustOf('Sftp_LoggingRole').Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': ['111111111111'] },
      ArnLike: { 'aws:SourceArn': ['arn:aws:transfer:ap-northeast-1:111111111111:server/*'] },
    });
  });

  it("lets Transfer Family assume a user's role only for users of this server", () => {
    const condition = trustOf('Sftp_UserRole-partner').Condition as Record<string, Record<string, string[]>>;
    expect(condition.StringEquals).toEqual({ 'aws:SourceAccount': ['111111111111'] });
    expect(condition.ArnLike['aws:SourceArn']).toEqual([expect.stringMatching(/^arn:aws:transfer:ap-northeast-1:111111111111:user\/\$\{aws_transfer_server\.Sftp_Server_[0-9A-F]+\.id\}\/\*$/)]);
  });

  it('passes the pack, PL-IAM-1 included, with nothing acknowledged', () => {
    expect(Guardrails.of(stack).rules.map((rule) => rule.id)).toContain('PL-IAM-1');
    expect(Guardrails.of(stack).findings()).toEqual([]);
  });

  it('protects the server from destroy in production, and records an explicit opt-out', () => {
    expectPreventDestroyInProduction((prod, preventDestroy) => new SftpServer(prod, 'Sftp', { ...base, preventDestroy }), 'aws_transfer_server', 'Sftp');
  });

});
