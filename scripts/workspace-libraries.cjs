// The workspace libraries (packages/*) by package name, each with the directory of its TypeScript
// sources. Jest and the synth bundle take them from source, so nothing runs against a stale build.
const fs = require('node:fs');
const path = require('node:path');

const PACKAGES = path.resolve(__dirname, '..', 'packages');

/** @type {ReadonlyMap<string, string>} package name → absolute path of its src/ directory */
const LIBRARY_SOURCES = new Map(
  fs
    .readdirSync(PACKAGES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(PACKAGES, entry.name, 'package.json')))
    .map((entry) => {
      const dir = path.join(PACKAGES, entry.name);
      return [JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name, path.join(dir, 'src')];
    }),
);

module.exports = { LIBRARY_SOURCES };
