import { EnvironmentStack } from '@privatelink-cdktf/core';
import { fuzzRuns, validateGenerated, type GeneratedReport, TERRAFORM_TIMEOUT_MS } from '@privatelink-cdktf/terraform-harness';
import { Testing } from 'cdktf';
import * as fc from 'fast-check';
import { BucketGuard } from '../src/bucket-guard';
import { ClientVpn } from '../src/client-vpn';
import { FileGateway } from '../src/file-gateway';
import { HttpsProxy } from '../src/https-proxy';
import { PrivateInstance } from '../src/private-instance';
import { PublicDirectConnect } from '../src/public-direct-connect';
import { S3GatewayEndpoint } from '../src/s3-gateway-endpoint';
import { S3InterfaceEndpoint } from '../src/s3-interface-endpoint';
import { ServiceRole } from '../src/service-role';
import { SftpServer } from '../src/sftp-server';
import { SoftwareVpn } from '../src/software-vpn';
import { SyncHost } from '../src/sync-host';
import { AMI, PREFIX_LIST, SSH_KEY, SUBNETS, VPC } from './helpers';

// The property "whatever synthesizes passes terraform validate" over every public construct of
// the package: each generated value is one construct with generated props (valid and not, around
// each check), built in its own stack. A construct may reject a value (a ConfigError), but a stack
// it accepts must be one the AWS provider accepts. `npm test` runs a bounded number of values;
// `npm run fuzz` runs many more (FUZZ_RUNS); FUZZ_SEED replays a run.

const BUCKET = 'acme-dev-exchange';
/** Mostly valid values, with a few of each kind of mistake (of any type, as untyped callers make them). */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: readonly unknown[]): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: valid, weight: 14 }, { arbitrary: fc.constantFrom(...invalid) as fc.Arbitrary<T>, weight: 1 });
const name = mostly(fc.stringMatching(/^[a-z][a-z0-9-]{2,30}$/), ['bad name', 'Ü', '', '-x', 'a'.repeat(70)]);
const onPremises = mostly(fc.constantFrom(['192.168.0.0/16'], ['172.16.0.0/20', '192.168.10.0/24'], ['10.31.0.0/16']), [['0.0.0.0/0'], ['0.0.0.0/1', '128.0.0.0/1'], ['192.168.0.1/16'], [], ['::/0']]);
const bucketNames = mostly(fc.constantFrom([BUCKET], [BUCKET, 'acme-dev-archive']), [['Bad_Bucket'], [], ['192.168.1.1'], ['ab']]);
const access = fc.option(mostly(fc.constantFrom('read' as const, 'read-write' as const, ['s3:GetObject', 's3:DeleteObject']), ['write' as never, ['dynamodb:GetItem'], []]), { nil: undefined });
const retention = fc.option(mostly(fc.constantFrom(1, 14, 365, 3653), [0, 10, -1, 1.5]), { nil: undefined });
const gib = (min: number, max: number) => mostly(fc.integer({ min, max }), [0, -1, max + 1, 1.5]);

const gatewayProps = fc.record({
  name,
  vpcId: fc.constant(VPC.vpcId),
  routeTables: mostly(fc.constant({ 'apne1-az1': 'rtb-0aaaaaaaaaaaaaaa1', 'apne1-az2': 'rtb-0aaaaaaaaaaaaaaa2' }), [{}, { a: 'main' }]),
  bucketNames,
  access,
  organizationId: fc.option(mostly(fc.constant('o-a1b2c3d4e5'), ['acme']), { nil: undefined }),
  allowAmazonLinuxRepositories: fc.option(fc.boolean(), { nil: undefined }),
});
const interfaceProps = fc.record({
  name,
  subnets: mostly(fc.constant(SUBNETS), [[SUBNETS[0]], [SUBNETS[0], SUBNETS[0]]]),
  bucketNames,
  clientCidrs: onPremises,
  privateDnsOnlyForInboundResolverEndpoint: fc.boolean(),
  withGateway: fc.boolean(),
  inboundResolver: fc.option(fc.constantFrom(false as const, { ipAddresses: { 'apne1-az1': '10.30.0.10' } }), { nil: undefined }),
  access,
});
const guardProps = fc.record({
  bucketName: mostly(fc.constant(BUCKET), ['Acme', 'a..b']),
  endpointIds: mostly(fc.constantFrom(['vpce-0123456789abcdef0'], ['vpce-0123456789abcdef0', 'vpce-0fedcba9876543210']), [[], ['vpc-1']]),
  exemptPrincipalArns: mostly(fc.constantFrom(['arn:aws:iam::111111111111:role/terraform'], ['arn:aws:iam::111111111111:role/ci-*']), [['arn:aws:iam::111111111111:*'], ['arn:aws:iam::111111111111:root'], []]),
  createBucket: fc.option(fc.boolean(), { nil: undefined }),
  encryption: fc.option(fc.constantFrom('SSE-KMS' as const, 'SSE-S3' as const), { nil: undefined }),
  versioning: fc.option(fc.boolean(), { nil: undefined }),
});
const homePrefix = mostly(fc.stringMatching(/^[a-z0-9]{1,10}(\/[a-z0-9]{1,10})?$/), ['p*', '..', '', 'a//b']);
const sftpProps = fc.record({
  name,
  sourceCidrs: onPremises,
  elasticIps: fc.option(fc.boolean(), { nil: undefined }),
  allowInternetSources: fc.option(fc.boolean(), { nil: undefined }),
  users: fc.dictionary(
    mostly(fc.stringMatching(/^[a-z][a-z0-9-]{2,20}$/), ['ab', 'Partner']),
    fc.record({ home: homePrefix, readOnly: fc.option(fc.boolean(), { nil: undefined }), keys: mostly(fc.constant([SSH_KEY]), [[], ['not a key']]) }),
    { minKeys: 0, maxKeys: 2 },
  ),
  securityPolicyName: fc.option(mostly(fc.constantFrom('TransferSecurityPolicy-2024-01', 'TransferSecurityPolicy-FIPS-2024-01', 'TransferSecurityPolicy-2025-03'), ['TransferSecurityPolicy-2020-06', 'Modern']), { nil: undefined }),
  logRetentionDays: retention,
});
const clientVpnProps = fc.record({
  name,
  clientCidrBlock: mostly(fc.constantFrom('172.20.0.0/22', '172.16.0.0/12', '100.64.0.0/16'), ['10.30.0.0/22', '10.0.0.0/8', '172.20.0.0/24', '172.20.0.1/22']),
  transportProtocol: fc.option(fc.constantFrom('udp' as const, 'tcp' as const), { nil: undefined }),
  vpnPort: fc.option(mostly(fc.constantFrom(443 as const, 1194 as const), [8443 as never]), { nil: undefined }),
  splitTunnel: fc.option(fc.boolean(), { nil: undefined }),
  logRetentionDays: retention,
});
const dxProps = fc.record({
  name: mostly(fc.stringMatching(/^[A-Za-z0-9 ._-]{1,40}$/), ['a,b', '']),
  vlan: mostly(fc.integer({ min: 1, max: 4094 }), [0, 4095, 1.5]),
  bgpAsn: mostly(fc.integer({ min: 1, max: 4294967294 }), [0, 4294967295]),
  pair: mostly(fc.constantFrom(['203.0.113.1/30', '203.0.113.2/30'], ['203.0.113.1/31', '203.0.113.0/31']), [['203.0.113.1/30', '203.0.113.6/30'], ['203.0.113.1/24', '203.0.113.2/24']]),
  routeFilterPrefixes: mostly(fc.constantFrom(['198.51.100.0/28'], ['198.51.100.0/28', '203.0.113.128/25']), [['0.0.0.0/0'], ['192.168.10.0/24'], ['8.0.0.0/5'], []]),
});
const volumeType = fc.option(mostly(fc.constantFrom('gp3' as const, 'io1' as const, 'io2' as const), ['GP3' as never]), { nil: undefined });
const instanceProps = fc.record({
  name,
  rootVolumeSizeGiB: fc.option(gib(8, 200), { nil: undefined }),
  rootVolumeType: volumeType,
  rootVolumeIops: fc.option(mostly(fc.integer({ min: 100, max: 16000 }), [0, 300000]), { nil: undefined }),
  dataVolumes: fc.array(fc.record({ deviceName: mostly(fc.constantFrom('/dev/sdb', '/dev/sdc', '/dev/xvdb'), ['/dev/xvda', 'sdb']), sizeGiB: gib(1, 500), volumeType, iops: fc.option(fc.integer({ min: 100, max: 20000 }), { nil: undefined }) }), { maxLength: 2 }),
});
const proxyProps = fc.record({
  name,
  clientCidrs: onPremises,
  port: fc.option(mostly(fc.integer({ min: 1, max: 65535 }), [0, 65536]), { nil: undefined }),
  credentialsPath: fc.option(mostly(fc.constantFrom('new-sts-endpoint' as const, 'existing-sts-endpoint' as const, 'nat-gateway' as const), ['nat' as never]), { nil: undefined }),
});
const syncProps = fc.record({
  name,
  clientCidrs: onPremises,
  clientPorts: mostly(fc.constantFrom([21], [2049, 111], [8080]), [[22], [], [0]]),
  syncIntervalMinutes: fc.option(mostly(fc.integer({ min: 1, max: 1440 }), [0, 1441]), { nil: undefined }),
  dataVolumeSizeGiB: fc.option(gib(1, 1000), { nil: undefined }),
  bucketPrefix: fc.option(homePrefix, { nil: undefined }),
  mirrorDeletes: fc.option(fc.boolean(), { nil: undefined }),
});
const vpnProps = fc.record({
  name,
  peerAddress: mostly(fc.constantFrom('192.168.0.1', '203.0.113.10'), ['300.1.1.1', '192.168.0.0/24']),
  onPremisesCidrs: mostly(fc.constantFrom(['192.168.0.0/16'], ['10.31.0.0/16', '172.16.0.0/12']), [['10.30.0.0/16'], ['fd00::/8'], ['0.0.0.0/0']]),
  preSharedKeyParameterName: mostly(fc.constantFrom('/vpn/psk', '/vpn/onprem/psk'), ['psk']),
});
const fileGatewayProps = fc.record({
  name,
  instanceType: fc.option(mostly(fc.constantFrom('c5.4xlarge', 'm5.xlarge', 'r6i.2xlarge'), ['m5.large', 'x9.huge']), { nil: undefined }),
  rootVolumeSizeGiB: fc.option(gib(80, 500), { nil: undefined }),
  cacheVolumeSizeGiB: fc.option(gib(150, 16384), { nil: undefined }),
  protocol: fc.option(fc.constantFrom('NFS' as const, 'SMB' as const), { nil: undefined }),
  smbGuestPassword: fc.option(mostly(fc.stringMatching(/^[!-~]{6,20}$/), ['abc', 'pässwörd']), { nil: undefined }),
  timezone: fc.option(mostly(fc.constantFrom('GMT', 'GMT+9:00', 'GMT-3:30', 'GMT+14:00'), ['Asia/Tokyo', 'GMT+15:00', 'UTC']), { nil: undefined }),
  cacheDiskId: fc.option(fc.constant('/dev/nvme1n1'), { nil: undefined }),
  bucketPrefix: fc.option(homePrefix, { nil: undefined }),
  logRetentionDays: retention,
});
const roleProps = fc.record({
  roleName: mostly(fc.stringMatching(/^[A-Za-z0-9+=,.@_-]{1,64}$/), ['a'.repeat(65), 'role name']),
  servicePrincipal: mostly(fc.constantFrom('ec2.amazonaws.com', 'transfer.amazonaws.com', 'storagegateway.amazonaws.com'), ['111111111111', 'ec2']),
  withSource: fc.boolean(),
  managedPolicyNames: fc.option(mostly(fc.constant(['AmazonSSMManagedInstanceCore']), [['arn:aws:iam::aws:policy/ReadOnlyAccess']]), { nil: undefined }),
});

type ValueOf<A> = A extends fc.Arbitrary<infer V> ? V : never;
type Case =
  | { kind: 'S3GatewayEndpoint'; props: ValueOf<typeof gatewayProps> }
  | { kind: 'S3InterfaceEndpoint'; props: ValueOf<typeof interfaceProps> }
  | { kind: 'BucketGuard'; props: ValueOf<typeof guardProps> }
  | { kind: 'SftpServer'; props: ValueOf<typeof sftpProps> }
  | { kind: 'ClientVpn'; props: ValueOf<typeof clientVpnProps> }
  | { kind: 'PublicDirectConnect'; props: ValueOf<typeof dxProps> }
  | { kind: 'PrivateInstance'; props: ValueOf<typeof instanceProps> }
  | { kind: 'HttpsProxy'; props: ValueOf<typeof proxyProps> }
  | { kind: 'SyncHost'; props: ValueOf<typeof syncProps> }
  | { kind: 'SoftwareVpn'; props: ValueOf<typeof vpnProps> }
  | { kind: 'FileGateway'; props: ValueOf<typeof fileGatewayProps> }
  | { kind: 'ServiceRole'; props: ValueOf<typeof roleProps> };

const tagged = <K extends Case['kind'], P>(kind: K, props: fc.Arbitrary<P>) => props.map((value) => ({ kind, props: value }) as Case);
const cases: fc.Arbitrary<Case> = fc.oneof(
  tagged('S3GatewayEndpoint', gatewayProps),
  tagged('S3InterfaceEndpoint', interfaceProps),
  tagged('BucketGuard', guardProps),
  tagged('SftpServer', sftpProps),
  tagged('ClientVpn', clientVpnProps),
  tagged('PublicDirectConnect', dxProps),
  tagged('PrivateInstance', instanceProps),
  tagged('HttpsProxy', proxyProps),
  tagged('SyncHost', syncProps),
  tagged('SoftwareVpn', vpnProps),
  tagged('FileGateway', fileGatewayProps),
  tagged('ServiceRole', roleProps),
);

function build(stack: EnvironmentStack, c: Case): void {
  const placement = { vpc: VPC, subnetId: SUBNETS[0].subnetId, amiId: AMI, s3GatewayEndpoint: PREFIX_LIST };
  switch (c.kind) {
    case 'S3GatewayEndpoint':
      new S3GatewayEndpoint(stack, 'Subject', c.props);
      return;
    case 'S3InterfaceEndpoint': {
      const { withGateway, ...props } = c.props;
      const gatewayEndpoint = withGateway ? new S3GatewayEndpoint(stack, 'Gateway', { name: 'gw', vpcId: VPC.vpcId, routeTables: { a: 'rtb-0aaaaaaaaaaaaaaa1' }, bucketNames: [BUCKET] }) : undefined;
      new S3InterfaceEndpoint(stack, 'Subject', { ...props, vpc: VPC, gatewayEndpoint });
      return;
    }
    case 'BucketGuard':
      new BucketGuard(stack, 'Subject', c.props);
      return;
    case 'SftpServer': {
      const users = Object.fromEntries(Object.entries(c.props.users).map(([user, { home, readOnly, keys }]) => [user, { sshPublicKeys: keys, homeDirectory: `/${BUCKET}/${home}`, readOnly }]));
      new SftpServer(stack, 'Subject', { ...c.props, users, vpcId: VPC.vpcId, subnets: SUBNETS, bucketName: BUCKET });
      return;
    }
    case 'ClientVpn':
      new ClientVpn(stack, 'Subject', {
        ...c.props,
        vpc: VPC,
        subnets: SUBNETS,
        serverCertificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/server',
        authentication: { type: 'certificate', rootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/root' },
      });
      return;
    case 'PublicDirectConnect': {
      const { pair, ...props } = c.props;
      new PublicDirectConnect(stack, 'Subject', { ...props, connectionId: 'dxcon-fg5678gh', amazonAddress: pair[0], customerAddress: pair[1] });
      return;
    }
    case 'PrivateInstance':
      new PrivateInstance(stack, 'Subject', { ...c.props, vpcId: VPC.vpcId, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 't3.micro' });
      return;
    case 'HttpsProxy':
      new HttpsProxy(stack, 'Subject', { ...c.props, vpc: VPC, subnet: SUBNETS[0], amiId: AMI, s3GatewayEndpoint: PREFIX_LIST });
      return;
    case 'SyncHost':
      new SyncHost(stack, 'Subject', { ...c.props, ...placement, bucketName: BUCKET });
      return;
    case 'SoftwareVpn':
      new SoftwareVpn(stack, 'Subject', { ...c.props, ...placement });
      return;
    case 'FileGateway':
      new FileGateway(stack, 'Subject', { ...c.props, ...placement, bucketName: BUCKET, clientCidrs: ['192.168.0.0/16'], activation: { type: 'activation-key', activationKey: 'ABCDE-12345-FGHIJ-67890-KLMNO' } });
      return;
    case 'ServiceRole': {
      const { withSource, ...props } = c.props;
      const source = withSource ? { sourceAccountId: '111111111111', sourceArn: 'arn:aws:transfer:ap-northeast-1:111111111111:server/*' } : {};
      new ServiceRole(stack, 'Subject', { ...props, ...source });
      return;
    }
  }
}

function synthesize(c: Case): string {
  const stack = new EnvironmentStack(Testing.app(), { application: 'fuzz', environment: { name: 'dev', accountId: '111111111111' } });
  build(stack, c);
  return Testing.synth(stack);
}

describe('s3-access: whatever synthesizes passes terraform validate', () => {
  const numRuns = fuzzRuns(60);
  let report: GeneratedReport<Case>;

  beforeAll(async () => {
    report = await validateGenerated({ arbitrary: cases, synthesize, numRuns, label: 's3-access' });
    process.stderr.write(
      `fuzz s3-access: ${report.numRuns} values (seed ${report.seed}): ${report.synthesized} synthesized and validated in ${report.terraformRuns} terraform run(s), ${report.rejected.length} rejected at synth, ${report.failures.length} failed validate (${(report.elapsedMs / 1000).toFixed(1)} s)\n`,
    );
  }, TERRAFORM_TIMEOUT_MS + numRuns * 1000);

  it('generates values on both sides of the constructs’ checks', () => {
    expect(report.synthesized).toBeGreaterThan(0);
    expect(report.rejected.length).toBeGreaterThan(0);
  });

  it('rejects values only with a ConfigError naming a construct and a field, never a TypeError', () => {
    for (const { error } of report.rejected) expect(error).toMatch(/^\w+ '[^']+': '[\w[\]().-]+' /);
  });

  it('every stack a construct accepts passes terraform validate', () => {
    expect(report.failures.map((f) => f.message)).toEqual([]);
  });
});
