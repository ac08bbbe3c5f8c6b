import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'dsl',
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // roundtrip.db.test.ts creates a database and applies every migration with psql.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Type tests (*.test-d.ts) run through tsc on every `vitest run`, so a broken inference fails.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
