import { App } from 'cdktf';
import { ENVIRONMENTS } from './src/environments';
import { S3PrivateAccessStack } from './src/s3-private-access-stack';

// One stack per environment: `cdktf deploy s3-private-access-dev`, `s3-private-access-stg`, `s3-private-access-prod`.
const app = new App();
for (const config of ENVIRONMENTS) new S3PrivateAccessStack(app, config);
app.synth();
