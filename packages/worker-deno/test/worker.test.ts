import assert from 'node:assert/strict';
import { startFlowSync } from '@pgflow-ts/core';
import { Flow } from '@pgflow-ts/dsl';
import { ExampleSquares } from '../../../supabase/functions/_shared/example-flows.ts';
import { startWorker } from '../src/mod.ts';
import { collectLines, createMigratedDatabase, eventually } from './helpers.ts';

// postgres.js keeps sockets and timers that outlive a single test step.
const opts = { sanitizeOps: false, sanitizeResources: false };

const Words = new Flow<{ text: string }>({ slug: 'deno_words' })
  .array({ slug: 'split' }, (input) => input.text.split(' '))
  .map({ slug: 'upper', array: 'split' }, (word) => word.toUpperCase())
  .step({ slug: 'joined', dependsOn: ['upper'] }, (deps) => deps.upper.join('-'));

Deno.test(
  'worker-deno: runs flows with map steps end to end, and stop() marks its rows stopped',
  opts,
  async (t) => {
    const db = await createMigratedDatabase();
    try {
      const worker = await startWorker({
        connection: db.url,
        flows: [Words, ExampleSquares],
        functionName: 'deno-test-worker',
        handleSignals: false,
        stalledCheckIntervalMs: 0,
      });
      try {
        await t.step('maps over a dependency output', async () => {
          const run = await startFlowSync(db.client, Words, { text: 'a b c' }, { timeout: 20 });
          assert.equal(run.status, 'completed');
          assert.deepEqual(run.output, { joined: 'A-B-C' });
        });

        await t.step('maps over a root array and keeps the order', async () => {
          const input = Array.from({ length: 50 }, (_, i) => i);
          const run = await startFlowSync(db.client, ExampleSquares, input, { timeout: 30 });
          assert.equal(run.status, 'completed');
          assert.deepEqual(run.output, { total: input.reduce((s, n) => s + n * n, 0) });
          const [row] = await db.client.query<{ n: number; once: boolean }>(
            `select count(*)::int as n, bool_and(attempts_count = 1 and status = 'completed') as once
             from pgflow.step_tasks where run_id = $1::uuid`,
            [run.run_id],
          );
          assert.deepEqual(row, { n: 51, once: true });
        });

        await t.step('the worker rows name the function and are alive', async () => {
          const rows = await db.client.query<{
            queue_name: string;
            function_name: string;
            stopped_at: unknown;
          }>(
            'select queue_name, function_name, stopped_at from pgflow.workers order by queue_name',
          );
          assert.deepEqual(rows, [
            { queue_name: 'deno_words', function_name: 'deno-test-worker', stopped_at: null },
            { queue_name: 'example_squares', function_name: 'deno-test-worker', stopped_at: null },
          ]);
        });
      } finally {
        await worker.stop();
        await worker.closed;
      }

      assert.equal(worker.state, 'stopped');
      const ids = [...worker.workerIds.values()];
      const [row] = await db.client.query<{ stopped: number }>(
        'select count(*)::int as stopped from pgflow.workers where worker_id = any ($1::uuid[]) and stopped_at is not null',
        [ids],
      );
      assert.equal(row?.stopped, 2);
    } finally {
      await db.dispose();
    }
  },
);

Deno.test('worker-deno: refuses to start without a connection, naming the variables to set', async () => {
  await assert.rejects(
    () => startWorker({ flows: [Words], env: {}, handleSignals: false }),
    /PGFLOW_DATABASE_URL or DATABASE_URL/,
  );
});

Deno.test(
  'worker-deno: SIGTERM stops a worker process gracefully and marks its row stopped',
  opts,
  async () => {
    const db = await createMigratedDatabase();
    const example = new URL('../examples/worker.ts', import.meta.url).pathname;
    const child = new Deno.Command(Deno.execPath(), {
      args: ['run', '-A', example],
      env: { DATABASE_URL: db.url, PGFLOW_FUNCTION_NAME: 'deno-sigterm-worker', NO_COLOR: '1' },
      stdout: 'piped',
      stderr: 'piped',
    }).spawn();
    const out: string[] = [];
    const reading = Promise.all([collectLines(child.stdout, out), collectLines(child.stderr, out)]);
    try {
      await eventually(() => out.some((l) => l.startsWith('worker running')), 30_000);
      const run = await startFlowSync(db.client, ExampleSquares, [1, 2, 3], { timeout: 20 });
      assert.deepEqual(run.output, { total: 14 });

      child.kill('SIGTERM');
      const status = await child.status;
      await reading;
      assert.equal(status.code, 0, `exit ${status.code}, output:\n${out.join('\n')}`);
      assert.ok(
        out.some((l) => l.startsWith('stopped after')),
        out.join('\n'),
      );
      const rows = await db.client.query<{ function_name: string; stopped: boolean }>(
        'select function_name, stopped_at is not null as stopped from pgflow.workers',
      );
      assert.deepEqual(rows, [{ function_name: 'deno-sigterm-worker', stopped: true }]);
    } finally {
      try {
        child.kill('SIGKILL');
      } catch {
        // already exited
      }
      await db.dispose();
    }
  },
);
