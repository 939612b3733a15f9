import type { AppConfig } from '../config';
import { tenantsOf } from '../tenants';

export const stg: AppConfig = {
  environment: { name: 'stg', accountId: '222222222222', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-222222222222' } },
  network: {
    type: 'existing',
    vpcId: 'vpc-0a2b2c2d2e2f20202',
    cidrBlocks: ['10.11.0.0/16'],
    subnets: [
      { subnetId: 'subnet-0a2b2c2d2e2f20201', availabilityZoneId: 'apne1-az1' },
      { subnetId: 'subnet-0a2b2c2d2e2f20202', availabilityZoneId: 'apne1-az2' },
    ],
  },
  application: {
    type: 'existing',
    albArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:222222222222:loadbalancer/app/hr-app-stg/2a2b2c2d2e2f2020',
    listenerArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:222222222222:listener/app/hr-app-stg/2a2b2c2d2e2f2020/2f2e2d2c2b2a2020',
    listenerPort: 443,
    securityGroupId: 'sg-0a2b2c2d2e2f20202',
  },
  service: {
    privateDnsName: 'api.stg.saas.example.com',
    hostedZoneId: 'Z0STG2222222222222222',
    tenants: tenantsOf('stg'),
    connectionSubscriptions: [{ type: 'email', address: 'privatelink-stg@saas.example.com' }],
    alarms: { subscriptions: [{ type: 'email', address: 'privatelink-stg@saas.example.com' }] },
    flowLogRetentionDays: 90,
  },
};
