// npm run mutation [-- <package>[:<part>] ...]
//
// Mutation testing of the four libraries with StrykerJS (stryker.config.cjs at the root): each
// package's sources are broken one small change at a time and the tests that cover the change run
// again; the score is the share of changes some test noticed. Writes docs/mutation.md: one row per
// package (the rows of packages not run this time are kept), the target and what did not meet it.
// Not part of `npm test`: a full run of one package takes 40 minutes to hours on two cores. A package
// whose whole run takes too long to sit through (core: about two hours) is run in parts: each part keeps
// its own report and incremental file, and the package's row is written once every part has a result.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, main, run } from './run';

const USAGE = 'usage: npm run mutation [-- <package>[:<part>] ...]   (packages: core, provider, consumer, s3-access; default all; parts of core: aws, guardrails, constructs)';
const PACKAGES = ['core', 'provider', 'consumer', 's3-access'] as const;

/** A part of a package's sources, mutated and reported on its own. */
export interface MutationPart {
  readonly name: string;
  /** The folders under src/ it holds ('' for the files right in src/); all of src/ when absent. */
  readonly folders?: readonly string[];
}

/** One part holding all of src/, reported where a whole run always was (so earlier incremental results stay valid). */
const WHOLE: readonly MutationPart[] = [{ name: '' }];

/** How each package is run: core in three parts (aws took 35 minutes on two cores; constructs, the largest, holds 1.7 times its mutants), the others whole. */
export const PARTS: Readonly<Record<string, readonly MutationPart[]>> = {
  core: [
    { name: 'aws', folders: ['aws'] },
    { name: 'guardrails', folders: ['guardrails', 'testing'] },
    { name: 'constructs', folders: [''] },
  ],
  provider: WHOLE,
  consumer: WHOLE,
  's3-access': WHOLE,
};

/** Stryker's `mutate` globs of a part (index files only re-export, so they are never mutated). */
export function mutateGlobs(part: MutationPart): string[] {
  const globs = part.folders?.map((folder) => (folder === '' ? 'src/*.ts' : `src/${folder}/**/*.ts`)) ?? ['src/**/*.ts'];
  return [...globs, '!src/**/index.ts'];
}

/** Where a part's report and incremental file live, relative to its package. */
export function reportDir(part: MutationPart): string {
  return part.name === '' ? 'reports/mutation' : `reports/mutation/${part.name}`;
}
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

/** A package measured in part: the rows of the parts that have a result, and the parts still to run. */
export interface PartialRow {
  readonly pkg: string;
  readonly measured: readonly MutationRow[];
  readonly toRun: readonly string[];
}

/** The Markdown report, rows in package order; packages measured only in part are listed by part under the table. */
export function renderReport(rows: readonly MutationRow[], partials: readonly PartialRow[] = []): string {
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
    `Core runs in parts (${PARTS.core.map((part) => part.name).join(', ')}), each with its own report; its row sums them.`,
    'Target: at least ' + `${TARGET_SCORE}% per library.`,
    '',
    HEADER,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...sorted.map((r) => `| ${r.pkg} | ${r.score.toFixed(2)}% | ${r.mutants} | ${r.killed} | ${r.timeout} | ${r.survived} | ${r.noCoverage} | ${r.ignored} | ${r.errors} | ${r.minutes.toFixed(1)} | ${r.date} |`),
    '',
    ...partials.flatMap((partial) => [
      `${partial.pkg} so far, by part (${partial.toRun.join(', ')} still to run):`,
      '',
      ...partial.measured.map((r) => `- ${r.pkg}: ${r.score.toFixed(2)}% of ${r.mutants} mutants (${r.killed} killed, ${r.timeout} timed out, ${r.survived} survived, ${r.noCoverage} without coverage; ${r.minutes.toFixed(1)} minutes, ${r.date})`),
      '',
    ]),
    ...verdict(sorted, below, partials),
    '',
    'Run one package with `npm run mutation -- core`, one part with `npm run mutation -- core:aws`; the surviving',
    'mutants are listed in `packages/<package>/reports/mutation/mutation.json` (a part\'s in',
    '`reports/mutation/<part>/`; open it with any mutation-testing-elements viewer).',
    '',
  ].join('\n');
}

/** Which libraries miss the target and which have no score yet; "every library" only when all four have one. */
function verdict(rows: readonly MutationRow[], below: readonly MutationRow[], partials: readonly PartialRow[]): string[] {
  const scored = (pkg: string) => rows.some((row) => row.pkg === pkg);
  const inPart = PACKAGES.filter((pkg) => !scored(pkg) && partials.some((partial) => partial.pkg === pkg));
  const missing = PACKAGES.filter((pkg) => !scored(pkg) && !inPart.includes(pkg));
  const lines = [];
  if (below.length > 0) lines.push(`Below the target: ${below.map((r) => `${r.pkg} (${r.score.toFixed(2)}%)`).join(', ')}.`);
  if (inPart.length > 0) lines.push(`No score yet, measured in part: ${inPart.join(', ')}.`);
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

/** A part's result on disk: its report and how long its last run took. */
interface PartResult {
  readonly report: StrykerReport;
  readonly minutes: number;
  readonly date: string;
}

function readPart(pkg: string, part: MutationPart): PartResult | undefined {
  const dir = path.join(REPO_ROOT, 'packages', pkg, reportDir(part));
  const reportFile = path.join(dir, 'mutation.json');
  const runFile = path.join(dir, 'run.json');
  if (!fs.existsSync(reportFile) || !fs.existsSync(runFile)) return undefined;
  const run = JSON.parse(fs.readFileSync(runFile, 'utf8')) as { minutes: number; date: string };
  return { report: JSON.parse(fs.readFileSync(reportFile, 'utf8')) as StrykerReport, ...run };
}

function runPart(pkg: string, part: MutationPart): void {
  const dir = path.join(REPO_ROOT, 'packages', pkg);
  const started = Date.now();
  console.log(`mutation: ${pkg}${part.name ? `, part ${part.name}` : ''}`);
  const env = { ...process.env, MUTATION_MUTATE: mutateGlobs(part).join(','), MUTATION_REPORT_DIR: reportDir(part) };
  run('npx', ['stryker', 'run', path.join(REPO_ROOT, 'stryker.config.cjs')], { cwd: dir, env });
  const result = { minutes: (Date.now() - started) / 60000, date: new Date().toISOString().slice(0, 10) };
  fs.writeFileSync(path.join(dir, reportDir(part), 'run.json'), `${JSON.stringify(result)}\n`);
}

/** A package's row from the results of all its parts (minutes summed, the latest date), or its parts' rows while some have none. */
export function packageResult(pkg: string, parts: ReadonlyArray<readonly [MutationPart, PartResult | undefined]>): { row?: MutationRow; partial?: PartialRow } {
  const done = parts.filter((entry): entry is [MutationPart, PartResult] => entry[1] !== undefined);
  if (done.length === parts.length) {
    const files = Object.assign({}, ...done.map(([, result]) => result.report.files)) as StrykerReport['files'];
    const minutes = done.reduce((sum, [, result]) => sum + result.minutes, 0);
    const date = done.map(([, result]) => result.date).sort().at(-1) ?? '';
    return { row: summarizeReport(pkg, { files }, minutes, date) };
  }
  if (done.length === 0) return {};
  return {
    partial: {
      pkg,
      measured: done.map(([part, result]) => summarizeReport(`${pkg}:${part.name}`, result.report, result.minutes, result.date)),
      toRun: parts.filter(([, result]) => result === undefined).map(([part]) => part.name),
    },
  };
}

if (require.main === module) {
  main(() => {
    const { values, positionals } = parseArgs({ allowPositionals: true, options: { help: { type: 'boolean', short: 'h', default: false } } });
    if (values.help) return console.log(USAGE);
    const targets = (positionals.length > 0 ? positionals : [...PACKAGES]).map((target) => {
      const [pkg, partName] = target.split(':');
      const parts = (PARTS[pkg] ?? []).filter((part) => partName === undefined || part.name === partName);
      if (parts.length === 0) throw new Error(`unknown package or part ${target}\n${USAGE}`);
      return { pkg, parts };
    });
    const rows = new Map(fs.existsSync(REPORT) ? readRows(fs.readFileSync(REPORT, 'utf8')).map((row) => [row.pkg, row]) : []);
    const measure = (pkg: string) => packageResult(pkg, PARTS[pkg].map((part) => [part, readPart(pkg, part)] as const));
    const measured = new Map<string, ReturnType<typeof packageResult>>();
    for (const { pkg, parts } of targets) {
      for (const part of parts) runPart(pkg, part);
      const result = measure(pkg);
      measured.set(pkg, result);
      if (result.row) {
        rows.set(pkg, result.row);
        console.log(`${pkg}: mutation score ${result.row.score.toFixed(2)}% (${result.row.survived} survived, ${result.row.noCoverage} without coverage)`);
      } else {
        console.log(`${pkg}: parts still to run for a score: ${result.partial?.toRun.join(', ')}`);
      }
    }
    // Packages measured only in part show their parts under the table until every part has a result.
    const partials = PACKAGES.filter((pkg) => !rows.has(pkg))
      .map((pkg) => (measured.get(pkg) ?? measure(pkg)).partial)
      .filter((partial): partial is PartialRow => partial !== undefined);
    fs.writeFileSync(REPORT, renderReport([...rows.values()], partials));
    console.log(`report: ${path.relative(process.cwd(), REPORT)}`);
  });
}
