import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `electron` is aliased to a fake everywhere, so a forgotten mock can never reach for the real binary.
const electronFake = fileURLToPath(new URL('./test/fakes/electron.ts', import.meta.url));
const alias = { electron: electronFake };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['common/**/*.test.ts', 'main/**/*.test.ts', 'preload/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/sim/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
