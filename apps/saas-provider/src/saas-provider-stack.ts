import { EnvironmentStack, PrivateNetwork } from '@privatelink-cdktf/core';
import type { Construct } from 'constructs';
import type { AppConfig } from './config';

/** The SaaS vendor side: an ALB-fronted application published over PrivateLink to tenants. */
export class SaasProviderStack extends EnvironmentStack {
  public readonly network: PrivateNetwork;

  constructor(scope: Construct, config: AppConfig) {
    super(scope, { application: 'saas-provider', environment: config.environment });
    this.network = new PrivateNetwork(this, 'Network', { name: this.node.id, ...config.network });
  }
}
