import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedDatabase, type MigratedDatabase } from './helpers/migrated';

const TEST_SQL = join(__dirname, '../../../test-sql');

/** Rows of the coverage table in test-sql/README.md: functions named in a row → its folders. */
function coverageRows(): Array<{ functions: string[]; folders: string[] }> {
  const text = readFileSync(join(TEST_SQL, 'README.md'), 'utf8');
  const table = text.slice(text.indexOf('## Coverage'));
  return table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [fnCell = '', folderCell = ''] = line.split(' | ');
      return {
        functions: [...fnCell.matchAll(/pgflow\.(\w+)\(/g)].map((m) => m[1] as string),
        folders: [...folderCell.matchAll(/`([\w]+)\/`/g)].map((m) => m[1] as string),
      };
    });
}

describe('test-sql/README.md coverage table', () => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await createMigratedDatabase(2);
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('has a row for every function of the installed pgflow schema', async () => {
    const rows = await db.client.query<{ name: string }>(
      `select distinct p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'pgflow' order by 1`,
    );
    const listed = new Set(coverageRows().flatMap((row) => row.functions));
    expect(rows.map((r) => r.name).filter((name) => !listed.has(name))).toEqual([]);
  });

  it('lists only folders that hold test files', () => {
    const empty = coverageRows()
      .flatMap((row) => row.folders)
      .filter((folder) => {
        try {
          return !readdirSync(join(TEST_SQL, folder)).some((file) => file.endsWith('.test.sql'));
        } catch {
          return true;
        }
      });
    expect(empty).toEqual([]);
  });
});
