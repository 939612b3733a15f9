import { StoragegatewayCache } from '@cdktf/provider-aws/lib/storagegateway-cache';
import { StoragegatewayGateway } from '@cdktf/provider-aws/lib/storagegateway-gateway';
import { StoragegatewayNfsFileShare } from '@cdktf/provider-aws/lib/storagegateway-nfs-file-share';
import { StoragegatewaySmbFileShare } from '@cdktf/provider-aws/lib/storagegateway-smb-file-share';
import {
  applyConstructContract,
  configError,
  describeKind,
  EncryptedLogGroup,
  formatValue,
  isUnresolved,
  type MetaArguments,
  physicalName,
  providerRegion,
  requireAccountContext,
  requireArn,
  requireArray,
  requireDnsName,
  requireLogRetentionDays,
  requireNarrowCidrs,
  requireNonEmpty,
  requireOneOf,
  requireString,
  type TrafficRule,
  type VpcRef,
  terraformLiteral,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { bucketArns, requireBucketName, requireBucketPrefix } from './bucket';
import { requireVolume } from './ebs-volumes';
import { PrivateInstance, requireHostPlacement } from './private-instance';
import { requirePrefixListRef, type S3PrefixListRef } from './s3-prefix-list';
import { ServiceRole } from './service-role';

/** Storage Gateway refuses to run on fewer vCPUs. */
export const FILE_GATEWAY_MIN_VCPUS = 4;

const SIZES: Record<string, number> = { large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16, '8xlarge': 32, '12xlarge': 48, '16xlarge': 64, '24xlarge': 96 };
/** vCPUs of the instance types a File Gateway may run on (general purpose, compute and memory optimized). */
export const FILE_GATEWAY_INSTANCE_VCPUS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    ['m5', 'm6i', 'm7i', 'c5', 'c6i', 'c7i', 'r5', 'r6i', 'r7i'].flatMap((family) => Object.entries(SIZES).map(([size, vcpus]) => [`${family}.${size}`, vcpus])),
  ),
  'c5.9xlarge': 36,
  'c5.18xlarge': 72,
  't3.medium': 2,
  't3.large': 2,
  't3.xlarge': 4,
  't3.2xlarge': 8,
};

/**
 * What the default File Gateway costs a month in ap-northeast-1, on demand, before S3 storage,
 * requests and the data-written fee: c5.4xlarge with 592 GiB of gp3, and the same with the io1
 * volumes of AWS's performance table. The one source of these numbers (the chooser quotes it).
 */
export const FILE_GATEWAY_MONTHLY_COST_USD = { gp3: 680, io1: 1120 } as const;

/** Storage Gateway time zones: `GMT`, or `GMT+9:00` / `GMT-3:30` (not IANA names such as `Asia/Tokyo`). */
const GATEWAY_TIMEZONE = /^GMT(?:[+-](?:[0-9]|1[0-4]):(?:00|30|45))?$/;
// The guest password AWS's SetSMBGuestPassword accepts: 6 to 512 printable ASCII characters.
const SMB_GUEST_PASSWORD = /^[ -~]{6,512}$/;

/** How the gateway is activated (associated with your account) when Terraform creates it. */
export type FileGatewayActivation =
  /**
   * Terraform fetches an activation key from the new instance's private IP over HTTP port 80, so
   * the machine running Terraform must reach the subnet (VPN, Direct Connect or a runner in the
   * VPC); port 80 is opened to `terraformRunnerCidrs` only.
   */
  | { readonly type: 'ip-address'; readonly terraformRunnerCidrs: readonly string[] }
  /** A key you obtained beforehand (`curl "http://<gateway-ip>/?activationRegion=<region>&no_redirect"`). */
  | { readonly type: 'activation-key'; readonly activationKey: string };

/** Active Directory join for SMB users authenticated by your directory. */
export interface SmbActiveDirectory {
  readonly domainName: string;
  readonly username: string;
  /** Pass a sensitive TerraformVariable, not a literal: it is stored in the state. */
  readonly password: string;
  /** @default - found through DNS */
  readonly domainControllers?: readonly string[];
}

export interface FileGatewayProps extends MetaArguments {
  /** Names the gateway, instance, roles and file share. */
  readonly name: string;
  readonly vpc: VpcRef;
  readonly subnetId: string;
  /** The Storage Gateway AMI (`aws ssm get-parameter --name /aws/service/storagegateway/ami/FILE_S3/latest`). */
  readonly amiId: string;
  /** At least 4 vCPUs. @default 'c5.4xlarge' (AWS's sizing for ~125 MiB/s writes) */
  readonly instanceType?: string;
  /** gp3, 80 GiB to 16 TiB (the Storage Gateway AMI needs 80). @default 80 */
  readonly rootVolumeSizeGiB?: number;
  /** gp3, 150 GiB to 16 TiB (the File Gateway cache minimum and the gp3 maximum). @default 512 */
  readonly cacheVolumeSizeGiB?: number;
  readonly activation: FileGatewayActivation;
  /**
   * The cache disk's ID as the gateway reports it, known only after activation
   * (`aws storagegateway list-local-disks --gateway-arn <arn>`). The cache and the file share are
   * created once it is set: apply once without it, then again with it.
   * @default - not yet known: no cache and no file share
   */
  readonly cacheDiskId?: string;
  /** The bucket the share stores files in. */
  readonly bucketName: string;
  /** Files go under this prefix. @default - the whole bucket */
  readonly bucketPrefix?: string;
  /** The bucket's KMS key, if it uses SSE-KMS. @default - SSE-S3 */
  readonly bucketKmsKeyArn?: string;
  /** @default 'NFS' */
  readonly protocol?: 'NFS' | 'SMB';
  /** CIDR blocks of the NFS or SMB clients. */
  readonly clientCidrs: readonly string[];
  /** SMB only: join this directory. @default - guest access with `smbGuestPassword` */
  readonly smbActiveDirectory?: SmbActiveDirectory;
  /** SMB only, without a directory: the guest password, 6-512 printable ASCII characters (sensitive; pass a TerraformVariable). @default - none */
  readonly smbGuestPassword?: string;
  /** The S3 gateway endpoint the gateway uploads through. */
  readonly s3GatewayEndpoint: S3PrefixListRef;
  /**
   * DNS name of a Storage Gateway interface endpoint in the VPC, so activation and control
   * traffic stay private. @default - the public Storage Gateway endpoint (needs internet egress)
   */
  readonly gatewayVpcEndpointDnsName?: string;
  /** The gateway's time zone in Storage Gateway's form, `GMT` or `GMT+9:00` (not `Asia/Tokyo`). @default 'GMT' */
  readonly timezone?: string;
  /** @default 365 */
  readonly logRetentionDays?: number;
}

/**
 * AWS Storage Gateway (File Gateway) on EC2 for clients that speak NFS or SMB: files written to the
 * share become objects in S3. Sized by default as AWS recommends for about 125 MiB/s of writes:
 * c5.4xlarge, an 80 GiB root volume and a 512 GiB cache volume (gp3, 3,000 IOPS and 125 MiB/s
 * baseline each). The appliance is self-managed (you patch and size it; AWS manages the service).
 *
 * Cost, ap-northeast-1 on-demand, default sizing: about 620 USD/month for the instance and 60
 * USD/month for 592 GiB of gp3, plus S3 storage and requests and the gateway's data-written fee;
 * with the io1 volumes of AWS's performance table it is about 1,120 USD/month
 * ({@link FILE_GATEWAY_MONTHLY_COST_USD}).
 */
export class FileGateway extends Construct {
  public readonly gatewayArn: string;
  public readonly instance: PrivateInstance;
  public readonly securityGroupId: string;
  public readonly roleArn: string;
  /** The file share's ARN, once `cacheDiskId` is set. */
  public readonly fileShareArn?: string;

  constructor(scope: Construct, id: string, props: FileGatewayProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    const { vpc, instanceType } = requireHostPlacement(this, props, 'c5.4xlarge');
    requireVcpus(this, instanceType);
    const rootSize = props.rootVolumeSizeGiB ?? 80;
    requireVolume(this, { size: 'rootVolumeSizeGiB' }, { sizeGiB: rootSize }, { minGiB: 80, why: 'the Storage Gateway AMI needs 80 GiB at least' });
    const cacheSize = props.cacheVolumeSizeGiB ?? 512;
    requireVolume(this, { size: 'cacheVolumeSizeGiB' }, { sizeGiB: cacheSize }, { minGiB: 150, why: 'a File Gateway cache needs 150 GiB at least; 512 GiB is the sizing for ~125 MiB/s' });
    requireBucketName(this, 'bucketName', props.bucketName);
    const bucketPrefix = props.bucketPrefix === undefined ? '' : requireBucketPrefix(this, 'bucketPrefix', props.bucketPrefix);
    if (props.bucketKmsKeyArn !== undefined) requireArn(this, 'bucketKmsKeyArn', props.bucketKmsKeyArn, { service: 'kms' });
    const protocol = requireOneOf(this, 'protocol', props.protocol ?? 'NFS', ['NFS', 'SMB']);
    const clientCidrs = requireNarrowCidrs(this, 'clientCidrs', requireNonEmpty(this, 'clientCidrs', props.clientCidrs, 'list the CIDR blocks of the NFS or SMB clients, for example ["192.168.0.0/16"]'));
    if (protocol === 'SMB' && (props.smbActiveDirectory === undefined) === (props.smbGuestPassword === undefined)) {
      configError(this, 'smbActiveDirectory', 'and smbGuestPassword are both set or both missing', 'an SMB share authenticates through a directory (smbActiveDirectory) or a guest password (smbGuestPassword): give exactly one');
    }
    if (protocol === 'NFS' && (props.smbActiveDirectory !== undefined || props.smbGuestPassword !== undefined)) {
      configError(this, 'protocol', "is 'NFS' but SMB settings are given", "set protocol: 'SMB', or drop smbActiveDirectory and smbGuestPassword");
    }
    if (props.smbGuestPassword !== undefined) requireSmbGuestPassword(this, props.smbGuestPassword);
    if (props.smbActiveDirectory !== undefined) requireActiveDirectory(this, props.smbActiveDirectory);
    const activation = requireActivation(this, props.activation);
    const runnerCidrs = activation.type === 'ip-address' ? activation.terraformRunnerCidrs : [];
    if (props.cacheDiskId !== undefined) requireString(this, 'cacheDiskId', props.cacheDiskId, 'give the disk ID `aws storagegateway list-local-disks` reports, for example /dev/nvme1n1', { nonEmpty: true });
    const gatewayEndpoint = requirePrefixListRef(this, 's3GatewayEndpoint', props.s3GatewayEndpoint);
    if (props.gatewayVpcEndpointDnsName !== undefined) requireDnsName(this, 'gatewayVpcEndpointDnsName', props.gatewayVpcEndpointDnsName);
    const timezone = requireString(this, 'timezone', props.timezone ?? 'GMT', "give a time zone such as 'GMT+9:00'");
    if (!isUnresolved(timezone) && !GATEWAY_TIMEZONE.test(timezone)) {
      configError(this, 'timezone', `is ${formatValue(timezone)}, which is not a Storage Gateway time zone`, "write it as GMT or GMT+hours:minutes, for example 'GMT+9:00' for Asia/Tokyo");
    }
    const logRetentionDays = requireLogRetentionDays(this, 'logRetentionDays', props.logRetentionDays ?? 365);

    const { partition, accountId } = requireAccountContext(this, { region: providerRegion(provider) });
    const clientPorts: TrafficRule[] = protocol === 'NFS'
      ? [
          { ports: [111, 2049, 20048], cidrs: clientCidrs, description: 'NFS clients' },
          { ports: [111, 2049, 20048], protocol: 'udp', cidrs: clientCidrs, description: 'NFS clients' },
        ]
      : [{ ports: [139, 445], cidrs: clientCidrs, description: 'SMB clients' }];
    this.instance = new PrivateInstance(this, 'Appliance', {
      name: props.name,
      provider,
      vpcId: vpc.vpcId,
      subnetId: props.subnetId,
      amiId: props.amiId,
      instanceType,
      dependsOn,
      rootVolumeSizeGiB: rootSize,
      dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: cacheSize }],
      ingress: [...clientPorts, ...(runnerCidrs.length > 0 ? [{ ports: [80], cidrs: runnerCidrs, description: 'Activation by Terraform' }] : [])],
      egress: [
        { ports: [443], prefixListIds: [gatewayEndpoint.prefixListId], description: 'S3 through the gateway endpoint' },
        // The Storage Gateway interface endpoint listens on 443, 1026-1028, 1031 and 2222.
        { ports: [443, 1026, 1027, 1028, 1031, 2222], cidrs: vpc.cidrBlocks, description: 'Storage Gateway and other interface endpoints' },
      ],
    });
    const logGroup = new EncryptedLogGroup(this, 'Logs', { logGroupName: `/aws/storagegateway/${props.name}`, retentionDays: logRetentionDays });
    const gateway = new StoragegatewayGateway(this, 'Gateway', {
      gatewayName: props.name,
      gatewayType: 'FILE_S3',
      gatewayTimezone: timezone,
      ...(activation.type === 'ip-address' ? { gatewayIpAddress: this.instance.privateIp } : { activationKey: terraformLiteral(activation.activationKey) }),
      ...(props.gatewayVpcEndpointDnsName ? { gatewayVpcEndpoint: props.gatewayVpcEndpointDnsName } : {}),
      cloudwatchLogGroupArn: logGroup.logGroupArn,
      // Stryker disable next-line ConditionalExpression: terraformLiteral passes undefined through, so an always-taken branch writes no smb_guest_password either
      ...(props.smbGuestPassword !== undefined ? { smbGuestPassword: terraformLiteral(props.smbGuestPassword) } : {}),
      ...(props.smbActiveDirectory
        ? {
            smbActiveDirectorySettings: {
              domainName: props.smbActiveDirectory.domainName,
              username: terraformLiteral(props.smbActiveDirectory.username),
              password: terraformLiteral(props.smbActiveDirectory.password),
              domainControllers: props.smbActiveDirectory.domainControllers ? [...props.smbActiveDirectory.domainControllers] : undefined,
            },
          }
        : {}),
      smbSecurityStrategy: protocol === 'SMB' ? 'MandatoryEncryption' : undefined,
    });

    const arns = bucketArns(partition, props.bucketName, bucketPrefix);
    const role = new ServiceRole(this, 'BucketRole', {
      roleName: physicalName([props.name, 'bucket'], 64),
      servicePrincipal: 'storagegateway.amazonaws.com',
      // Storage Gateway sends the gateway's ARN: only this gateway may use the role.
      sourceAccountId: accountId,
      sourceArn: gateway.arn,
      statements: [
        { sid: 'Bucket', actions: ['s3:GetAccelerateConfiguration', 's3:GetBucketLocation', 's3:GetBucketVersioning', 's3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'], resources: [arns.bucket] },
        {
          sid: 'Objects',
          actions: ['s3:AbortMultipartUpload', 's3:DeleteObject', 's3:DeleteObjectVersion', 's3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:ListMultipartUploadParts', 's3:PutObject', 's3:PutObjectAcl'],
          resources: [arns.objects],
        },
        ...(props.bucketKmsKeyArn ? [{ sid: 'BucketKey', actions: ['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt', 'kms:ReEncrypt*'], resources: [props.bucketKmsKeyArn] }] : []),
      ],
    });

    if (props.cacheDiskId !== undefined) {
      const cache = new StoragegatewayCache(this, 'Cache', { gatewayArn: gateway.arn, diskId: props.cacheDiskId });
      const common = {
        gatewayArn: gateway.arn,
        locationArn: `${arns.bucket}${bucketPrefix ? `/${bucketPrefix}/` : ''}`,
        roleArn: role.roleArn,
        defaultStorageClass: 'S3_STANDARD',
        objectAcl: 'bucket-owner-full-control',
        fileShareName: props.name,
        auditDestinationArn: logGroup.logGroupArn,
        ...(props.bucketKmsKeyArn ? { kmsEncrypted: true, kmsKeyArn: props.bucketKmsKeyArn } : {}),
        dependsOn: [cache],
      };
      const share = protocol === 'NFS'
        ? new StoragegatewayNfsFileShare(this, 'NfsShare', { ...common, clientList: clientCidrs, squash: 'RootSquash' })
        : new StoragegatewaySmbFileShare(this, 'SmbShare', { ...common, authentication: props.smbActiveDirectory ? 'ActiveDirectory' : 'GuestAccess' });
      this.fileShareArn = share.arn;
    }
    this.gatewayArn = gateway.arn;
    this.securityGroupId = this.instance.securityGroupId;
    this.roleArn = role.roleArn;
  }
}

/** `instanceType` is a non-empty string already (requireHostPlacement). */
function requireVcpus(scope: Construct, instanceType: string): void {
  if (isUnresolved(instanceType)) return;
  const vcpus = FILE_GATEWAY_INSTANCE_VCPUS[instanceType];
  if (vcpus === undefined) {
    configError(scope, 'instanceType', `is ${formatValue(instanceType)}, which is not a known File Gateway instance type`, `use one of the m5/m6i/m7i/c5/c6i/c7i/r5/r6i/r7i sizes from xlarge up, for example 'c5.4xlarge'`);
  }
  if (vcpus < FILE_GATEWAY_MIN_VCPUS) {
    configError(scope, 'instanceType', `is ${formatValue(instanceType)} with ${vcpus} vCPUs`, `a File Gateway needs at least ${FILE_GATEWAY_MIN_VCPUS} vCPUs; use 'c5.4xlarge' for ~125 MiB/s writes, or an xlarge size at least`);
  }
}

function requireSmbGuestPassword(scope: Construct, password: string): void {
  requireString(scope, 'smbGuestPassword', password, 'pass a sensitive TerraformVariable holding 6-512 printable ASCII characters');
  // Stryker disable next-line ConditionalExpression: a token reads as '${TfToken[TOKEN.n]}', 6-512 printable ASCII characters itself, so the check below passes it too
  if (isUnresolved(password)) return;
  // The value itself is never echoed: it is a password.
  if (!SMB_GUEST_PASSWORD.test(password)) {
    configError(scope, 'smbGuestPassword', `has ${password.length} characters${/^[ -~]*$/.test(password) ? '' : ', some outside printable ASCII'}`, 'Storage Gateway takes 6 to 512 printable ASCII characters; pass a sensitive TerraformVariable');
  }
}

function requireActiveDirectory(scope: Construct, directory: SmbActiveDirectory): void {
  if (typeof directory !== 'object' || directory === null) configError(scope, 'smbActiveDirectory', `is ${describeKind(directory)}`, "give { domainName: 'corp.example.com', username, password }");
  requireString(scope, 'smbActiveDirectory.domainName', directory.domainName, "give the directory's DNS name, for example corp.example.com");
  requireDnsName(scope, 'smbActiveDirectory.domainName', directory.domainName);
  requireString(scope, 'smbActiveDirectory.username', directory.username, 'give the user that joins the gateway to the domain', { nonEmpty: true });
  requireString(scope, 'smbActiveDirectory.password', directory.password, 'pass a sensitive TerraformVariable', { nonEmpty: true });
  if (directory.domainControllers !== undefined) {
    requireArray(scope, 'smbActiveDirectory.domainControllers', directory.domainControllers, "give host names or addresses, for example ['10.0.0.10']").forEach((controller) =>
      requireString(scope, 'smbActiveDirectory.domainControllers', controller, "give host names or addresses, for example ['10.0.0.10']", { nonEmpty: true }),
    );
  }
}

function requireActivation(scope: Construct, activation: FileGatewayActivation): FileGatewayActivation {
  const fix = "give { type: 'ip-address', terraformRunnerCidrs: ['10.0.0.0/24'] } or { type: 'activation-key', activationKey: '...' }";
  if (typeof activation !== 'object' || activation === null) configError(scope, 'activation', `is ${describeKind(activation)}`, fix);
  requireOneOf(scope, 'activation.type', activation.type, ['ip-address', 'activation-key']);
  if (activation.type === 'ip-address') {
    const cidrs = requireNonEmpty(scope, 'activation.terraformRunnerCidrs', activation.terraformRunnerCidrs, 'give the CIDR block of the machine that runs Terraform');
    requireNarrowCidrs(scope, 'activation.terraformRunnerCidrs', cidrs);
  } else {
    requireString(scope, 'activation.activationKey', activation.activationKey, 'give the key the gateway returned, for example ABCDE-12345-FGHIJ-67890-KLMNO', { nonEmpty: true });
  }
  return activation;
}
