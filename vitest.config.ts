import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    mockReset: false,
    // The tests wait for conditions, never for a fixed time; on a busy 2-core machine (several
    // builds, an e2e run beside the unit run) a condition or a 10,000-run property can take
    // seconds longer than vitest's 5 s default: a slow run is not a failure.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
