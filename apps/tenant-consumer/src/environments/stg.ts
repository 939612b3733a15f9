import type { EnvironmentConfig } from '@privatelink-cdktf/core';
import type { AppConfig } from '../config';
import { AWS_SERVICES } from '../aws-services';
import { saasServiceFromHandoff } from '../saas-handoff';

const environment: EnvironmentConfig = { name: 'stg', accountId: '222222222222', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-222222222222' } };

export const stg: AppConfig = {
  environment,
  network: { cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2'], flowLogRetentionDays: 90 },
  // As the provider handed it over: stg.saas-handoff.json, written by `npm run handoff -- saas-provider-stg`.
  saasService: saasServiceFromHandoff(environment),
  awsServices: AWS_SERVICES,
  dataAccess: { s3Buckets: ['tenant-consumer-stg-exports'], dynamoDbTables: ['tenant-consumer-stg-sessions'] },
  alarms: { subscriptions: [{ type: 'email', address: 'cloud-stg@bank.example.com' }] },
};
