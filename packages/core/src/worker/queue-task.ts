/**
 * Plain pgmq queues served by the same worker as flows: a handler per raw message, retries by
 * visibility delay, and what pgflow's queue worker lacks — the message stays invisible while its
 * handler runs (defect 37: extended every half visibility window) and a message whose retries
 * are exhausted is archived with its last error in `headers.error`, so failures stay queryable
 * in `pgmq.a_<queue>` (defect 38).
 *
 * Retry delay (seconds) for the n-th failed read (n = read_ct, starting at 1):
 * fixed → baseDelay; exponential → min(baseDelay * 2^(n-1), maxDelay). A message is retried
 * while read_ct < limit + 1.
 */
import { PgflowError, serializeError } from '../errors';
import * as pgmq from '../sql/pgmq';
import type { SqlExecutor } from '../sql/port';
import type { WorkerEventEmitter } from '../telemetry/events';
import { type AbortGroup, createTaskAbort } from './abort';

export type RetryConfig =
  | { strategy: 'fixed'; limit: number; baseDelay: number }
  | { strategy: 'exponential'; limit: number; baseDelay: number; maxDelay?: number };

export interface QueueContext {
  env: Record<string, string | undefined>;
  /** Aborted when the worker gives up waiting for in-flight work at shutdown. */
  signal: AbortSignal;
  /** The same signal as `signal`. */
  shutdownSignal: AbortSignal;
  rawMessage: pgmq.MessageRow;
}

export interface QueueDefinition<T = unknown> {
  /** The pgmq queue; created at worker start when missing. */
  queue: string;
  handler: (message: T, context: QueueContext) => unknown;
  /** @default { strategy: 'exponential', limit: 5, baseDelay: 3, maxDelay: 300 } */
  retry?: RetryConfig;
  /** Seconds a read message stays hidden; renewed while the handler runs. @default 10 */
  visibilityTimeout?: number;
}

export const DEFAULT_RETRY: RetryConfig = Object.freeze({
  strategy: 'exponential',
  limit: 5,
  baseDelay: 3,
  maxDelay: 300,
});

const MAX_SECONDS = 2_147_483_647;

/** Validates a retry config with pgflow's queue-worker messages. */
export function validateRetryConfig(retry: RetryConfig): void {
  const fail = (message: string) => {
    throw new PgflowError('INVALID_OPTION', message);
  };
  const { strategy } = retry as { strategy: string };
  if (strategy !== 'fixed' && strategy !== 'exponential') {
    fail(`Invalid retry strategy: ${strategy}. Must be 'fixed' or 'exponential'`);
  }
  if (!Number.isInteger(retry.limit)) fail('limit must be an integer');
  if (retry.limit < 0) fail('limit must be greater than or equal to 0');
  if (!Number.isInteger(retry.baseDelay)) fail('baseDelay must be an integer');
  if (retry.baseDelay <= 0) fail('baseDelay must be greater than 0');
  if (retry.baseDelay > MAX_SECONDS) fail(`baseDelay must not exceed ${MAX_SECONDS} seconds`);
  if (retry.strategy === 'fixed') {
    if ('maxDelay' in retry) fail('maxDelay is only valid for exponential strategy');
    return;
  }
  if (retry.limit > 50)
    fail('For exponential strategy, limit must not exceed 50 to prevent calculation overflow');
  if (retry.maxDelay !== undefined) {
    if (!Number.isInteger(retry.maxDelay)) fail('maxDelay must be an integer');
    if (retry.maxDelay <= 0) fail('maxDelay must be greater than 0');
    if (retry.maxDelay < retry.baseDelay)
      fail('maxDelay must be greater than or equal to baseDelay');
    if (retry.maxDelay > MAX_SECONDS) fail(`maxDelay must not exceed ${MAX_SECONDS} seconds`);
  }
}

export function queueRetryDelay(readCount: number, retry: RetryConfig): number {
  if (retry.strategy === 'fixed') return retry.baseDelay;
  return Math.min(retry.baseDelay * 2 ** (readCount - 1), retry.maxDelay ?? 300);
}

export interface QueueTaskDeps {
  db: SqlExecutor;
  events: WorkerEventEmitter;
  env: Record<string, string | undefined>;
  shutdown: AbortGroup;
  workerId: string;
}

/** Runs one raw message; resolves to true when it failed and was hidden for a retry. */
export async function executeQueueMessage(
  deps: QueueTaskDeps,
  def: QueueDefinition,
  message: pgmq.MessageRow,
): Promise<boolean> {
  const retry = def.retry ?? DEFAULT_RETRY;
  const vt = def.visibilityTimeout ?? 10;
  const msgId = Number(message.msg_id);
  const base = {
    queue: def.queue,
    flowSlug: def.queue,
    runId: String(msgId),
    stepSlug: def.queue,
    taskIndex: 0,
    attempt: message.read_ct,
    workerId: deps.workerId,
  };
  const renew = setInterval(
    () => {
      pgmq.setVt(deps.db, def.queue, msgId, vt).catch((error) => {
        deps.events.emit('worker:error', { error, during: `set_vt of ${def.queue}` });
      });
    },
    (vt * 1000) / 2,
  );
  const abort = createTaskAbort();
  const release = deps.shutdown.add(abort);
  const context = {
    env: deps.env,
    get signal() {
      return abort.signal;
    },
    get shutdownSignal() {
      return abort.signal;
    },
    rawMessage: message,
  };

  deps.events.emit('task:started', base);
  const started = Date.now();
  try {
    await abort.race(() => def.handler(message.message, context));
    clearInterval(renew);
    await pgmq.archive(deps.db, def.queue, msgId);
    deps.events.emit('task:completed', { ...base, durationMs: Date.now() - started });
  } catch (error) {
    clearInterval(renew);
    const text = serializeError(error);
    const durationMs = Date.now() - started;
    if (message.read_ct < retry.limit + 1) {
      const delaySeconds = queueRetryDelay(message.read_ct, retry);
      await pgmq.setVt(deps.db, def.queue, msgId, delaySeconds);
      deps.events.emit('task:retry', { ...base, durationMs, error: text, delaySeconds });
      return true;
    } else {
      await archiveWithError(deps.db, def.queue, msgId, text);
      deps.events.emit('task:failed', { ...base, durationMs, error: text });
    }
  } finally {
    release();
  }
  return false;
}

/** Records the error in the message headers, then archives it (one statement per step). */
async function archiveWithError(
  db: SqlExecutor,
  queue: string,
  msgId: number,
  error: string,
): Promise<void> {
  const [row] = await db.query<{ table: string }>(
    `select pgmq.format_table_name($1::text, 'q') as "table"`,
    [queue],
  );
  const table = `pgmq.${quoteIdent(row?.table ?? '')}`;
  await db.query(
    `update ${table} set headers = coalesce(headers, '{}'::jsonb)
       || jsonb_build_object('error', $2::text, 'failed_at', clock_timestamp()) where msg_id = $1::bigint`,
    [msgId, error],
  );
  await pgmq.archive(db, queue, msgId);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
