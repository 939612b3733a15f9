import { EnvironmentStack, PrivateNetwork } from '@privatelink-cdktf/core';
import type { Construct } from 'constructs';
import type { AppConfig } from './config';

/** A regulated customer's VPC that reaches the SaaS service and AWS services through endpoints. */
export class TenantConsumerStack extends EnvironmentStack {
  public readonly network: PrivateNetwork;

  constructor(scope: Construct, config: AppConfig) {
    super(scope, { application: 'tenant-consumer', environment: config.environment });
    this.network = new PrivateNetwork(this, 'Network', { name: this.node.id, ...config.network });
  }
}
