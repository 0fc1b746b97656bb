import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers are enforced here rather than by convention (the compiler checks the globals each may use:
 * tsconfig.common/web/node.json):
 * - common/ is the bottom: pure TypeScript that main, preload and the renderer all import; it imports none of them.
 * - the renderer imports nothing from main/ (only common/ and its own files).
 * - probes and diagnosis meet only through common/domain: neither imports the other.
 * - adapters (main/adb) never import the app shell (main/app).
 * - the report stage renders findings; it never runs the diagnosis.
 * - code that must run in plain Node (probes, diagnosis, reports, the CLI, services, the simulator) or in the
 *   page may not import Electron, and raw IPC objects are touched only by the one wrapper on each side
 *   (main/ipc/electron-transport.ts, preload/index.ts).
 */

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC is confined to the Electron transport (main/ipc/electron-transport.ts) and the preload bridge (preload/index.ts); add a handler to the dispatch instead.',
};

const noElectron = {
  name: 'electron',
  message: 'This code must run without Electron (plain Node tests, the CLI, the browser page); take what you need as an argument.',
};

const electronFree = [
  'common/**', 'main/probes/**', 'main/diagnosis/**', 'main/report/**', 'main/adb/**', 'main/audit/**',
  'main/capture/**', 'main/cli/**', 'main/apk/**', 'main/push/**', 'main/history/**', 'main/services/**', 'main/log/**', 'main/util/**',
  'main/lab-server/**', 'main/fixes/**', 'test/sim/**', 'renderer/**',
  // The dispatch and its handlers are transport-free (a WebSocket serves them too); only electron-transport.ts, below, may.
  'main/ipc/**',
];

/** Import patterns each folder may not use, with why. */
const layerBans = [
  {
    files: ['common/**'],
    patterns: [
      { group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'common/ is the bottom layer: main, preload and the renderer import it, never the other way.' },
      { group: ['node:*'], message: 'common/ is pure TypeScript: no Node (the renderer imports it too).' },
    ],
  },
  {
    files: ['renderer/**'],
    patterns: [
      { group: ['**/main/**'], message: 'The renderer imports nothing from main/: shared types and catalogs live in common/.' },
      { group: ['node:*'], message: 'The renderer is a sandboxed page: no Node.' },
    ],
  },
  {
    files: ['main/probes/**'],
    patterns: [{ group: ['**/diagnosis/**', '**/diagnosis'], message: 'Probes read facts; conclusions belong to diagnosis. They meet only through common/domain.' }],
  },
  {
    files: ['main/diagnosis/**'],
    patterns: [{ group: ['**/probes/**', '**/probes'], message: 'Diagnosis reads the fact sheet (common/domain), not the probes that built it.' }],
  },
  {
    files: ['main/adb/**'],
    patterns: [{ group: ['**/app/**'], message: 'The device port is an adapter: it never imports the app shell (main/app); take what it needs as an argument.' }],
  },
  {
    files: ['main/report/**'],
    patterns: [{ group: ['**/diagnosis/diagnose*', '**/audit/**'], message: 'The report stage renders findings it is given; it never runs the diagnosis.' }],
  },
];

/** One no-restricted-imports entry per file, since a later flat-config block replaces the rule's options whole. */
function restrictedImports(file) {
  const paths = [electronFree.some((g) => matches(g, file)) ? noElectron : rawIpc];
  const patterns = layerBans.filter((b) => b.files.some((g) => matches(g, file))).flatMap((b) => b.patterns);
  return ['error', { paths, patterns }];
}

function matches(glob, folder) {
  return folder.startsWith(glob.replace(/\*\*$/, ''));
}

/** Every folder that has its own combination of bans, as a block of the flat config. */
const folders = [...new Set([...electronFree, ...layerBans.flatMap((b) => b.files)])];

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
  ...folders.map((folder) => ({
    files: [`${folder}/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': restrictedImports(folder) },
  })),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests of a pure folder may read fixtures from disk and reach across layers to set up their cases.
    files: ['common/**/*.test.ts', 'main/probes/**/*.test.ts', 'main/diagnosis/**/*.test.ts', 'main/report/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['main/ipc/electron-transport.ts', 'preload/index.ts', 'test/fakes/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
