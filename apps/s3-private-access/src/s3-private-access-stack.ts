import { EnvironmentStack, PrivateNetwork } from '@privatelink-cdktf/core';
import type { Construct } from 'constructs';
import type { AppConfig } from './config';

/** Private paths to Amazon S3 from the VPC and from on-premises. */
export class S3PrivateAccessStack extends EnvironmentStack {
  public readonly network: PrivateNetwork;

  constructor(scope: Construct, config: AppConfig) {
    super(scope, { application: 's3-private-access', environment: config.environment });
    this.network = new PrivateNetwork(this, 'Network', { name: this.node.id, ...config.network });
  }
}
