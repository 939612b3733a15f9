import type { AppConfig } from '../config';
import { tenantsOf } from '../tenants';

export const prod: AppConfig = {
  environment: { name: 'prod', accountId: '333333333333', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-333333333333' } },
  network: {
    type: 'existing',
    vpcId: 'vpc-0a3b3c3d3e3f30303',
    cidrBlocks: ['10.12.0.0/16'],
    subnets: [
      { subnetId: 'subnet-0a3b3c3d3e3f30301', availabilityZoneId: 'apne1-az1' },
      { subnetId: 'subnet-0a3b3c3d3e3f30302', availabilityZoneId: 'apne1-az2' },
      { subnetId: 'subnet-0a3b3c3d3e3f30304', availabilityZoneId: 'apne1-az4' },
    ],
  },
  application: {
    type: 'existing',
    albArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:333333333333:loadbalancer/app/hr-app-prod/3a3b3c3d3e3f3030',
    listenerArn: 'arn:aws:elasticloadbalancing:ap-northeast-1:333333333333:listener/app/hr-app-prod/3a3b3c3d3e3f3030/3f3e3d3c3b3a3030',
    listenerPort: 443,
    securityGroupId: 'sg-0a3b3c3d3e3f30303',
  },
  service: {
    privateDnsName: 'api.saas.example.com',
    hostedZoneId: 'Z0PROD333333333333333',
    tenants: tenantsOf('prod'),
    // The team that accepts connections hears of every request; on-call is paged by the alarms.
    connectionSubscriptions: [
      { type: 'email', address: 'privatelink-ops@saas.example.com' },
      { type: 'https', url: 'https://chat.saas.example.com/hooks/privatelink-connections' },
    ],
    alarms: {
      subscriptions: [
        { type: 'email', address: 'oncall@saas.example.com' },
        { type: 'https', url: 'https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue', autoConfirms: true },
      ],
    },
    // Which tenant opens, holds, moves or resets the most: the first question when the service degrades.
    contributorInsights: true,
    // Tenants' client ranges: PrivateLink traffic is judged by the NLB's security group too.
    enforceInboundRulesOnPrivateLinkTraffic: true,
    consumerCidrs: ['10.100.0.0/16', '10.101.0.0/16', '172.20.0.0/16'],
    flowLogRetentionDays: 365,
  },
};
