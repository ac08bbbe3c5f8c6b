import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { install, migrations } from '../src/index';
import type { SqlClient } from '../src/sql/port';
import { createPostgresJsClient } from '../src/sql/postgres-js';
import { createTestDatabase, type TestDatabase } from './helpers/db';

describe('two installers at once', () => {
  let db: TestDatabase;
  let clients: SqlClient[];

  beforeAll(async () => {
    db = await createTestDatabase();
    clients = [createPostgresJsClient(db.url), createPostgresJsClient(db.url)];
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await db?.drop();
  });

  it('both succeed and each migration is applied exactly once', async () => {
    const [a, b] = await Promise.all(clients.map((c) => install(c)));
    const files = migrations.map((m) => m.file);

    expect([...(a?.applied ?? []), ...(b?.applied ?? [])].sort()).toEqual(files);
    expect([...(a?.skipped ?? []), ...(b?.skipped ?? [])].sort()).toEqual(files);

    const [row] = await (clients[0] as SqlClient).query<{ n: number }>(
      'select count(*)::int as n from pgflow.schema_migrations',
    );
    expect(row?.n).toBe(files.length);
  });
});
