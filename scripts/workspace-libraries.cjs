// The workspace libraries (packages/*) by package name, each with the directory of its TypeScript
// sources. Jest and the synth bundle take them from source, so nothing runs against a stale build.
const fs = require('node:fs');
const path = require('node:path');

/** @returns {Map<string, string>} the packages in a folder by name, each with its src/ directory */
function sourcesIn(folder) {
  return new Map(
    fs
      .readdirSync(folder, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(folder, entry.name, 'package.json')))
      .map((entry) => {
        const dir = path.join(folder, entry.name);
        return [JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name, path.join(dir, 'src')];
      }),
  );
}

/** @type {ReadonlyMap<string, string>} package name → absolute path of its src/ directory */
const LIBRARY_SOURCES = sourcesIn(path.resolve(__dirname, '..', 'packages'));

/**
 * The tools (tools/*: the Terraform harness and the plan review), which Jest also takes from their
 * sources; they are published built, and scripts run them from source through the
 * `@privatelink-cdktf/source` export condition (`tsx --conditions=@privatelink-cdktf/source`).
 * @type {ReadonlyMap<string, string>} package name → absolute path of its src/ directory
 */
const TOOL_SOURCES = sourcesIn(path.resolve(__dirname, '..', 'tools'));

module.exports = { LIBRARY_SOURCES, TOOL_SOURCES };
