// The CDK Terrain project of a library's Jest suite (packages/<lib>/jest.cdktn.config.js): the shared
// preset, with every import of cdktf and @cdktf/provider-aws (the tests', the sources' and the
// matchers' in jest.setup.js) loading cdktn and @cdktn/provider-aws instead, which is what the
// published @privatelink-cdktn packages run on. A library's `npm test` runs it next to its cdktf
// project (jest --projects jest.config.js jest.cdktn.config.js); jest.setup.js checks the mapping took.
const { CDKTN_MODULE_MAPPER } = require('./scripts/frameworks.cjs');
const preset = require('./jest.preset');

/**
 * @param {string} rootDir the library's directory
 * @param {{ exclude?: string[] }} [options] exclude: test path patterns that run under cdktf only
 */
module.exports = function cdktnProject(rootDir, { exclude = [] } = {}) {
  return {
    ...preset,
    rootDir,
    displayName: 'cdktn',
    globals: { PRIVATELINK_FRAMEWORK: 'cdktn' },
    moduleNameMapper: { ...preset.moduleNameMapper, ...CDKTN_MODULE_MAPPER },
    testPathIgnorePatterns: ['/node_modules/', ...exclude],
  };
};
