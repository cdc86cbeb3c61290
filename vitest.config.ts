import { availableParallelism } from 'node:os';
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
    // One worker per core (Vitest's default leaves one core idle: 1 worker on 2 cores), and the files of a
    // worker share their imports instead of loading the compiler, gazetteer and turf afresh for each
    // file: measured on 2 loaded cores, 463 s → 166 s wall for the same 837 tests. A test file must
    // therefore leave no state behind (restore its spies, close its servers, remove its temp dirs).
    maxWorkers: availableParallelism(),
    isolate: false,
  },
});
