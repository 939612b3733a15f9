import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import type { Construct } from 'constructs';
import { BucketGuard, ClientVpn, HttpsProxy, PublicDirectConnect, S3GatewayEndpoint, S3InterfaceEndpoint, SftpServer } from '../src';
import { AMI, devStack, PREFIX_LIST, SUBNETS, synthJson, VPC } from './helpers';

const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLEKEY partner@example.com';

// Every resource a construct creates, nested ones included, goes to the provider it was given.
const builds: Array<[string, (scope: Construct, provider: AwsProvider) => void]> = [
  ['BucketGuard', (scope, provider) => new BucketGuard(scope, 'It', { bucketName: 'acme-dev-exchange', createBucket: true, endpointIds: ['vpce-0123456789abcdef0'], exemptPrincipalArns: ['arn:aws:iam::111111111111:role/terraform'], provider })],
  ['SftpServer', (scope, provider) => new SftpServer(scope, 'It', { name: 'sftp', vpcId: VPC.vpcId, subnets: SUBNETS, bucketName: 'acme-dev-exchange', sourceCidrs: ['192.168.0.0/16'], users: { partner: { sshPublicKeys: [KEY], homeDirectory: '/acme-dev-exchange/partner' } }, provider })],
  ['HttpsProxy', (scope, provider) => new HttpsProxy(scope, 'It', { name: 'proxy', vpc: VPC, subnet: SUBNETS[0], amiId: AMI, clientCidrs: ['192.168.0.0/16'], s3GatewayEndpoint: PREFIX_LIST, provider })],
  ['ClientVpn', (scope, provider) => new ClientVpn(scope, 'It', { name: 'vpn', vpc: VPC, subnets: SUBNETS, clientCidrBlock: '172.20.0.0/22', serverCertificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/s', authentication: { type: 'certificate', rootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/c' }, provider })],
  ['PublicDirectConnect', (scope, provider) => new PublicDirectConnect(scope, 'It', { name: 'vif', connectionId: 'dxcon-fg5678gh', vlan: 100, bgpAsn: 65000, amazonAddress: '203.0.113.1/31', customerAddress: '203.0.113.0/31', routeFilterPrefixes: ['198.51.100.0/28'], provider })],
  ['S3 endpoints', (scope, provider) => {
    const gateway = new S3GatewayEndpoint(scope, 'Gateway', { name: 'gw', vpcId: VPC.vpcId, routeTables: { a: 'rtb-0123456789abcdef0' }, bucketNames: ['acme-dev-exchange'], provider });
    new S3InterfaceEndpoint(scope, 'It', { name: 's3', vpc: VPC, subnets: SUBNETS, bucketNames: ['acme-dev-exchange'], clientCidrs: ['192.168.0.0/16'], privateDnsOnlyForInboundResolverEndpoint: true, gatewayEndpoint: gateway, provider });
  }],
];

describe.each(builds)('%s with a provider', (_, build) => {
  it('puts every resource on that provider', () => {
    const stack = devStack();
    const second = new AwsProvider(stack, 'second', { alias: 'second', region: 'ap-northeast-1' });
    build(stack, second);
    const json = synthJson(stack);
    const all = Object.values(json.resource).flatMap((byName) => Object.values(byName));
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((resource) => resource.provider)).toEqual(all.map(() => 'aws.second'));
  });
});
