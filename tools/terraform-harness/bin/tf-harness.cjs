#!/usr/bin/env node
// The harness ships as TypeScript source; tsx's CommonJS hook lets Node require it directly.
require('tsx/cjs');
require('../src/cli.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
