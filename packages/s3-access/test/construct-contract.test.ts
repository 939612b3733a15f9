import { assertConstructContract } from '@privatelink-cdktf/core/testing';
import {
  BucketGuard,
  ClientVpn,
  FileGateway,
  HttpsProxy,
  PrivateInstance,
  PublicDirectConnect,
  S3GatewayEndpoint,
  S3InterfaceEndpoint,
  ServiceRole,
  SftpServer,
  SoftwareVpn,
  SyncHost,
} from '../src';
import { AMI, PREFIX_LIST, SSH_KEY, SUBNETS, VPC } from './helpers';

// Every construct the package exports, checked against the one contract of the libraries.
const BUCKET = 'acme-dev-exchange';

describe('the construct contract', () => {
  it('BucketGuard', () =>
    assertConstructContract({
      construct: BucketGuard,
      props: () => ({ bucketName: BUCKET, createBucket: true, endpointIds: ['vpce-0123456789abcdef0'], exemptPrincipalArns: ['arn:aws:iam::111111111111:role/terraform'] }),
      mainResourceTypes: ['aws_s3_bucket', 'aws_s3_bucket_public_access_block'],
    }));

  it('S3GatewayEndpoint', () =>
    assertConstructContract({
      construct: S3GatewayEndpoint,
      props: () => ({ name: 'gw', vpcId: VPC.vpcId, routeTables: { a: 'rtb-0123456789abcdef0' }, bucketNames: [BUCKET] }),
      mainResourceTypes: ['aws_vpc_endpoint'],
    }));

  it('S3InterfaceEndpoint', () =>
    assertConstructContract({
      construct: S3InterfaceEndpoint,
      props: () => ({ name: 's3', vpc: VPC, subnets: SUBNETS, bucketNames: [BUCKET], clientCidrs: ['192.168.0.0/16'], privateDnsOnlyForInboundResolverEndpoint: false }),
      mainResourceTypes: ['aws_vpc_endpoint'],
    }));

  it('SftpServer', () =>
    assertConstructContract({
      construct: SftpServer,
      props: () => ({ name: 'sftp', vpcId: VPC.vpcId, subnets: SUBNETS, bucketName: BUCKET, sourceCidrs: ['192.168.0.0/16'], users: { partner: { sshPublicKeys: [SSH_KEY], homeDirectory: `/${BUCKET}/partner` } } }),
      mainResourceTypes: ['aws_transfer_server'],
    }));

  it('ClientVpn', () =>
    assertConstructContract({
      construct: ClientVpn,
      props: () => ({
        name: 'vpn',
        vpc: VPC,
        subnets: SUBNETS,
        clientCidrBlock: '172.20.0.0/22',
        serverCertificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/server',
        authentication: { type: 'certificate' as const, rootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/root' },
      }),
      mainResourceTypes: ['aws_ec2_client_vpn_endpoint'],
    }));

  it('PublicDirectConnect', () =>
    assertConstructContract({
      construct: PublicDirectConnect,
      props: () => ({ name: 'vif', connectionId: 'dxcon-fg5678gh', vlan: 100, bgpAsn: 65000, amazonAddress: '203.0.113.1/31', customerAddress: '203.0.113.0/31', routeFilterPrefixes: ['198.51.100.0/28'] }),
      mainResourceTypes: ['aws_dx_public_virtual_interface'],
    }));

  it('PrivateInstance', () =>
    assertConstructContract({
      construct: PrivateInstance,
      props: () => ({ name: 'host', vpcId: VPC.vpcId, subnetId: SUBNETS[0].subnetId, amiId: AMI, instanceType: 't3.micro' }),
      mainResourceTypes: ['aws_instance'],
    }));

  it('HttpsProxy', () =>
    assertConstructContract({
      construct: HttpsProxy,
      props: () => ({ name: 'proxy', vpc: VPC, subnet: SUBNETS[0], amiId: AMI, clientCidrs: ['192.168.0.0/16'], s3GatewayEndpoint: PREFIX_LIST }),
      mainResourceTypes: ['aws_instance'],
    }));

  it('SyncHost', () =>
    assertConstructContract({
      construct: SyncHost,
      props: () => ({ name: 'sync', vpc: VPC, subnetId: SUBNETS[0].subnetId, amiId: AMI, bucketName: BUCKET, clientCidrs: ['192.168.0.0/16'], clientPorts: [21], s3GatewayEndpoint: PREFIX_LIST }),
      mainResourceTypes: ['aws_instance'],
    }));

  it('SoftwareVpn', () =>
    assertConstructContract({
      construct: SoftwareVpn,
      props: () => ({ name: 'vpn', vpc: VPC, subnetId: SUBNETS[0].subnetId, amiId: AMI, peerAddress: '192.168.0.1', onPremisesCidrs: ['192.168.0.0/16'], preSharedKeyParameterName: '/vpn/psk', s3GatewayEndpoint: PREFIX_LIST }),
      mainResourceTypes: ['aws_instance'],
    }));

  it('FileGateway', () =>
    assertConstructContract({
      construct: FileGateway,
      props: () => ({
        name: 'file-gateway',
        vpc: VPC,
        subnetId: SUBNETS[0].subnetId,
        amiId: AMI,
        activation: { type: 'activation-key' as const, activationKey: 'ABCDE-12345-FGHIJ-67890-KLMNO' },
        bucketName: BUCKET,
        clientCidrs: ['192.168.0.0/16'],
        s3GatewayEndpoint: PREFIX_LIST,
      }),
      mainResourceTypes: ['aws_instance'],
    }));

  it('ServiceRole', () =>
    assertConstructContract({
      construct: ServiceRole,
      props: () => ({ roleName: 'role', servicePrincipal: 'ec2.amazonaws.com' }),
      mainResourceTypes: ['aws_iam_role'],
    }));
});
