// Where the mutation run keeps, for each mutant, the test files whose tests cover it: written during
// Stryker's initial (coverage) run by coverage-environment.cjs, one line per test file, read by
// test-file-filter.cjs. Stryker runs every test runner in one sandbox directory, its working directory.
const fs = require('node:fs');
const path = require('node:path');

const FILE = () => path.join(process.cwd(), '.mutation-test-files.jsonl');
let recordedInThisProcess = false;

/** Records the mutants one test file's tests cover; the first record of a coverage run starts the file afresh. */
function record(testPath, mutantIds) {
  const line = `${JSON.stringify({ testPath, mutantIds })}\n`;
  if (recordedInThisProcess) fs.appendFileSync(FILE(), line);
  else fs.writeFileSync(FILE(), line);
  recordedInThisProcess = true;
}

/** @returns {Map<string, Set<string>> | undefined} test files by mutant ID; undefined when no coverage run has written the file. */
function load() {
  if (!fs.existsSync(FILE())) return undefined;
  const testFilesByMutant = new Map();
  for (const line of fs.readFileSync(FILE(), 'utf8').split('\n').filter(Boolean)) {
    const { testPath, mutantIds } = JSON.parse(line);
    for (const id of mutantIds) {
      if (!testFilesByMutant.has(id)) testFilesByMutant.set(id, new Set());
      testFilesByMutant.get(id).add(testPath);
    }
  }
  return testFilesByMutant;
}

module.exports = { record, load };
