// The root preset, found by walking up, so the config also works from Stryker's sandbox copy.
const path = require('node:path');
const fs = require('node:fs');
let dir = __dirname;
while (!fs.existsSync(path.join(dir, 'jest.preset.js'))) dir = path.dirname(dir);
module.exports = require(path.join(dir, 'jest.preset.js'));
