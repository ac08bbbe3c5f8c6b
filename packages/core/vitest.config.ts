import { configDefaults, defineProject } from 'vitest/config';

// scripts/test.sh runs the suite once per pgmq flavour (PGFLOW_TEST_PGMQ = compat | extension); a
// file named *.pgmq-<flavour>.test.ts needs that flavour and runs only in its pass.
const otherFlavour = { compat: 'extension', extension: 'compat' }[
  process.env.PGFLOW_TEST_PGMQ ?? ''
];

export default defineProject({
  test: {
    name: 'core',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      ...(otherFlavour ? [`test/**/*.pgmq-${otherFlavour}.test.ts`] : []),
    ],
    environment: 'node',
    // Each test file creates and drops its own database; installs take a few seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
