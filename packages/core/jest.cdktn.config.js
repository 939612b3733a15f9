// This suite under CDK Terrain (see jest.cdktn.js); `npm test` runs it next to jest.config.js.
module.exports = require('../../jest.cdktn')(__dirname, { exclude: ['\\.fuzz\\.test\\.ts$'] });
