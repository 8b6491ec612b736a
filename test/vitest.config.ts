import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const electronThrows = fileURLToPath(new URL('./support/electron-throws.ts', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));

// One config, three projects: fast unit tests, integration tests against real servers on loopback,
// and end-to-end tests in Debian's Chromium. `npm test` runs them all.
export default defineConfig({
  resolve: { alias: { electron: electronThrows } },
  test: {
    root,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          expect: { poll: { timeout: 20_000, interval: 100 } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          // A browser and the service share 2 cores with the rest of the run: a UI that follows a
          // change within a second on an idle machine may need several under load.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
