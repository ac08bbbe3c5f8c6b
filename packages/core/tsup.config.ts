import { defineConfig } from 'tsup';

const entries = {
  index: 'src/index.ts',
  'postgres-js': 'src/sql/postgres-js.ts',
  pglite: 'src/sql/pglite.ts',
  otel: 'src/telemetry/otel.ts',
};

// JavaScript: one build, so entries share chunks (one PgflowError class, not one per entry).
// Declarations: one build per entry, so each .d.ts is self-contained; a shared declaration
// chunk is imported as './chunk.js', which Deno cannot map to its .d.ts when it type-checks
// this workspace package through `npm:`. dist/ is emptied by the prebuild script, because
// parallel builds must not clean each other's output.
export default defineConfig([
  { entry: entries, format: ['esm'], target: 'es2022', sourcemap: true },
  ...Object.entries(entries).map(([name, path]) => ({
    entry: { [name]: path },
    format: ['esm' as const],
    dts: { only: true },
  })),
]);
