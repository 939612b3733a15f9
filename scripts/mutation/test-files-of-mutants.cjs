// Where the mutation run keeps, for each mutant, the test files whose tests cover it: written during
// Stryker's initial (coverage) run by coverage-environment.cjs, read by test-file-filter.cjs.
// Stryker runs every test runner in one sandbox directory, its working directory.
const fs = require('node:fs');
const path = require('node:path');

const FILE = () => path.join(process.cwd(), '.mutation-test-files.json');

/** @param {Map<string, Set<string>>} testFilesByMutant */
function save(testFilesByMutant) {
  const json = Object.fromEntries([...testFilesByMutant].map(([id, files]) => [id, [...files]]));
  fs.writeFileSync(FILE(), JSON.stringify(json));
}

/** @returns {Map<string, Set<string>> | undefined} undefined when no coverage run has written the file. */
function load() {
  if (!fs.existsSync(FILE())) return undefined;
  const json = JSON.parse(fs.readFileSync(FILE(), 'utf8'));
  return new Map(Object.entries(json).map(([id, files]) => [id, new Set(files)]));
}

module.exports = { save, load };
