// Jest's node environment, recording during Stryker's coverage run which test files cover each
// mutant (Stryker itself only records test names). test-file-filter.cjs then loads just those files
// for a mutant: a test file whose tests do not reach the mutant cannot kill it, and loading one
// (cdktf and the provider classes in a fresh module registry) costs more than most mutants' tests.
const { TestEnvironment } = require('jest-environment-node');
const { save } = require('./test-files-of-mutants.cjs');

const testFilesByMutant = new Map();

/** The test's name exactly as Stryker keys its coverage (its jest-runner's mixin-jest-environment). */
function fullName(test) {
  const blockName = (block) => (block.parent ? `${blockName(block.parent)} ${block.name}`.trimStart() : '');
  return `${blockName(test.parent)} ${test.name}`.trimStart();
}

class CoverageEnvironment extends TestEnvironment {
  #testPath;
  #testNames = new Set();

  constructor(config, context) {
    super(config, context);
    this.#testPath = context.testPath;
  }

  async handleTestEvent(event) {
    if (event.name === 'test_start') this.#testNames.add(fullName(event.test));
  }

  async teardown() {
    // Only the coverage run records; mutant runs set the active mutant and only read.
    const coverage = this.global.__stryker__?.mutantCoverage;
    if (coverage && process.env.__STRYKER_ACTIVE_MUTANT__ === undefined) {
      for (const name of this.#testNames) {
        for (const id of Object.keys(coverage.perTest[name] ?? {})) {
          if (!testFilesByMutant.has(id)) testFilesByMutant.set(id, new Set());
          testFilesByMutant.get(id).add(this.#testPath);
        }
      }
      save(testFilesByMutant);
    }
    await super.teardown();
  }
}

module.exports = CoverageEnvironment;
