import { readRows, renderReport, summarizeReport } from '../../../scripts/mutation';

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
