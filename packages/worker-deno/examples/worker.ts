/**
 * A Deno worker process for the example flow:
 *   DATABASE_URL=postgres://... deno run -A packages/worker-deno/examples/worker.ts
 * Ctrl-C or SIGTERM stops it gracefully (in-flight tasks finish, its worker rows are marked
 * stopped). PGFLOW_FUNCTION_NAME, PGFLOW_MAX_CONCURRENT and PGFLOW_BATCH_SIZE tune it.
 */
import { ExampleSquares } from '../../../supabase/functions/_shared/example-flows.ts';
import { startWorker } from '../src/mod.ts';

const worker = await startWorker({ flows: [ExampleSquares] });
worker.events.on('worker:error', ({ error, during }) =>
  console.error(`worker error during ${during}:`, error),
);
worker.events.on('worker:stopped', ({ durationMs }) =>
  console.log(`stopped after ${durationMs} ms`),
);
console.log(`worker running: ${[...worker.workerIds.values()].join(', ')}`);
await worker.closed;
