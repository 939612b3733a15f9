import type { AppConfig } from '../config';

// stg mirrors prod and adds Client VPN for operators.
export const stg: AppConfig = {
  environment: { name: 'stg', accountId: '222222222222', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-222222222222' } },
  network: { cidrBlock: '10.31.0.0/16', zones: ['apne1-az1', 'apne1-az2'] },
  onPremisesCidrs: ['192.168.0.0/16'],
  bucket: { name: 's3-private-access-stg-exchange-222222222222', create: true, adminPrincipalArns: ['arn:aws:iam::222222222222:role/terraform-deploy'] },
  interfaceEndpoint: { privateDnsOnlyForInboundResolverEndpoint: true },
  sftp: {
    users: {
      'partner-acme': {
        sshPublicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGQ2V4YW1wbGVrZXlmb3JhY21lcGFydG5lcnNmdHA0 acme@partner'],
        homeDirectory: '/s3-private-access-stg-exchange-222222222222/partners/acme',
      },
    },
  },
  clientVpn: {
    clientCidrBlock: '172.21.0.0/22',
    serverCertificateArn: 'arn:aws:acm:ap-northeast-1:222222222222:certificate/5a8c2f0e-0000-4000-8000-000000000001',
    rootCertificateChainArn: 'arn:aws:acm:ap-northeast-1:222222222222:certificate/5a8c2f0e-0000-4000-8000-000000000002',
  },
};
