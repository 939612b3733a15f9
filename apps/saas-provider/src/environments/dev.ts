import type { AppConfig } from '../config';
import { tenantsOf } from '../tenants';

export const dev: AppConfig = {
  environment: { name: 'dev', accountId: '111111111111', region: 'ap-northeast-1', backend: { type: 'local' } },
  network: { type: 'create', cidrBlock: '10.10.0.0/16', zones: ['apne1-az1', 'apne1-az2'] },
  application: { type: 'create', certificateArn: 'arn:aws:acm:ap-northeast-1:111111111111:certificate/0d1e2f3a-1111-4222-8333-444455556666' },
  service: {
    privateDnsName: 'api.dev.saas.example.com',
    hostedZoneId: 'Z0DEV1111111111111111',
    tenants: tenantsOf('dev'),
    connectionSubscriptions: [{ type: 'email', address: 'privatelink-dev@saas.example.com' }],
    alarms: { subscriptions: [{ type: 'email', address: 'privatelink-dev@saas.example.com' }] },
    // dev is torn down often.
    deletionProtection: false,
    flowLogRetentionDays: 30,
  },
};
