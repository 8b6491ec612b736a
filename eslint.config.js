// ESLint flat config. Besides the usual TypeScript and React rules, it guards the boundaries of
// ../shared/architecture.md: src-shared imports only zod; the renderer never imports the service,
// Node or electron values; only src-main/adapters/electron and the preload import electron values.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronValues = {
  name: 'electron',
  allowTypeImports: true,
  message:
    'Import electron values only in src-main/adapters/electron or the preload (type imports are fine).',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./|\\.\\./)',
              message: 'src-shared is pure: it may import only zod and its own modules.',
            },
            { regex: '^\\.\\./(\\.\\./)*src-', message: 'src-shared must not import the other parts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronValues],
          patterns: [
            {
              regex: 'src-server|src-main(?!/preload/.*\\.d$)',
              message: 'The renderer talks to the service over HTTP and to main through the bridge.',
            },
            { regex: '^node:', message: 'The renderer runs in a browser: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/adapters/electron/**', 'src-main/preload/**', 'src-main/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronValues],
          patterns: [
            { regex: 'src-(server|renderer)', message: 'main does not import the service or the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\./|\\.\\./)',
              message: 'The sandboxed preload may import only electron (and code that bundles into it).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The service does not run in Electron.' }],
          patterns: [{ regex: 'src-(main|renderer)', message: 'The service imports only src-shared.' }],
        },
      ],
    },
  },
);
