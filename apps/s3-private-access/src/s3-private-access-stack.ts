import { EncryptionKey, EnvironmentStack, PrivateNetwork } from '@privatelink-cdktf/core';
import { BucketGuard, ClientVpn, HttpsProxy, S3GatewayEndpoint, S3InterfaceEndpoint, SftpServer, SyncHost } from '@privatelink-cdktf/s3-access';
import { TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import { type AppConfig, requireAppConfig } from './config';

/**
 * Private paths to Amazon S3 from the VPC and from on-premises: a gateway endpoint for the VPC,
 * and per environment the interface endpoint with its Resolver inbound endpoint, Transfer Family
 * SFTP, Client VPN, or the self-managed proxy and sync host, all behind a bucket guard that
 * denies every other path.
 */
export class S3PrivateAccessStack extends EnvironmentStack {
  public readonly network: PrivateNetwork;
  public readonly gatewayEndpoint: S3GatewayEndpoint;
  public readonly interfaceEndpoint?: S3InterfaceEndpoint;
  public readonly sftp?: SftpServer;
  public readonly guard: BucketGuard;

  constructor(scope: Construct, config: AppConfig) {
    super(scope, { application: 's3-private-access', environment: config.environment });
    requireAppConfig(this, config);
    const name = this.node.id;
    const bucketName = config.bucket.name;
    this.network = new PrivateNetwork(this, 'Network', { name, ...config.network });
    const [firstSubnet] = this.network.subnets;

    // Created here rather than by the guard: the SFTP user roles need it and the guard needs their ARNs.
    const bucketKey = config.bucket.create ? new EncryptionKey(this, 'BucketKey', { alias: `${name}-exchange`, description: `Encrypts s3://${bucketName}` }) : undefined;

    this.gatewayEndpoint = new S3GatewayEndpoint(this, 'S3GatewayEndpoint', {
      name: `${name}-s3-gateway`,
      vpcId: this.network.vpcId,
      routeTables: this.network.routeTableIds,
      bucketNames: [bucketName],
      // The proxy and the sync host install their packages from the Amazon Linux repositories in S3.
      allowAmazonLinuxRepositories: config.proxy !== undefined || config.syncHost !== undefined,
    });
    const endpointIds = [this.gatewayEndpoint.endpointId];

    if (config.interfaceEndpoint) {
      this.interfaceEndpoint = new S3InterfaceEndpoint(this, 'S3InterfaceEndpoint', {
        name: `${name}-s3`,
        vpc: this.network,
        subnets: this.network.subnets,
        bucketNames: [bucketName],
        clientCidrs: config.onPremisesCidrs,
        privateDnsOnlyForInboundResolverEndpoint: config.interfaceEndpoint.privateDnsOnlyForInboundResolverEndpoint,
        gatewayEndpoint: this.gatewayEndpoint,
        inboundResolver: { ipAddresses: config.interfaceEndpoint.resolverIpAddresses },
      });
      endpointIds.push(this.interfaceEndpoint.endpointId);
      new TerraformOutput(this, 's3-interface-endpoint-dns-name', { value: this.interfaceEndpoint.regionalDnsName, description: 'Regional DNS name of the S3 interface endpoint' });
      if (this.interfaceEndpoint.inboundResolver) {
        new TerraformOutput(this, 'inbound-resolver-endpoint-id', { value: this.interfaceEndpoint.inboundResolver.resolverEndpointId, description: 'Forward s3.<region>.amazonaws.com from on-premises DNS to this endpoint\'s addresses' });
      }
    }

    if (config.sftp) {
      this.sftp = new SftpServer(this, 'Sftp', {
        name: `${name}-sftp`,
        vpcId: this.network.vpcId,
        subnets: this.network.subnets,
        bucketName,
        bucketKmsKeyArn: bucketKey?.keyArn,
        sourceCidrs: config.onPremisesCidrs,
        users: config.sftp.users,
        customHostname: config.sftp.customHostname,
      });
      new TerraformOutput(this, 'sftp-endpoint', { value: this.sftp.endpoint, description: 'Host name of the SFTP server' });
    }

    this.guard = new BucketGuard(this, 'BucketGuard', {
      bucketName,
      createBucket: config.bucket.create,
      kmsKeyArn: bucketKey?.keyArn,
      endpointIds,
      // Transfer Family reaches S3 with the users' roles from outside the VPC.
      exemptPrincipalArns: [...config.bucket.adminPrincipalArns, ...Object.values(this.sftp?.userRoleArns ?? {})],
    });

    if (config.clientVpn) {
      const vpn = new ClientVpn(this, 'ClientVpn', {
        name: `${name}-client-vpn`,
        vpc: this.network,
        subnets: this.network.subnets,
        clientCidrBlock: config.clientVpn.clientCidrBlock,
        serverCertificateArn: config.clientVpn.serverCertificateArn,
        authentication: { type: 'certificate', rootCertificateChainArn: config.clientVpn.rootCertificateChainArn },
        s3GatewayEndpoint: this.gatewayEndpoint,
      });
      new TerraformOutput(this, 'client-vpn-dns-name', { value: vpn.dnsName, description: 'DNS name of the Client VPN endpoint' });
    }

    if (config.proxy) {
      const proxy = new HttpsProxy(this, 'Proxy', {
        name: `${name}-proxy`,
        vpc: this.network,
        subnet: firstSubnet,
        stsEndpointSubnets: this.network.subnets,
        amiId: config.proxy.amiId,
        clientCidrs: config.onPremisesCidrs,
        s3GatewayEndpoint: this.gatewayEndpoint,
      });
      new TerraformOutput(this, 'proxy-url', { value: proxy.proxyUrl, description: 'HTTPS_PROXY for on-premises AWS CLI and SDK clients' });
    }

    if (config.syncHost) {
      const host = new SyncHost(this, 'SyncHost', {
        name: `${name}-sync`,
        vpc: this.network,
        subnetId: firstSubnet.subnetId,
        amiId: config.syncHost.amiId,
        bucketName,
        bucketPrefix: 'inbound',
        bucketKmsKeyArn: bucketKey?.keyArn,
        clientCidrs: config.onPremisesCidrs,
        clientPorts: config.syncHost.clientPorts,
        syncIntervalMinutes: config.syncHost.syncIntervalMinutes,
        s3GatewayEndpoint: this.gatewayEndpoint,
      });
      new TerraformOutput(this, 'sync-host-ip', { value: host.privateIp, description: 'Private IP clients drop files on' });
    }
  }
}
