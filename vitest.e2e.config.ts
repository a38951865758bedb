import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium and Firefox, against the HTTPS fixture
// server on port 443. One file at a time: each launches real browsers and owns the port.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    retry: 0,
  },
});
