import type { AppConfig } from '../config';

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
    // Onboarding a customer is one line; its endpoint IDs are added once it has created them.
    tenants: [
      { key: 'acme-bank', principals: ['arn:aws:iam::555500001111:root'], endpointIds: ['vpce-0a1b2c3d4e5f60718'] },
      { key: 'city-hospital', principals: ['arn:aws:iam::555500002222:role/privatelink-consumer'] },
      { key: 'prefecture-office', principals: ['arn:aws:iam::555500003333:root', 'arn:aws:iam::555500004444:root'], endpointIds: ['vpce-0f1e2d3c4b5a69788'] },
    ],
    // Tenants' client ranges: PrivateLink traffic is judged by the NLB's security group too.
    enforceInboundRulesOnPrivateLinkTraffic: true,
    consumerCidrs: ['10.100.0.0/16', '10.101.0.0/16', '172.20.0.0/16'],
    flowLogRetentionDays: 365,
  },
};
