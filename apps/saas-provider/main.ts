import { App } from 'cdktf';
import { ENVIRONMENTS } from './src/environments';
import { SaasProviderStack } from './src/saas-provider-stack';
import { tenantsOf } from './src/tenants';

// One stack per environment: `cdktf deploy saas-provider-dev`, `saas-provider-stg`, `saas-provider-prod`.
const app = new App();
// The context `tenantsDir` reads the tenants files from another directory (npm run tenant previews an edit so).
const tenantsDir = app.node.tryGetContext('tenantsDir') as string | undefined;
for (const config of ENVIRONMENTS) {
  new SaasProviderStack(app, tenantsDir ? { ...config, service: { ...config.service, tenants: tenantsOf(config.environment.name, tenantsDir) } } : config);
}
app.synth();
