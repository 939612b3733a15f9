import type { AppConfig } from '../config';
import { AWS_SERVICES } from '../aws-services';

export const dev: AppConfig = {
  environment: { name: 'dev', accountId: '111111111111', region: 'ap-northeast-1', backend: { type: 'local' } },
  network: { cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2'], flowLogRetentionDays: 30 },
  saasService: {
    serviceName: 'com.amazonaws.vpce.ap-northeast-1.vpce-svc-0d1e2f3a4b5c6d7e8',
    availabilityZoneIds: ['apne1-az1', 'apne1-az2', 'apne1-az4'],
    // The test instance in the workload subnets; read `saas_path_found` after apply.
    reachabilityFrom: 'i-0a1b2c3d4e5f60718',
  },
  awsServices: AWS_SERVICES,
  dataAccess: { s3Buckets: ['tenant-consumer-dev-exports'], dynamoDbTables: ['tenant-consumer-dev-sessions'] },
};
