import { type AnyFlow, Flow, Job } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, enqueue, startFlow, type Worker } from '../src/index';
import { createMigratedDatabase, eventually, type MigratedDatabase } from './helpers/migrated';

// Completions are written in batches (src/worker/completions.ts). These tests pin the two
// invariants batching risks: each task completes once with its own output, and one failing
// completion fails no other task of its batch.

let gate: () => void = () => {};
const opened = new Promise<void>((resolve) => {
  gate = resolve;
});
let startedCount = 0;

const Double = new Job<{ n: number }>({ slug: 'double' }, async (input) => {
  startedCount++;
  await opened;
  return { doubled: input.n * 2 };
});

// Completing `root` with [] completes 50 chained empty maps in one cascade: past the
// 50-iteration limit, so complete_task raises for this task only.
type ChainOfMaps = AnyFlow & {
  map(opts: { slug: string; array: string }, handler: (x: number) => number): ChainOfMaps;
};
let chain = new Flow<{ n: number }>({ slug: 'deep', maxAttempts: 1 }).array(
  { slug: 'root' },
  async () => {
    startedCount++;
    await opened;
    return [] as number[];
  },
) as unknown as ChainOfMaps;
for (let i = 1; i <= 50; i++) {
  chain = chain.map({ slug: `m${i}`, array: i === 1 ? 'root' : `m${i - 1}` }, (x) => x);
}
const Deep: AnyFlow = chain;

describe('worker: batched completions', () => {
  let db: MigratedDatabase;
  let worker: Worker;

  beforeAll(async () => {
    db = await createMigratedDatabase();
    worker = createWorker({
      sql: db.client,
      jobs: [Double],
      flows: [Deep],
      maxConcurrent: 30,
      stalledCheckIntervalMs: 0,
    });
    await worker.start();
  });
  afterAll(async () => {
    await worker?.stop();
    await db?.dispose();
  });

  it('completes every task of a batch once, each with its own output, and isolates a failing one', async () => {
    const jobs = await Promise.all(
      Array.from({ length: 20 }, (_, n) => enqueue(db.client, Double, { n })),
    );
    const deep = await startFlow(db.client, Deep, { n: 0 });
    // Every handler waits at the gate, so all 21 finish in the same tick and share one batch.
    await eventually(async () => startedCount === 21);
    gate();

    type Row = { run_id: string; status: string; output: { job: { doubled: number } } };
    const runs = (await eventually(async () => {
      const rows = await db.client.query<{
        run_id: string;
        status: string;
        output: { job: { doubled: number } };
      }>(
        `select run_id, status, output from pgflow.runs where flow_slug = 'double' and status <> 'started'`,
      );
      return rows.length === 20 ? rows : undefined;
    })) as Row[];
    const byRun = new Map(runs.map((r) => [r.run_id, r]));
    jobs.forEach((job, n) => {
      expect(byRun.get(job.run_id)?.status).toBe('completed');
      expect(byRun.get(job.run_id)?.output).toEqual({ job: { doubled: n * 2 } });
    });
    const tasks = await db.client.query<{ attempts_count: number; status: string }>(
      `select attempts_count, status from pgflow.step_tasks where flow_slug = 'double'`,
    );
    expect(tasks.every((t) => t.status === 'completed' && t.attempts_count === 1)).toBe(true);

    const failed = await eventually(
      async () =>
        (
          await db.client.query<{ status: string; error_message: string }>(
            `select r.status, t.error_message from pgflow.runs r join pgflow.step_tasks t using (run_id)
              where r.run_id = $1::uuid and r.status = 'failed'`,
            [deep.run_id],
          )
        )[0],
    );
    expect(failed.error_message).toMatch(/Cascade loop exceeded safety limit of 50 iterations/);
  });
});
