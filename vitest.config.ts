import { defineConfig } from 'vitest/config';

// Unit tests only: Playwright specs live in tests/e2e and are run by `playwright test`.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
