import type { EnvironmentConfig } from '@privatelink-cdktf/core';
import type { AppConfig } from '../config';
import { AWS_SERVICES } from '../aws-services';
import { saasServiceFromHandoff } from '../saas-handoff';

const environment: EnvironmentConfig = { name: 'dev', accountId: '111111111111', region: 'ap-northeast-1', backend: { type: 'local' } };

export const dev: AppConfig = {
  environment,
  network: { cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2'], flowLogRetentionDays: 30 },
  // As the provider handed it over: dev.saas-handoff.json, written by `npm run handoff -- saas-provider-dev`.
  saasService: {
    ...saasServiceFromHandoff(environment),
    // The test instance in the workload subnets; read `saas_path_found` after apply.
    reachabilityFrom: 'i-0a1b2c3d4e5f60718',
  },
  awsServices: AWS_SERVICES,
  dataAccess: { s3Buckets: ['tenant-consumer-dev-exports'], dynamoDbTables: ['tenant-consumer-dev-sessions'] },
  alarms: { subscriptions: [{ type: 'email', address: 'cloud-dev@bank.example.com' }] },
};
