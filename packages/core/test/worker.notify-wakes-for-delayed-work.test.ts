import { Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, enqueue, type Worker } from '../src/index';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

// A delayed message and a retry become visible without an insert, so no notification wakes a
// notify worker for them. The fallback poll is set far beyond the test's limits: only the wait
// for the next due message (pgflow.ms_until_visible) can explain a timely pickup.
const started: { n: number; attempt: number; at: number }[] = [];
const Later = new Job<{ n: number }>({ slug: 'later' }, (input) => {
  started.push({ n: input.n, attempt: 1, at: Date.now() });
  return input.n;
});
const Flaky = new Job<{ n: number }>(
  { slug: 'flaky', maxAttempts: 2, baseDelay: 5 },
  (input, ctx) => {
    started.push({ n: input.n, attempt: ctx.attempt, at: Date.now() });
    if (ctx.attempt === 1) throw new Error('first attempt fails');
    return input.n;
  },
);

describe('worker: notify strategy and work that is due later', () => {
  let db: MigratedDatabase;
  let worker: Worker;

  beforeAll(async () => {
    db = await createMigratedDatabase();
    worker = createWorker({
      sql: db.client,
      jobs: [Later, Flaky],
      signal: 'notify',
      notifyFallbackMs: 120_000,
      stalledCheckIntervalMs: 0,
    });
    await worker.start();
    // Idle for a while first: a worker polling on a backoff would by then poll ~6.4 s apart and
    // pick the delayed job up seconds late.
    await new Promise((resolve) => setTimeout(resolve, 8000));
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.dispose();
  });

  it('runs a delayed job when it is due, not at the fallback poll', async () => {
    const sent = Date.now();
    await enqueue(db.client, Later, { n: 1 }, { delay: 2 });
    const run = await eventually(async () => started.find((s) => s.n === 1), 15_000, 20);
    if (!run) throw new Error('the delayed job did not start');
    expect(run.at - sent).toBeGreaterThanOrEqual(1900);
    expect(run.at - sent).toBeLessThan(4000);
  });

  // The first retry waits 2 × baseDelay = 10 s. A backoff restarting at 50 ms after the failure
  // would poll at ~6.4 s and then ~12.8 s; only the wait for the due message is on time.
  it('runs a retry when its delay is over', async () => {
    await enqueue(db.client, Flaky, { n: 2 });
    const retry = await eventually(
      async () => started.find((s) => s.n === 2 && s.attempt === 2),
      20_000,
      20,
    );
    if (!retry) throw new Error('the retry did not start');
    const first = started.find((s) => s.n === 2 && s.attempt === 1);
    expect(first).toBeDefined();
    expect(retry.at - (first?.at ?? 0)).toBeGreaterThanOrEqual(9900);
    expect(retry.at - (first?.at ?? 0)).toBeLessThan(11_500);
  });
});
