import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layer rules of the architecture (see docs/architecture.md): shared is pure, only the
// db layer touches Dexie, electron and renderer never import each other.
const dexie = { group: ['dexie', 'dexie-*'], message: 'Only renderer/src/db/** may use Dexie.' };
const electronMods = {
  group: ['electron', 'electron/*'],
  message: 'Electron APIs live in electron/ only.',
};
const nodeMods = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net'],
  message: 'No Node built-ins here.',
};
const react = {
  group: ['react', 'react-*', 'react/*', '@tanstack/*'],
  message: 'No UI libraries here.',
};
const toRenderer = { group: ['**/renderer/**'], message: 'Do not import the renderer from here.' };
const toFeatures = {
  group: ['**/features/**'],
  message: 'Components are shared building blocks: the app passes features in (props, slots).',
};
const toElectron = {
  group: ['**/electron/**', '../electron/*'],
  message: 'Do not import electron/ from here.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [dexie, electronMods, nodeMods, react, toRenderer, toElectron] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/db/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [dexie, electronMods, nodeMods, toElectron] }],
    },
  },
  {
    files: ['renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [dexie, electronMods, nodeMods, toElectron, toFeatures] },
      ],
    },
  },
  {
    files: ['renderer/src/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronMods, nodeMods, toElectron] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dexie, react, toRenderer] }] },
  },
  {
    // The preload exposes named functions only, never ipcRenderer itself.
    files: ['electron/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='exposeInMainWorld'] > Identifier[name='ipcRenderer']",
          message: 'Never expose ipcRenderer.',
        },
        {
          selector: "Property > Identifier.value[name='ipcRenderer']",
          message: 'Never expose ipcRenderer.',
        },
        {
          selector: "SpreadElement > Identifier[name='ipcRenderer']",
          message: 'Never expose ipcRenderer.',
        },
      ],
    },
  },
);
