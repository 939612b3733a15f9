// npm run fuzz [-- --runs <n>] [--seed <n>]
//
// Runs every generated-input test (`test/**/*.fuzz.test.ts` in any workspace) at length: each
// generates FUZZ_RUNS values (default 2,000; `npm test` runs the same files with the bounded number
// each file sets) and validates everything that synthesizes with real Terraform in one batch.
// --seed replays a run (FUZZ_SEED); a failure prints the seed and the failing value.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, main, run } from './run';

const USAGE = 'usage: npm run fuzz [-- --runs <n>] [--seed <n>]';
const WORKSPACE_GROUPS = ['packages', 'tools', 'apps', 'test'];
const FUZZ_FILE = /\.fuzz\.test\.ts$/;

/** Workspaces with at least one fuzz test, relative to the repository root. */
function fuzzWorkspaces(root: string): string[] {
  return WORKSPACE_GROUPS.flatMap((group) => {
    const dir = path.join(root, group);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .map((name) => path.join(group, name))
      .filter((workspace) => {
        const tests = path.join(root, workspace, 'test');
        return fs.existsSync(tests) && fs.readdirSync(tests, { recursive: true }).some((file) => FUZZ_FILE.test(String(file)));
      });
  }).sort();
}

main(() => {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) return console.log(USAGE);
  if (!/^[1-9]\d*$/.test(values.runs)) throw new Error(`--runs must be a positive integer\n${USAGE}`);
  if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) throw new Error(`--seed must be an integer\n${USAGE}`);
  const workspaces = fuzzWorkspaces(REPO_ROOT);
  if (workspaces.length === 0) throw new Error('no *.fuzz.test.ts files under packages/*, tools/*, apps/* or test/*');
  const env = { ...process.env, FUZZ_RUNS: values.runs, ...(values.seed !== undefined ? { FUZZ_SEED: values.seed } : {}) };
  for (const workspace of workspaces) {
    console.log(`fuzz: ${workspace} (${values.runs} values per test${values.seed !== undefined ? `, seed ${values.seed}` : ''})`);
    run(path.join(REPO_ROOT, 'node_modules', '.bin', 'jest'), ['--testPathPattern', '\\.fuzz\\.test\\.ts$'], { cwd: path.join(REPO_ROOT, workspace), env });
  }
});
