import { afterAll, beforeAll, expect, it } from 'vitest';
import { createWorkerTestDatabase, type WorkerTestDatabase } from './helpers/database';
import { killAll, spawnWorker } from './helpers/worker-process';

let db: WorkerTestDatabase;

beforeAll(async () => {
  db = await createWorkerTestDatabase();
});
afterAll(async () => {
  await killAll();
  await db?.dispose();
});

it('exits non-zero, naming `pgflow compile`, when compilation is off and the flow is not in the database', async () => {
  const worker = spawnWorker(db.url, { flows: ['never_compiled'], compilation: false });
  const exit = await worker.waitForExit(30_000);

  expect(exit.code, worker.output()).not.toBe(0);
  expect(exit.code).not.toBeNull();
  expect(worker.output()).toContain('Flow "never_compiled" is not in the database');
  expect(worker.output()).toContain('pgflow compile');
  expect(worker.output()).not.toContain('"event":"ready"');
  // It never registered, and left the flow alone.
  const workers = await db.client.query('select 1 from pgflow.workers');
  expect(workers).toHaveLength(0);
  const flows = await db.client.query(
    "select 1 from pgflow.flows where flow_slug = 'never_compiled'",
  );
  expect(flows).toHaveLength(0);
});
