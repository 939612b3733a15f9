// npm run mutation [-- <package> ...]
//
// Mutation testing of the four libraries with StrykerJS (stryker.config.cjs at the root): each
// package's sources are broken one small change at a time and the tests that cover the change run
// again; the score is the share of changes some test noticed. Writes docs/mutation.md: one row per
// package (the rows of packages not run this time are kept), the target and what did not meet it.
// Not part of `npm test`: a full run of one package takes 40 minutes to hours on two cores.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, main, run } from './run';

const USAGE = 'usage: npm run mutation [-- <package> ...]   (packages: core, provider, consumer, s3-access; default all)';
const PACKAGES = ['core', 'provider', 'consumer', 's3-access'] as const;
/** The score every library must reach (issue: tests that catch what they claim). */
export const TARGET_SCORE = 85;
const REPORT = path.join(REPO_ROOT, 'docs', 'mutation.md');

/** One package's result, as the docs table shows it. */
export interface MutationRow {
  readonly pkg: string;
  readonly mutants: number;
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly ignored: number;
  readonly errors: number;
  /** Detected (killed + timeout) over valid mutants (detected + survived + no coverage), in percent. */
  readonly score: number;
  readonly minutes: number;
  readonly date: string;
}

interface StrykerReport {
  files: Record<string, { mutants: Array<{ status: string }> }>;
}

/** Counts a Stryker JSON report (mutation-testing-report-schema) the way Stryker scores it. */
export function summarizeReport(pkg: string, report: StrykerReport, minutes: number, date: string): MutationRow {
  const count: Record<string, number> = {};
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) count[mutant.status] = (count[mutant.status] ?? 0) + 1;
  }
  const of = (status: string) => count[status] ?? 0;
  const detected = of('Killed') + of('Timeout');
  const valid = detected + of('Survived') + of('NoCoverage');
  return {
    pkg,
    mutants: Object.values(count).reduce((a, b) => a + b, 0),
    killed: of('Killed'),
    timeout: of('Timeout'),
    survived: of('Survived'),
    noCoverage: of('NoCoverage'),
    ignored: of('Ignored'),
    errors: of('CompileError') + of('RuntimeError'),
    score: valid === 0 ? 100 : Math.floor((detected / valid) * 10000) / 100,
    minutes,
    date,
  };
}

const HEADER = '| package | score | mutants | killed | timeout | survived | no coverage | ignored (static) | errors | minutes | run on |';

/** The Markdown report, rows in package order. */
export function renderReport(rows: readonly MutationRow[]): string {
  const sorted = [...rows].sort((a, b) => PACKAGES.indexOf(a.pkg as never) - PACKAGES.indexOf(b.pkg as never));
  const below = sorted.filter((row) => row.score < TARGET_SCORE);
  return [
    '# Mutation testing',
    '',
    `\`npm run mutation\` (StrykerJS, [stryker.config.cjs](../stryker.config.cjs)) breaks each library's sources one small`,
    'change at a time (a `>` for a `>=`, a dropped check, an emptied string) and reruns the unit tests that cover',
    'the change. The score is the share of such changes that some test noticed (errors, such as a change that makes',
    'a test file fail to load, count neither way). Tests that run Terraform are left out of the runs. Module-level',
    'code of the sources (catalogue tables, patterns) is ignored as static, since each such change would rerun',
    'every test; code a test file runs outside its tests (a stack synthesized once for several tests) counts for',
    "each of that file's tests ([scripts/mutation](../scripts/mutation)). Runs are incremental: a second run",
    "retests only the changes whose code or covering tests changed, and its minutes are that run's.",
    'Target: at least ' + `${TARGET_SCORE}% per library.`,
    '',
    HEADER,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...sorted.map((r) => `| ${r.pkg} | ${r.score.toFixed(2)}% | ${r.mutants} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${r.errors} | ${r.minutes.toFixed(1)} | ${r.date} |`),
    '',
    ...verdict(sorted, below),
    '',
    'Run one package with `npm run mutation -- core`; the surviving mutants are listed in',
    '`packages/<package>/reports/mutation/mutation.json` (open it with any mutation-testing-elements viewer).',
    '',
  ].join('\n');
}

/** Which libraries miss the target and which have no score yet; "every library" only when all four have one. */
function verdict(rows: readonly MutationRow[], below: readonly MutationRow[]): string[] {
  const missing = PACKAGES.filter((pkg) => !rows.some((row) => row.pkg === pkg));
  const lines = [];
  if (below.length > 0) lines.push(`Below the target: ${below.map((r) => `${r.pkg} (${r.score.toFixed(2)}%)`).join(', ')}.`);
  if (missing.length > 0) lines.push(`Not run yet: ${missing.join(', ')}.`);
  return lines.length > 0 ? lines : ['Every library meets the target.'];
}

/** The rows of the current report, to keep those of packages not run this time. */
export function readRows(markdown: string): MutationRow[] {
  return markdown
    .split('\n')
    .filter((line) => /^\| [a-z0-9-]+ \| [\d.]+% \|/.test(line))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
      const [pkg, score, mutants, killed, timeout, survived, noCoverage, ignored, errors, minutes, date] = cells;
      return { pkg, score: parseFloat(score), mutants: +mutants, killed: +killed, timeout: +timeout, survived: +survived, noCoverage: +noCoverage, ignored: +ignored, errors: +errors, minutes: +minutes, date };
    });
}

if (require.main === module) {
  main(() => {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
    if (values.help) return console.log(USAGE);
    const unknown = positionals.filter((p) => !(PACKAGES as readonly string[]).includes(p));
    if (unknown.length > 0) throw new Error(`unknown package ${unknown.join(', ')}\n${USAGE}`);
    const selected = positionals.length > 0 ? positionals : [...PACKAGES];
    const rows = new Map(fs.existsSync(REPORT) ? readRows(fs.readFileSync(REPORT, 'utf8')).map((row) => [row.pkg, row]) : []);
    for (const pkg of selected) {
      const dir = path.join(REPO_ROOT, 'packages', pkg);
      const started = Date.now();
      run('npx', ['stryker', 'run', path.join(REPO_ROOT, 'stryker.config.cjs')], { cwd: dir });
      const report = JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'mutation', 'mutation.json'), 'utf8')) as StrykerReport;
      const row = summarizeReport(pkg, report, (Date.now() - started) / 60000, new Date().toISOString().slice(0, 10));
      rows.set(pkg, row);
      fs.writeFileSync(REPORT, renderReport([...rows.values()]));
      console.log(`${pkg}: mutation score ${row.score.toFixed(2)}% (${row.survived} survived, ${row.noCoverage} without coverage)`);
    }
    console.log(`report: ${path.relative(process.cwd(), REPORT)}`);
  });
}
