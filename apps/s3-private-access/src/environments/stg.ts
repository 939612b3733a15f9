import type { AppConfig } from '../config';

export const stg: AppConfig = {
  environment: { name: 'stg', accountId: '222222222222', region: 'ap-northeast-1', backend: { type: 's3', bucket: 'privatelink-cdktf-state-222222222222' } },
  network: { cidrBlock: '10.31.0.0/16', zones: ['apne1-az1', 'apne1-az2'] },
};
