import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { install, installedVersion, migrations } from '../src/index';
import type { SqlClient } from '../src/sql/port';
import { createPostgresJsClient } from '../src/sql/postgres-js';
import { catalogFingerprint } from './helpers/catalog';
import { createTestDatabase, expectedPgmqFlavour, type TestDatabase } from './helpers/db';

describe('install on PostgreSQL', () => {
  let db: TestDatabase;
  let client: SqlClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = createPostgresJsClient(db.url);
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('applies every migration in name order, then a second install applies nothing and changes nothing', async () => {
    const files = migrations.map((m) => m.file);
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual([...files].sort());
    expect(await installedVersion(client)).toBeNull();

    const progress: string[] = [];
    const first = await install(client, {
      onProgress: (p) => progress.push(`${p.status} ${p.file}`),
    });
    expect(first.applied).toEqual(files);
    expect(first.skipped).toEqual([]);
    expect(progress).toEqual(files.map((f) => `applied ${f}`));

    const ledger = await client.query<{ version: string; name: string; checksum: string }>(
      'select version, name, checksum from pgflow.schema_migrations order by version',
    );
    expect(ledger).toEqual(
      migrations.map(({ version, name, checksum }) => ({ version, name, checksum })),
    );
    expect(await installedVersion(client)).toBe(migrations.at(-1)?.version);

    const before = await catalogFingerprint(client);
    const second = await install(client);
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(files);
    expect(await catalogFingerprint(client)).toEqual(before);
  });

  it("reports the pgmq flavour it installed: this run's", async () => {
    const { pgmq } = await install(client);
    const [ext] = await client.query<{ version: string | null; offered: string | null }>(
      `select (select extversion from pg_extension where extname = 'pgmq') as version,
              (select v.version from pg_available_extension_versions v
                 join pg_available_extensions e using (name)
                where name = 'pgmq'
                  and string_to_array(substring(v.version, '^\\d+(?:\\.\\d+)*'), '.')::int[] >= array[1, 5, 1]
                order by v.version = e.default_version desc,
                         string_to_array(substring(v.version, '^\\d+(?:\\.\\d+)*'), '.')::int[] desc
                limit 1) as offered`,
    );
    expect(pgmq).toEqual(
      (await expectedPgmqFlavour()) === 'extension'
        ? { flavour: 'extension', version: ext?.version, extensionAvailable: null }
        : { flavour: 'compat', version: '1.5.1', extensionAvailable: ext?.offered ?? null },
    );
    expect(ext?.version ?? null).toBe(pgmq.flavour === 'extension' ? pgmq.version : null);
  });
});
