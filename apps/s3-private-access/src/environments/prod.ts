import type { AppConfig } from '../config';

// prod: on-premises S3 API clients through the interface endpoint (names resolved by the Resolver
// inbound endpoint), SFTP partners through Transfer Family, and a bucket guard that denies the rest.
export const prod: AppConfig = {
  environment: { name: 'prod', accountId: '333333333333', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-333333333333' } },
  network: { cidrBlock: '10.32.0.0/16', zones: ['apne1-az1', 'apne1-az2', 'apne1-az4'] },
  onPremisesCidrs: ['192.168.0.0/16', '172.16.0.0/20'],
  bucket: { name: 's3-private-access-prod-exchange-333333333333', create: true, adminPrincipalArns: ['arn:aws:iam::333333333333:role/terraform-deploy', 'arn:aws:iam::333333333333:role/break-glass'] },
  interfaceEndpoint: {
    privateDnsOnlyForInboundResolverEndpoint: true,
    // The on-premises forwarders point at these two; the az4 address is left to AWS.
    resolverIpAddresses: { 'apne1-az1': '10.32.0.53', 'apne1-az2': '10.32.16.53' },
  },
  sftp: {
    users: {
      'partner-acme': {
        sshPublicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGQ2V4YW1wbGVrZXlmb3JhY21lcGFydG5lcnNmdHA0 acme@partner'],
        homeDirectory: '/s3-private-access-prod-exchange-333333333333/partners/acme',
      },
      'partner-globex': {
        sshPublicKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEdsb2JleGV4YW1wbGVrZXlmb3JwYXJ0bmVyc2Z0cDE globex@partner'],
        homeDirectory: '/s3-private-access-prod-exchange-333333333333/partners/globex',
        readOnly: true,
      },
    },
  },
};
