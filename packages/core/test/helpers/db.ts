import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

/**
 * Server and credentials come from DATABASE_URL; its database name is only used to connect, its
 * other parts (e.g. scripts/test.sh's `options=-c pgflow.pgmq_flavour=...`) apply to every test database.
 */
export const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  readonly name: string;
  /** Connection URL of the new database. */
  readonly url: string;
  /** Drops the database, disconnecting anyone still on it. */
  drop(): Promise<void>;
}

function urlFor(database: string): string {
  const url = new URL(BASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(BASE_URL, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Creates an empty throwaway database `pgflow_ts_<random>` on the DATABASE_URL server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `pgflow_ts_${randomBytes(6).toString('hex')}`;
  await admin((sql) => sql.unsafe(`create database "${name}"`));
  return {
    name,
    url: urlFor(name),
    drop: async () => {
      await admin((sql) => sql.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

/**
 * The pgmq flavour an install takes in this run: the test pass's (scripts/test.sh sets
 * PGFLOW_TEST_PGMQ), else the migration's own choice on this server.
 */
export async function expectedPgmqFlavour(): Promise<'compat' | 'extension'> {
  const pass = process.env.PGFLOW_TEST_PGMQ;
  if (pass === 'compat' || pass === 'extension') return pass;
  const [row] = await admin(
    (sql) => sql`select count(*)::int as n from pg_available_extension_versions
                  where name = 'pgmq' and string_to_array(substring(version, '^\\d+(?:\\.\\d+)*'), '.')::int[] >= array[1, 5, 1]`,
  );
  return row?.n ? 'extension' : 'compat';
}
