// This suite under CDK Terrain (see jest.cdktn.js); `npm test` runs it next to jest.config.js. All but
// the suites that run Terraform (plans, and the generated-input validate): under cdktn the JSON differs only in the provider pin, and
// the packaging test plans this library's README example from the cdktn tarballs.
module.exports = require('../../jest.cdktn')(__dirname, { exclude: ['/test/plan\\.test\\.ts$', '/test/readme\\.test\\.ts$', '\\.fuzz\\.test\\.ts$'] });
