import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      // ESM (package.json "type": "module"); out/main/index.js is package.json "main".
      rolldownOptions: { input: { index: resolve(root, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload is run as a classic script with a require() shim: one CommonJS file,
      // nothing external but `electron`.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react()],
    build: {
      // The lab server sends the page to browsers over the network: ship it minified.
      minify: true,
      rolldownOptions: {
        // ws-bridge.js is the lab server's stand-in for the preload (`push-doctor serve` loads it before
        // the app's module); the desktop app's index.html never loads it. A fixed name, so the server finds it.
        input: { index: resolve(root, 'renderer/index.html'), 'ws-bridge': resolve(root, 'renderer/ws-bridge.ts') },
        output: { entryFileNames: (chunk) => (chunk.name === 'ws-bridge' ? 'ws-bridge.js' : 'assets/[name]-[hash].js') },
      },
    },
  },
});
