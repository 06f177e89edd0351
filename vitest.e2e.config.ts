import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium with the built extension. One file at a time (2 cores).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    // Firefox's suite has its own config (vitest.firefox.config.ts) and build.
    exclude: ['tests/e2e/firefox/**'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a condition; its 1 s default is too short on a busy 2-core machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
