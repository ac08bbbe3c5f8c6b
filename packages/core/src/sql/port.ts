/**
 * The SQL port: the only way core talks to PostgreSQL. Adapters (postgres-js.ts, pglite.ts)
 * implement it in a few lines each; everything else is written once against this type.
 *
 * Queries are plain text with positional parameters (`$1 … $n`), never tagged templates, so
 * an adapter is a thin pass-through and no SQL is ever assembled from values.
 *
 * Parameter values: string, number, boolean, null, Date, arrays (for `type[]` parameters) and
 * plain objects/arrays for `json`/`jsonb` parameters, which the adapter JSON-encodes (a JS
 * string sent to a `jsonb` parameter becomes a JSON string). Cast parameters in SQL
 * (`$1::uuid`, `$2::jsonb`) so every driver infers the same type.
 *
 * Result values: `int8` and `numeric` may arrive as `number` or `string` depending on the
 * driver and its configuration; wrappers normalise them with `Number()`.
 */

/** Something that runs statements: a client, or a transaction handle inside `transaction()`. */
export interface SqlExecutor {
  /** Runs one statement and returns its rows. */
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Runs a script of one or more statements without parameters (simple query protocol).
   * Used for migrations; prefer `query` for anything that takes values.
   */
  exec(script: string): Promise<void>;
}

/** A live LISTEN registration. */
export interface SqlSubscription {
  /** Stops delivering notifications for this registration. */
  unlisten(): Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  /**
   * Runs `fn` inside BEGIN … COMMIT on one connection; any rejection rolls back and is rethrown.
   * Only the `tx` handle runs inside the transaction; the client itself may use other connections.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * LISTENs on `channel` and calls `onPayload` with each NOTIFY payload ('' when none), and
   * `onListen` each time the LISTEN takes effect: first, and again after the adapter reconnected
   * (notifications sent while it was disconnected are lost).
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onListen?: () => void,
  ): Promise<SqlSubscription>;
  /** Closes connections the adapter opened itself; a client passed in by the caller stays open. */
  end(): Promise<void>;
}
