/**
 * The run API bound to one database: what application code usually imports.
 * @example
 * const pgflow = createPgflow(createPostgresJsClient(process.env.DATABASE_URL));
 * const run = await pgflow.startFlowSync(MyFlow, { url }, { timeout: 30 });
 * if (run.status === 'completed') console.log(run.output);
 */
import type { SqlClient } from '../sql/port';
import { startFlowSync, type WaitOptions, waitForRun } from './await';
import { getRun, getRunWithStates } from './get';
import {
  type EnqueueOptions,
  enqueue,
  type FlowRef,
  type InputOf,
  type RunOf,
  type StartOptions,
  startFlow,
} from './start';

export interface Pgflow {
  /** Starts a run (`pgflow.start_flow`) and returns its row at once. */
  startFlow<F extends FlowRef>(
    flow: F,
    input: InputOf<F>,
    options?: StartOptions,
  ): Promise<RunOf<F>>;
  /** Starts a run and resolves once it completed or failed; `timeout` in seconds (default 60). */
  startFlowSync<F extends FlowRef>(
    flow: F,
    input: InputOf<F>,
    options?: WaitOptions & StartOptions,
  ): Promise<RunOf<F>>;
  /** Resolves once the run completed or failed. */
  waitForRun: (runId: string, options?: WaitOptions) => ReturnType<typeof waitForRun>;
  /** Enqueues a job (`pgflow.enqueue_job`); `delay` in seconds. */
  enqueue<F extends FlowRef>(
    job: F,
    input: InputOf<F>,
    options?: EnqueueOptions,
  ): Promise<RunOf<F>>;
  getRun: (runId: string) => ReturnType<typeof getRun>;
  getRunWithStates: (runId: string) => ReturnType<typeof getRunWithStates>;
  /** The SQL client underneath. */
  readonly sql: SqlClient;
}

export function createPgflow(sql: SqlClient): Pgflow {
  return {
    startFlow: (flow, input, options) => startFlow(sql, flow, input, options),
    startFlowSync: (flow, input, options) => startFlowSync(sql, flow, input, options),
    waitForRun: (runId, options) => waitForRun(sql, runId, options),
    enqueue: (job, input, options) => enqueue(sql, job, input, options),
    getRun: (runId) => getRun(sql, runId),
    getRunWithStates: (runId) => getRunWithStates(sql, runId),
    sql,
  };
}
