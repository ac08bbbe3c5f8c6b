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

interface Sample {
  status: string;
  attempts_count: number;
  read_ct: number | null;
  heartbeat: number;
}

it('does not redeliver a task running 3x its visibilityTimeout, and keeps heartbeating meanwhile', async () => {
  // Two workers on the queue; a read hides a message for 2 s only, but the task runs 6.5 s.
  const options = {
    flows: ['linger'],
    visibilityTimeout: 2,
    heartbeatIntervalMs: 1000,
    minPollIntervalMs: 50,
    maxPollIntervalMs: 200,
  };
  const workers = [
    spawnWorker(db.url, { ...options, functionName: 'long-a' }),
    spawnWorker(db.url, { ...options, functionName: 'long-b' }),
  ];
  await Promise.all(workers.map((w) => w.ready()));

  const [run] = await db.client.query<{ run_id: string }>(
    `select run_id from pgflow.start_flow('linger', '{"ms": 6500}'::jsonb)`,
  );
  const runId = run?.run_id as string;
  const [claim] = await eventually('the task starts', () =>
    db.client
      .query<{ worker_id: string; message_id: number }>(
        `select t.last_worker_id as worker_id, t.message_id from pgflow.step_tasks t
        where t.run_id = $1::uuid and t.status = 'started'`,
        [runId],
      )
      .then((rows) => (rows.length > 0 ? rows : undefined)),
  );
  const started = Date.now();

  // Sample the task, its message and its worker's heartbeat until the run ends.
  const samples: Sample[] = [];
  for (;;) {
    const [sample] = await db.client.query<Sample>(
      `select t.status, t.attempts_count, q.read_ct, extract(epoch from w.last_heartbeat_at)::float8 as heartbeat
         from pgflow.step_tasks t
         join pgflow.workers w on w.worker_id = $2::uuid
         left join pgmq.q_linger q on q.msg_id = t.message_id
        where t.run_id = $1::uuid`,
      [runId, claim?.worker_id],
    );
    if (sample?.status !== 'started') break;
    samples.push(sample);
    if (Date.now() - started > 30_000) throw new Error('the task did not finish within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(Date.now() - started).toBeGreaterThan(5000);

  // While it ran: one delivery, one attempt, and the heartbeat kept advancing.
  expect(samples.length).toBeGreaterThanOrEqual(10);
  for (const sample of samples) expect(sample).toMatchObject({ attempts_count: 1, read_ct: 1 });
  const beats = [...new Set(samples.map((s) => s.heartbeat))];
  expect(beats.length).toBeGreaterThanOrEqual(4);
  expect([...beats].sort((a, b) => a - b)).toEqual(beats);
  // Beats (every ~1 s) span most of the 6.5 s task, not just its start.
  expect((beats.at(-1) as number) - (beats[0] as number)).toBeGreaterThan(3);

  const [after] = await db.client.query<{
    run_status: string;
    status: string;
    attempts_count: number;
    read_ct: number;
  }>(
    `select r.status as run_status, t.status, t.attempts_count, a.read_ct
       from pgflow.step_tasks t join pgflow.runs r using (run_id)
       join pgmq.a_linger a on a.msg_id = t.message_id
      where t.run_id = $1::uuid`,
    [runId],
  );
  expect(after).toEqual({
    run_status: 'completed',
    status: 'completed',
    attempts_count: 1,
    read_ct: 1,
  });
  // Only one process ever ran the handler.
  const log = await db.client.query<{ event: string; pid: number }>(
    'select event, pid from test_handler_log where run_id = $1::uuid order by id',
    [runId],
  );
  expect(log.map((l) => l.event)).toEqual(['start', 'done']);
  expect(new Set(log.map((l) => l.pid)).size).toBe(1);
  expect(workers.map((w) => w.pid)).toContain(log[0]?.pid);
});
