// npm run upgrade-baseline [-- --apps] [--readmes]
//
// Refreshes, on purpose, what the upgrade-safety tests (test/upgrade-safety) compare the working
// tree with. Without options it refreshes both.
//
// --apps     every app stack as the working tree synthesizes it now, and the state built from it
//            offline (what those stacks look like deployed): baseline/apps/<stack>/cdk.tf.json and
//            terraform.tfstate. Run it after a change that is meant to replace a guarded resource
//            has been reviewed, and commit the result with that change. Needs Terraform.
// --readmes  the first README example of each library, synthesized from the working tree, with
//            the libraries' versions: baseline/readmes/<library>/<stack>.tf.json and versions.json.
//            `npm run version-packages` runs it, so the Version Packages commit that publishes a
//            release records what that release's README examples synthesize: the "last release".
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildState, stackState } from '@privatelink-cdktf/plan-review';
import { TerraformWorkspace, stackMember } from '@privatelink-cdktf/terraform-harness';
import { synthesizeReadmeExamples } from './readme-examples';
import { REPO_ROOT, main, synthesizeApps } from './run';
import { listStacks } from './stacks';

const USAGE = 'usage: npm run upgrade-baseline [-- --apps] [--readmes]';
const BASELINE_DIR = path.join(REPO_ROOT, 'test', 'upgrade-safety', 'baseline');

main(async () => {
  const { values } = parseArgs({ options: { apps: { type: 'boolean', default: false }, readmes: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  if (values.help) return console.log(USAGE);
  const both = !values.apps && !values.readmes;
  if (values.apps || both) await refreshApps();
  if (values.readmes || both) await refreshReadmes();
});

async function refreshApps(): Promise<void> {
  const stacks = listStacks(REPO_ROOT);
  synthesizeApps([...new Set(stacks.map((s) => s.appDir))]);
  const members = stacks.map((s) => stackMember(s.stackDir));
  const workspace = await TerraformWorkspace.create('upgrade-baseline');
  try {
    const started = performance.now();
    const { state, plans } = await buildState(workspace, members, { modules: true });
    const dir = path.join(BASELINE_DIR, 'apps');
    fs.rmSync(dir, { recursive: true, force: true });
    for (const member of members) {
      const stackDir = path.join(dir, member.name);
      fs.mkdirSync(stackDir, { recursive: true });
      fs.writeFileSync(path.join(stackDir, 'cdk.tf.json'), `${JSON.stringify(member.config, null, 2)}\n`);
      fs.writeFileSync(path.join(stackDir, 'terraform.tfstate'), `${JSON.stringify(stackState(state, workspace.modulePath(member.name)), null, 1)}\n`);
    }
    console.log(`baseline of ${members.length} app stacks: ${path.relative(process.cwd(), dir)} (state built in ${plans} plans, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await workspace.dispose();
  }
}

async function refreshReadmes(): Promise<void> {
  const examples = await synthesizeReadmeExamples();
  const dir = path.join(BASELINE_DIR, 'readmes');
  fs.rmSync(dir, { recursive: true, force: true });
  for (const example of examples) {
    for (const stack of example.stacks) {
      fs.mkdirSync(path.join(dir, example.library), { recursive: true });
      fs.writeFileSync(path.join(dir, example.library, `${stack.name}.tf.json`), `${JSON.stringify(stack.config, null, 2)}\n`);
    }
  }
  const versions = Object.fromEntries(examples.map((e) => [e.library, e.version]));
  fs.writeFileSync(path.join(dir, 'versions.json'), `${JSON.stringify(versions, null, 2)}\n`);
  console.log(`baseline of ${examples.length} README examples (${examples.map((e) => `${e.library} ${e.version}`).join(', ')}): ${path.relative(process.cwd(), dir)}`);
}
