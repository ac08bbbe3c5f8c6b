/**
 * @pgflow-ts/worker-deno: the core worker on Deno. It reads the environment, resolves the
 * connection, owns the pool it creates, and turns SIGTERM/SIGINT into a graceful stop.
 * Everything else (claiming, retries, heartbeats, shutdown order) is core.
 */
import {
  type CreateWorkerOptions,
  createWorker,
  PgflowError,
  type SqlClient,
  type Worker,
} from '@pgflow-ts/core';
import { createPostgresJsClient, type PostgresJsClientOptions } from '@pgflow-ts/core/postgres-js';

/** A postgres.js `sql` instance (`postgres(url)`), as accepted by the core adapter. */
export type PostgresJsSql = Exclude<Parameters<typeof createPostgresJsClient>[0], string>;

export interface StartWorkerOptions extends Omit<CreateWorkerOptions, 'sql'> {
  /** Connection URL. Falls back to env `PGFLOW_DATABASE_URL`, then `DATABASE_URL`. */
  connection?: string;
  /** An existing client (a core `SqlClient` or a postgres.js `sql`); left open on stop. */
  sql?: SqlClient | PostgresJsSql;
  /** Pool size of the connection this adapter opens. @default maxConcurrent + 3 */
  maxPgConnections?: number;
  /**
   * Extra postgres.js options for the pool this adapter opens, e.g. `{ prepare: false }` behind
   * a transaction pooler. @default {}
   */
  postgres?: PostgresJsClientOptions['postgres'];
  /**
   * Stop gracefully on these signals (`true`: SIGTERM and SIGINT; listeners are removed on stop).
   * @default true
   */
  handleSignals?: boolean | readonly Deno.Signal[];
}

export interface DenoWorker extends Worker {
  /** Resolves when the worker has stopped and the pool it opened is closed. */
  readonly closed: Promise<void>;
}

const SIGNALS: readonly Deno.Signal[] = ['SIGTERM', 'SIGINT'];

/**
 * Starts a worker for the given flows and jobs and resolves once it is running.
 * @example
 * const worker = await startWorker({ flows: [MyFlow], connection: Deno.env.get('DATABASE_URL') });
 */
export async function startWorker(options: StartWorkerOptions): Promise<DenoWorker> {
  const { connection, sql, maxPgConnections, postgres, handleSignals = true, ...rest } = options;
  const env = options.env ?? Deno.env.toObject();
  const max = maxPgConnections ?? (rest.maxConcurrent ?? 10) + 3;
  const { client, owned } = resolveClient(sql, connection, env, { max, ...postgres });
  const worker = createWorker({ ...rest, env, sql: client });

  const onSignal = () => {
    void worker.stop();
  };
  const wanted = handleSignals === true ? SIGNALS : handleSignals || [];
  const listening = wanted.filter((signal) => addSignal(signal, onSignal));
  const closed = worker.stopped.then(async () => {
    for (const signal of listening) Deno.removeSignalListener(signal, onSignal);
    if (owned) await client.end();
  });

  try {
    await worker.start();
  } catch (error) {
    await worker.stop().catch(() => {});
    await closed;
    throw error;
  }
  return {
    get state() {
      return worker.state;
    },
    workerIds: worker.workerIds,
    events: worker.events,
    start: worker.start,
    stop: worker.stop,
    stopped: worker.stopped,
    closed,
  };
}

// SIGTERM is not available everywhere (Windows); a missing signal is simply not listened to.
function addSignal(signal: Deno.Signal, handler: () => void): boolean {
  try {
    Deno.addSignalListener(signal, handler);
    return true;
  } catch {
    return false;
  }
}

function resolveClient(
  sql: SqlClient | PostgresJsSql | undefined,
  connection: string | undefined,
  env: Record<string, string | undefined>,
  postgres: NonNullable<PostgresJsClientOptions['postgres']>,
): { client: SqlClient; owned: boolean } {
  if (sql && 'query' in sql && 'listen' in sql && 'transaction' in sql) {
    return { client: sql as SqlClient, owned: false };
  }
  if (sql) return { client: createPostgresJsClient(sql as PostgresJsSql), owned: false };
  const url = connection || env.PGFLOW_DATABASE_URL || env.DATABASE_URL;
  if (!url) {
    throw new PgflowError(
      'INVALID_OPTION',
      'No database connection: pass `connection` (or `sql`) to startWorker, or set PGFLOW_DATABASE_URL or DATABASE_URL.',
    );
  }
  return { client: createPostgresJsClient(url, { postgres }), owned: true };
}

export type { SqlClient, Worker, WorkerOptions, WorkerState } from '@pgflow-ts/core';
export { createWorker } from '@pgflow-ts/core';
