import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { install, migrations } from '../src/index';
import { createPgliteClient } from '../src/sql/pglite';
import type { SqlClient } from '../src/sql/port';

describe('install on PGlite (in-process)', () => {
  let client: SqlClient;

  beforeAll(() => {
    client = createPgliteClient();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('applies every migration, with pgmq as the compatible layer', async () => {
    const result = await install(client);
    expect(result.applied).toEqual(migrations.map((m) => m.file));
    expect(result.pgmq.flavour).toBe('compat');
  });

  it('leaves a working pgflow schema behind', async () => {
    const rows = await client.query<{ x: boolean; run: boolean; dash: boolean }>(
      "select pgflow.is_valid_slug('x') as x, pgflow.is_valid_slug('run') as run, pgflow.is_valid_slug('a-b') as dash",
    );
    expect(rows).toEqual([{ x: true, run: false, dash: false }]);
  });

  it('skips everything on a second install', async () => {
    const again = await install(client);
    expect(again.applied).toEqual([]);
    expect(again.skipped).toHaveLength(migrations.length);
  });
});
