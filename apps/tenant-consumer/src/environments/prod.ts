import type { EnvironmentConfig } from '@privatelink-cdktf/core';
import type { AppConfig } from '../config';
import { AWS_SERVICES } from '../aws-services';
import { saasServiceFromHandoff } from '../saas-handoff';

const environment: EnvironmentConfig = { name: 'prod', accountId: '333333333333', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-333333333333' } };

export const prod: AppConfig = {
  environment,
  // Subnets of /20 by zone number (PrivateNetwork): az1 10.0.0.0/20, az2 10.0.16.0/20, az4 10.0.48.0/20.
  network: { cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2', 'apne1-az4'], flowLogRetentionDays: 365 },
  // As the provider handed it over: prod.saas-handoff.json, written by `npm run handoff -- saas-provider-prod`.
  saasService: saasServiceFromHandoff(environment),
  awsServices: AWS_SERVICES,
  dataAccess: { s3Buckets: ['tenant-consumer-prod-exports', 'tenant-consumer-prod-audit'], dynamoDbTables: ['tenant-consumer-prod-sessions'] },
  onPremises: {
    dnsForwarderCidrs: ['192.168.10.0/24'],
    resolverIpAddresses: { 'apne1-az1': '10.0.0.53', 'apne1-az2': '10.0.16.53', 'apne1-az4': '10.0.48.53' },
  },
  // The network team is paged when the SaaS endpoint drops packets or the inbound DNS loses an address.
  alarms: {
    subscriptions: [
      { type: 'email', address: 'network-oncall@bank.example.com' },
      { type: 'sqs', queueArn: 'arn:aws:sqs:ap-northeast-1:333333333333:network-alarms' },
    ],
  },
};
