/**
 * The example flow served by supabase/functions/pgflow-example, by the Deno worker example
 * (packages/worker-deno/examples/worker.ts) and by the Node worker in the mixed-fleet test, so
 * that all three runtimes can serve one queue side by side.
 *
 * Input: an array of numbers. `square` runs one task per element; `total` sums the squares.
 * Each square task waits EXAMPLE_TASK_DELAY_MS (default 5 ms) to stand for real work.
 */
import { Flow } from '@pgflow-ts/dsl';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const ExampleSquares = new Flow<number[]>({ slug: 'example_squares' })
  .map({ slug: 'square' }, async (n, ctx) => {
    await delay(Number(ctx.env.EXAMPLE_TASK_DELAY_MS ?? 5));
    return n * n;
  })
  .step({ slug: 'total', dependsOn: ['square'] }, (deps) =>
    deps.square.reduce((sum, n) => sum + n, 0),
  );
