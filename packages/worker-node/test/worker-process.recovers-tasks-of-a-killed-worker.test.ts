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

interface LogRow {
  step_slug: string;
  task_index: number;
  event: string;
  pid: number;
  at_ms: number;
}

it('a second worker takes over the tasks of a SIGKILLed one once its lease runs out, each finished exactly once', async () => {
  // Lease: visibilityTimeout 2 s + 2 heartbeats of 1 s = 4 s without a heartbeat.
  const first = spawnWorker(db.url, {
    flows: ['crash_recovery'],
    functionName: 'crash-a',
    stalledCheckIntervalMs: 0,
    visibilityTimeout: 2,
    heartbeatIntervalMs: 1000,
  });
  await first.ready();
  const [run] = await db.client.query<{ run_id: string }>(
    `select run_id from pgflow.start_flow('crash_recovery', '{"items": [1, 2, 3]}'::jsonb)`,
  );
  const runId = run?.run_id as string;

  // Kill the first worker while its three 2 s map tasks run.
  await eventually('the three map tasks start', async () => {
    const rows = await db.client.query(
      "select 1 from test_handler_log where step_slug = 'slow' and event = 'start' and pid = $1::int",
      [first.pid],
    );
    return rows.length === 3;
  });
  first.child.kill('SIGKILL');
  expect(await first.waitForExit(10_000)).toEqual({ code: null, signal: 'SIGKILL' });

  // The second worker looks for orphaned tasks at each heartbeat; the stalled-task sweep (step
  // timeout 3 s + 30 s) is off, so only the lease can recover them.
  const second = spawnWorker(db.url, {
    flows: ['crash_recovery'],
    functionName: 'crash-b',
    stalledCheckIntervalMs: 0,
    heartbeatIntervalMs: 1000,
  });
  await second.ready();
  const finished = await eventually(
    'the run completes',
    async () => {
      const [row] = await db.client.query<{ status: string; output: unknown }>(
        "select status, output from pgflow.runs where run_id = $1::uuid and status <> 'started'",
        [runId],
      );
      return row;
    },
    75_000,
    250,
  );
  expect(finished, second.output()).toEqual({ status: 'completed', output: { finish: 12 } });

  const tasks = await db.client.query<{
    step_slug: string;
    task_index: number;
    status: string;
    attempts_count: number;
    requeued_count: number;
  }>(
    `select step_slug, task_index, status, attempts_count, requeued_count from pgflow.step_tasks
      where run_id = $1::uuid order by step_slug, task_index`,
    [runId],
  );
  expect(tasks).toEqual([
    {
      step_slug: 'finish',
      task_index: 0,
      status: 'completed',
      attempts_count: 1,
      requeued_count: 0,
    },
    {
      step_slug: 'prepare',
      task_index: 0,
      status: 'completed',
      attempts_count: 1,
      requeued_count: 0,
    },
    { step_slug: 'slow', task_index: 0, status: 'completed', attempts_count: 2, requeued_count: 1 },
    { step_slug: 'slow', task_index: 1, status: 'completed', attempts_count: 2, requeued_count: 1 },
    { step_slug: 'slow', task_index: 2, status: 'completed', attempts_count: 2, requeued_count: 1 },
  ]);

  // Each handler finished exactly once; the killed ones started in both processes, finished in the second.
  const log = await db.client.query<LogRow>(
    `select step_slug, task_index, event, pid, (extract(epoch from at) * 1000)::float8 as at_ms
       from test_handler_log where run_id = $1::uuid order by id`,
    [runId],
  );
  const events = (slug: string, index: number, event: string) =>
    log.filter((l) => l.step_slug === slug && l.task_index === index && l.event === event);
  expect(events('prepare', 0, 'done').map((l) => l.pid)).toEqual([first.pid]);
  expect(events('finish', 0, 'done').map((l) => l.pid)).toEqual([second.pid]);
  for (const index of [0, 1, 2]) {
    const starts = events('slow', index, 'start');
    expect(starts.map((l) => l.pid)).toEqual([first.pid, second.pid]);
    expect(events('slow', index, 'done').map((l) => l.pid)).toEqual([second.pid]);
    // Taken over once the lease ran out, long before the step timeout + 30 s of the stall path.
    const waitedMs = (starts[1] as LogRow).at_ms - (starts[0] as LogRow).at_ms;
    expect(waitedMs).toBeLessThan(20_000);
  }
});
