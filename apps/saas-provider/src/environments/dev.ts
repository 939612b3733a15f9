import type { AppConfig } from '../config';

export const dev: AppConfig = {
  environment: { name: 'dev', accountId: '111111111111', region: 'ap-northeast-1', backend: { type: 'local' } },
  network: { cidrBlock: '10.10.0.0/16', zones: ['apne1-az1', 'apne1-az2'] },
};
