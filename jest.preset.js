// Shared Jest settings: transpile-only TypeScript (type checking is its own task) and cdktf matchers.
const path = require('node:path');
const { LIBRARY_SOURCES, TOOL_SOURCES } = require('./scripts/workspace-libraries.cjs');

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  // Workspace libraries and tools resolve to their sources, so tests never run against a stale build.
  // A library's `testing` subpath (test helpers it exports for other packages) maps the same way.
  moduleNameMapper: Object.fromEntries([
    ...[...LIBRARY_SOURCES].flatMap(([name, src]) => [
      [`^${escapeRegExp(name)}$`, src],
      [`^${escapeRegExp(name)}/testing$`, path.join(src, 'testing')],
    ]),
    ...[...TOOL_SOURCES].map(([name, src]) => [`^${escapeRegExp(name)}$`, src]),
  ]),
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // A running `npm run mutation` keeps a copy of the package (its own package.json) in .stryker-tmp.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  setupFilesAfterEnv: [path.join(__dirname, 'jest.setup.js')],
};
