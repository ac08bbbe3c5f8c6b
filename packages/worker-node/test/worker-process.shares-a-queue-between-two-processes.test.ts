import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkerTestDatabase, eventually, type WorkerTestDatabase } from './helpers/database';
import { killAll, spawnWorker } from './helpers/worker-process';

const RUNS = 2000;
let db: WorkerTestDatabase;

beforeAll(async () => {
  db = await createWorkerTestDatabase();
});
afterAll(async () => {
  await killAll();
  await db?.dispose();
});

it(`two worker processes on one queue complete ${RUNS} runs, running each task once`, {
  timeout: 180_000,
}, async () => {
  const workers = ['share-a', 'share-b'].map((functionName) =>
    spawnWorker(db.url, { flows: ['two_steps'], functionName, maxConcurrent: 10, batchSize: 10 }),
  );
  await Promise.all(workers.map((w) => w.ready()));

  const started = Date.now();
  await db.client.query(
    `select pgflow.start_flow('two_steps', jsonb_build_object('n', i)) from generate_series(1, ${RUNS}) as i`,
  );
  await eventually(
    `all ${RUNS} runs end`,
    async () => {
      const [row] = await db.client.query<{ open: number }>(
        "select count(*)::int as open from pgflow.runs where status = 'started'",
      );
      return row?.open === 0;
    },
    // About 10-40 s on two shared cores; the margin is for a loaded machine.
    110_000,
    250,
  );
  const elapsedMs = Date.now() - started;

  const [runs] = await db.client.query<{ completed: number; wrong: number }>(
    `select count(*) filter (where status = 'completed')::int as completed,
            count(*) filter (where output is distinct from jsonb_build_object('two', ((input->>'n')::int + 1) * 2))::int as wrong
       from pgflow.runs`,
  );
  expect(runs).toEqual({ completed: RUNS, wrong: 0 });

  const [tasks] = await db.client.query<{
    total: number;
    completed: number;
    max_attempts: number;
    max_read_ct: number;
  }>(
    `select count(*)::int as total,
            count(*) filter (where t.status = 'completed')::int as completed,
            max(t.attempts_count)::int as max_attempts,
            max(a.read_ct)::int as max_read_ct
       from pgflow.step_tasks t left join pgmq.a_two_steps a on a.msg_id = t.message_id`,
  );
  expect(tasks).toEqual({ total: 2 * RUNS, completed: 2 * RUNS, max_attempts: 1, max_read_ct: 1 });

  // Every handler ran to completion exactly once, and both processes did a share of the work.
  const [log] = await db.client.query<{ starts: number; dones: number; distinct_dones: number }>(
    `select count(*) filter (where event = 'start')::int as starts,
            count(*) filter (where event = 'done')::int as dones,
            count(distinct (run_id, step_slug, task_index)) filter (where event = 'done')::int as distinct_dones
       from test_handler_log`,
  );
  expect(log).toEqual({ starts: 2 * RUNS, dones: 2 * RUNS, distinct_dones: 2 * RUNS });
  const perProcess = await db.client.query<{ pid: number; n: number }>(
    "select pid, count(*)::int as n from test_handler_log where event = 'done' group by pid",
  );
  expect(perProcess.map((p) => p.pid).sort()).toEqual(workers.map((w) => w.pid).sort());
  for (const { n } of perProcess) expect(n).toBeGreaterThan(RUNS / 10);

  console.log(
    `${RUNS} runs (${2 * RUNS} tasks) on two processes in ${elapsedMs} ms; per process: ${perProcess.map((p) => p.n).join(' / ')}`,
  );
});
