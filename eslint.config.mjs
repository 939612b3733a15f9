// Lint for every workspace. The rule that matters most here: import AWS provider resources by
// deep path only; the package root loads 2,000+ files and makes compile, test and synth slow. It
// covers the provider binding of both frameworks (@cdktf/provider-aws and @cdktn/provider-aws).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import frameworks from './scripts/frameworks.cjs';

const deepImportsOnly = Object.values(frameworks.FRAMEWORKS).flatMap(({ providerAws }) =>
  [providerAws, `${providerAws}/lib`].map((name) => ({ name, message: `Import the resource by deep path, e.g. ${providerAws}/lib/vpc-endpoint.` })),
);

export default tseslint.config(
  // packages/*/cdktn/src holds the cdktn build's copies of the sources (scripts/build-cdktn.cjs).
  { ignores: ['**/dist/**', '**/cdktf.out/**', '**/node_modules/**', '**/coverage/**', '**/.turbo/**', 'packages/*/cdktn/**', '**/.stryker-tmp/**', '**/reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', process: 'readonly', console: 'readonly', performance: 'readonly' } },
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: deepImportsOnly },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
