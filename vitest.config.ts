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
    // The property tests (10,000 runs) take ~1 s alone and over 5 s (the default) on the shared
    // 2-core machine under load; a slow run is not a failure.
    testTimeout: 30_000,
  },
});
