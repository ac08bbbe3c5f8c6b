import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineProject({
  resolve: {
    // The DSL from source, so the tests never run against a stale dist/.
    alias: [{ find: /^@pgflow-ts\/dsl$/, replacement: source('../dsl/src/index.ts') }],
  },
  test: {
    name: 'cli',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
