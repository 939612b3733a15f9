import type { AppConfig } from '../config';
import { AWS_SERVICES } from '../aws-services';

export const stg: AppConfig = {
  environment: { name: 'stg', accountId: '222222222222', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-222222222222' } },
  network: { cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2'], flowLogRetentionDays: 90 },
  saasService: {
    serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0a1b2c3d4e5f60718',
    availabilityZoneIds: ['apne1-az1', 'apne1-az2', 'apne1-az4'],
  },
  awsServices: AWS_SERVICES,
  dataAccess: { s3Buckets: ['tenant-consumer-stg-exports'], dynamoDbTables: ['tenant-consumer-stg-sessions'] },
};
