import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Each library README opens with how to start a project that uses it; the versions and settings it
// names must stay those the library is built for and tested with.
const root = join(__dirname, '..', '..', '..');
const libraries = ['core', 'provider', 'consumer', 's3-access'];
const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };

describe.each(libraries)('packages/%s/README.md', (library) => {
  const readme = readFileSync(join(root, 'packages', library, 'README.md'), 'utf8');
  const manifest = JSON.parse(readFileSync(join(root, 'packages', library, 'package.json'), 'utf8')) as { name: string; peerDependencies: Record<string, string> };
  const start = readme.indexOf('## Getting started');
  const section = readme.slice(start, readme.indexOf('```ts'));
  const block = (language: string, index = 0) => [...section.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))][index]?.[1] ?? '';

  it('opens with Getting started, before the first example', () => {
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(0, start).includes('```')).toBe(false);
  });

  it('installs the library with exactly its peer dependency ranges', () => {
    const [install] = block('sh').split('\n').filter((line) => line.startsWith(`npm install ${manifest.name} `));
    expect(install).toBeDefined();
    for (const [peer, range] of Object.entries(manifest.peerDependencies)) {
      expect(install.includes(`${peer}@${range}`) || install.includes(`"${peer}@${range}"`)).toBe(true);
    }
  });

  it('gives a cdktf.json that runs main.ts with tsx, which it installs, and no generated providers', () => {
    const cdktf = JSON.parse(block('json', 0)) as Record<string, unknown>;
    expect(cdktf).toEqual({ language: 'typescript', app: 'npx tsx main.ts', output: 'cdktf.out', terraformProviders: [], terraformModules: [] });
    expect(block('sh')).toMatch(/npm install --save-dev .*\bcdktf-cli@\S+ .*\btsx@/);
  });

  it("gives a tsconfig.json with the repository's module, target and strictness", () => {
    const tsconfig = JSON.parse(block('json', 1)) as { compilerOptions: Record<string, unknown>; include: string[] };
    for (const option of ['target', 'module', 'moduleResolution', 'strict', 'esModuleInterop']) expect(tsconfig.compilerOptions[option]).toEqual(base.compilerOptions[option]);
    expect(tsconfig.include).toEqual(['main.ts']);
  });

  it('says how to work offline', () => {
    expect(section).toContain('CHECKPOINT_DISABLE=1');
  });
});
