import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Purity is enforced here rather than by convention: code that must run in plain Node (probes,
 * diagnosis, reports, the CLI, the simulator) or in the page may not import Electron, and raw IPC
 * objects may be touched only by the one wrapper on each side (main/ipc/handle.ts, preload/index.ts).
 */

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use handle() from main/ipc/handle.ts (main) or the preload bridge (renderer); raw IPC is confined to those two files.',
};

const noElectron = {
  name: 'electron',
  message: 'This code must run without Electron (plain Node tests, the CLI, the browser page); take what you need as an argument.',
};

const electronFree = [
  'main/domain/**', 'main/probes/**', 'main/diagnosis/**', 'main/report/**', 'main/adb/**', 'main/audit/**',
  'main/capture/**', 'main/cli/**', 'test/sim/**', 'renderer/**',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: electronFree.map((dir) => `${dir}/*.{ts,tsx}`),
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['main/ipc/handle.ts', 'preload/index.ts', 'test/fakes/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
