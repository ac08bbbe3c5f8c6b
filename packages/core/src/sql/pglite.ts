import type { PGliteInterface, PGliteOptions, Transaction } from '@electric-sql/pglite';
import { PGlite, types } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor } from './port';

// JSON-encode every json/jsonb parameter, as postgres.js does: PGlite's default passes a JS
// string through as JSON text, so the same call would store different values per adapter.
const serializers = {
  [types.JSON]: (value: unknown) => JSON.stringify(value),
  [types.JSONB]: (value: unknown) => JSON.stringify(value),
};

function executor(db: PGliteInterface | Transaction): SqlExecutor {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await db.query<T>(text, [...params], { serializers });
      return result.rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
  };
}

/**
 * A `SqlClient` over PGlite (Postgres in WebAssembly, in-process). Pass an existing instance
 * (left open by `end()`), a data directory, or nothing for an in-memory database (both owned:
 * `end()` closes them).
 *
 * PGlite is a single connection: inside `transaction(fn)` use only the `tx` handle, because
 * calls on the client wait until the transaction ends.
 * @example
 * const client = createPgliteClient(); // in memory
 * await install(client);
 */
export function createPgliteClient(
  pgliteOrDataDir?: PGliteInterface | string,
  options: PGliteOptions = {},
): SqlClient {
  const owned = pgliteOrDataDir === undefined || typeof pgliteOrDataDir === 'string';
  const db: PGliteInterface = owned
    ? new PGlite(pgliteOrDataDir as string | undefined, options)
    : pgliteOrDataDir;

  return {
    ...executor(db),
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    async listen(channel, onPayload, onListen) {
      // PGlite sends the name as written (LISTEN <name>): quote it so that case, dots and colons
      // (`pgmq.q_<queue>.INSERT`, `pgflow:run:<id>`) survive, as postgres.js does. Unlisten
      // through db.unlisten with the quoted name too: the function listen() returns re-sends
      // the unquoted name, which fails for such channels.
      const quoted = `"${channel.replaceAll('"', '""')}"`;
      await db.listen(quoted, onPayload);
      onListen?.(); // in-process: the LISTEN is never lost
      return { unlisten: () => db.unlisten(quoted, onPayload) };
    },
    async end() {
      if (owned && !db.closed) await db.close();
    },
  };
}
