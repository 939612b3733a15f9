import * as fs from 'node:fs';
import * as path from 'node:path';
import { PARTS, mutateGlobs, packageResult, readRows, renderReport, reportDir, summarizeReport } from '../../../scripts/mutation';

const mutants = (status: string, n: number) => Array.from({ length: n }, () => ({ status }));

describe('npm run mutation report', () => {
  const report = { files: { 'src/a.ts': { mutants: [...mutants('Killed', 80), ...mutants('Timeout', 5), ...mutants('Survived', 10), ...mutants('NoCoverage', 5)] }, 'src/b.ts': { mutants: [...mutants('Ignored', 7), ...mutants('CompileError', 2)] } } };

  it('scores detected over valid mutants, as Stryker does (ignored and errored ones do not count)', () => {
    const row = summarizeReport('core', report, 12.5, '2026-12-02');
    expect(row).toMatchObject({ pkg: 'core', mutants: 109, killed: 80, timeout: 5, survived: 10, noCoverage: 5, ignored: 7, errors: 2, score: 85 });
  });

  it('names the packages below the target and keeps rows it reads back', () => {
    const good = summarizeReport('core', report, 1, '2026-12-02');
    const weak = summarizeReport('provider', { files: { 'src/x.ts': { mutants: [...mutants('Killed', 1), ...mutants('Survived', 1)] } } }, 2, '2026-12-01');
    const markdown = renderReport([weak, good]);
    expect(markdown).toContain(`Below the target: provider (50.00%)`);
    expect(markdown.indexOf('| core |')).toBeLessThan(markdown.indexOf('| provider |'));
    expect(readRows(markdown)).toEqual([good, weak].map((row) => ({ ...row, minutes: Number(row.minutes.toFixed(1)) })));
    expect(markdown).toContain('Not run yet: consumer, s3-access.');
    expect(renderReport([good])).not.toContain('Every library meets the target.');
    const all = renderReport(['core', 'provider', 'consumer', 's3-access'].map((pkg) => ({ ...good, pkg })));
    expect(all).toContain('Every library meets the target.');
    expect(all).not.toContain('Not run yet');
  });
});

describe('npm run mutation in parts', () => {
  const part = (status: string, n: number, file: string) => ({ report: { files: { [file]: { mutants: mutants(status, n) } } }, minutes: n, date: `2026-12-0${n % 9}` });

  it('gives every source of a package to exactly one part', () => {
    for (const [pkg, parts] of Object.entries(PARTS)) {
      const src = path.join(__dirname, '..', '..', '..', 'packages', pkg, 'src');
      const sources = (fs.readdirSync(src, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && path.basename(file) !== 'index.ts');
      for (const file of sources) {
        const folder = path.dirname(file) === '.' ? '' : file.split(path.sep)[0];
        const owners = parts.filter((p) => p.folders === undefined || p.folders.includes(folder)).map((p) => p.name);
        expect({ pkg, file, owners }).toEqual({ pkg, file, owners: [expect.any(String)] });
      }
    }
  });

  it('mutates each part by its folders, keeps whole packages where their reports always were, and never mutates index files', () => {
    const [aws, , constructs] = PARTS.core;
    expect(mutateGlobs(aws)).toEqual(['src/aws/**/*.ts', '!src/**/index.ts']);
    expect(mutateGlobs(constructs)).toEqual(['src/*.ts', '!src/**/index.ts']);
    expect(mutateGlobs(PARTS.provider[0])).toEqual(['src/**/*.ts', '!src/**/index.ts']);
    expect(reportDir(aws)).toBe('reports/mutation/aws');
    expect(reportDir(PARTS.provider[0])).toBe('reports/mutation');
  });

  it('scores a package once every part has a result, summing their minutes', () => {
    const [aws, guardrails, constructs] = PARTS.core;
    const { row, partial } = packageResult('core', [
      [aws, part('Killed', 6, 'src/aws/arn.ts')],
      [guardrails, part('Survived', 2, 'src/guardrails/pack.ts')],
      [constructs, part('Killed', 2, 'src/tags.ts')],
    ]);
    expect(partial).toBeUndefined();
    expect(row).toMatchObject({ pkg: 'core', mutants: 10, killed: 8, survived: 2, score: 80, minutes: 10, date: '2026-12-06' });
  });

  it('lists the parts measured so far, and the ones still to run, until then', () => {
    const [aws, guardrails, constructs] = PARTS.core;
    const { row, partial } = packageResult('core', [
      [aws, part('Killed', 3, 'src/aws/arn.ts')],
      [guardrails, undefined],
      [constructs, undefined],
    ]);
    expect(row).toBeUndefined();
    expect(partial).toMatchObject({ pkg: 'core', toRun: ['guardrails', 'constructs'], measured: [{ pkg: 'core:aws', mutants: 3, score: 100 }] });
    const markdown = renderReport([], partial ? [partial] : []);
    expect(markdown).toContain('core so far, by part (guardrails, constructs still to run):');
    expect(markdown).toContain('- core:aws: 100.00% of 3 mutants (3 killed, 0 timed out, 0 survived, 0 without coverage; 3.0 minutes, 2026-12-03)');
    expect(markdown).toContain('No score yet, measured in part: core.');
    expect(markdown).toContain('Not run yet: provider, consumer, s3-access.');
    expect(readRows(markdown)).toEqual([]);
    expect(packageResult('core', [[aws, undefined], [guardrails, undefined], [constructs, undefined]])).toEqual({});
  });
});
