/**
 * Starting runs and jobs. Typed by the definition when one is passed, so `startFlow(MyFlow, input)`
 * checks `input` against the flow's input type.
 */
import { type AnyFlow, type ExtractFlowInput, JOB_STEP_SLUG } from '@pgflow-ts/dsl';
import { PgflowError } from '../errors';
import { type RunRow, startFlow as startFlowSql } from '../sql/pgflow';
import type { SqlClient, SqlExecutor } from '../sql/port';

export type FlowRef = AnyFlow | string;
export type InputOf<F> = F extends AnyFlow ? ExtractFlowInput<F> : unknown;

export interface StartOptions {
  /** Run id to use instead of a generated one (idempotency key). */
  runId?: string;
}

const slugOf = (flow: FlowRef) => (typeof flow === 'string' ? flow : flow.slug);

/** Starts a run of `flow` (`pgflow.start_flow`); the returned row may already be completed. */
export function startFlow<F extends FlowRef>(
  db: SqlExecutor,
  flow: F,
  input: InputOf<F>,
  options: StartOptions = {},
): Promise<RunRow> {
  return startFlowSql(db, slugOf(flow), input, options.runId);
}

export interface EnqueueOptions extends StartOptions {
  /** Seconds before the job may start. @default 0 */
  delay?: number;
}

/**
 * Enqueues a job: a run of its one-step flow, whose task becomes visible after `delay` seconds.
 * Both happen in one transaction, so a crash never leaves a run without its delay applied.
 */
export async function enqueue<F extends FlowRef>(
  db: SqlClient,
  job: F,
  input: InputOf<F>,
  options: EnqueueOptions = {},
): Promise<RunRow> {
  const delay = options.delay ?? 0;
  if (!Number.isInteger(delay) || delay < 0) {
    throw new PgflowError('INVALID_OPTION', `delay must be a whole number of seconds >= 0, got: ${delay}`);
  }
  const slug = slugOf(job);
  if (delay === 0) return startFlowSql(db, slug, input, options.runId);
  return db.transaction(async (tx) => {
    const run = await startFlowSql(tx, slug, input, options.runId);
    await tx.query(
      `select pgmq.set_vt(queue_name => t.flow_slug, msg_id => t.message_id, vt => $2::integer)
         from pgflow.step_tasks as t
        where t.run_id = $1::uuid and t.step_slug = $3::text and t.status = 'queued'`,
      [run.run_id, delay, JOB_STEP_SLUG],
    );
    return run;
  });
}
