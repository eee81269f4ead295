// Lint rules that hold the project's shape. `npm run lint` (part of `npm test`) runs ESLint
// and Prettier's check; a layer broken by an import fails here with the layer's rule named.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
  ['Buffer', 'URL', 'console', 'process', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'].map((name) => [
    name,
    'readonly',
  ]),
);

/** One layer rule: the message names the rule so the fix is obvious from the lint output. */
function layer(name, banned) {
  return {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map(({ group, why }) => ({
          group,
          message: `Layer rule "${name}": ${why} (see README, "Architecture").`,
        })),
      },
    ],
  };
}

const electron = { group: ['electron', 'electron/*', '@electron/*'], why: 'no Electron here' };
const react = {
  group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-i18next', 'zustand', 'zustand/*'],
  why: 'no React or renderer state here',
};
const renderer = { group: ['**/renderer', '**/renderer/**'], why: 'the renderer is a layer above' };
const host = { group: ['**/host', '**/host/**'], why: 'the browser host is a layer above' };
const core = { group: ['**/core', '**/core/**'], why: 'the renderer reaches the core only through the API contract' };
const coreFromShared = { group: ['**/core', '**/core/**'], why: 'shared holds the contract; the core builds on it' };
const shellFromAbove = { group: ['**/electron/**', '**/main/**', '**/preload/**'], why: 'the shell is the top layer' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  // Type-aware rules where they pay: promises nobody awaits or that land in a callback that
  // ignores them are how a failed OBS request goes unseen.
  {
    files: ['src/**/*.{ts,tsx}', 'electron/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...layer('renderer', [core, host, electron, shellFromAbove]),
    },
  },
  { files: ['src/core/**/*.ts'], rules: layer('core', [electron, react, renderer, host, shellFromAbove]) },
  {
    files: ['src/shared/**/*.ts'],
    rules: layer('shared', [electron, react, renderer, host, coreFromShared, shellFromAbove]),
  },
  { files: ['src/host/**/*.ts'], rules: layer('host', [electron, react, renderer, shellFromAbove]) },
  // Plain Node scripts: TypeScript does not check these, so ESLint needs Node's globals.
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: nodeGlobals } },
  // Test doubles poke at untyped protocol data on purpose.
  { files: ['tests/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  prettier,
);
