import type { FileGatewayProps } from '../src/file-gateway';
import type { HttpsProxyProps } from '../src/https-proxy';
import type { SoftwareVpnProps } from '../src/software-vpn';
import type { SyncHostProps } from '../src/sync-host';
import { AMI, PREFIX_LIST, SUBNETS, VPC } from './helpers';

// Valid props of the EC2 patterns, shared by their own tests and PrivateInstance's.
export const proxyProps: HttpsProxyProps = { name: 'unit-dev-proxy', vpc: VPC, subnet: SUBNETS[0], amiId: AMI, clientCidrs: ['192.168.0.0/16'], s3GatewayEndpoint: PREFIX_LIST };
export const gatewayProps: FileGatewayProps = {
  name: 'unit-dev-file-gateway',
  vpc: VPC,
  subnetId: SUBNETS[0].subnetId,
  amiId: AMI,
  activation: { type: 'ip-address', terraformRunnerCidrs: ['10.30.0.0/24'] },
  bucketName: 'acme-dev-exchange',
  clientCidrs: ['192.168.0.0/16'],
  s3GatewayEndpoint: PREFIX_LIST,
};
export const syncProps: SyncHostProps = {
  name: 'unit-dev-sync',
  vpc: VPC,
  subnetId: SUBNETS[0].subnetId,
  amiId: AMI,
  bucketName: 'acme-dev-exchange',
  bucketPrefix: 'inbound',
  clientCidrs: ['192.168.0.0/16'],
  clientPorts: [21],
  s3GatewayEndpoint: PREFIX_LIST,
};
export const vpnProps: SoftwareVpnProps = {
  name: 'unit-dev-vpn',
  vpc: VPC,
  subnetId: SUBNETS[0].subnetId,
  amiId: AMI,
  peerAddress: '192.168.0.1',
  onPremisesCidrs: ['192.168.0.0/16'],
  preSharedKeyParameterName: '/vpn/onprem/psk',
  s3GatewayEndpoint: PREFIX_LIST,
};
