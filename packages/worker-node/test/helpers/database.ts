/**
 * A throwaway database per test file: created on the DATABASE_URL server, every migration
 * applied with core's `install`, plus the `test_handler_log` table the fixture flows write to.
 */
import { randomBytes } from 'node:crypto';
import { install, type SqlClient } from '@pgflow-ts/core';
import { createPostgresJsClient } from '@pgflow-ts/core/postgres-js';
import postgres from 'postgres';

const BASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface WorkerTestDatabase {
  readonly url: string;
  readonly client: SqlClient;
  /** Closes the client and drops the database, disconnecting anyone still on it. */
  dispose(): Promise<void>;
}

async function admin(statement: string): Promise<void> {
  const sql = postgres(BASE_URL, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export async function createWorkerTestDatabase(): Promise<WorkerTestDatabase> {
  const name = `pgflow_ts_${randomBytes(6).toString('hex')}`;
  await admin(`create database "${name}"`);
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  const client = createPostgresJsClient(url.toString(), { postgres: { max: 5 } });
  const { pgmq } = await install(client);
  // scripts/test.sh runs every suite once per pgmq flavour; its URL carries the choice.
  const pass = process.env.PGFLOW_TEST_PGMQ;
  if (pass && pgmq.flavour !== pass)
    throw new Error(`installed pgmq ${pgmq.flavour} in the ${pass} pass`);
  await client.query(`
    create table public.test_handler_log (
      id bigserial primary key,
      run_id uuid not null,
      step_slug text not null,
      task_index integer not null,
      event text not null check (event in ('start', 'done')),
      pid integer not null,
      at timestamptz not null default clock_timestamp()
    )`);
  return {
    url: url.toString(),
    client,
    async dispose() {
      await client.end();
      await admin(`drop database if exists "${name}" with (force)`);
    },
  };
}

/** Polls `check` until it returns a truthy value; throws with `what` after `timeoutMs`. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
