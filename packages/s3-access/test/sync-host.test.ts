import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Testing } from 'cdktf';
import { SyncHost, type SyncHostProps } from '../src/sync-host';
import { syncProps } from './ec2-pattern-props';
import { devStack, policyOf, resources, synthJson } from './helpers';

describe('SyncHost', () => {
  const stack = devStack();
  new SyncHost(stack, 'Sync', { ...syncProps, mirrorDeletes: true, syncIntervalMinutes: 10 });
  const synthesized = Testing.synth(stack);
  const json = synthJson(stack);
  const userData = Object.values(resources(json, 'aws_instance'))[0].user_data as string;

  it('pushes the directory to the bucket prefix on a timer', () => {
    expect(userData).toContain('ExecStart=/usr/bin/aws s3 sync /srv/outbox s3://acme-dev-exchange/inbound --region ap-northeast-1 --only-show-errors --delete');
    expect(userData).toContain('OnUnitActiveSec=10min');
    expect(synthesized).toHaveResourceWithProperties(VpcSecurityGroupIngressRule, { from_port: 21, cidr_ipv4: '192.168.0.0/16' });
  });

  it('has an instance role scoped to the bucket prefix', () => {
    const policy = policyOf(Object.values(resources(json, 'aws_iam_role_policy'))[0]);
    expect(policy.Statement).toEqual([
      expect.objectContaining({ Action: ['s3:ListBucket'], Condition: { StringLike: { 's3:prefix': ['inbound/*', 'inbound/'] } } }),
      expect.objectContaining({ Action: ['s3:PutObject', 's3:DeleteObject'], Resource: ['arn:aws:s3:::acme-dev-exchange/inbound/*'] }),
    ]);
  });

  it('rejects SSH, bad intervals and directories, and invalid buckets', () => {
    const make = (props: Partial<SyncHostProps>) => new SyncHost(devStack(), 'Sync', { ...syncProps, ...props });
    expect(() => make({ clientPorts: [21, 22] })).toThrow(/SyncHost 'unit-dev\/Sync': 'clientPorts' includes 22; the host is administered with Session Manager/);
    expect(() => make({ clientPorts: [] })).toThrow(/'clientPorts' is empty/);
    expect(() => make({ syncIntervalMinutes: 0 })).toThrow(/'syncIntervalMinutes' is 0/);
    expect(() => make({ localDirectory: 'relative/dir' })).toThrow(/'localDirectory' is 'relative\/dir'/);
    expect(() => make({ bucketName: 'bad_bucket' })).toThrow(/'bucketName' is 'bad_bucket'/);
  });
});

describe('SyncHost setup scripts', () => {
  it('reach the instance as written, shell variables included', () => {
    const stack = devStack();
    new SyncHost(stack, 'Sync', { ...syncProps, setupScript: 'echo "${HOME}" > /tmp/home' });
    expect(Object.values(resources(synthJson(stack), 'aws_instance'))[0].user_data).toContain('echo "$${HOME}" > /tmp/home');
  });
});
