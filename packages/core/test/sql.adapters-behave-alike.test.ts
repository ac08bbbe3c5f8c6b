import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteClient } from '../src/sql/pglite';
import type { SqlClient } from '../src/sql/port';
import { createPostgresJsClient } from '../src/sql/postgres-js';
import { createTestDatabase, type TestDatabase } from './helpers/db';

let db: TestDatabase;
const clients: Record<string, SqlClient> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  clients['postgres-js'] = createPostgresJsClient(db.url);
  clients.pglite = createPgliteClient();
});
afterAll(async () => {
  await Promise.all(Object.values(clients).map((c) => c.end()));
  await db?.drop();
});

describe.each(['postgres-js', 'pglite'])('the %s adapter', (adapter) => {
  const client = () => clients[adapter] as SqlClient;

  it('sends positional parameters and JSON-encodes jsonb values', async () => {
    const rows = await client().query(
      'select $1::jsonb as obj, $2::jsonb as str, $3::bigint[] as ids, $4::uuid as id, 1::bigint as one',
      [{ a: [1, null] }, 'hello', [1, 2], '11111111-1111-1111-1111-111111111111'],
    );
    expect(rows).toEqual([
      {
        obj: { a: [1, null] },
        str: 'hello',
        ids: [1, 2],
        id: '11111111-1111-1111-1111-111111111111',
        one: 1,
      },
    ]);
  });

  it('runs multi-statement scripts with exec', async () => {
    await client().exec(
      `create table if not exists t_exec_${adapter.replace('-', '_')} (v int); select 1; select 2;`,
    );
  });

  it('commits a transaction and rolls one back on error', async () => {
    const table = `t_tx_${adapter.replace('-', '_')}`;
    await client().exec(`create table ${table} (v int)`);
    await client().transaction((tx) => tx.query(`insert into ${table} values (1)`));
    const failure = await client()
      .transaction(async (tx) => {
        await tx.query(`insert into ${table} values (2)`);
        throw new Error('boom');
      })
      .catch((e: Error) => e.message);
    expect(failure).toBe('boom');
    expect(await client().query(`select v from ${table}`)).toEqual([{ v: 1 }]);
  });

  it('delivers NOTIFY payloads to listeners until unlisten', async () => {
    const received: string[] = [];
    let resolve: () => void = () => {};
    const arrived = new Promise<void>((r) => {
      resolve = r;
    });
    const sub = await client().listen('pgflow_ts_test', (payload) => {
      received.push(payload);
      resolve();
    });
    await client().query("select pg_notify('pgflow_ts_test', 'hello')");
    await arrived;
    await sub.unlisten();
    expect(received).toEqual(['hello']);
  });
});
