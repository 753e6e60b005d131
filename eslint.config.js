import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const root = `${import.meta.dirname}/`;

// Files that run only on a developer's or the CI's machine may import devDependencies; what
// ships (apps/*/src, packages/*/src) imports only dependencies (and peerDependencies).
// apps/*/electron is bundled by esbuild into electron-dist and packed without node_modules,
// and electron-builder requires electron itself to be a devDependency.
const devOnlyFiles = [
  '**/*.test.ts',
  '**/*.test.tsx',
  '**/e2e/**',
  '**/test-support/**',
  'scripts/**',
  'scripts/**/.*',
  'apps/*/scripts/**',
  'apps/*/electron/**',
  '**/vite.config.ts',
  '*.config.{js,ts}',
].map((glob) => `${root}${glob}`);

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
    // Honest packages: every workspace declares what it imports in its own package.json (the
    // nearest one; the root package.json is the package of scripts/ and the root configs), and
    // reaches another workspace only through its name and exports, never by a relative path.
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mjs', '.cjs', '.js', '.json', '.node'],
        }),
      ],
    },
    rules: {
      'import-x/no-extraneous-dependencies': [
        'error',
        { devDependencies: devOnlyFiles, includeInternal: true, includeTypes: true },
      ],
      'import-x/no-relative-packages': 'error',
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
