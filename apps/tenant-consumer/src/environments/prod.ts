import type { AppConfig } from '../config';

export const prod: AppConfig = {
  environment: { name: 'prod', accountId: '333333333333', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-333333333333' } },
  network: { cidrBlock: '10.0.0.0/16', zones: ['apne1-az1', 'apne1-az2', 'apne1-az4'] },
};
