import { Flow } from '@pgflow-ts/dsl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorker, FlowShapeMismatchError } from '../src/index';
import { createPostgresJsClient } from '../src/sql/postgres-js';
import { createTestDatabase, type TestDatabase } from './helpers/db';
import { createMigratedDatabase, type MigratedDatabase } from './helpers/migrated';

const V2 = new Flow<{ n: number }>({ slug: 'changing' })
  .step({ slug: 'a' }, (i) => i.n)
  .step({ slug: 'b', dependsOn: ['a'] }, (d) => d.a);

describe('worker startup checks', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(4);
    // The deployed definition has only step `a`.
    await db.client.query(`select pgflow.create_flow('changing')`);
    await db.client.query(`select pgflow.add_step('changing', 'a')`);
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('refuses a flow whose definition differs from the database, naming the differences', async () => {
    const worker = createWorker({ sql: db.client, flows: [V2], stalledCheckIntervalMs: 0 });
    const error = await worker.start().catch((e: unknown) => e);
    await worker.stop();
    expect(error).toBeInstanceOf(FlowShapeMismatchError);
    expect(error).toMatchObject({
      name: 'FlowShapeMismatchError',
      code: 'FLOW_SHAPE_MISMATCH',
      flowSlug: 'changing',
      differences: expect.arrayContaining(['Step count differs: 2 vs 1']),
    });
    expect((error as Error).message).toMatch(
      /^Flow 'changing' shape mismatch with database\.\nRun migrations or use development mode to recompile\.\nDifferences:\n {2}- Step count differs: 2 vs 1/,
    );
  });

  it('recompiles it when allowed to lose data', async () => {
    const worker = createWorker({
      sql: db.client,
      flows: [V2],
      compilation: { allowDataLoss: true },
      stalledCheckIntervalMs: 0,
    });
    await worker.start();
    await worker.stop();
    const steps = await db.client.query<{ step_slug: string }>(
      `select step_slug from pgflow.steps where flow_slug = 'changing' order by step_index`,
    );
    expect(steps.map((s) => s.step_slug)).toEqual(['a', 'b']);
  });
});

describe('worker startup on a database without the schema', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase();
  });
  afterAll(async () => {
    await empty?.drop();
  });

  it('fails with SCHEMA_MISSING and names the command to run', async () => {
    const sql = createPostgresJsClient(empty.url);
    const worker = createWorker({ sql, flows: [V2] });
    const error = await worker.start().catch((e: unknown) => e);
    await worker.stop();
    await sql.end();
    expect(error).toMatchObject({ code: 'SCHEMA_MISSING' });
    expect((error as Error).message).toContain('npx pgflow migrate');
  });
});
