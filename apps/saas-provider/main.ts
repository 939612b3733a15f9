import { App } from 'cdktf';
import { ENVIRONMENTS } from './src/environments';
import { SaasProviderStack } from './src/saas-provider-stack';

// One stack per environment: `cdktf deploy saas-provider-dev`, `saas-provider-stg`, `saas-provider-prod`.
const app = new App();
for (const config of ENVIRONMENTS) new SaasProviderStack(app, config);
app.synth();
