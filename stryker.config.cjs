// Mutation testing of one library (run from its directory by `npm run mutation`): Stryker breaks
// the library's sources one small change at a time and reruns the tests that cover the change; a
// change no test notices is a behaviour the tests do not pin down.
const path = require('node:path');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
module.exports = {
  testRunner: 'jest',
  // The package's own Jest config; tests that run Terraform are left out (they pin down plans, and
  // a mutant that reaches Terraform is already caught by the synth-time tests or not at all).
  // Each mutant loads only the test files whose tests cover it (scripts/mutation: the coverage run
  // records them, Jest's filter reads them), rather than every file of the package.
  jest: {
    projectType: 'custom',
    configFile: 'jest.config.js',
    enableFindRelatedTests: false,
    config: {
      testPathIgnorePatterns: ['/node_modules/', 'plan\\.test\\.ts$', 'readme\\.test\\.ts$', '\\.fuzz\\.test\\.ts$'],
      testEnvironment: path.join(__dirname, 'scripts', 'mutation', 'coverage-environment.cjs'),
      filter: path.join(__dirname, 'scripts', 'mutation', 'test-file-filter.cjs'),
    },
  },
  coverageAnalysis: 'perTest',
  mutate: ['src/**/*.ts', '!src/**/index.ts'],
  // Module-level constants (catalogue tables, patterns) would rerun every test per mutant; they are
  // pinned down by the tests of the checks that use them.
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY) || 2,
  reporters: ['clear-text', 'json', 'progress-append-only'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  // Reruns only the mutants whose code or covering tests changed since the last run of the package.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 30000,
};
