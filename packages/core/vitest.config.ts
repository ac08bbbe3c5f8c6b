import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    // Each test file creates and drops its own database; installs take a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
