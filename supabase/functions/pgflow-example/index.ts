/**
 * Example Supabase Edge Function hosting a pgflow-ts worker for the example flow.
 *
 * Supabase: `supabase functions deploy pgflow-example`, then `select
 * pgflow.track_worker_function('pgflow-example')` once; `pgflow.ensure_workers()` keeps it alive.
 * Secrets: PGFLOW_AUTH_SECRET (else SUPABASE_SERVICE_ROLE_KEY) and EDGE_WORKER_DB_URL.
 *
 * Locally, the same file runs under `deno serve`:
 *   EDGE_WORKER_DB_URL=postgres://... PGFLOW_AUTH_SECRET=s deno serve -A --port 8000 \
 *     supabase/functions/pgflow-example/index.ts
 *   curl -X POST -H 'Authorization: Bearer s' http://127.0.0.1:8000/pgflow-example
 */
import { createEdgeWorker } from '@pgflow-ts/edge-function';
import { ExampleSquares } from '../_shared/example-flows.ts';

const edge = createEdgeWorker({ flows: [ExampleSquares] });

// Supabase's runtime serves through Deno.serve; `deno serve` uses the default export instead.
if ('EdgeRuntime' in globalThis) Deno.serve(edge.fetch);

export default { fetch: edge.fetch } satisfies Deno.ServeDefaultExport;
