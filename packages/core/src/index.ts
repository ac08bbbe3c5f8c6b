// Public surface of @pgflow-ts/core. Driver adapters live on subpaths so that importing the
// core loads no driver: '@pgflow-ts/core/postgres-js' and '@pgflow-ts/core/pglite'.

export type { PgflowErrorCode } from './errors';
export { FlowShapeMismatchError, isPgflowError, PgflowError, serializeError } from './errors';
export type {
  InstallOptions,
  InstallProgress,
  InstallResult,
  Migration,
  PgmqFlavour,
} from './install';
export { detectPgmqFlavour, install, installedVersion, migrations } from './install';
export type { SignalStrategy, WorkerOptions } from './options';

// Worker engine, run API and telemetry.
export { DEFAULTS as WORKER_DEFAULTS, resolveWorkerOptions } from './options';
export { MAX_RETRY_DELAY_SECONDS, resolveStepOptions, retryDelaySeconds } from './retry';
export type { WaitOptions } from './run/await';
export { runChannel, startFlowSync, waitForRun } from './run/await';
export type { Pgflow } from './run/client';
export { createPgflow } from './run/client';
export type { RunRow, RunWithStates, StepStateRow } from './run/get';
export { getRun, getRunWithStates } from './run/get';
export type { EnqueueOptions, FlowRef, InputOf, OutputOf, RunOf, StartOptions } from './run/start';
export { enqueue, startFlow } from './run/start';
export type { SqlClient, SqlExecutor, SqlSubscription } from './sql/port';
export type {
  TaskEventBase,
  WorkerEventEmitter,
  WorkerEventName,
  WorkerEvents,
} from './telemetry/events';
export { createEventEmitter } from './telemetry/events';
export { TaskTimeoutError, WorkerStoppedError } from './worker/abort';
export type { CreateWorkerOptions, Worker } from './worker/create-worker';
export { createWorker } from './worker/create-worker';
export type { WorkerState } from './worker/lifecycle';
export type { QueueContext, QueueDefinition, RetryConfig } from './worker/queue-task';
export { DEFAULT_RETRY, queueRetryDelay, validateRetryConfig } from './worker/queue-task';
