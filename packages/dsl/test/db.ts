// A throwaway database with the repository migrations applied in name order with psql.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const MIGRATIONS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../supabase/migrations');
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDb {
  url: string;
  notices: string[];
  sql: postgres.Sql;
  drop(): Promise<void>;
}

export async function createMigratedDb(prefix: string): Promise<TestDb> {
  const name = `h_dsl_${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = withDatabase(ADMIN_URL, name);
  const files = readdirSync(MIGRATIONS)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  for (const file of files) {
    execFileSync(
      'psql',
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-1', '-d', url, '-f', join(MIGRATIONS, file)],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  }
  const notices: string[] = [];
  const sql = postgres(url, { max: 1, onnotice: (notice) => notices.push(notice.message) });
  return {
    url,
    notices,
    sql,
    async drop() {
      await sql.end();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
