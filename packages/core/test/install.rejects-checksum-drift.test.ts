import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { install, isPgflowError, type Migration, migrations, PgflowError } from '../src/index';
import type { SqlClient } from '../src/sql/port';
import { createPostgresJsClient } from '../src/sql/postgres-js';
import { createTestDatabase, type TestDatabase } from './helpers/db';

describe('install with an applied migration that changed since', () => {
  let db: TestDatabase;
  let client: SqlClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = createPostgresJsClient(db.url);
    await install(client);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('raises MIGRATION_CHECKSUM_MISMATCH naming the file, and applies nothing', async () => {
    const edited = migrations.at(-1) as Migration;
    const newFile: Migration = {
      version: '99990101000000',
      name: 'would_be_next',
      file: '99990101000000_would_be_next.sql',
      checksum: 'c0ffee',
      sql: 'create table pgflow.would_be_next (id int);',
    };
    const changed = migrations.map((m) =>
      m === edited ? { ...m, sql: `${m.sql}\n-- edited`, checksum: 'edited' } : m,
    );

    const error = await install(client, { migrations: [...changed, newFile] }).catch((e) => e);
    expect(error).toBeInstanceOf(PgflowError);
    expect(isPgflowError(error, 'MIGRATION_CHECKSUM_MISMATCH')).toBe(true);
    expect(error.message).toContain(edited.file);
    expect(error.message).toContain('new migration');

    const [row] = await client.query<{ present: boolean }>(
      "select to_regclass('pgflow.would_be_next') is not null as present",
    );
    expect(row?.present).toBe(false);
  });

  it('raises MIGRATION_FAILED naming the file and rolls that file back', async () => {
    const broken: Migration = {
      version: '99990101000001',
      name: 'broken',
      file: '99990101000001_broken.sql',
      checksum: 'broken',
      sql: 'create table pgflow.half_done (id int);\nselect no_such_function();',
    };
    const error = await install(client, { migrations: [...migrations, broken] }).catch((e) => e);
    expect(isPgflowError(error, 'MIGRATION_FAILED')).toBe(true);
    expect(error.message).toContain(broken.file);
    expect(error.cause).toBeInstanceOf(Error);

    const [row] = await client.query<{ present: boolean; recorded: number }>(
      `select to_regclass('pgflow.half_done') is not null as present,
              (select count(*)::int from pgflow.schema_migrations where version = $1) as recorded`,
      [broken.version],
    );
    expect(row).toEqual({ present: false, recorded: 0 });
  });
});
