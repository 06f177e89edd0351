import { defineConfig } from 'vitest/config';

// End-to-end tests in Firefox ESR (tests/e2e/firefox): the built Firefox extension, driven over
// WebDriver BiDi. One file at a time (2 cores); each file keeps one browser for its flows.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // expect.poll waits for a condition; its 1 s default is too short on a busy 2-core machine.
    expect: { poll: { timeout: 15_000 } },
  },
});
