// Lint: typescript-eslint's recommended rules, plus the rules this project lives by.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'notebooks/.executed/', 'notebooks/reports/', 'bench/raw/', '.jupyter/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // No user string is ever compiled into code.
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', Buffer: 'readonly', SharedArrayBuffer: 'readonly', Atomics: 'readonly', URL: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Deno notebooks' helpers use the Deno global.
    files: ['notebooks/**/*.ts'],
    languageOptions: { globals: { Deno: 'readonly' } },
  },
);
