import type { AppConfig } from '../config';

// dev demonstrates the self-managed paths: the proxy and the sync host behind a gateway endpoint.
export const dev: AppConfig = {
  environment: { name: 'dev', accountId: '111111111111', region: 'ap-northeast-1', backend: { type: 'local' } },
  network: { cidrBlock: '10.30.0.0/16', zones: ['apne1-az1', 'apne1-az2'] },
  onPremisesCidrs: ['192.168.0.0/16'],
  bucket: { name: 's3-private-access-dev-exchange-111111111111', create: true, adminPrincipalArns: ['arn:aws:iam::111111111111:role/terraform-deploy'] },
  // An Amazon Linux 2023 AMI of ap-northeast-1; refresh it with
  // `aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`.
  proxy: { amiId: 'ami-0a6fd4c92fc6ed7d5' },
  syncHost: { amiId: 'ami-0a6fd4c92fc6ed7d5', clientPorts: [21], syncIntervalMinutes: 5 },
};
