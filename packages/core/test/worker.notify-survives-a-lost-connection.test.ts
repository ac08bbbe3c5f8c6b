import { Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, enqueue, type Worker } from '../src/index';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

const Echo = new Job<{ n: number }>({ slug: 'echo' }, (input) => input.n);

// The notify strategy must keep waking the worker after its LISTEN connection is lost: the
// fallback poll is set far beyond the test's time limits, so only a notification can wake it.
describe('worker: notify strategy', () => {
  let db: MigratedDatabase;
  let worker: Worker;
  const started: number[] = [];

  beforeAll(async () => {
    db = await createMigratedDatabase();
    worker = createWorker({
      sql: db.client,
      jobs: [Echo],
      signal: 'notify',
      notifyFallbackMs: 120_000,
      stalledCheckIntervalMs: 0,
    });
    worker.events.on('task:started', () => started.push(Date.now()));
    await worker.start();
    // Idle for a while first: even a worker that polled on a backoff (as it did before, and as
    // it still does with a throttled trigger) would then poll seconds apart, so a poll cannot
    // explain a sub-second pickup.
    await new Promise((resolve) => setTimeout(resolve, 8000));
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.dispose();
  });

  async function latencyOfOneJob(): Promise<number> {
    const before = started.length;
    const sent = Date.now();
    await enqueue(db.client, Echo, { n: 1 });
    await eventually(async () => started.length > before, 10_000, 10);
    return (started.at(-1) as number) - sent;
  }

  it('wakes on the insert notification', async () => {
    expect(await latencyOfOneJob()).toBeLessThan(1500);
  });

  it('claims work enqueued while its LISTEN connection was down', async () => {
    const before = started.length;
    const sent = Date.now();
    await db.client.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`,
    );
    await enqueue(db.client, Echo, { n: 2 }); // its notification may reach no listener
    await eventually(async () => started.length > before, 10_000, 10);
    expect((started.at(-1) as number) - sent).toBeLessThan(1500);
  });

  it('listens again after its connection is terminated', async () => {
    const killed = await db.client.query<{ n: number }>(
      `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen%'`,
    );
    expect(killed[0]?.n).toBeGreaterThan(0);
    await eventually(
      async () =>
        (
          await db.client.query(
            `select 1 from pg_stat_activity where datname = current_database() and query ilike 'listen%'`,
          )
        ).length > 0,
      10_000,
    );
    expect(await latencyOfOneJob()).toBeLessThan(1500);
  });
});
