/**
 * One fresh database per measurement, so no system (and no measurement) sees another's rows,
 * bloat or cached plans. Names are `h_bench_<label>_<random>`; `drop()` forces others off.
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

export function serverUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createDatabase(label: string): Promise<BenchDatabase> {
  const name = `h_bench_${label.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(3).toString('hex')}`;
  await admin((sql) => sql.unsafe(`create database "${name}"`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      admin((sql) => sql.unsafe(`drop database if exists "${name}" with (force)`)).then(() => {}),
  };
}

/** Runs `fn` on a fresh database and drops it afterwards, whatever happens. */
export async function withDatabase<T>(
  label: string,
  fn: (db: BenchDatabase) => Promise<T>,
): Promise<T> {
  const db = await createDatabase(label);
  try {
    return await fn(db);
  } finally {
    await db.drop();
  }
}

/** PostgreSQL server version and the settings that matter most for these numbers. */
export async function serverInfo(): Promise<Record<string, string>> {
  return admin(async (sql) => {
    const rows = await sql.unsafe(
      `select name, setting from pg_settings
        where name in ('server_version', 'synchronous_commit', 'shared_buffers', 'max_connections', 'fsync')`,
    );
    return Object.fromEntries(rows.map((r) => [r.name as string, r.setting as string]));
  });
}
