import {
  applyConstructContract,
  awsContext,
  configError,
  formatValue,
  type MetaArguments,
  type PolicyStatement,
  providerRegion,
  requireArn,
  requireBoolean,
  requireInteger,
  requireNarrowCidrs,
  requireNonEmpty,
  requirePorts,
  requireString,
  type VpcRef,
} from '@privatelink-cdktf/core';
import { Construct } from 'constructs';
import { bucketArns, requireBucketName, requireBucketPrefix } from './bucket';
import { requireVolume } from './ebs-volumes';
import { PrivateInstance, requireHostPlacement } from './private-instance';
import { requirePrefixListRef, type S3PrefixListRef } from './s3-prefix-list';

const LOCAL_DIRECTORY = /^\/[A-Za-z0-9._/-]+$/;

export interface SyncHostProps extends MetaArguments {
  /** Names the instance, its role and security group. */
  readonly name: string;
  readonly vpc: VpcRef;
  readonly subnetId: string;
  /** An Amazon Linux 2023 AMI (it ships the AWS CLI and the `/dev/sdX` names for NVMe volumes). */
  readonly amiId: string;
  /** @default 't3.small' */
  readonly instanceType?: string;
  /** The bucket files are pushed to. */
  readonly bucketName: string;
  /** Objects land under this prefix. @default - the bucket root */
  readonly bucketPrefix?: string;
  /** The bucket's KMS key, if it uses SSE-KMS; uploads are encrypted with it. @default - SSE-S3 */
  readonly bucketKmsKeyArn?: string;
  /** CIDR blocks of the on-premises clients that drop files on the host. */
  readonly clientCidrs: readonly string[];
  /**
   * TCP ports of the protocol you run on the host (FTP 21, NFS 2049, a custom app...); install
   * its server with `setupScript`. Port 22 is refused: the host is managed with Session Manager,
   * and Transfer Family is the managed SFTP.
   */
  readonly clientPorts: readonly number[];
  /** Shell commands that install the client-facing server. @default - none */
  readonly setupScript?: string;
  /** The directory clients write to (on the encrypted data volume). @default '/srv/outbox' */
  readonly localDirectory?: string;
  /** @default 5 */
  readonly syncIntervalMinutes?: number;
  /** Delete objects whose local file was deleted (`aws s3 sync --delete`). @default false */
  readonly mirrorDeletes?: boolean;
  /** The encrypted gp3 volume clients write to, 1 GiB to 16 TiB. @default 100 */
  readonly dataVolumeSizeGiB?: number;
  /** The S3 gateway endpoint the host uploads through. */
  readonly s3GatewayEndpoint: S3PrefixListRef;
}

/**
 * An EC2 host for clients whose protocol no managed service speaks: they write files to it with
 * any protocol you install, and a systemd timer pushes the directory to S3 (`aws s3 sync`)
 * through the gateway endpoint with an instance role scoped to the bucket prefix. Self-managed;
 * costs the instance and its volumes. Uploads are not real time: files appear in S3 within one
 * interval.
 */
export class SyncHost extends Construct {
  public readonly instance: PrivateInstance;
  public readonly privateIp: string;
  public readonly securityGroupId: string;
  public readonly roleArn: string;

  constructor(scope: Construct, id: string, props: SyncHostProps) {
    super(scope, id);
    const { dependsOn, provider } = applyConstructContract(this, props);
    const { vpc, instanceType } = requireHostPlacement(this, props);
    requireBucketName(this, 'bucketName', props.bucketName);
    const prefix = props.bucketPrefix === undefined ? '' : requireBucketPrefix(this, 'bucketPrefix', props.bucketPrefix);
    if (props.bucketKmsKeyArn !== undefined) requireArn(this, 'bucketKmsKeyArn', props.bucketKmsKeyArn, { service: 'kms' });
    const clientCidrs = requireNarrowCidrs(this, 'clientCidrs', requireNonEmpty(this, 'clientCidrs', props.clientCidrs, 'list the CIDR blocks of the on-premises clients, for example ["192.168.0.0/16"]'));
    const clientPorts = requirePorts(this, 'clientPorts', props.clientPorts);
    if (clientPorts.includes(22)) {
      configError(this, 'clientPorts', 'includes 22', 'the host is administered with Session Manager, not SSH; for SFTP clients use SftpServer (Transfer Family)');
    }
    if (props.setupScript !== undefined) requireString(this, 'setupScript', props.setupScript, 'give the shell commands as one string');
    const interval = requireInteger(this, 'syncIntervalMinutes', props.syncIntervalMinutes ?? 5, { min: 1, max: 1440, unit: 'minutes' });
    const directory = requireString(this, 'localDirectory', props.localDirectory ?? '/srv/outbox', 'give an absolute path, for example /srv/outbox');
    if (!LOCAL_DIRECTORY.test(directory) || directory.split('/').includes('..')) {
      configError(this, 'localDirectory', `is ${formatValue(directory)}`, 'use an absolute path of letters, digits, dots, hyphens and underscores, for example /srv/outbox');
    }
    const mirrorDeletes = requireBoolean(this, 'mirrorDeletes', props.mirrorDeletes) === true;
    const dataVolumeSizeGiB = props.dataVolumeSizeGiB ?? 100;
    requireVolume(this, { size: 'dataVolumeSizeGiB' }, { sizeGiB: dataVolumeSizeGiB });
    const gateway = requirePrefixListRef(this, 's3GatewayEndpoint', props.s3GatewayEndpoint);

    const { partition, region } = awsContext(this, { region: providerRegion(provider) });
    const arns = bucketArns(partition, props.bucketName, prefix);
    const statements: PolicyStatement[] = [
      { sid: 'ListPrefix', actions: ['s3:ListBucket'], resources: [arns.bucket], conditions: prefix ? [{ test: 'StringLike', variable: 's3:prefix', values: [`${prefix}/*`, `${prefix}/`] }] : [] },
      { sid: 'PushObjects', actions: mirrorDeletes ? ['s3:PutObject', 's3:DeleteObject'] : ['s3:PutObject'], resources: [arns.objects] },
      ...(props.bucketKmsKeyArn ? [{ sid: 'BucketKey', actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [props.bucketKmsKeyArn] }] : []),
    ];
    const destination = `s3://${props.bucketName}${prefix ? `/${prefix}` : ''}`;
    const sse = props.bucketKmsKeyArn ? ` --sse aws:kms --sse-kms-key-id ${props.bucketKmsKeyArn}` : '';
    const userData = [
      '#!/bin/bash',
      'set -euo pipefail',
      // AL2023 links the NVMe device of the data volume to /dev/sdb.
      'for _ in $(seq 60); do [ -e /dev/sdb ] && break; sleep 5; done',
      'blkid /dev/sdb || mkfs -t xfs /dev/sdb',
      `mkdir -p ${directory}`,
      `grep -q ' ${directory} ' /etc/fstab || echo "/dev/sdb ${directory} xfs defaults,nofail 0 2" >> /etc/fstab`,
      'mount -a',
      "cat > /etc/systemd/system/s3-sync.service <<'UNIT'",
      '[Unit]',
      `Description=Push ${directory} to ${destination}`,
      '[Service]',
      'Type=oneshot',
      `ExecStart=/usr/bin/aws s3 sync ${directory} ${destination} --region ${region} --only-show-errors${mirrorDeletes ? ' --delete' : ''}${sse}`,
      'UNIT',
      "cat > /etc/systemd/system/s3-sync.timer <<'UNIT'",
      '[Unit]',
      `Description=Push ${directory} to S3 every ${interval} minutes`,
      '[Timer]',
      'OnBootSec=2min',
      `OnUnitActiveSec=${interval}min`,
      '[Install]',
      'WantedBy=timers.target',
      'UNIT',
      'systemctl daemon-reload',
      'systemctl enable --now s3-sync.timer',
      ...(props.setupScript ? [props.setupScript] : []),
      '',
    ].join('\n');
    this.instance = new PrivateInstance(this, 'Host', {
      name: props.name,
      vpcId: vpc.vpcId,
      subnetId: props.subnetId,
      amiId: props.amiId,
      instanceType,
      dataVolumes: [{ deviceName: '/dev/sdb', sizeGiB: dataVolumeSizeGiB }],
      ingress: [{ ports: clientPorts, cidrs: clientCidrs, description: 'File drop clients' }],
      egress: [
        { ports: [443], prefixListIds: [gateway.prefixListId], description: 'S3 through the gateway endpoint' },
        { ports: [443], cidrs: vpc.cidrBlocks, description: 'Interface endpoints (Systems Manager)' },
      ],
      statements,
      userData,
      dependsOn,
      provider,
    });
    this.privateIp = this.instance.privateIp;
    this.securityGroupId = this.instance.securityGroupId;
    this.roleArn = this.instance.roleArn;
  }
}
