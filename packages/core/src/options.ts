/**
 * Every worker option: its type with the default, one frozen DEFAULTS and one resolveWorkerOptions().
 * Precedence: explicit option > environment variable > default. Validated once, at start.
 */
import { PgflowError } from './errors';

export type SignalStrategy = 'polling' | 'notify';

export interface WorkerOptions {
  /** Handlers running at once, over all queues of the worker. Env `PGFLOW_MAX_CONCURRENT`. @default 10 */
  maxConcurrent: number;
  /** Most messages claimed by one poll. Env `PGFLOW_BATCH_SIZE`. @default 10 */
  batchSize: number;
  /**
   * Seconds a claimed message stays hidden when its task cannot start (a started task's message
   * stays hidden for the step timeout + 2 s). @default 5
   */
  visibilityTimeout: number;
  /**
   * How an idle worker learns about new work: `polling` (sleep between polls, doubling from
   * `minPollIntervalMs` to `maxPollIntervalMs`) or `notify` (LISTEN on the queue's insert
   * notifications, sent by the trigger `pgflow.enable_insert_notifications` adds on either pgmq
   * flavour, with a fallback poll every `notifyFallbackMs`). Env `PGFLOW_SIGNAL`.
   * @default 'polling'
   */
  signal: SignalStrategy;
  /** First wait after an empty poll. @default 50 */
  minPollIntervalMs: number;
  /** Longest wait between polls of an idle queue (polling strategy). @default 1000 */
  maxPollIntervalMs: number;
  /**
   * Longest wait between fallback polls of an idle queue (notify strategy); shorter when a
   * hidden message (delayed, or a retry) is due sooner. @default 10000
   */
  notifyFallbackMs: number;
  /**
   * Notify strategy: an idle worker also waits in `pgflow.waiting_workers` for a pushed task. A
   * task enqueued meanwhile is started for it when the enqueuing transaction commits and arrives
   * in a notification, so its handler starts without a claim round trip (bench/README.md).
   * @default true
   */
  pushTasks: boolean;
  /**
   * While some tasks run, wait up to this long for a whole batch of slots to free before claiming
   * more, so one claim takes several tasks (a claim has a fixed cost whatever its size). An idle
   * worker claims at once. @default 5
   */
  dispatchCooldownMs: number;
  /**
   * Heartbeat period; also how soon an operator's deprecation is noticed, and how often the
   * worker takes over the tasks of dead workers. A worker whose heartbeat is
   * `visibilityTimeout` s + 2 × this late counts as dead (its lease). @default 5000
   */
  heartbeatIntervalMs: number;
  /** How long `stop()` waits for in-flight tasks before aborting and failing them. @default 30000 */
  shutdownGraceMs: number;
  /**
   * Period of `pgflow.requeue_stalled_tasks()` run by the worker itself, for databases without
   * pg_cron; 0 turns it off. @default 15000
   */
  stalledCheckIntervalMs: number;
  /** Name recorded in `pgflow.workers.function_name`. Env `PGFLOW_FUNCTION_NAME`. @default 'pgflow-ts-worker' */
  functionName: string;
  /**
   * Startup compilation: verify each flow's shape with `pgflow.ensure_flow_compiled`
   * (creating it when missing); `false` skips it; `allowDataLoss` lets a changed flow be
   * dropped and recreated. @default {}
   */
  compilation: false | { allowDataLoss?: boolean };
  /** Environment handed to handlers as `ctx.env`. @default {} */
  env: Record<string, string | undefined>;
}

export const DEFAULTS: Readonly<WorkerOptions> = Object.freeze({
  maxConcurrent: 10,
  batchSize: 10,
  visibilityTimeout: 5,
  signal: 'polling',
  minPollIntervalMs: 50,
  maxPollIntervalMs: 1000,
  notifyFallbackMs: 10_000,
  pushTasks: true,
  dispatchCooldownMs: 5,
  heartbeatIntervalMs: 5000,
  shutdownGraceMs: 30_000,
  stalledCheckIntervalMs: 15_000,
  functionName: 'pgflow-ts-worker',
  compilation: {},
  env: {},
});

const ENV_NAMES: Partial<Record<keyof WorkerOptions, string>> = {
  maxConcurrent: 'PGFLOW_MAX_CONCURRENT',
  batchSize: 'PGFLOW_BATCH_SIZE',
  signal: 'PGFLOW_SIGNAL',
  functionName: 'PGFLOW_FUNCTION_NAME',
};

const POSITIVE = ['maxConcurrent', 'batchSize', 'visibilityTimeout', 'minPollIntervalMs'] as const;
const NON_NEGATIVE = [
  'dispatchCooldownMs',
  'maxPollIntervalMs',
  'notifyFallbackMs',
  'heartbeatIntervalMs',
  'shutdownGraceMs',
  'stalledCheckIntervalMs',
] as const;

export function resolveWorkerOptions(
  options: Partial<WorkerOptions> = {},
  env: Record<string, string | undefined> = options.env ?? {},
): WorkerOptions {
  const fromEnv: Partial<WorkerOptions> = {};
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof WorkerOptions, string][]) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    Object.assign(fromEnv, { [key]: typeof DEFAULTS[key] === 'number' ? Number(raw) : raw });
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const resolved: WorkerOptions = { ...DEFAULTS, ...fromEnv, ...defined, env };

  for (const key of POSITIVE) {
    if (!Number.isFinite(resolved[key]) || resolved[key] <= 0) {
      throw invalid(`${key} must be a number greater than 0, got: ${resolved[key]}`);
    }
  }
  for (const key of NON_NEGATIVE) {
    if (!Number.isFinite(resolved[key]) || resolved[key] < 0) {
      throw invalid(`${key} must be a number greater than or equal to 0, got: ${resolved[key]}`);
    }
  }
  if (!Number.isInteger(resolved.visibilityTimeout)) {
    throw invalid(`visibilityTimeout is in whole seconds, got: ${resolved.visibilityTimeout}`);
  }
  if (typeof resolved.pushTasks !== 'boolean') {
    throw invalid(`pushTasks must be true or false, got: ${String(resolved.pushTasks)}`);
  }
  if (resolved.signal !== 'polling' && resolved.signal !== 'notify') {
    throw invalid(`signal must be 'polling' or 'notify', got: ${String(resolved.signal)}`);
  }
  return resolved;
}

function invalid(message: string): PgflowError {
  return new PgflowError('INVALID_OPTION', message);
}
