import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkerTestDatabase, eventually, type WorkerTestDatabase } from './helpers/database';
import { killAll, spawnWorker } from './helpers/worker-process';

let db: WorkerTestDatabase;

beforeAll(async () => {
  db = await createWorkerTestDatabase();
});
afterAll(async () => {
  await killAll();
  await db?.dispose();
});

it('on SIGTERM stops claiming, lets in-flight tasks finish, marks itself stopped and exits 0', async () => {
  const worker = spawnWorker(db.url, {
    flows: ['linger'],
    functionName: 'sigterm-worker',
    maxConcurrent: 3,
  });
  await worker.ready();

  // Five 3 s tasks for three slots: three run, two wait in the queue.
  const runs = await db.client.query<{ run_id: string }>(
    `select (pgflow.start_flow('linger', jsonb_build_object('ms', 3000))).run_id from generate_series(1, 5)`,
  );
  expect(runs).toHaveLength(5);
  const startedRuns = async () => {
    const rows = await db.client.query<{ run_id: string }>(
      "select run_id from test_handler_log where event = 'start' order by run_id",
    );
    return rows.map((r) => r.run_id);
  };
  const inFlight = await eventually('three tasks running', async () => {
    const runIds = await startedRuns();
    return runIds.length >= 3 ? runIds : undefined;
  });

  const signalledAt = Date.now();
  worker.child.kill('SIGTERM');
  const exit = await worker.waitForExit(30_000);
  expect(exit, worker.output()).toEqual({ code: 0, signal: null });
  expect(worker.output()).toContain('"event":"closed"');
  // It waited for the handlers (about 3 s each) instead of dropping them.
  expect(Date.now() - signalledAt).toBeGreaterThan(1500);

  const tasks = await db.client.query<{
    run_id: string;
    run_status: string;
    status: string;
    attempts_count: number;
  }>(
    `select t.run_id, r.status as run_status, t.status, t.attempts_count
       from pgflow.step_tasks t join pgflow.runs r using (run_id) order by t.run_id`,
  );
  const finished = tasks.filter((t) => inFlight.includes(t.run_id));
  const waiting = tasks.filter((t) => !inFlight.includes(t.run_id));
  expect(finished).toEqual(
    inFlight.map((run_id) => ({
      run_id,
      run_status: 'completed',
      status: 'completed',
      attempts_count: 1,
    })),
  );
  // Nothing was claimed after the signal.
  expect(await startedRuns()).toEqual(inFlight);
  expect(waiting).toHaveLength(5 - inFlight.length);
  for (const task of waiting)
    expect(task).toMatchObject({ run_status: 'started', status: 'queued', attempts_count: 0 });

  const done = await db.client.query<{ run_id: string; n: number }>(
    "select run_id, count(*)::int as n from test_handler_log where event = 'done' group by run_id order by run_id",
  );
  expect(done).toEqual(inFlight.map((run_id) => ({ run_id, n: 1 })));

  const rows = await db.client.query<{ stopped_at: string | null }>(
    "select stopped_at from pgflow.workers where function_name = 'sigterm-worker'",
  );
  expect(rows).toHaveLength(1);
  expect(rows[0]?.stopped_at).not.toBeNull();
});
