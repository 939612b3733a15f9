import type { EnvironmentConfig } from '@privatelink-cdktf/core';

/** Everything that differs between the environments of s3-private-access. */
export interface AppConfig {
  readonly environment: EnvironmentConfig;
  readonly network: {
    readonly cidrBlock: string;
    /** AZ IDs, one private subnet each. */
    readonly zones: readonly string[];
  };
}
