/**
 * A flow run end to end with no database server: PGlite (PostgreSQL in-process) holds the
 * pgflow schema, a worker runs the handlers, and startFlowSync waits for the result.
 *
 *   npx tsx packages/worker-node/examples/quickstart.ts
 *
 * Swap `createPgliteClient()` for `createPostgresJsClient(process.env.DATABASE_URL)` to use a
 * real server; nothing else changes.
 */
import { createPgflow, createWorker, install } from '@pgflow-ts/core';
import { createPgliteClient } from '@pgflow-ts/core/pglite';
import { Flow } from '@pgflow-ts/dsl';

const WordStats = new Flow<{ text: string }>({ slug: 'word_stats' })
  .array({ slug: 'words' }, (input) => input.text.split(/\s+/).filter(Boolean))
  .map({ slug: 'lengths', array: 'words' }, (word) => word.length)
  .step({ slug: 'summary', dependsOn: ['words', 'lengths'] }, (deps) => ({
    words: deps.words.length,
    longest: deps.words[deps.lengths.indexOf(Math.max(...deps.lengths))] ?? null,
  }));

const sql = createPgliteClient(); // in memory; pass a directory to keep the data
await install(sql);
const worker = createWorker({ sql, flows: [WordStats] });
await worker.start();

const run = await createPgflow(sql).startFlowSync(WordStats, {
  text: 'durable workflows in postgres',
});
console.log(run.status, JSON.stringify(run.output));

await worker.stop();
await sql.end();
