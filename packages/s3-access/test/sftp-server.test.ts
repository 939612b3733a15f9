import { Eip } from '@cdktf/provider-aws/lib/eip';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { TransferServer } from '@cdktf/provider-aws/lib/transfer-server';
import { TransferSshKey } from '@cdktf/provider-aws/lib/transfer-ssh-key';
import { TransferUser } from '@cdktf/provider-aws/lib/transfer-user';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Guardrails, type EnvironmentStack } from '@privatelink-cdktf/core';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { TerraformVariable, Testing } from 'cdktf';
import { SftpServer, type SftpServerProps } from '../src/sftp-server';
import { acknowledgements, devStack, expectPreventDestroyInProduction, policyOf, prodStack, resources, SUBNETS, synthJson, type Synthesized, VPC } from './helpers';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLEKEY partner@example.com';
const OTHER_KEY = 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQEXAMPLEOTHERKEY laptop@example.com';
const KMS_KEY = 'arn:aws:kms:ap-northeast-1:111111111111:key/abc';
const base: SftpServerProps = {
  name: 'unit-dev-sftp',
  vpcId: VPC.vpcId,
  subnets: SUBNETS,
  bucketName: 'acme-dev-exchange',
  sourceCidrs: ['192.168.10.0/24'],
  users: { partner: { sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/partners/partner' } },
};

// Each test builds its stack itself: a stack built in a describe block or a beforeAll runs outside
// every test, so mutation testing credits the change to no test that reads it.
function build(props: Partial<SftpServerProps> = {}, stack: EnvironmentStack = devStack()): { stack: EnvironmentStack; server: SftpServer; json: Synthesized; synthesized: string } {
  const server = new SftpServer(stack, 'Sftp', { ...base, ...props });
  return { stack, server, json: synthJson(stack), synthesized: Testing.synth(stack) };
}

/** Two users (one read-only), a KMS-encrypted bucket and a custom host name. */
const full = () =>
  build({
    bucketKmsKeyArn: KMS_KEY,
    users: { ...base.users, auditor: { sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/reports', readOnly: true } },
    customHostname: { zoneId: 'Z0123456789ABCDEFGHIJ', name: 'sftp.example.com' },
  });

const named = (json: Synthesized, type: string, part: string) => Object.entries(resources(json, type)).find(([name]) => name.includes(part))![1];
const userPolicy = (json: Synthesized, userName: string) => policyOf(named(json, 'aws_iam_role_policy', `UserRole-${userName}`)).Statement;

/** The acknowledgements a stack records, with the reason a reviewer reads. */
function acknowledgementReasons(stack: EnvironmentStack): Array<{ ruleId: string; path: string; reason: string }> {
  Testing.synth(stack);
  const json = stack.toTerraform() as { '//': { guardrails: { suppressions: Array<{ ruleId: string; path: string; reason: string; source: string }> } } };
  return json['//'].guardrails.suppressions.filter((s) => s.source === 'construct').map(({ ruleId, path, reason }) => ({ ruleId, path, reason }));
}

describe('SftpServer', () => {
  it('is an internal VPC endpoint server speaking SFTP only, with service-managed users and a current policy', () => {
    const { json, synthesized } = full();
    expect(synthesized).toHaveResourceWithProperties(TransferServer, {
      endpoint_type: 'VPC',
      endpoint_details: { vpc_id: VPC.vpcId, subnet_ids: SUBNETS.map((s) => s.subnetId), security_group_ids: [expect.stringContaining('aws_security_group')] },
      protocols: ['SFTP'],
      domain: 'S3',
      identity_provider_type: 'SERVICE_MANAGED',
      security_policy_name: 'TransferSecurityPolicy-2024-01',
      tags: { Name: 'unit-dev-sftp' },
    });
    const details = Object.values(resources(json, 'aws_transfer_server'))[0].endpoint_details as Record<string, unknown>;
    expect(details.address_allocation_ids).toBeUndefined();
    expect(synthesized).not.toHaveResource(Eip);
  });

  it('logs through a logging role to an encrypted log group, and lets the role write only there', () => {
    const { json } = full();
    const transfer = Object.values(resources(json, 'aws_transfer_server'))[0];
    expect(transfer.structured_log_destinations).toEqual([expect.stringMatching(/^\$\{aws_cloudwatch_log_group\..*\.arn}:\*$/)]);
    expect(transfer.logging_role).toMatch(/aws_iam_role\.Sftp_LoggingRole/);
    expect(Object.values(resources(json, 'aws_cloudwatch_log_group'))[0]).toMatchObject({ name: '/aws/transfer/unit-dev-sftp', retention_in_days: 365, kms_key_id: expect.stringContaining('aws_kms_key') });
    expect(named(json, 'aws_iam_role', 'Sftp_LoggingRole').name).toBe('unit-dev-sftp-logging');
    expect(policyOf(named(json, 'aws_iam_role_policy', 'Sftp_LoggingRole')).Statement).toEqual([
      {
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'],
        Resource: [expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Sftp_Logs_.*\.arn}$/), expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.Sftp_Logs_.*\.arn}:\*$/)],
      },
    ]);
  });

  it('admits SFTP on port 22 from the source CIDRs only', () => {
    const { json, synthesized } = full();
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { cidr_ipv4: '192.168.10.0/24', from_port: 22, to_port: 22 });
    expect(Object.keys(resources(json, 'aws_vpc_security_group_ingress_rule'))).toHaveLength(1);
  });

  it('locks each user into its prefix with a logical home and a role scoped to that prefix', () => {
    const { json, synthesized, server } = full();
    expect(synthesized).toHaveResourceWithProperties(TransferUser, {
      user_name: 'partner',
      role: expect.stringMatching(/^\$\{aws_iam_role\.Sftp_UserRole-partner_.*\.arn}$/),
      home_directory_type: 'LOGICAL',
      home_directory_mappings: [{ entry: '/', target: '/acme-dev-exchange/partners/partner' }],
      tags: { Name: 'unit-dev-sftp-partner' },
    });
    expect(userPolicy(json, 'partner')).toEqual([
      {
        Sid: 'ListHome',
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: ['arn:aws:s3:::acme-dev-exchange'],
        Condition: { StringLike: { 's3:prefix': ['partners/partner/', 'partners/partner/*'] } },
      },
      { Sid: 'LocateBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation'], Resource: ['arn:aws:s3:::acme-dev-exchange'] },
      {
        Sid: 'HomeObjects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'],
        Resource: ['arn:aws:s3:::acme-dev-exchange/partners/partner/*'],
      },
      { Sid: 'BucketKey', Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: [KMS_KEY] },
    ]);
    const auditor = userPolicy(json, 'auditor');
    expect(auditor.map((s) => [s.Sid, s.Action])).toEqual([
      ['ListHome', ['s3:ListBucket']],
      ['LocateBucket', ['s3:GetBucketLocation']],
      ['HomeObjects', ['s3:GetObject', 's3:GetObjectVersion']],
      ['BucketKey', ['kms:Decrypt']],
    ]);
    expect(auditor[0].Condition).toEqual({ StringLike: { 's3:prefix': ['reports/', 'reports/*'] } });
    expect(named(json, 'aws_iam_role', 'UserRole-partner').name).toBe('unit-dev-sftp-partner');
    const trust = policyOf(named(json, 'aws_iam_role', 'UserRole-partner'), 'assume_role_policy');
    expect(trust.Statement[0]).toMatchObject({ Principal: { Service: ['transfer.amazonaws.com'] }, Condition: { StringEquals: { 'aws:SourceAccount': ['111111111111'] } } });
    expect(Object.keys(server.userRoleArns)).toEqual(['partner', 'auditor']);
  });

  it('registers each SSH key under a key derived from the key itself', () => {
    const { json, synthesized } = full();
    expect(synthesized).toHaveResourceWithProperties(TransferSshKey, { body: KEY, user_name: expect.stringMatching(/^\$\{aws_transfer_user\.Sftp_User-partner_.*\.user_name}$/) });
    // One key of both users: the same 12 hex digits of its digest in each user's address.
    const fingerprints = Object.keys(resources(json, 'aws_transfer_ssh_key')).map((name) => /^Sftp_SshKey-(\w+)-([0-9a-f]{12})_[0-9A-F]+$/.exec(name)?.slice(1));
    expect(fingerprints).toEqual([['auditor', expect.any(String)], ['partner', fingerprints[0]?.[1]]]);
  });

  it('points the custom host name at the server endpoint', () => {
    const { synthesized } = full();
    expect(synthesized).toHaveResourceWithProperties(Route53Record, {
      zone_id: 'Z0123456789ABCDEFGHIJ',
      name: 'sftp.example.com',
      type: 'CNAME',
      ttl: 300,
      records: [expect.stringMatching(/^\$\{aws_transfer_server\.Sftp_Server_.*\.endpoint}$/)],
    });
  });
});

describe('SftpServer options', () => {
  it('attaches one Elastic IP per subnet only when asked', () => {
    const { json } = build({ elasticIps: true });
    expect(Object.entries(resources(json, 'aws_eip')).map(([name, eip]) => [name, eip.domain, eip.tags])).toEqual([
      [expect.stringMatching(/^Sftp_Eip-apne1-az1_/), 'vpc', { Name: 'unit-dev-sftp-apne1-az1' }],
      [expect.stringMatching(/^Sftp_Eip-apne1-az2_/), 'vpc', { Name: 'unit-dev-sftp-apne1-az2' }],
    ]);
    const details = Object.values(resources(json, 'aws_transfer_server'))[0].endpoint_details as Record<string, unknown>;
    expect(details.address_allocation_ids).toEqual([expect.stringMatching(/^\$\{aws_eip\.Sftp_Eip-apne1-az1_.*\.allocation_id}$/), expect.stringMatching(/^\$\{aws_eip\.Sftp_Eip-apne1-az2_.*\.allocation_id}$/)]);
  });

  it('gives the users no KMS permission when the bucket has no KMS key', () => {
    expect(userPolicy(build().json, 'partner').map((s) => s.Sid)).toEqual(['ListHome', 'LocateBucket', 'HomeObjects']);
  });

  it('passes the guardrail pack, and acknowledges the open-ingress finding only when internet sources are allowed by name', () => {
    const { stack: closed } = build();
    expect(Guardrails.of(closed).findings()).toEqual([]);
    expect(acknowledgements(closed)).toEqual([]);
    const { stack: open } = build({ sourceCidrs: ['0.0.0.0/0'], allowInternetSources: true, elasticIps: true });
    const findings = Guardrails.of(open).findings();
    expect(findings.map((f) => [f.ruleId, f.suppression?.source])).toEqual([['PL-SG-1', 'construct']]);
    expect(acknowledgementReasons(open)).toContainEqual({ ruleId: 'PL-SG-1', path: 'unit-dev/Sftp', reason: expect.stringMatching(/^allowInternetSources: true was set on the SFTP server/) });
  });

  it('accepts newer security policies', () => {
    for (const name of ['TransferSecurityPolicy-2025-03', 'TransferSecurityPolicy-FIPS-2024-05', 'TransferSecurityPolicy-SshAuditCompliant-2025-02']) {
      expect(Object.values(resources(build({ securityPolicyName: name }).json, 'aws_transfer_server'))[0].security_policy_name).toBe(name);
    }
  });

  it("takes the region and partition of its provider: that region's subnets, and roles trusting servers of that region", () => {
    const stack = devStack();
    const virginia = new AwsProvider(stack, 'virginia', { region: 'us-east-1', alias: 'virginia' });
    const subnets = [{ subnetId: 'subnet-0bbbbbbbbbbbbbbb1', availabilityZoneId: 'use1-az1' }];
    const { json } = build({ provider: virginia, subnets }, stack);
    const trust = policyOf(named(json, 'aws_iam_role', 'Sftp_LoggingRole'), 'assume_role_policy').Statement[0];
    expect(trust.Condition).toMatchObject({ ArnLike: { 'aws:SourceArn': ['arn:aws:transfer:us-east-1:111111111111:server/*'] } });
  });

  it('registers a key pasted with stray whitespace as the key itself, under the same Terraform address', () => {
    const clean = build();
    const pasted = build({ users: { partner: { sshPublicKeys: [`  ${KEY}\n`], homeDirectory: '/acme-dev-exchange/partners/partner' } } });
    expect(Object.keys(resources(pasted.json, 'aws_transfer_ssh_key'))).toEqual(Object.keys(resources(clean.json, 'aws_transfer_ssh_key')));
    expect(Object.values(resources(pasted.json, 'aws_transfer_ssh_key')).map((k) => k.body)).toEqual([KEY]);
  });

  it('registers every key of a user, each under its own address', () => {
    const { json } = build({ users: { partner: { sshPublicKeys: [KEY, OTHER_KEY], homeDirectory: '/acme-dev-exchange/partners/partner' } } });
    const keys = resources(json, 'aws_transfer_ssh_key');
    expect(Object.values(keys).map((k) => k.body).sort()).toEqual([KEY, OTHER_KEY]);
    expect(Object.keys(keys)).toEqual([expect.stringMatching(/^Sftp_SshKey-partner-[0-9a-f]{12}_/), expect.stringMatching(/^Sftp_SshKey-partner-[0-9a-f]{12}_/)]);
  });

  it('takes a home directory or a bucket name known only at apply time as it is', () => {
    const stack = devStack();
    const home = new TerraformVariable(stack, 'home', { type: 'string' }).stringValue;
    const { json } = build({ users: { partner: { sshPublicKeys: [KEY], homeDirectory: home } } }, stack);
    expect(Object.values(resources(json, 'aws_transfer_user'))[0].home_directory_mappings).toEqual([{ entry: '/', target: '/acme-dev-exchange/${var.home}' }]);

    const other = devStack();
    const bucket = new TerraformVariable(other, 'bucket', { type: 'string' }).stringValue;
    const unresolved = build({ bucketName: bucket, users: { partner: { sshPublicKeys: [KEY], homeDirectory: `/${bucket}/partners/partner` } } }, other);
    expect(Object.values(resources(unresolved.json, 'aws_transfer_user'))[0].home_directory_mappings).toEqual([{ entry: '/', target: '/${var.bucket}/partners/partner' }]);
    expect(userPolicy(unresolved.json, 'partner')[0].Condition).toEqual({ StringLike: { 's3:prefix': ['partners/partner/', 'partners/partner/*'] } });
  });
});

describe('SftpServer bad input', () => {
  const make = (props: Partial<SftpServerProps>) => () => new SftpServer(devStack(), 'Sftp', { ...base, ...props });
  const user = (partner: unknown) => make({ users: { partner } as never });
  const home = (homeDirectory: string) => user({ sshPublicKeys: [KEY], homeDirectory });
  const LONG_BAD_KEY = 'ssh-dss AAAAB3NzaC1kc3MAAACBAPEXAMPLE legacy@example.com';

  const cases: BadInputCase[] = [
    { name: 'no source CIDRs', run: make({ sourceCidrs: [] }), field: 'sourceCidrs', value: 'is empty', fix: /192\.168\.10\.0\/24/ },
    { name: 'sources open to the internet', run: make({ sourceCidrs: ['0.0.0.0/0'] }), field: 'sourceCidrs', value: "'0.0.0.0/0'", fix: /allowInternetSources: true/ },
    { name: 'a source that is no CIDR block', run: make({ sourceCidrs: ['192.168.10.0/33'] }), field: 'sourceCidrs', value: "'192.168.10.0/33'", fix: /./ },
    { name: 'allowInternetSources as a string (untyped JS)', run: make({ allowInternetSources: 'yes' as never }), field: 'allowInternetSources', value: "the string 'yes'", fix: /true or false/ },
    { name: 'preventDestroy as a string (untyped JS)', run: make({ preventDestroy: 'no' as never }), field: 'preventDestroy', value: "the string 'no'", fix: /true or false/ },
    { name: 'subnets of another region', run: make({ subnets: [{ subnetId: 'subnet-0bbbbbbbbbbbbbbb1', availabilityZoneId: 'use1-az1' }] }), field: 'subnets', value: "'use1-az1'", fix: /zones of ap-northeast-1/ },
    { name: 'users null (untyped JS)', run: make({ users: null as never }), field: 'users', value: 'is null', fix: /give users by name, for example \{ partner: \{ sshPublicKeys/ },
    { name: 'users as a list (untyped JS)', run: make({ users: [] as never }), field: 'users', value: 'is a list', fix: /give users by name/ },
    { name: 'users missing (untyped JS)', run: make({ users: undefined }), field: 'users', value: 'is missing', fix: /give users by name/ },
    { name: 'users empty', run: make({ users: {} }), field: 'users', value: 'is empty', fix: /at least one user/ },
    { name: 'a user that is null (untyped JS)', run: user(null), field: 'users.partner', value: 'is null', fix: /give \{ sshPublicKeys: \[\.\.\.\], homeDirectory: "\/bucket\/prefix" \}/ },
    { name: 'a user that is a string (untyped JS)', run: user('partner'), field: 'users.partner', value: "is the string 'partner'", fix: /homeDirectory/ },
    { name: 'a user without keys', run: user({ sshPublicKeys: [], homeDirectory: '/acme-dev-exchange/p' }), field: 'users.partner.sshPublicKeys', value: 'is empty', fix: /service-managed users sign in with SSH keys only/ },
    { name: 'a key that is no string (untyped JS)', run: user({ sshPublicKeys: [42], homeDirectory: '/acme-dev-exchange/p' }), field: 'users.partner.sshPublicKeys', value: 'is the number 42, not a string', fix: /paste the one-line public key/ },
    { name: 'a key that is no OpenSSH key, shown by its start', run: user({ sshPublicKeys: [LONG_BAD_KEY], homeDirectory: '/acme-dev-exchange/p' }), field: 'users.partner.sshPublicKeys', value: "has 'ssh-dss AAAAB3NzaC1kc3MA'..., which is not an OpenSSH public key", fix: /paste the one-line public key/ },
    { name: 'readOnly as a string (untyped JS)', run: user({ sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/p', readOnly: 'yes' }), field: 'users.partner.readOnly', value: "the string 'yes'", fix: /true or false/ },
    { name: 'a user name in capitals', run: make({ users: { Partner: { sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/p' } } }), field: 'users', value: "'Partner'", fix: /lower-case letters/ },
    { name: 'a user name too short', run: make({ users: { ab: { sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/ab' } } }), field: 'users', value: "'ab', which has 2 characters, fewer than the 3 a Transfer Family user name needs", fix: /3 to 100 characters/ },
    { name: 'a home in another bucket', run: home('/other-bucket/partner'), field: 'users.partner.homeDirectory', value: "'/other-bucket/partner', which is outside the bucket 'acme-dev-exchange'", fix: /use a prefix inside the server's bucket, for example '\/acme-dev-exchange\/partner'/ },
    { name: 'a home at the bucket root', run: home('/acme-dev-exchange'), field: 'users.partner.homeDirectory', value: 'or is its root', fix: /inside the server's bucket/ },
    { name: 'a home without the leading slash', run: home('acme-dev-exchange/partner'), field: 'users.partner.homeDirectory', value: "'acme-dev-exchange/partner'", fix: /inside the server's bucket/ },
    { name: 'a relative home with the bucket as its second segment', run: home('partners/acme-dev-exchange/partner'), field: 'users.partner.homeDirectory', value: "'partners/acme-dev-exchange/partner'", fix: /inside the server's bucket/ },
    { name: 'a home escaping with ..', run: home('/acme-dev-exchange/../other'), field: 'users.partner.homeDirectory', value: "'../other'", fix: /without '\.' or '\.\.' segments/ },
    { name: 'a home with a wildcard', run: home('/acme-dev-exchange/partners/p*'), field: 'users.partner.homeDirectory', value: "'/acme-dev-exchange/partners/p*', which holds a wildcard", fix: /name one prefix without '\*' or '\?', for example '\/acme-dev-exchange\/partner'/ },
    { name: 'a bucket name with capitals', run: make({ bucketName: 'Not_A_Bucket' }), field: 'bucketName', value: "'Not_A_Bucket', which has characters a S3 bucket name may not contain", fix: /lower-case letters/ },
    { name: 'an old security policy', run: make({ securityPolicyName: 'TransferSecurityPolicy-2020-06' }), field: 'securityPolicyName', value: "'TransferSecurityPolicy-2020-06'", fix: /TransferSecurityPolicy-2024-01 or a newer/ },
    { name: 'a security policy of 2018', run: make({ securityPolicyName: 'TransferSecurityPolicy-2018-11' }), field: 'securityPolicyName', value: "'TransferSecurityPolicy-2018-11'", fix: /TransferSecurityPolicy-2024-01/ },
    { name: 'a security policy that does not exist', run: make({ securityPolicyName: 'latest' }), field: 'securityPolicyName', value: "'latest'", fix: /TransferSecurityPolicy-2024-01/ },
    { name: 'a custom host name that is a string (untyped JS)', run: make({ customHostname: 'sftp.example.com' as never }), field: 'customHostname', value: "is the string 'sftp.example.com'", fix: /give \{ zoneId: 'Z\.\.\.', name: 'sftp\.example\.com' \}/ },
    { name: 'a custom host name that is null (untyped JS)', run: make({ customHostname: null as never }), field: 'customHostname', value: 'is null', fix: /zoneId/ },
    { name: 'a custom host name without its zone (untyped JS)', run: make({ customHostname: { name: 'sftp.example.com' } as never }), field: 'customHostname.zoneId', value: 'is missing', fix: /give the hosted zone's ID, for example Z0123456789ABCDEFGHIJ/ },
    { name: 'a custom host name without its name (untyped JS)', run: make({ customHostname: { zoneId: 'Z0123456789ABCDEFGHIJ' } as never }), field: 'customHostname.name', value: 'is missing', fix: /give the host name, for example sftp\.example\.com/ },
    { name: 'a custom host name that is no DNS name', run: make({ customHostname: { zoneId: 'Z1', name: 'Not A Name' } }), field: 'customHostname.name', value: "'Not A Name'", fix: /./ },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s: one ConfigError naming construct, field, value and fix', (_name, c) => assertBadInput(c));

  it('accepts sources open to the internet by the named opt-in', () => {
    expect(make({ sourceCidrs: ['0.0.0.0/0'], allowInternetSources: true, elasticIps: true })).not.toThrow();
  });
});

describe('SftpServer security review', () => {
  const trustOf = (json: Synthesized, name: string) => policyOf(Object.entries(resources(json, 'aws_iam_role')).find(([key]) => key.startsWith(name))![1], 'assume_role_policy').Statement[0];

  it('lets Transfer Family assume the logging role only for servers of this account', () => {
    expect(trustOf(build().json, 'Sftp_LoggingRole').Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': ['111111111111'] },
      ArnLike: { 'aws:SourceArn': ['arn:aws:transfer:ap-northeast-1:111111111111:server/*'] },
    });
  });

  it("lets Transfer Family assume a user's role only for users of this server", () => {
    const condition = trustOf(build().json, 'Sftp_UserRole-partner').Condition as Record<string, Record<string, string[]>>;
    expect(condition.StringEquals).toEqual({ 'aws:SourceAccount': ['111111111111'] });
    expect(condition.ArnLike['aws:SourceArn']).toEqual([expect.stringMatching(/^arn:aws:transfer:ap-northeast-1:111111111111:user\/\$\{aws_transfer_server\.Sftp_Server_[0-9A-F]+\.id\}\/\*$/)]);
  });

  it('passes the pack, PL-IAM-1 included, with nothing acknowledged', () => {
    const { stack } = build();
    expect(Guardrails.of(stack).rules.map((rule) => rule.id)).toContain('PL-IAM-1');
    expect(Guardrails.of(stack).findings()).toEqual([]);
  });

  it('protects the server from destroy in production, and records an explicit opt-out', () => {
    expectPreventDestroyInProduction((prod, preventDestroy) => new SftpServer(prod, 'Sftp', { ...base, preventDestroy }), 'aws_transfer_server', 'Sftp');
  });

  it('says in the recorded opt-out that it is the SFTP server that may be destroyed', () => {
    const { stack } = build({ preventDestroy: false }, prodStack());
    expect(acknowledgementReasons(stack)).toEqual([{ ruleId: 'PL-PROD-2', path: 'unit-prod/Sftp', reason: 'preventDestroy: false was set on the SFTP server in production, so a plan may destroy it' }]);
  });
});
