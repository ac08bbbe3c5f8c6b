import { Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, enqueue } from '../src/index';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

describe('worker.stop() with tasks that outlive shutdownGraceMs', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase();
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('aborts them, fails them for a retry, and still stops', async () => {
    const seen: { signal: AbortSignal }[] = [];
    // One handler honours its signal, the other never looks at it: both must end.
    const Listens = new Job({ slug: 'listens', maxAttempts: 2 }, (_input, ctx) => {
      seen.push(ctx);
      return new Promise<null>((_resolve, reject) => {
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason));
      });
    });
    const Deaf = new Job({ slug: 'deaf', maxAttempts: 2 }, () => new Promise<null>(() => {}));
    const worker = createWorker({
      sql: db.client,
      jobs: [Listens, Deaf],
      shutdownGraceMs: 500,
      stalledCheckIntervalMs: 0,
    });
    const started = new Set<string>();
    worker.events.on('task:started', (e) => started.add(e.flowSlug));
    await worker.start();
    const runs = [await enqueue(db.client, Listens, {}), await enqueue(db.client, Deaf, {})];
    await eventually(async () => started.size === 2);

    const stopping = Date.now();
    await worker.stop();
    expect(Date.now() - stopping).toBeLessThan(3000);
    expect(worker.state).toBe('stopped');
    expect(seen[0]?.signal.aborted).toBe(true);

    const tasks = await db.client.query<{
      status: string;
      error_message: string;
      attempts_count: number;
    }>(
      `select status, error_message, attempts_count from pgflow.step_tasks
        where run_id = any($1::uuid[]) order by flow_slug`,
      [runs.map((r) => r.run_id)],
    );
    // Put back for their second attempt, with the reason recorded.
    expect(tasks).toHaveLength(2);
    for (const task of tasks) {
      expect(task.status).toBe('queued');
      expect(task.attempts_count).toBe(1);
      expect(task.error_message).toMatch(
        /^WorkerStoppedError: The worker stopped before the task finished/,
      );
    }
    const workers = await db.client.query<{ stopped_at: string | null }>(
      'select stopped_at from pgflow.workers where worker_id = any($1::uuid[])',
      [[...worker.workerIds.values()]],
    );
    expect(workers.map((w) => w.stopped_at !== null)).toEqual([true, true]);
  });
});
