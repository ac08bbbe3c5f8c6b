import { compileFlow, Flow } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimTasks, completeTasks } from '../src/sql/pgflow';
import { createMigratedDatabase, type MigratedDatabase } from './helpers/migrated';

// Workers write two completion batches at once (src/worker/completions.ts), so batches of one
// run's tasks can meet in pgflow.complete_tasks. It locks runs in run_id order, then step
// states: concurrent batches must neither deadlock nor lose a count.

const Fan = new Flow<number[]>({ slug: 'fan' })
  .map({ slug: 'each' }, (n: number) => n * 10)
  .step({ slug: 'sum', dependsOn: ['each'] }, (input) => (input.each as number[]).length);

describe('pgflow.complete_tasks: concurrent batches', () => {
  let db: MigratedDatabase;
  const workerId = '22222222-2222-2222-2222-222222222222';

  beforeAll(async () => {
    db = await createMigratedDatabase(8);
    for (const statement of compileFlow(Fan)) await db.client.query(statement);
    await db.client.query(
      `insert into pgflow.workers (worker_id, queue_name, function_name) values ($1::uuid, 'fan', 'test')`,
      [workerId],
    );
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('completes the tasks of a few runs split across many concurrent batches, each once', async () => {
    const runs = 4;
    const items = 60;
    for (let r = 0; r < runs; r++) {
      await db.client.query(`select pgflow.start_flow('fan', $1::text::jsonb)`, [
        JSON.stringify(Array.from({ length: items }, (_, i) => r * 1000 + i)),
      ]);
    }
    const claimed = [];
    for (;;) {
      const rows = await claimTasks(db.client, 'fan', { vt: 60, qty: 50, workerId });
      if (rows.length === 0) break;
      claimed.push(...rows);
    }
    expect(claimed).toHaveLength(runs * items);

    // Shuffle, so each batch holds tasks of every run in no particular order, then write all
    // batches at once on the pool's connections.
    const shuffled = claimed
      .map((t) => ({ t, k: Math.random() }))
      .sort((a, b) => a.k - b.k)
      .map(({ t }) => t);
    const batches = [];
    for (let i = 0; i < shuffled.length; i += 10) batches.push(shuffled.slice(i, i + 10));
    await Promise.all(
      batches.map((batch) =>
        completeTasks(
          db.client,
          batch.map((t) => ({ task: t, output: (t.input as number) * 10 })),
        ),
      ),
    );

    const states = await db.client.query<{ run_id: string; status: string; output: number[] }>(
      `select ss.run_id, ss.status, ss.output from pgflow.step_states ss where ss.step_slug = 'each'`,
    );
    expect(states).toHaveLength(runs);
    for (const s of states) {
      expect(s.status).toBe('completed');
      const first = (s.output[0] as number) / 10;
      expect(s.output).toEqual(Array.from({ length: items }, (_, i) => (first + i) * 10));
    }
    const [counts] = await db.client.query<{
      completed: number;
      other: number;
      sum_started: number;
    }>(
      `select count(*) filter (where step_slug = 'each' and status = 'completed')::int as completed,
              count(*) filter (where step_slug = 'each' and status <> 'completed')::int as other,
              (select count(*)::int from pgflow.step_states where step_slug = 'sum' and status = 'started') as sum_started
         from pgflow.step_tasks`,
    );
    expect(counts).toEqual({ completed: runs * items, other: 0, sum_started: runs });
  });
});
