import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { install, migrations } from '../src/index';
import type { SqlClient, SqlExecutor } from '../src/sql/port';
import { createPostgresJsClient } from '../src/sql/postgres-js';
import { createTestDatabase, type TestDatabase } from './helpers/db';

// Which Supabase Realtime broadcasts a database gets (supabase/migrations/…_pgflow_schema.sql,
// docs/security.md): a new install broadcasts privately; a database that had pgflow's own schema
// keeps upstream's public broadcasts, which @pgflow/client subscribes to, until the operator
// opts in. The fixtures stand in for Supabase Realtime and for pgflow 0.14.1's migrations.

const fixture = (file: string) => readFileSync(join(__dirname, 'fixtures', file), 'utf8');

const OPT_IN = "update pgflow.settings set value = 'on' where name = 'realtime_private'";

/** Starts a run of `flowSlug` and returns the Realtime messages it sent: event name and privacy. */
async function startAndReadBroadcasts(
  db: SqlExecutor,
  flowSlug: string,
): Promise<Array<{ event: string; private: boolean }>> {
  const runId = globalThis.crypto.randomUUID();
  await db.query(`select pgflow.start_flow($1, '{"name": "Grace"}'::jsonb, $2::uuid)`, [
    flowSlug,
    runId,
  ]);
  return db.query<{ event: string; private: boolean }>(
    'select event, private from realtime.messages where topic = $1 order by event',
    [`pgflow:run:${runId}`],
  );
}

async function storedSetting(db: SqlExecutor): Promise<string | undefined> {
  const [row] = await db.query<{ value: string }>(
    "select value from pgflow.settings where name = 'realtime_private'",
  );
  return row?.value;
}

/** Applies every migration file again, each in one transaction, as psql or the Supabase CLI would
 * (no installer ledger involved). */
async function applyMigrationsAgain(client: SqlClient): Promise<void> {
  for (const migration of migrations) {
    await client.transaction((tx) => tx.exec(migration.sql));
  }
}

describe('realtime on a database that had pgflow 0.14.1 before pgflow-ts', () => {
  let db: TestDatabase;
  let client: SqlClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = createPostgresJsClient(db.url);
    await client.exec(fixture('supabase-realtime.sql'));
    await client.exec(fixture('pgflow-0.14.1-installed.sql'));
    await install(client);
    // pgflow's migrations created the flow's queue; the fixture leaves pgmq out, so the flow is
    // declared again, as compile output or a worker would (create_flow only adds what is missing).
    await client.query(`select pgflow.create_flow('greet')`);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('keeps what pgflow left and broadcasts every event publicly', async () => {
    const [run] = await client.query<{ state: { run: { status: string; output: unknown } } }>(
      `select pgflow.get_run_with_states('00000000-0000-4000-8000-00000000b001') as state`,
    );
    expect(run?.state.run).toMatchObject({ status: 'completed', output: { hello: 'Hi Ada' } });

    expect(await storedSetting(client)).toBe('off');
    expect(await startAndReadBroadcasts(client, 'greet')).toEqual([
      { event: 'run:started', private: false },
      { event: 'step:hello:started', private: false },
    ]);
  });

  it('keeps public broadcasts when the migrations are applied again without the installer', async () => {
    await applyMigrationsAgain(client);
    expect(await storedSetting(client)).toBe('off');
    const events = await startAndReadBroadcasts(client, 'greet');
    expect(events.map((e) => e.private)).toEqual([false, false]);
  });

  it('broadcasts privately after the documented opt-in, also after the migrations are applied again', async () => {
    await client.query(OPT_IN);
    expect((await startAndReadBroadcasts(client, 'greet')).map((e) => e.private)).toEqual([
      true,
      true,
    ]);

    await applyMigrationsAgain(client);
    await install(client);
    expect(await storedSetting(client)).toBe('on');
    expect((await startAndReadBroadcasts(client, 'greet')).map((e) => e.private)).toEqual([
      true,
      true,
    ]);
  });

  it("fails a run on pgflow's tables, cancelling its other tasks (a status pgflow 0.14.1's check lacked)", async () => {
    await client.exec(`
      select pgflow.create_flow('two_roots', max_attempts => 1);
      select pgflow.add_step('two_roots', 'a');
      select pgflow.add_step('two_roots', 'b');
      insert into pgflow.workers (worker_id, queue_name, function_name)
      values ('00000000-0000-4000-8000-00000000c001', 'two_roots', 'test');`);
    const [{ run_id: runId } = { run_id: '' }] = await client.query<{ run_id: string }>(
      `select run_id from pgflow.start_flow('two_roots', '{}'::jsonb)`,
    );
    const claimed = await client.query<{ step_slug: string }>(
      `select step_slug from pgflow.claim_tasks('two_roots', 30, 1, '00000000-0000-4000-8000-00000000c001')`,
    );
    expect(claimed).toHaveLength(1);
    await client.query('select pgflow.fail_task($1::uuid, $2, 0, $3)', [
      runId,
      claimed[0]?.step_slug,
      'boom',
    ]);
    const tasks = await client.query<{ status: string }>(
      'select status from pgflow.step_tasks where run_id = $1::uuid order by status',
      [runId],
    );
    expect(tasks.map((t) => t.status)).toEqual(['cancelled', 'failed']);
  });

  it('lets the session setting pgflow.realtime_private override the stored one', async () => {
    const events = await client.transaction(async (tx) => {
      await tx.query(`select set_config('pgflow.realtime_private', 'off', true)`);
      return startAndReadBroadcasts(tx, 'greet');
    });
    expect(events.map((e) => e.private)).toEqual([false, false]);
  });
});

describe('realtime on a new install', () => {
  let db: TestDatabase;
  let client: SqlClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = createPostgresJsClient(db.url);
    await client.exec(fixture('supabase-realtime.sql'));
    await install(client);
    await client.query(`select pgflow.create_flow('greet')`);
    await client.query(`select pgflow.add_step('greet', 'hello')`);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('broadcasts every event privately, also after the migrations are applied again', async () => {
    expect(await storedSetting(client)).toBe('on');
    expect(await startAndReadBroadcasts(client, 'greet')).toEqual([
      { event: 'run:started', private: true },
      { event: 'step:hello:started', private: true },
    ]);

    await applyMigrationsAgain(client);
    expect(await storedSetting(client)).toBe('on');
    expect((await startAndReadBroadcasts(client, 'greet')).map((e) => e.private)).toEqual([
      true,
      true,
    ]);
  });
});
