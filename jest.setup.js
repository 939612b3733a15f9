// cdktf's matchers (toHaveResource, toHaveResourceWithProperties, ...) for every test file, from the
// framework this Jest project runs on (jest.preset.js maps cdktf to cdktn in the CDK Terrain projects).
const path = require('node:path');

// Fail every test, rather than pass under the wrong framework, when the mapping did not take.
const framework = globalThis.PRIVATELINK_FRAMEWORK ?? 'cdktf';
for (const [specifier, installed] of [['cdktf', framework], ['@cdktf/provider-aws/lib/provider', framework === 'cdktn' ? '@cdktn/provider-aws' : '@cdktf/provider-aws']]) {
  if (!require.resolve(specifier).includes(`${path.sep}node_modules${path.sep}${installed.split('/').join(path.sep)}${path.sep}`)) {
    throw new Error(`this Jest project runs on ${framework}, but '${specifier}' resolves to ${require.resolve(specifier)}`);
  }
}

// Unit tests get 30 s, enough on a busy machine and short enough to show a hang. Hooks and tests that
// run Terraform pass the harness's TERRAFORM_TIMEOUT_MS (10 min): a plan may queue for a machine-wide slot.
// Set here rather than as the preset's testTimeout, which Jest ignores in a --projects run.
jest.setTimeout(30_000);

const { Testing } = require('cdktf');

Testing.setupJest();
