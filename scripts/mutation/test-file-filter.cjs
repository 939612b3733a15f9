// Jest's `filter` during a mutation run: for the active mutant, only the test files whose tests
// cover it (recorded by coverage-environment.cjs); every file when nothing is recorded for it.
const { load } = require('./test-files-of-mutants.cjs');

let testFilesByMutant;

module.exports = async function onlyTestFilesCoveringTheMutant(testPaths) {
  const mutant = process.env.__STRYKER_ACTIVE_MUTANT__;
  testFilesByMutant ??= mutant === undefined ? undefined : load();
  const files = mutant === undefined ? undefined : testFilesByMutant?.get(mutant);
  return { filtered: testPaths.filter((test) => !files || files.has(test)).map((test) => ({ test })) };
};
