import { install } from '../../src/install';
import type { SqlClient } from '../../src/sql/port';
import { createPostgresJsClient } from '../../src/sql/postgres-js';
import { createTestDatabase, expectedPgmqFlavour, type TestDatabase } from './db';

export interface MigratedDatabase extends TestDatabase {
  readonly client: SqlClient;
  /** Closes the client, then drops the database. */
  dispose(): Promise<void>;
}

/** A throwaway database with every migration applied, and a client on it. */
export async function createMigratedDatabase(max = 20): Promise<MigratedDatabase> {
  const db = await createTestDatabase();
  const client = createPostgresJsClient(db.url, { postgres: { max } });
  const { pgmq } = await install(client);
  const expected = await expectedPgmqFlavour();
  if (pgmq.flavour !== expected)
    throw new Error(`installed pgmq ${pgmq.flavour}, expected ${expected}`);
  return {
    ...db,
    client,
    async dispose() {
      await client.end();
      await db.drop();
    },
  };
}

/** Polls `check` until it returns a truthy value or `timeoutMs` passes (test helper only). */
export async function eventually<T>(
  check: () => Promise<T>,
  timeoutMs = 20_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
