import { Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreateWorkerOptions, createWorker, enqueue, type Worker } from '../src/index';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

const startedAt = new Map<number, number>();
const Noop = new Job<{ n: number }>({ slug: 'noop' }, (input) => {
  startedAt.set(input.n, Date.now());
  return input.n;
});

/**
 * A fresh database and a notify worker for `Noop`, started before the suite's tests (`prepare`
 * runs on the database first, `listen` on the worker before it starts) and closed after them.
 */
function notifyWorker(
  options: Partial<CreateWorkerOptions>,
  prepare?: (db: MigratedDatabase) => Promise<void>,
  listen?: (worker: Worker) => void,
) {
  const suite = {} as { db: MigratedDatabase; worker: Worker };
  beforeAll(async () => {
    suite.db = await createMigratedDatabase();
    await prepare?.(suite.db);
    suite.worker = createWorker({
      sql: suite.db.client,
      jobs: [Noop],
      signal: 'notify',
      stalledCheckIntervalMs: 0,
      ...options,
    });
    listen?.(suite.worker);
    await suite.worker.start();
  });
  afterAll(async () => {
    await suite.worker?.stop();
    await suite.db?.dispose();
  });
  return suite;
}

/** Enqueues job `n` and resolves with the milliseconds until its handler started. */
async function runJob(db: MigratedDatabase, n: number): Promise<number> {
  const sent = Date.now();
  await enqueue(db.client, Noop, { n });
  await eventually(async () => startedAt.has(n), 10_000, 5);
  return (startedAt.get(n) ?? Number.POSITIVE_INFINITY) - sent;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A notify worker claims when a notification arrives, and otherwise sleeps until the queue's
// next hidden message is due. It does not poll on a backoff after each job: such polls hit
// the database for nothing and, when one is in flight as the next job arrives, delay its claim.
describe('worker: notify strategy between jobs', () => {
  let polls = 0;
  const suite = notifyWorker({}, undefined, (worker) =>
    worker.events.on('poll', () => {
      polls++;
    }),
  );

  it('claims once per job, with no polls in between', async () => {
    await sleep(300);
    const before = polls;
    for (let n = 1; n <= 4; n++) {
      await runJob(suite.db, n);
      // With a backoff that restarts at 50 ms after each job, this pause holds 3 polls.
      await sleep(400);
    }
    expect(polls - before).toBe(4);
  });
});

// When the queue's insert trigger cannot be added (here: no pgflow.enable_insert_notifications; in
// practice, a role without the TRIGGER privilege) a notify worker says so and polls, with the
// polling strategy's intervals: nothing would wake it otherwise.
describe('worker: notify strategy without insert notifications', () => {
  const errors: string[] = [];
  const suite = notifyWorker(
    { notifyFallbackMs: 60_000 },
    (db) => db.client.exec('drop function pgflow.enable_insert_notifications(text)'),
    (worker) =>
      worker.events.on('worker:error', (e) => {
        errors.push(String(e.error));
      }),
  );

  it('polls at most maxPollIntervalMs apart', async () => {
    expect(errors.join('\n')).toMatch(/polling instead/);
    await sleep(4000); // an idle backoff would grow past 3 s
    expect(await runJob(suite.db, 21)).toBeLessThan(1500);
  });
});
