// Mutation testing of one library (run from its directory by `npm run mutation`): Stryker breaks
// the library's sources one small change at a time and reruns the tests that cover the change; a
// change no test notices is a behaviour the tests do not pin down.
const path = require('node:path');

const REPORT_DIR = process.env.MUTATION_REPORT_DIR ?? 'reports/mutation';

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
  // `npm run mutation` runs a long package in parts (scripts/mutation.ts): each names its sources and
  // where its report and incremental file go.
  mutate: process.env.MUTATION_MUTATE?.split(',') ?? ['src/**/*.ts', '!src/**/index.ts'],
  // Module-level constants (catalogue tables, patterns) would rerun every test per mutant; they are
  // pinned down by the tests of the checks that use them.
  ignoreStatic: true,
  concurrency: Number(process.env.STRYKER_CONCURRENCY) || 2,
  reporters: ['clear-text', 'json', 'progress-append-only'],
  jsonReporter: { fileName: `${REPORT_DIR}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: false },
  // Reruns only the mutants whose code or covering tests changed since the last run of the package.
  incremental: true,
  incrementalFile: `${REPORT_DIR}/stryker-incremental.json`,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 30000,
};
