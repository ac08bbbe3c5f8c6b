import type { Json } from './json.js';

/** Environment variables as the worker sees them. */
export type Env = { [name: string]: string | undefined };

/**
 * Augment this interface (declaration merging) to type the variables your handlers read:
 * `declare module '@pgflow-ts/dsl' { interface UserEnv { API_KEY: string } }`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by users through declaration merging
export interface UserEnv {}

/** `T` with every member that is not a string (or optional string) turned into `never`. */
export type ValidEnv<T> = { [K in keyof T]: T[K] extends string | undefined ? T[K] : never };

/** Read-only view of the worker configuration handed to handlers. */
export interface WorkerConfig {
  maxConcurrent: number;
  maxPollSeconds: number;
  pollIntervalMs: number;
  batchSize: number;
  visibilityTimeout: number;
}

/** A pgmq message row. */
export interface MessageRecord {
  msg_id: number;
  read_ct: number;
  enqueued_at: string;
  vt: string;
  message: Json;
}

/** One claimed task, as returned by `pgflow.start_tasks` (`pgflow.step_task_record`). */
export interface StepTaskRecord {
  flow_slug: string;
  run_id: string;
  step_slug: string;
  input: Json;
  msg_id: number;
  /** 0 for single steps, 0..N-1 for map tasks. */
  task_index: number;
  /** The run input for root non-map steps, `null` otherwise. */
  flow_input: Json | null;
}

export interface BaseContext<TEnv extends Env = Env> {
  env: TEnv & ValidEnv<UserEnv>;
  /** Aborted when the worker shuts down or the step timeout elapses. */
  shutdownSignal: AbortSignal;
  /** The same signal as `shutdownSignal`: pass it to fetch and other abortable calls. */
  signal: AbortSignal;
  rawMessage: MessageRecord;
  workerConfig: Readonly<WorkerConfig>;
}

export interface FlowContext<TEnv extends Env = Env, TFlowInput = Json> extends BaseContext<TEnv> {
  stepTask: StepTaskRecord;
  /** This attempt's number, from 1 (`pgflow.step_tasks.attempts_count`). */
  attempt: number;
  /** The run input; fetched lazily for dependent and map steps, so always await it. */
  flowInput: Promise<TFlowInput>;
}

/** Context type for a reusable handler: `(input: X, ctx: Context<{ sql: Sql }>) => ...`. */
export type Context<
  T extends Record<string, unknown> = Record<never, never>,
  TEnv extends Env = Env,
> = FlowContext<TEnv> & T;
