import type { AppConfig } from '../config';
import { AWS_SERVICES } from '../aws-services';

export const prod: AppConfig = {
  environment: { name: 'prod', accountId: '333333333333', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-333333333333' } },
  // Subnets of /20 in zone order: 10.0.0.0/20, 10.0.16.0/20, 10.0.32.0/20.
  network: { cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2', 'apne1-az4'], flowLogRetentionDays: 365 },
  saasService: {
    serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0f9e8d7c6b5a49382',
    availabilityZoneIds: ['apne1-az1', 'apne1-az2', 'apne1-az4'],
  },
  awsServices: AWS_SERVICES,
  dataAccess: { s3Buckets: ['tenant-consumer-prod-exports', 'tenant-consumer-prod-audit'], dynamoDbTables: ['tenant-consumer-prod-sessions'] },
  onPremises: {
    dnsForwarderCidrs: ['192.168.10.0/24'],
    resolverIpAddresses: { 'apne1-az1': '10.0.0.53', 'apne1-az2': '10.0.16.53', 'apne1-az4': '10.0.32.53' },
  },
};
