// npm run deploy -- <stack> [--auto-approve]
//
// Builds the libraries the app that owns the stack uses, then runs `cdktf deploy <stack>` in the
// app dir (cdktf synthesizes, plans and, after you approve or with --auto-approve, applies).
import { parseArgs } from 'node:util';
import { findStack } from '../test/plan-review/src';
import { REPO_ROOT, main, packageNameOf, run } from './run';

const USAGE = 'usage: npm run deploy -- <stack> [--auto-approve]';

main(() => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'auto-approve': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  if (positionals.length !== 1) throw new Error(`expected one stack name\n${USAGE}`);
  const stack = findStack(REPO_ROOT, positionals[0]);

  // `<app>...` is the app and everything it depends on; only the libraries have a build task.
  run('npx', ['turbo', 'run', 'build', `--filter=${packageNameOf(stack.appDir)}...`, '--output-logs=errors-only'], { cwd: REPO_ROOT });
  run('npx', ['cdktf', 'deploy', stack.name, ...(values['auto-approve'] ? ['--auto-approve'] : [])], { cwd: stack.appDir });
});
