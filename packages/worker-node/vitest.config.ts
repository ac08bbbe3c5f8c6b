import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineProject({
  resolve: {
    // Workspace packages from source, like the worker processes (test/fixtures/tsconfig.json),
    // so the tests never run against a stale or half-written dist/.
    alias: [
      {
        find: /^@pgflow-ts\/core\/postgres-js$/,
        replacement: source('../core/src/sql/postgres-js.ts'),
      },
      { find: /^@pgflow-ts\/core$/, replacement: source('../core/src/index.ts') },
      { find: /^@pgflow-ts\/dsl$/, replacement: source('../dsl/src/index.ts') },
      { find: /^@pgflow-ts\/worker-node$/, replacement: source('src/index.ts') },
    ],
  },
  test: {
    name: 'worker-node',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Each file creates its own database and starts real worker processes; crash recovery
    // alone waits out a 33 s stall window.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
