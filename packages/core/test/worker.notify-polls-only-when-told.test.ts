import { Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, enqueue, type Worker } from '../src/index';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

// A notify worker claims when a notification arrives, and otherwise sleeps until the queue's
// next hidden message is due. It does not poll on a backoff after each job: such polls hit
// the database for nothing and, when one is in flight as the next job arrives, delay its claim.
const done: number[] = [];
const Quick = new Job<{ n: number }>({ slug: 'quick' }, (input) => {
  done.push(input.n);
  return input.n;
});

describe('worker: notify strategy between jobs', () => {
  let db: MigratedDatabase;
  let worker: Worker;
  let polls = 0;

  beforeAll(async () => {
    db = await createMigratedDatabase();
    worker = createWorker({
      sql: db.client,
      jobs: [Quick],
      signal: 'notify',
      notifyThrottleMs: 0,
      stalledCheckIntervalMs: 0,
    });
    worker.events.on('poll', () => {
      polls++;
    });
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.dispose();
  });

  it('claims once per job, with no polls in between', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = polls;
    for (let n = 1; n <= 4; n++) {
      await enqueue(db.client, Quick, { n });
      await eventually(async () => done.includes(n), 5000, 5);
      // With a backoff that restarts at 50 ms after each job, this pause holds 3 polls.
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    expect(done).toEqual([1, 2, 3, 4]);
    expect(polls - before).toBe(4);
  });
});

// pgmq's throttle sends no notification for an insert that follows another within the throttle
// interval, so a throttled notify worker keeps polling on its backoff after work.
const Throttled = new Job<{ n: number }>({ slug: 'throttled' }, (input) => {
  startedAt.set(input.n, Date.now());
  return input.n;
});
const startedAt = new Map<number, number>();

describe('worker: notify strategy with a throttled trigger', () => {
  let db: MigratedDatabase;
  let worker: Worker;

  beforeAll(async () => {
    db = await createMigratedDatabase();
    worker = createWorker({
      sql: db.client,
      jobs: [Throttled],
      signal: 'notify',
      notifyThrottleMs: 5000,
      notifyFallbackMs: 60_000,
      stalledCheckIntervalMs: 0,
    });
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.dispose();
  });

  it('claims an insert that sent no notification within its backoff, not at the fallback', async () => {
    await enqueue(db.client, Throttled, { n: 1 });
    await eventually(async () => startedAt.has(1), 5000, 5);
    const sent = Date.now();
    await enqueue(db.client, Throttled, { n: 2 }); // within the 5 s throttle: no notification
    await eventually(async () => startedAt.has(2), 10_000, 5);
    expect((startedAt.get(2) ?? Number.POSITIVE_INFINITY) - sent).toBeLessThan(2000);
  });
});

// Without pgmq.enable_notify_insert (pgmq < 1.8) a notify worker says so and polls, with the
// polling strategy's intervals: nothing would wake it otherwise.
const Unnotified = new Job<{ n: number }>({ slug: 'unnotified' }, (input) => {
  startedAt.set(100 + input.n, Date.now());
  return input.n;
});

describe('worker: notify strategy without insert notifications', () => {
  let db: MigratedDatabase;
  let worker: Worker;
  const errors: string[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase();
    await db.client.exec('drop function pgmq.enable_notify_insert(text, integer)');
    worker = createWorker({
      sql: db.client,
      jobs: [Unnotified],
      signal: 'notify',
      notifyFallbackMs: 60_000,
      stalledCheckIntervalMs: 0,
    });
    worker.events.on('worker:error', (e) => {
      errors.push(String(e.error));
    });
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.dispose();
  });

  it('polls at most maxPollIntervalMs apart', async () => {
    expect(errors.join('\n')).toMatch(/polling instead/);
    await new Promise((resolve) => setTimeout(resolve, 4000)); // an idle backoff would grow past 3 s
    const sent = Date.now();
    await enqueue(db.client, Unnotified, { n: 1 });
    await eventually(async () => startedAt.has(101), 10_000, 5);
    expect((startedAt.get(101) ?? Number.POSITIVE_INFINITY) - sent).toBeLessThan(1500);
  });
});
