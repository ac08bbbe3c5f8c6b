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
