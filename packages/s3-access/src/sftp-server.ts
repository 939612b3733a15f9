import { Eip } from '@cdktf/provider-aws/lib/eip';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { TransferServer } from '@cdktf/provider-aws/lib/transfer-server';
import { TransferSshKey } from '@cdktf/provider-aws/lib/transfer-ssh-key';
import { TransferUser } from '@cdktf/provider-aws/lib/transfer-user';
import {
  applyConstructContract,
  configError,
  DedicatedSecurityGroup,
  describeKind,
  EncryptedLogGroup,
  formatValue,
  Guardrails,
  hasWildcard,
  isUnresolved,
  type MetaArguments,
  MIN_TRANSFER_SECURITY_POLICY,
  NAME_RULES,
  nameTags,
  NO_OPEN_INGRESS,
  physicalName,
  type PolicyStatement,
  providerRegion,
  requireAccountContext,
  requireArn,
  requireBoolean,
  requireDnsName,
  requireKeys,
  requireLogRetentionDays,
  requireName,
  requireNarrowCidrs,
  requireNonEmpty,
  requirePreventDestroy,
  requireResourceId,
  requireString,
  requireSubnetPlacement,
  requireTransferSecurityPolicy,
  type SubnetRef,
  zoneOf,
  terraformLiteral,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { createHash } from 'node:crypto';
import { bucketArns, requireBucketName, requireBucketPrefix } from './bucket';
import { requireResourceName } from './resource-name';
import { ServiceRole } from './service-role';

const SSH_PUBLIC_KEY = /^(ssh-rsa|ssh-ed25519|ecdsa-sha2-nistp(256|384|521)) [A-Za-z0-9+/]+={0,3}( .*)?$/;
// Route 53 hosted zone IDs: Z followed by upper-case letters and digits.
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;

/** One service-managed SFTP user. */
export interface SftpUser {
  /** SSH public keys in OpenSSH format (`ssh-ed25519 AAAA... comment`). At least one. */
  readonly sshPublicKeys: readonly string[];
  /**
   * The user's home as an S3 path inside the server's bucket, `/<bucket>/<prefix>`. The user
   * sees it as `/` and cannot leave it; the user's role reaches nothing else. No wildcards: a
   * `*` would widen the role to every prefix it matches.
   */
  readonly homeDirectory: string;
  /** Only download and list. @default false */
  readonly readOnly?: boolean;
}

export interface SftpServerProps extends MetaArguments {
  /** Names the server, its security group, log group and roles, for example `s3-private-access-prod-sftp`. */
  readonly name: string;
  readonly vpcId: string;
  /** Subnets for the server's endpoint, one per Availability Zone. */
  readonly subnets: readonly SubnetRef[];
  /** The bucket the users' homes live in. */
  readonly bucketName: string;
  /** The bucket's KMS key, if it uses SSE-KMS; the users' roles may use it. @default - SSE-S3 bucket */
  readonly bucketKmsKeyArn?: string;
  /** CIDR blocks of the SFTP clients (on-premises networks). At least one. */
  readonly sourceCidrs: readonly string[];
  /** Permit `sourceCidrs` that admit the whole internet in any spelling (`0.0.0.0/0`, `0.0.0.0/1` + `128.0.0.0/1`, `::/0`). @default false */
  readonly allowInternetSources?: boolean;
  /**
   * Attach an Elastic IP in each subnet so clients on the internet can connect. Internal only
   * (reachable over Direct Connect or VPN) unless set.
   * @default false
   */
  readonly elasticIps?: boolean;
  /** Users by user name (3-63 lower-case letters, digits and hyphens; the name is part of construct IDs). */
  readonly users: Readonly<Record<string, SftpUser>>;
  /** @default 'TransferSecurityPolicy-2024-01' (newer names are accepted) */
  readonly securityPolicyName?: string;
  /** @default 365 */
  readonly logRetentionDays?: number;
  /**
   * A CNAME in a Route 53 hosted zone pointing to the server's host name
   * (`s-....server.transfer.<region>.amazonaws.com`). Clients on premises must be able to resolve
   * that name to the server's addresses (Elastic IPs, or a private hosted zone / forwarder for the
   * endpoint's addresses). @default - none
   */
  readonly customHostname?: { readonly zoneId: string; readonly name: string };
  /**
   * `lifecycle { prevent_destroy }` on the server partners connect to. An explicit `false` in
   * production is recorded as an acknowledgement of PL-PROD-2.
   * @default - true in production, false elsewhere
   */
  readonly preventDestroy?: boolean;
}

/**
 * An AWS Transfer Family SFTP server for clients that can only speak SFTP: a VPC endpoint that is
 * internal by default, a security group admitting port 22 from the given networks only, S3 as
 * storage, service-managed users locked into one bucket prefix each (logical home directory and
 * an IAM role scoped to the prefix), structured logs to an encrypted log group, and a current
 * security policy. Fully managed; costs an hourly fee per enabled protocol plus per GB transferred.
 */
export class SftpServer extends Construct {
  public readonly serverId: string;
  public readonly serverArn: string;
  /** The server's host name (`s-....server.transfer.<region>.amazonaws.com`). */
  public readonly endpoint: string;
  public readonly securityGroupId: string;
  public readonly logGroupName: string;
  /** Each user's IAM role ARN by user name (exempt them in a {@link BucketGuard}). */
  public readonly userRoleArns: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: SftpServerProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    requireResourceName(this, props.name);
    requireResourceId(this, 'vpcId', props.vpcId, 'vpc');
    const { partition, region, accountId } = requireAccountContext(this, { region: providerRegion(provider) });
    const subnets = requireSubnetPlacement(this, 'subnets', props.subnets, 1, { region });
    requireBucketName(this, 'bucketName', props.bucketName);
    if (props.bucketKmsKeyArn !== undefined) requireArn(this, 'bucketKmsKeyArn', props.bucketKmsKeyArn, { service: 'kms' });
    const allowInternetSources = requireBoolean(this, 'allowInternetSources', props.allowInternetSources) ?? false;
    const sourceCidrs = requireNonEmpty(this, 'sourceCidrs', props.sourceCidrs, 'list the CIDR blocks of the SFTP clients, for example ["192.168.10.0/24"]');
    // With or without Elastic IPs: the whole internet in any spelling needs the opt-in.
    requireNarrowCidrs(this, 'sourceCidrs', sourceCidrs, { name: 'allowInternetSources', given: allowInternetSources });
    const elasticIps = requireBoolean(this, 'elasticIps', props.elasticIps) ?? false;
    const securityPolicyName = requireTransferSecurityPolicy(this, 'securityPolicyName', props.securityPolicyName ?? MIN_TRANSFER_SECURITY_POLICY);
    const logRetentionDays = requireLogRetentionDays(this, 'logRetentionDays', props.logRetentionDays ?? 365);
    if (typeof props.users !== 'object' || props.users === null || Array.isArray(props.users)) {
      configError(this, 'users', `is ${describeKind(props.users)}`, 'give users by name, for example { partner: { sshPublicKeys: [...], homeDirectory: "/bucket/partner" } }');
    }
    const userNames = Object.keys(props.users);
    requireNonEmpty(this, 'users', userNames, 'give at least one user, for example { partner: { sshPublicKeys: [...], homeDirectory: "/bucket/partner" } }');
    requireKeys(this, 'users', userNames);
    const homes = Object.fromEntries(userNames.map((userName) => [userName, this.requireUser(userName, props.users[userName], props.bucketName)]));
    if (props.customHostname !== undefined) {
      if (typeof props.customHostname !== 'object' || props.customHostname === null) configError(this, 'customHostname', `is ${describeKind(props.customHostname)}`, "give { zoneId: 'Z...', name: 'sftp.example.com' }");
      requireString(this, 'customHostname.zoneId', props.customHostname.zoneId, "give the hosted zone's ID, for example Z0123456789ABCDEFGHIJ");
      if (!isUnresolved(props.customHostname.zoneId) && !HOSTED_ZONE_ID.test(props.customHostname.zoneId)) {
        configError(this, 'customHostname.zoneId', `is ${formatValue(props.customHostname.zoneId)}, which is not a hosted zone ID`, 'give the ID without its /hostedzone/ prefix, for example Z0123456789ABCDEFGHIJ');
      }
      requireString(this, 'customHostname.name', props.customHostname.name, 'give the host name, for example sftp.example.com');
      requireDnsName(this, 'customHostname.name', props.customHostname.name);
    }
    const preventDestroy = requirePreventDestroy(this, 'preventDestroy', props.preventDestroy, 'the SFTP server');

    if (allowInternetSources) Guardrails.acknowledge(this, NO_OPEN_INGRESS, 'allowInternetSources: true was set on the SFTP server to admit the whole internet');
    const securityGroup = new DedicatedSecurityGroup(this, 'SecurityGroup', {
      vpcId: props.vpcId,
      name: physicalName([props.name], 255),
      description: `SFTP clients of ${props.name}`,
      ingress: [{ ports: [22], cidrs: sourceCidrs, description: 'SFTP clients' }],
      allowOpenIngress: allowInternetSources,
    });
    const logGroup = new EncryptedLogGroup(this, 'Logs', { logGroupName: `/aws/transfer/${props.name}`, retentionDays: logRetentionDays });
    const loggingRole = new ServiceRole(this, 'LoggingRole', {
      roleName: physicalName([props.name, 'logging'], 64),
      servicePrincipal: 'transfer.amazonaws.com',
      // Any server of this account (the server needs the role's ARN first, so it cannot name itself).
      sourceAccountId: accountId,
      sourceArn: `arn:${partition}:transfer:${region}:${accountId}:server/*`,
      // Only the encrypted group: the role cannot create an unencrypted /aws/transfer/s-... group.
      statements: [{ actions: ['logs:CreateLogStream', 'logs:DescribeLogStreams', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn, `${logGroup.logGroupArn}:*`] }],
    });
    const addressAllocationIds = elasticIps
      ? subnets.map((subnet) => new Eip(this, `Eip-${zoneOf(subnet)}`, { domain: 'vpc', tags: nameTags(`${props.name}-${zoneOf(subnet)}`) }).allocationId)
      : undefined;
    const server = new TransferServer(this, 'Server', {
      endpointType: 'VPC',
      endpointDetails: {
        vpcId: props.vpcId,
        subnetIds: subnets.map((s) => s.subnetId),
        securityGroupIds: [securityGroup.securityGroupId],
        ...(addressAllocationIds ? { addressAllocationIds } : {}),
      },
      protocols: ['SFTP'],
      domain: 'S3',
      identityProviderType: 'SERVICE_MANAGED',
      securityPolicyName,
      loggingRole: loggingRole.roleArn,
      structuredLogDestinations: [`${logGroup.logGroupArn}:*`],
      tags: nameTags(props.name),
      dependsOn,
      lifecycle: preventDestroy ? { preventDestroy: true } : undefined,
    });

    const userRoleArns: Record<string, string> = {};
    for (const userName of userNames) {
      const user = props.users[userName];
      const prefix = homes[userName];
      const arns = bucketArns(partition, props.bucketName, prefix);
      const statements: PolicyStatement[] = [
        { sid: 'ListHome', actions: ['s3:ListBucket'], resources: [arns.bucket], conditions: [{ test: 'StringLike', variable: 's3:prefix', values: [`${prefix}/`, `${prefix}/*`] }] },
        { sid: 'LocateBucket', actions: ['s3:GetBucketLocation'], resources: [arns.bucket] },
        {
          sid: 'HomeObjects',
          actions: user.readOnly ? ['s3:GetObject', 's3:GetObjectVersion'] : ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'],
          resources: [arns.objects],
        },
      ];
      if (props.bucketKmsKeyArn) {
        statements.push({ sid: 'BucketKey', actions: user.readOnly ? ['kms:Decrypt'] : ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [props.bucketKmsKeyArn] });
      }
      const role = new ServiceRole(this, `UserRole-${userName}`, {
        roleName: physicalName([props.name, userName], 64),
        servicePrincipal: 'transfer.amazonaws.com',
        // Only this server's users may make Transfer Family assume the role.
        sourceAccountId: accountId,
        sourceArn: `arn:${partition}:transfer:${region}:${accountId}:user/${server.id}/*`,
        statements,
      });
      const transferUser = new TransferUser(this, `User-${userName}`, {
        serverId: server.id,
        userName,
        role: role.roleArn,
        homeDirectoryType: 'LOGICAL',
        homeDirectoryMappings: [{ entry: '/', target: `/${props.bucketName}/${prefix}` }],
        tags: nameTags(`${props.name}-${userName}`),
      });
      for (const key of user.sshPublicKeys) {
        const fingerprint = createHash('sha256').update(key.trim()).digest('hex').slice(0, 12);
        new TransferSshKey(this, `SshKey-${userName}-${fingerprint}`, { serverId: server.id, userName: transferUser.userName, body: terraformLiteral(key.trim()) });
      }
      userRoleArns[userName] = role.roleArn;
    }

    if (props.customHostname) {
      new Route53Record(this, 'CustomHostname', {
        zoneId: props.customHostname.zoneId,
        name: props.customHostname.name,
        type: 'CNAME',
        ttl: 300,
        records: [server.endpoint],
      });
    }
    this.serverId = server.id;
    this.serverArn = server.arn;
    this.endpoint = server.endpoint;
    this.securityGroupId = securityGroup.securityGroupId;
    this.logGroupName = logGroup.logGroupName;
    this.userRoleArns = userRoleArns;
  }

  /** Returns the user's prefix inside the bucket, failing on homes outside it, at its root or with a wildcard. */
  private requireUser(userName: string, user: SftpUser, bucketName: string): string {
    const field = `users.${userName}`;
    requireName(this, 'users', userName, NAME_RULES.transferUser);
    if (typeof user !== 'object' || user === null) configError(this, field, `is ${describeKind(user)}`, 'give { sshPublicKeys: [...], homeDirectory: "/bucket/prefix" }');
    const keys = requireNonEmpty(this, `${field}.sshPublicKeys`, user.sshPublicKeys, "give the public key of each of the user's clients (service-managed users sign in with SSH keys only)");
    for (const key of keys) {
      requireString(this, `${field}.sshPublicKeys`, key, 'paste the one-line public key, for example "ssh-ed25519 AAAAC3... partner@example.com"');
      if (!isUnresolved(key) && !SSH_PUBLIC_KEY.test(key.trim())) {
        configError(this, `${field}.sshPublicKeys`, `has ${formatValue(key.slice(0, 24))}..., which is not an OpenSSH public key`, 'paste the one-line public key, for example "ssh-ed25519 AAAAC3... partner@example.com"');
      }
    }
    requireBoolean(this, `${field}.readOnly`, user.readOnly);
    const home = requireString(this, `${field}.homeDirectory`, user.homeDirectory, `give a prefix inside the server's bucket, for example '/${bucketName}/${userName}'`);
    if (!isUnresolved(home) && hasWildcard(home)) {
      configError(this, `${field}.homeDirectory`, `is ${formatValue(home)}, which holds a wildcard that widens the user's role to every prefix it matches`, `name one prefix without '*' or '?', for example '/${bucketName}/${userName}'`);
    }
    if (isUnresolved(home) || isUnresolved(bucketName)) return home.replace(/^\/[^/]*\/?/, '');
    const segments = home.split('/');
    if (segments[0] !== '' || segments[1] !== bucketName || segments.slice(2).every((s) => s.length === 0)) {
      configError(this, `${field}.homeDirectory`, `is ${formatValue(home)}, which is outside the bucket ${formatValue(bucketName)} or is its root`, `use a prefix inside the server's bucket, for example '/${bucketName}/${userName}'`);
    }
    return requireBucketPrefix(this, `${field}.homeDirectory`, segments.slice(2).join('/'));
  }
}
