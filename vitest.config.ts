import { defineConfig } from 'vitest/config';

// One vitest run for every Node package. The Deno packages (worker-deno, edge-function) are
// tested by `deno task test` instead: their *.test.ts files use Deno.test.
export default defineConfig({
  test: {
    projects: ['packages/*', '!packages/worker-deno', '!packages/edge-function'],
    passWithNoTests: true,
  },
});
