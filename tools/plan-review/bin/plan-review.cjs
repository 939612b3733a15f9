#!/usr/bin/env node
// `plan-review diff|summarize|state ...`: see src/cli.ts. The package runs from its build (dist/); in this repository
// `npx turbo run build --filter=@privatelink-cdktf/plan-review` makes it.
let cli;
try {
  cli = require('../dist/cli.js');
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND') throw error;
  console.error('plan-review: dist/cli.js is missing: build the package first (npx turbo run build --filter=@privatelink-cdktf/plan-review)');
  process.exit(1);
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
