// This suite under CDK Terrain (see jest.cdktn.js); `npm test` runs it next to jest.config.js. All but
// the suites that run Terraform (the plan and the generated-input property): under cdktn the JSON
// differs only in the provider pin, and the packaging test plans this library's README example from
// the cdktn tarballs.
module.exports = require('../../jest.cdktn')(__dirname, { exclude: ['/test/plan\\.test\\.ts$', '/test/.*\\.fuzz\\.test\\.ts$'] });
