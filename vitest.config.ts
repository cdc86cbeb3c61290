import { defineConfig } from 'vitest/config';

// Unit tests only: Playwright specs live in tests/e2e and are run by `playwright test`.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/setup/gazetteer.ts'],
    // Generous: a test must not fail because the machine is slow (2 shared cores, software WebGL).
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
