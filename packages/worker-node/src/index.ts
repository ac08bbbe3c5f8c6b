/**
 * @pgflow-ts/worker-node: the core worker on Node. It resolves the connection, owns the pool it
 * creates, and turns SIGTERM/SIGINT into a graceful stop. Everything else is core.
 */
import {
  type CreateWorkerOptions,
  createWorker,
  PgflowError,
  type SqlClient,
  type Worker,
} from '@pgflow-ts/core';
import { createPostgresJsClient } from '@pgflow-ts/core/postgres-js';
import type postgres from 'postgres';

export interface StartWorkerOptions extends Omit<CreateWorkerOptions, 'sql'> {
  /** Connection URL. Falls back to env `PGFLOW_DATABASE_URL`, then `DATABASE_URL`. */
  connection?: string;
  /** An existing client (a core `SqlClient` or a postgres.js `sql`); left open on stop. */
  sql?: SqlClient | postgres.Sql;
  /** Pool size of the connection this adapter opens. @default maxConcurrent + 3 */
  maxPgConnections?: number;
  /** Stop gracefully on SIGTERM and SIGINT (handlers are removed on stop). @default true */
  handleSignals?: boolean;
}

export interface NodeWorker extends Worker {
  /** Resolves when the worker has stopped and the pool it opened is closed. */
  readonly closed: Promise<void>;
}

/**
 * Starts a worker for the given flows and jobs and resolves once it is running.
 * @example
 * const worker = await startWorker({ flows: [MyFlow], jobs: [SendEmail], connection: process.env.DATABASE_URL });
 */
export async function startWorker(options: StartWorkerOptions): Promise<NodeWorker> {
  const { connection, sql, maxPgConnections, handleSignals = true, ...rest } = options;
  const env = options.env ?? { ...process.env };
  const { client, owned } = resolveClient(
    sql,
    connection,
    env,
    maxPgConnections ?? (rest.maxConcurrent ?? 10) + 3,
  );
  const worker = createWorker({ ...rest, env, sql: client });

  const onSignal = () => {
    void worker.stop();
  };
  if (handleSignals) {
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  const closed = worker.stopped.then(async () => {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
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

function resolveClient(
  sql: SqlClient | postgres.Sql | undefined,
  connection: string | undefined,
  env: Record<string, string | undefined>,
  max: number,
): { client: SqlClient; owned: boolean } {
  if (sql && 'query' in sql && 'listen' in sql && 'transaction' in sql)
    return { client: sql, owned: false };
  if (sql) return { client: createPostgresJsClient(sql as postgres.Sql), owned: false };
  const url = connection ?? env.PGFLOW_DATABASE_URL ?? env.DATABASE_URL;
  if (!url) {
    throw new PgflowError(
      'INVALID_OPTION',
      'No database connection: pass `connection` (or `sql`) to startWorker, or set PGFLOW_DATABASE_URL or DATABASE_URL.',
    );
  }
  return { client: createPostgresJsClient(url, { postgres: { max } }), owned: true };
}

// The run API and createWorker, so that one import serves a Node application.
export type { Pgflow, Worker, WorkerOptions } from '@pgflow-ts/core';
export {
  createPgflow,
  createWorker,
  enqueue,
  getRun,
  getRunWithStates,
  startFlow,
  startFlowSync,
  waitForRun,
} from '@pgflow-ts/core';
