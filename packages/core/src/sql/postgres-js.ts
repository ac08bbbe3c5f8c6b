import postgres from 'postgres';
import type { SqlClient, SqlExecutor } from './port';

// Any `postgres()` instance, whatever custom types it was configured with.
// biome-ignore lint/suspicious/noExplicitAny: Sql<TTypes> is invariant in TTypes
type AnySql = postgres.Sql<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above
type QuerySql = AnySql | postgres.TransactionSql<any>;
type Params = postgres.ParameterOrJSON<unknown>[];

export interface PostgresJsClientOptions {
  /**
   * Options for `postgres(url, options)` when a URL is given; ignored for an existing `sql`.
   * Notices are dropped and `int8` is parsed to `number` unless you override `onnotice`/`types`.
   * @default { onnotice: () => {} }
   */
  postgres?: postgres.Options<Record<string, postgres.PostgresType>>;
}

// int8 as number, as PGlite returns it: pgflow's bigints (msg ids, counts) stay far below 2^53.
const int8AsNumber = {
  to: 20,
  from: [20],
  serialize: (value: unknown) => String(value),
  parse: (value: string) => Number(value),
};

function executor(sql: QuerySql): SqlExecutor {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const rows = await sql.unsafe(text, params as Params);
      return [...rows] as T[];
    },
    async exec(script: string) {
      await sql.unsafe(script).simple();
    },
  };
}

/**
 * A `SqlClient` over porsager/postgres. Pass a connection URL (the client owns the pool and
 * `end()` closes it) or an existing `sql` instance (left open by `end()`).
 * @example
 * const client = createPostgresJsClient('postgres://postgres@127.0.0.1:5432/postgres');
 * await client.query('select pgflow.is_valid_slug($1) as ok', ['my_flow']);
 */
export function createPostgresJsClient(
  sqlOrUrl: AnySql | string,
  options: PostgresJsClientOptions = {},
): SqlClient {
  const owned = typeof sqlOrUrl === 'string';
  const sql: AnySql = owned
    ? postgres(sqlOrUrl, {
        onnotice: () => {},
        ...options.postgres,
        types: { int8AsNumber, ...options.postgres?.types },
      })
    : sqlOrUrl;

  return {
    ...executor(sql),
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>) {
      return (await sql.begin((tx) => fn(executor(tx)))) as T;
    },
    async listen(channel, onPayload, onListen) {
      // postgres.js calls onListen again when it re-issues LISTEN after a reconnect.
      const meta = await sql.listen(channel, (payload) => onPayload(payload ?? ''), onListen);
      return { unlisten: () => meta.unlisten() };
    },
    async end() {
      if (owned) await sql.end({ timeout: 5 });
    },
  };
}
