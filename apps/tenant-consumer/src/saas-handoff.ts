import * as path from 'node:path';
import { handoffEndpointSettings, readHandoffDocument } from '@privatelink-cdktf/consumer';
import { DEFAULT_REGION, type EnvironmentConfig } from '@privatelink-cdktf/core';
import type { SaasServiceConfig } from './config';

/**
 * Where the SaaS provider's handoff documents are: `src/environments/<env>.saas-handoff.json` of
 * this app, as the provider wrote them (`npm run handoff -- saas-provider-<env>`). Found through
 * the app's package, not `__dirname`, so it holds in the synth bundle as in the sources.
 */
export const HANDOFF_DIR = path.join(path.dirname(require.resolve('@privatelink-cdktf/app-tenant-consumer/package.json')), 'src', 'environments');

/** The SaaS service of an environment, from its handoff document, for endpoints in the environment's region. */
export function saasServiceFromHandoff(environment: EnvironmentConfig, dir: string = HANDOFF_DIR): SaasServiceConfig {
  const file = path.join(dir, `${environment.name}.saas-handoff.json`);
  const settings = handoffEndpointSettings(readHandoffDocument(file), { region: environment.region ?? DEFAULT_REGION, file });
  return {
    serviceName: settings.service.serviceName,
    availabilityZoneIds: settings.providerAvailabilityZoneIds,
    ...(settings.serviceRegion !== undefined ? { serviceRegion: settings.serviceRegion } : {}),
    ...(settings.privateDnsName !== undefined ? { privateDnsName: settings.privateDnsName } : {}),
  };
}
