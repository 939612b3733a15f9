// npm run deploy -- <stack> [--auto-approve] [--require-remote-state]
//
// Synthesizes the app that owns the stack (building the libraries it uses first), then runs
// `cdktf deploy <stack>` in the app dir: cdktf plans and, after you approve or with
// --auto-approve, applies. --require-remote-state refuses a stack whose state is on the local
// disk (CI uses it: a runner's disk is gone after the job).
import { parseArgs } from 'node:util';
import { findStack, stackBackend } from './stacks';
import { REPO_ROOT, main, run, synthesizeApp } from './run';

const USAGE = 'usage: npm run deploy -- <stack> [--auto-approve] [--require-remote-state]';

main(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'auto-approve': { type: 'boolean', default: false },
      'require-remote-state': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length !== 1) throw new Error(`expected one stack name\n${USAGE}`);
  const stack = findStack(REPO_ROOT, positionals[0]);

  synthesizeApp(stack.appDir);
  if (values['require-remote-state']) {
    if (stackBackend(stack.stackDir) === 'local') {
      throw new Error(
        `${stack.name} keeps its state on the local disk; give it a remote backend in apps/${stack.app}/src/environments/${stack.environment}.ts before deploying it from CI`,
      );
    }
  }
  run('npx', ['cdktf', 'deploy', stack.name, ...(values['auto-approve'] ? ['--auto-approve'] : [])], { cwd: stack.appDir });
});

