import { Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreateWorkerOptions, createWorker, enqueue, type Worker } from '../src/index';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

// Push dispatch (supabase/migrations/…_pgflow_push.sql, src/worker/push.ts): an idle notify
// worker waits in pgflow.waiting_workers, and a task enqueued meanwhile is started for it at the
// producer's commit and handed over in a notification, without a claim.

const calls = new Map<string, number>();
const count = (key: string) => calls.set(key, (calls.get(key) ?? 0) + 1);
let running = 0;
let mostRunning = 0;

/** A handler that counts its calls and how many run at once, and takes 20 ms. */
function counted<I extends { key: string }>(output: (input: I) => unknown) {
  return async (input: I) => {
    count(input.key);
    running++;
    mostRunning = Math.max(mostRunning, running);
    await new Promise((resolve) => setTimeout(resolve, 20));
    running--;
    return output(input) as string | number;
  };
}
const Small = new Job<{ key: string }>(
  { slug: 'push_small' },
  counted((input) => input.key),
);
const Large = new Job<{ key: string; blob: string }>(
  { slug: 'push_large' },
  counted((input: { key: string; blob: string }) => input.blob.length),
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function tasksOf(db: MigratedDatabase, flowSlug: string) {
  return db.client.query<{ status: string; attempts_count: number; last_worker_id: string }>(
    `select t.status, t.attempts_count, t.last_worker_id::text
       from pgflow.step_tasks as t where t.flow_slug = $1::text`,
    [flowSlug],
  );
}

/**
 * A fresh database and one notify worker on it, for the suite's tests. Its fallback poll is far
 * beyond them: only a notification (or a push) wakes it. `polls` counts its claims, `claimed`
 * the tasks they took.
 */
function notifyWorker(options: Partial<CreateWorkerOptions>) {
  const suite = { polls: 0, claimed: 0 } as {
    db: MigratedDatabase;
    worker: Worker;
    polls: number;
    claimed: number;
  };
  beforeAll(async () => {
    suite.db = await createMigratedDatabase();
    suite.worker = createWorker({
      sql: suite.db.client,
      signal: 'notify',
      notifyFallbackMs: 120_000,
      stalledCheckIntervalMs: 0,
      ...options,
    });
    suite.worker.events.on('poll', (e) => {
      suite.polls++;
      suite.claimed += e.claimed;
    });
    await suite.worker.start();
    await sleep(300);
  });
  afterAll(async () => {
    await suite.worker?.stop();
    await suite.db?.dispose();
  });
  return suite;
}

describe('worker: tasks pushed to an idle notify worker', () => {
  const suite = notifyWorker({ jobs: [Small, Large], maxConcurrent: 4 });

  it('runs a job enqueued while it waits without claiming it', async () => {
    const before = suite.claimed;
    await enqueue(suite.db.client, Small, { key: 'one' });
    await eventually(
      async () => (await tasksOf(suite.db, 'push_small'))[0]?.status === 'completed',
    );
    expect(calls.get('one')).toBe(1);
    expect(suite.claimed - before).toBe(0);
    const [task] = await tasksOf(suite.db, 'push_small');
    expect(task).toMatchObject({
      attempts_count: 1,
      last_worker_id: suite.worker.workerIds.get('push_small'),
    });
  });

  it('runs a pushed job too large for a notification, with its whole input', async () => {
    await enqueue(suite.db.client, Large, { key: 'large', blob: 'x'.repeat(20_000) });
    await eventually(
      async () => (await tasksOf(suite.db, 'push_large'))[0]?.status === 'completed',
    );
    const [row] = await suite.db.client.query<{ output: unknown }>(
      `select output from pgflow.step_tasks where flow_slug = 'push_large'`,
    );
    expect(row?.output).toBe(20_000);
    expect(calls.get('large')).toBe(1);
  });

  it('runs a task pushed while its notification was lost, once, when it next wakes', async () => {
    const workerId = suite.worker.workerIds.get('push_small') as string;
    await eventually(async () => {
      const rows = await suite.db.client.query(
        `select 1 from pgflow.waiting_workers where worker_id = $1::uuid and pushed_task is null`,
        [workerId],
      );
      return rows.length > 0;
    });
    // What the commit-time trigger does, without its notifications (the worker hears nothing).
    await suite.db.client.transaction(async (tx) => {
      await tx.query(`set local session_replication_role = replica`);
      await tx.query(`select pgflow.start_flow('push_small', '{"key": "lost"}'::jsonb)`);
      await tx.query(
        `update pgflow.waiting_workers as w
            set pushed_task = (
              select to_jsonb(s) || jsonb_build_object('attempts_count', 1, 'read_ct', 0)
                from pgflow.start_tasks('push_small',
                       (select array_agg(t.message_id) from pgflow.step_tasks as t
                         where t.status = 'queued' and t.flow_slug = 'push_small'),
                       $1::uuid) as s)
          where w.worker_id = $1::uuid`,
        [workerId],
      );
    });
    await sleep(300);
    expect(calls.get('lost')).toBeUndefined();
    // Any wake-up ends the wait, and the wait hands over what was pushed to it.
    await enqueue(suite.db.client, Small, { key: 'wake' });
    await eventually(async () => calls.get('lost') === 1 && calls.get('wake') === 1);
    await eventually(async () =>
      (await tasksOf(suite.db, 'push_small')).every((t) => t.status === 'completed'),
    );
    await sleep(200);
    expect(calls.get('lost')).toBe(1);
  });
});

// A wait holds a slot for its pushed task, so pushes never exceed maxConcurrent; with several
// queues a wait never takes the last free slot, so no queue waits on another's idle wait.
describe.each([
  { maxConcurrent: 1, jobs: [Small] },
  { maxConcurrent: 2, jobs: [Small, Large] },
])('worker: pushes within maxConcurrent $maxConcurrent', ({ maxConcurrent, jobs }) => {
  const suite = notifyWorker({ jobs, maxConcurrent });

  it('runs a burst on every queue without exceeding it', async () => {
    mostRunning = 0;
    const keys = Array.from({ length: 20 }, (_, i) => `burst${maxConcurrent}.${i}`);
    await Promise.all(
      keys.map((key, i) =>
        i % jobs.length === 0
          ? enqueue(suite.db.client, Small, { key })
          : enqueue(suite.db.client, Large, { key, blob: 'y' }),
      ),
    );
    await eventually(async () => keys.every((key) => calls.get(key) === 1), 10_000);
    expect(mostRunning).toBeLessThanOrEqual(maxConcurrent);
    // Idle again, it waits for a push again: on one queue (with two queues and 2 slots, the
    // other leaves the last slot free). A job for the waiting queue is pushed to it, unless it
    // came while the wait was being renewed (then it is claimed, as it should be): try thrice.
    const waitingQueue = async () => {
      const rows = await suite.db.client.query<{ queue_name: string }>(
        `select queue_name from pgflow.waiting_workers where pushed_task is null`,
      );
      return rows.length === 1 ? rows[0]?.queue_name : undefined;
    };
    let pushed = 0;
    for (let attempt = 0; attempt < 3 && pushed === 0; attempt++) {
      const queue = await eventually(waitingQueue);
      const key = `after${maxConcurrent}.${attempt}`;
      await (queue === Small.slug
        ? enqueue(suite.db.client, Small, { key })
        : enqueue(suite.db.client, Large, { key, blob: 'z' }));
      await eventually(async () => calls.get(key) === 1, 5000);
      // A pushed message was never read (a claim reads it: read_ct 1). It is archived when the
      // task's completion is written, which may come a little after the handler ran.
      const row = await eventually(async () => {
        const [archived] = await suite.db.client.query<{ read_ct: number }>(
          `select a.read_ct from pgmq.${queue === Small.slug ? 'a_push_small' : 'a_push_large'} as a
             join pgflow.runs as r on r.run_id::text = a.message ->> 'run_id'
            where r.input ->> 'key' = $1::text`,
          [key],
        );
        return archived;
      }, 5000);
      if (row.read_ct === 0) pushed++;
    }
    expect(pushed).toBe(1);
  });
});

// One slot, two queues: neither may hold the only slot for a push (the other queue could not
// claim), so neither waits for one, and an idle worker must not claim in a loop either.
describe('worker: one slot shared by two queues', () => {
  const suite = notifyWorker({ jobs: [Small, Large], maxConcurrent: 1 });

  it("stays idle between jobs, and runs each queue's job", async () => {
    await enqueue(suite.db.client, Small, { key: 'one-slot.small' });
    await enqueue(suite.db.client, Large, { key: 'one-slot.large', blob: 'q' });
    await eventually(
      async () => calls.get('one-slot.small') === 1 && calls.get('one-slot.large') === 1,
      5000,
    );
    await sleep(300);
    const before = suite.polls;
    await sleep(1000);
    expect(suite.polls - before).toBe(0);
    expect(
      await suite.db.client.query(`select 1 from pgflow.waiting_workers where pushed_task is null`),
    ).toHaveLength(0);
  });
});

describe('worker: two notify workers on one queue', () => {
  let db: MigratedDatabase;
  const workers: Worker[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase();
    for (let i = 0; i < 2; i++) {
      const worker = createWorker({
        sql: db.client,
        jobs: [Small],
        signal: 'notify',
        maxConcurrent: 3,
        stalledCheckIntervalMs: 0,
      });
      await worker.start();
      workers.push(worker);
    }
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await db?.dispose();
  });

  it('runs every job once, pushed or claimed, and both workers take some', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => `pair${i}`);
    for (const [i, key] of keys.entries()) {
      await enqueue(db.client, Small, { key });
      if (i % 10 === 0) await sleep(15);
    }
    await eventually(
      async () =>
        (
          await db.client.query(
            `select 1 from pgflow.runs where flow_slug = 'push_small' and status <> 'completed'`,
          )
        ).length === 0,
      20_000,
    );
    expect(keys.filter((key) => calls.get(key) !== 1)).toEqual([]);
    const byWorker = await db.client.query<{ n: number }>(
      `select count(*)::int as n from pgflow.step_tasks where flow_slug = 'push_small'
        group by last_worker_id`,
    );
    expect(byWorker).toHaveLength(2);
    const tasks = await tasksOf(db, 'push_small');
    expect(tasks.every((t) => t.attempts_count === 1)).toBe(true);
  });
});
