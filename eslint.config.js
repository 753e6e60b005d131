import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layer boundaries from STYLE.md: shared imports no app, renderers import neither electron
// nor node built-ins, the domain imports neither storage nor transport.
export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/electron-dist/**',
      '**/release/**',
      '.tsbuild/**',
      'data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['packages/shared/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@onestop/hall-server', '**/apps/**', 'node:*'] },
      ],
    },
  },
  {
    files: ['apps/hall-server/src/domain/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/store/**', '**/transport/**', 'better-sqlite3', 'socket.io', 'node:*'] },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The domain takes now as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain takes now as an argument.',
        },
      ],
    },
  },
  {
    // Renderers run in a plain browser (and in Electron's sandbox): no Node, no Electron.
    files: ['apps/kiosk/src/**', 'apps/counter/src/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'electron',
            'node:*',
            '**/electron/**',
            '@onestop/desktop-shell*',
            '**/desktop-shell/**',
          ],
        },
      ],
    },
  },
);
