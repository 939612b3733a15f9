import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { EnvironmentStack } from '@privatelink-cdktf/core';
import { assertBadInput, type BadInputCase } from '@privatelink-cdktf/core/testing';
import { SyncHost, type SyncHostProps } from '../src/sync-host';
import { syncProps } from './ec2-pattern-props';
import { devStack, PREFIX_LIST, policyOf, resources, synthJson, VPC } from './helpers';

const KEY = 'arn:aws:kms:ap-northeast-1:111111111111:key/bucket';

// Each test builds and synthesizes its own stack inside the test, so what it asserts is what the
// test itself ran (a stack built in a describe block belongs to no test).
function synthSync(props: Partial<SyncHostProps> = {}, stack: EnvironmentStack = devStack()) {
  new SyncHost(stack, 'Sync', { ...syncProps, ...props });
  const json = synthJson(stack);
  const instance = Object.values(resources(json, 'aws_instance'))[0];
  return {
    json,
    instance,
    script: (instance.user_data as string).split('\n'),
    statements: policyOf(Object.values(resources(json, 'aws_iam_role_policy'))[0]).Statement,
    ingress: Object.values(resources(json, 'aws_vpc_security_group_ingress_rule')),
    egress: Object.values(resources(json, 'aws_vpc_security_group_egress_rule')),
  };
}

/** The cloud-init script of a sync host: data volume, directory, systemd service and timer. */
function expectedScript(directory: string, execStart: string, interval: number, destination: string): string[] {
  return [
    '#!/bin/bash',
    'set -euo pipefail',
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
    `ExecStart=${execStart}`,
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
  ];
}

describe('SyncHost', () => {
  it('pushes the directory to the bucket prefix on a timer, deleting what was deleted locally when told to', () => {
    const { script, statements, ingress } = synthSync({ mirrorDeletes: true, syncIntervalMinutes: 10, localDirectory: '/data/drop' });
    expect(script).toEqual([
      ...expectedScript('/data/drop', '/usr/bin/aws s3 sync /data/drop s3://acme-dev-exchange/inbound --region ap-northeast-1 --only-show-errors --delete', 10, 's3://acme-dev-exchange/inbound'),
      '',
    ]);
    expect(statements).toEqual([
      { Sid: 'ListPrefix', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::acme-dev-exchange'], Condition: { StringLike: { 's3:prefix': ['inbound/*', 'inbound/'] } } },
      { Sid: 'PushObjects', Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: ['arn:aws:s3:::acme-dev-exchange/inbound/*'] },
    ]);
    expect(ingress).toEqual([expect.objectContaining({ from_port: 21, to_port: 21, cidr_ipv4: '192.168.0.0/16', description: 'File drop clients' })]);
  });

  it('by default uploads every 5 minutes from /srv/outbox to the bucket root with SSE-S3 and never deletes objects', () => {
    const { script, statements } = synthSync({ bucketPrefix: undefined });
    expect(script).toEqual([
      ...expectedScript('/srv/outbox', '/usr/bin/aws s3 sync /srv/outbox s3://acme-dev-exchange --region ap-northeast-1 --only-show-errors', 5, 's3://acme-dev-exchange'),
      '',
    ]);
    expect(statements).toEqual([
      { Sid: 'ListPrefix', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::acme-dev-exchange'] },
      { Sid: 'PushObjects', Effect: 'Allow', Action: ['s3:PutObject'], Resource: ['arn:aws:s3:::acme-dev-exchange/*'] },
    ]);
  });

  it('keeps objects whose local file was deleted when mirrorDeletes is false', () => {
    const { script, statements } = synthSync({ mirrorDeletes: false });
    expect(script).toContain('ExecStart=/usr/bin/aws s3 sync /srv/outbox s3://acme-dev-exchange/inbound --region ap-northeast-1 --only-show-errors');
    expect(statements.map((s) => s.Action)).toEqual([['s3:ListBucket'], ['s3:PutObject']]);
  });

  it('encrypts uploads with the bucket key, which the role may use', () => {
    const { script, statements } = synthSync({ bucketKmsKeyArn: KEY });
    expect(script).toContain(`ExecStart=/usr/bin/aws s3 sync /srv/outbox s3://acme-dev-exchange/inbound --region ap-northeast-1 --only-show-errors --sse aws:kms --sse-kms-key-id ${KEY}`);
    expect(statements[2]).toEqual({ Sid: 'BucketKey', Effect: 'Allow', Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Resource: [KEY] });
  });

  it('runs the setup script last, as written, shell variables included', () => {
    const { script } = synthSync({ setupScript: 'echo "${HOME}" > /tmp/home' });
    expect(script.slice(-3)).toEqual(['systemctl enable --now s3-sync.timer', 'echo "$${HOME}" > /tmp/home', '']);
  });

  it('writes to an encrypted data volume of the given size, and reaches only S3 and the VPC', () => {
    const { instance, egress } = synthSync({ dataVolumeSizeGiB: 250 });
    expect(instance.ebs_block_device).toEqual([{ device_name: '/dev/sdb', volume_size: 250, volume_type: 'gp3', delete_on_termination: true, encrypted: true }]);
    expect(egress).toEqual([
      expect.objectContaining({ from_port: 443, cidr_ipv4: VPC.cidrBlocks[0], description: 'Interface endpoints (Systems Manager)' }),
      expect.objectContaining({ from_port: 443, prefix_list_id: PREFIX_LIST.prefixListId, description: 'S3 through the gateway endpoint' }),
    ]);
  });

  it('has a data volume of 100 GiB by default', () => {
    expect(synthSync().instance.ebs_block_device).toEqual([expect.objectContaining({ device_name: '/dev/sdb', volume_size: 100 })]);
  });

  it('syncs in the region and partition of its provider', () => {
    const stack = devStack();
    const china = new AwsProvider(stack, 'china', { region: 'cn-north-1', alias: 'china' });
    const { script, statements, json } = synthSync({ provider: china }, stack);
    expect(script).toContain('ExecStart=/usr/bin/aws s3 sync /srv/outbox s3://acme-dev-exchange/inbound --region cn-north-1 --only-show-errors');
    expect(statements[1].Resource).toEqual(['arn:aws-cn:s3:::acme-dev-exchange/inbound/*']);
    expect(Object.values(resources(json, 'aws_iam_role_policy_attachment'))).toEqual([expect.objectContaining({ policy_arn: 'arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore' })]);
  });
});

const make = (props: Partial<SyncHostProps>) => () => new SyncHost(devStack(), 'Sync', { ...syncProps, ...props });

const BAD: readonly BadInputCase[] = [
  { name: 'SSH among the client ports', run: make({ clientPorts: [21, 22] }), field: 'clientPorts', value: 'includes 22', fix: /administered with Session Manager, not SSH; for SFTP clients use SftpServer/ },
  { name: 'no client ports', run: make({ clientPorts: [] }), field: 'clientPorts', value: 'is empty', fix: /\[443\]/ },
  { name: 'an interval of 0', run: make({ syncIntervalMinutes: 0 }), field: 'syncIntervalMinutes', value: 'is 0', fix: /from 1 to 1440 minutes/ },
  { name: 'a relative directory', run: make({ localDirectory: 'relative/dir' }), field: 'localDirectory', value: "'relative/dir'", fix: /absolute path of letters, digits, dots, hyphens and underscores/ },
  { name: 'a directory climbing out with ..', run: make({ localDirectory: '/srv/../etc' }), field: 'localDirectory', value: "'/srv/../etc'", fix: /for example \/srv\/outbox/ },
  { name: 'a directory that is no string (untyped JS)', run: make({ localDirectory: 7 as never }), field: 'localDirectory', value: 'the number 7, not a string', fix: /give an absolute path, for example \/srv\/outbox/ },
  { name: 'an invalid bucket name', run: make({ bucketName: 'bad_bucket' }), field: 'bucketName', value: "'bad_bucket'", fix: /lower-case letters/ },
  { name: 'a bucket key that is no KMS ARN', run: make({ bucketKmsKeyArn: 'arn:aws:iam::111111111111:role/x' }), field: 'bucketKmsKeyArn', value: "'arn:aws:iam::111111111111:role/x', which is not an kms ARN", fix: /arn:aws:kms/ },
  { name: 'no clients', run: make({ clientCidrs: [] }), field: 'clientCidrs', value: 'is empty', fix: /list the CIDR blocks of the on-premises clients, for example \["192\.168\.0\.0\/16"\]/ },
  { name: 'a setup script that is no string (untyped JS)', run: make({ setupScript: ['yum install -y vsftpd'] as never }), field: 'setupScript', value: 'is a list, not a string', fix: /give the shell commands as one string/ },
  { name: 'mirrorDeletes as a string (untyped JS)', run: make({ mirrorDeletes: 'yes' as never }), field: 'mirrorDeletes', value: "the string 'yes'", fix: /true or false/ },
  { name: 'no gateway endpoint (untyped JS)', run: make({ s3GatewayEndpoint: undefined }), field: 's3GatewayEndpoint', value: 'is missing', fix: /S3GatewayEndpoint of the VPC/ },
];

describe('SyncHost refuses', () => {
  it.each(BAD.map((c) => [c.name, c] as const))('%s', (_name, c) => assertBadInput(c));
});
