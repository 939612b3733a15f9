import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pruneOrphanedOutputs } from '../src/libraries';
import { firstTypeScriptBlock } from '../src/readme-example';
import { danglingMapSources, unwantedFiles } from '../src/tarball';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rewriteSpecifiers, cdktfSpecifiers } = require('../../../scripts/build-cdktn.cjs') as {
  rewriteSpecifiers(text: string): { text: string; names: string[] };
  cdktfSpecifiers(text: string): string[];
};

// The checks the packaging test applies to real tarballs, shown to catch what they are for.
describe('unwantedFiles', () => {
  it('flags tests, snapshots, build caches and configs, and nothing a user needs', () => {
    const files = [
      'README.md',
      'package.json',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/index.js.map',
      'src/index.ts',
      'dist/latest-test-helpers.js',
      'test/endpoint.test.ts',
      'dist/endpoint.test.js',
      'src/__snapshots__/x.snap',
      'tsconfig.tsbuildinfo',
      'tsconfig.build.json',
      'jest.config.js',
    ];
    expect(unwantedFiles(files)).toEqual(['test/endpoint.test.ts', 'dist/endpoint.test.js', 'src/__snapshots__/x.snap', 'tsconfig.tsbuildinfo', 'tsconfig.build.json', 'jest.config.js']);
  });
});

describe('danglingMapSources', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'map-check-'));
    const write = (file: string, content: object) => {
      fs.mkdirSync(path.dirname(path.join(dir, 'package', file)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'package', file), JSON.stringify(content));
    };
    write('dist/a.js.map', { version: 3, sources: ['../src/a.ts'] });
    write('dist/b.js.map', { version: 3, sources: ['../src/b.ts'] });
    write('dist/nested/c.d.ts.map', { version: 3, sources: ['../../src/nested/c.ts'] });
    write('dist/d.js.map', { version: 3, sourceRoot: '../src/', sources: ['d.ts'] });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names each map whose sources are not in the tarball, resolving paths and sourceRoot', () => {
    const files = ['dist/a.js.map', 'dist/b.js.map', 'dist/nested/c.d.ts.map', 'dist/d.js.map', 'src/a.ts', 'src/nested/c.ts', 'src/d.ts'];
    expect(danglingMapSources({ library: 'core', framework: 'cdktf', file: '', files, unpackedDir: dir })).toEqual(['dist/b.js.map: ../src/b.ts']);
  });
});

describe('firstTypeScriptBlock', () => {
  it('takes the first ts or typescript block, skipping other languages', () => {
    const markdown = '# x\n\n```sh\nnpm i x\n```\n\n```ts\nconst a = 1;\n```\n\n```typescript\nconst b = 2;\n```\n';
    expect(firstTypeScriptBlock(markdown)).toBe('const a = 1;\n');
    expect(firstTypeScriptBlock('```typescript\nconst b = 2;\n```')).toBe('const b = 2;\n');
  });

  it('finds none in a README without one', () => {
    expect(firstTypeScriptBlock('# x\n\n```sh\nnpm i x\n```\n\n```json\n{}\n```\n')).toBeUndefined();
  });
});

describe('pruneOrphanedOutputs', () => {
  let dir: string;
  const touch = (file: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), '');
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prune-'));
    for (const file of ['src/kept.ts', 'src/nested/deep.ts', 'dist/kept.js', 'dist/kept.d.ts', 'dist/kept.js.map', 'dist/kept.d.ts.map', 'dist/nested/deep.js']) touch(file);
    for (const file of ['dist/gone.js', 'dist/gone.js.map', 'dist/gone.d.ts', 'dist/gone.d.ts.map', 'dist/nested/old.js']) touch(file);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('deletes build outputs whose source is gone and keeps the others', () => {
    expect(pruneOrphanedOutputs(dir).map((f) => path.relative(dir, f)).sort()).toEqual(
      ['dist/gone.d.ts', 'dist/gone.d.ts.map', 'dist/gone.js', 'dist/gone.js.map', 'dist/nested/old.js'].sort(),
    );
    for (const kept of ['dist/kept.js', 'dist/kept.d.ts', 'dist/kept.js.map', 'dist/kept.d.ts.map', 'dist/nested/deep.js']) expect(fs.existsSync(path.join(dir, kept))).toBe(true);
  });
});

describe('the CDK Terrain rewrite (scripts/build-cdktn.cjs)', () => {
  const compiled = [
    '"use strict";',
    'const cdktf_1 = require("cdktf");',
    'const vpc_endpoint_1 = require("@cdktf/provider-aws/lib/vpc-endpoint");',
    'const core_1 = require("@privatelink-cdktf/core");',
    "const HARNESS = require('@privatelink-cdktf/terraform-harness');",
    "const CONTEXT = Symbol.for('@privatelink-cdktf/core.AwsContext');",
    "const TAG = 'privatelink-cdktf'; // cdktf keeps its name in comments",
  ].join('\n');
  const declarations = "import { TerraformStack } from 'cdktf';\nexport * from '@privatelink-cdktf/consumer';\nexport declare const p: import('@cdktf/provider-aws/lib/provider').AwsProvider;\n";

  it('renames the module specifiers of the framework packages and the libraries, and nothing else', () => {
    const { text, names } = rewriteSpecifiers(compiled);
    expect(names).toEqual(['cdktf', '@cdktf/provider-aws/lib/vpc-endpoint', '@privatelink-cdktf/core']);
    expect(text.split('\n')).toEqual([
      '"use strict";',
      'const cdktf_1 = require("cdktn");',
      'const vpc_endpoint_1 = require("@cdktn/provider-aws/lib/vpc-endpoint");',
      'const core_1 = require("@privatelink-cdktn/core");',
      "const HARNESS = require('@privatelink-cdktf/terraform-harness');",
      "const CONTEXT = Symbol.for('@privatelink-cdktf/core.AwsContext');",
      "const TAG = 'privatelink-cdktf'; // cdktf keeps its name in comments",
    ]);
    // Every line keeps its length, so the source maps still point at the right columns.
    expect(text.split('\n').map((l) => l.length)).toEqual(compiled.split('\n').map((l) => l.length));
  });

  it('renames imports, re-exports and type imports in declarations, and finds none left after', () => {
    expect(cdktfSpecifiers(declarations)).toEqual(['cdktf', '@privatelink-cdktf/consumer', '@cdktf/provider-aws/lib/provider']);
    const { text } = rewriteSpecifiers(declarations);
    expect(text).toBe("import { TerraformStack } from 'cdktn';\nexport * from '@privatelink-cdktn/consumer';\nexport declare const p: import('@cdktn/provider-aws/lib/provider').AwsProvider;\n");
    expect(cdktfSpecifiers(text)).toEqual([]);
  });
});
