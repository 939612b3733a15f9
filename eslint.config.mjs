// Lint for every workspace. The rule that matters most here: import AWS provider resources by
// deep path only; the package root loads 2,000+ files and makes compile, test and synth slow.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/cdktf.out/**', '**/node_modules/**', '**/coverage/**', '**/.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', __filename: 'readonly', process: 'readonly', console: 'readonly', performance: 'readonly' } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@cdktf/provider-aws', message: 'Import the resource by deep path, e.g. @cdktf/provider-aws/lib/vpc-endpoint.' },
            { name: '@cdktf/provider-aws/lib', message: 'Import the resource by deep path, e.g. @cdktf/provider-aws/lib/vpc-endpoint.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
