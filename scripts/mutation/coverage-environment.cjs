// Jest's node environment, adding two things to Stryker's coverage run:
// - Code a test file runs outside its tests (a stack synthesized once in a describe body or in
//   beforeAll, which the tests then read) counts for every test of that file. Stryker itself counts
//   it as static, and would ignore those mutants or never run the tests that read the stack.
//   Module-level code of the sources (loaded by the file's imports) stays static.
// - It records which test files cover each mutant, so that test-file-filter.cjs loads only those
//   for a mutant: loading a test file (cdktf and the provider classes in a fresh module registry)
//   costs more than most mutants' tests.
const { TestEnvironment } = require('jest-environment-node');
const { record } = require('./test-files-of-mutants.cjs');

/** The test's name exactly as Stryker keys its coverage (its jest-runner's mixin-jest-environment). */
function fullName(test) {
  const blockName = (block) => (block.parent ? `${blockName(block.parent)} ${block.name}`.trimStart() : '');
  return `${blockName(test.parent)} ${test.name}`.trimStart();
}

class CoverageEnvironment extends TestEnvironment {
  #testPath;
  #testNames = new Set();
  /** Static hits when the file's first describe block started: its imports have run by then. */
  #staticBeforeDescribes;

  constructor(config, context) {
    super(config, context);
    this.#testPath = context.testPath;
  }

  /** Stryker's coverage during its coverage run; undefined in mutant runs, which only read. */
  #coverage() {
    if (process.env.__STRYKER_ACTIVE_MUTANT__ !== undefined) return undefined;
    const context = this.global.__stryker__;
    return context && (context.mutantCoverage ??= { static: {}, perTest: {} });
  }

  async handleTestEvent(event) {
    if (event.name === 'start_describe_definition' && this.#staticBeforeDescribes === undefined) {
      const coverage = this.#coverage();
      if (coverage) this.#staticBeforeDescribes = { ...coverage.static };
    }
    if (event.name === 'test_start') this.#testNames.add(fullName(event.test));
  }

  async teardown() {
    const coverage = this.#coverage();
    if (coverage) {
      const before = this.#staticBeforeDescribes ?? {};
      const outsideTests = Object.keys(coverage.static).filter((id) => coverage.static[id] > (before[id] ?? 0));
      const covered = new Set();
      for (const name of this.#testNames) {
        const hits = (coverage.perTest[name] ??= {});
        for (const id of outsideTests) hits[id] = (hits[id] ?? 0) + 1;
        for (const id of Object.keys(hits)) covered.add(id);
      }
      record(this.#testPath, [...covered]);
    }
    await super.teardown();
  }
}

module.exports = CoverageEnvironment;
