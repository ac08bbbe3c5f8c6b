/**
 * Starting runs and jobs. Typed by the definition when one is passed, so `startFlow(MyFlow, input)`
 * checks `input` against the flow's input type.
 */
import type { AnyFlow, ExtractFlowInput, ExtractFlowOutput } from '@pgflow-ts/dsl';
import { PgflowError } from '../errors';
import { type RunRow, startFlow as startFlowSql } from '../sql/pgflow';
import type { SqlExecutor } from '../sql/port';

export type FlowRef = AnyFlow | string;
export type InputOf<F> = F extends AnyFlow ? ExtractFlowInput<F> : unknown;
export type OutputOf<F> = F extends AnyFlow ? ExtractFlowOutput<F> : unknown;
/** The run row typed by the flow definition (untyped for a slug). */
export type RunOf<F> = RunRow<InputOf<F>, OutputOf<F>>;

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
): Promise<RunOf<F>> {
  return startFlowSql(db, slugOf(flow), input, options.runId) as Promise<RunOf<F>>;
}

export interface EnqueueOptions extends StartOptions {
  /** Seconds before the job may start. @default 0 */
  delay?: number;
}

/**
 * Enqueues a job (`pgflow.enqueue_job`): a run of its one-step flow whose task becomes visible
 * after `delay` seconds, in one statement.
 */
export async function enqueue<F extends FlowRef>(
  db: SqlExecutor,
  job: F,
  input: InputOf<F>,
  options: EnqueueOptions = {},
): Promise<RunOf<F>> {
  const delay = options.delay ?? 0;
  if (!Number.isInteger(delay) || delay < 0) {
    throw new PgflowError(
      'INVALID_OPTION',
      `delay must be a whole number of seconds >= 0, got: ${delay}`,
    );
  }
  const [run] = await db.query<RunOf<F>>(
    `select * from pgflow.enqueue_job(flow_slug => $1::text, input => $2::text::jsonb,
                                      delay_seconds => $3::integer, run_id => $4::uuid)`,
    [slugOf(job), JSON.stringify(input ?? null), delay, options.runId ?? null],
  );
  return run as RunOf<F>;
}
