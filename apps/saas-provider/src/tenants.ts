import * as path from 'node:path';
import type { EnvironmentName } from '@privatelink-cdktf/core';
import { loadTenantsFile, type TenantConfig } from '@privatelink-cdktf/provider';

/**
 * Where the tenants files are: `src/environments/<env>.tenants.yaml` of this app. Found through the
 * app's package, not `__dirname`, so it holds in the synth bundle as in the sources.
 */
export const TENANTS_DIR = path.join(path.dirname(require.resolve('@privatelink-cdktf/app-saas-provider/package.json')), 'src', 'environments');

/** The tenants file of an environment, in `dir`. */
export function tenantsFile(environment: EnvironmentName, dir: string = TENANTS_DIR): string {
  return path.join(dir, `${environment}.tenants.yaml`);
}

/** The tenants of an environment, read and checked from its tenants file. */
export function tenantsOf(environment: EnvironmentName, dir: string = TENANTS_DIR): TenantConfig[] {
  return loadTenantsFile(tenantsFile(environment, dir));
}
