import { TerraformStack } from 'cdktf';
import type { IConstruct } from 'constructs';

/**
 * True when the construct's stack serves customers: an EnvironmentStack whose environment is
 * production (`production: true`, or the name `prod` by default), or any stack with an
 * `isProduction` property that is true. Constructs use it to protect what production cannot lose
 * (for example `preventDestroy` on endpoint services, load balancers and stateful endpoints).
 */
export function isProduction(scope: IConstruct): boolean {
  return (TerraformStack.of(scope) as unknown as { isProduction?: unknown }).isProduction === true;
}
