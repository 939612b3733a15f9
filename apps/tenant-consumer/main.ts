import { App } from 'cdktf';
import { ENVIRONMENTS } from './src/environments';
import { TenantConsumerStack } from './src/tenant-consumer-stack';

// One stack per environment: `cdktf deploy tenant-consumer-dev`, `tenant-consumer-stg`, `tenant-consumer-prod`.
const app = new App();
for (const config of ENVIRONMENTS) new TenantConsumerStack(app, config);
app.synth();
