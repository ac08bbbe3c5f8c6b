/**
 * Starting runs and jobs. Typed by the definition when one is passed, so `startFlow(MyFlow, input)`
 * checks `input` against the flow's input type.
 */
import {
  type AnyFlow,
  assertJsonInput,
  type ExtractFlowInput,
  type ExtractFlowOutput,
} from '@pgflow-ts/dsl';
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

/**
 * An unknown flow fails in SQL with upstream's FK error on `runs_flow_slug_fkey` (its DETAIL names
 * the slug): rethrown as `FLOW_NOT_COMPILED` naming the slug and the fix. Matched on SQLSTATE and
 * the constraint name in the message, which both drivers (postgres.js, PGlite) carry.
 */
function unknownFlowError(slug: string, error: unknown): unknown {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (
    e?.code !== '23503' ||
    typeof e.message !== 'string' ||
    !e.message.includes('"runs_flow_slug_fkey"')
  ) {
    return error;
  }
  return new PgflowError(
    'FLOW_NOT_COMPILED',
    `Flow "${slug}" does not exist: compile it first (start a worker that serves it, which compiles it at startup, or apply the migration written by \`pgflow compile\`).`,
    { cause: error },
  );
}

/**
 * Starts a run of `flow` (`pgflow.start_flow`); the returned row may already be completed.
 * @throws NonJsonInputError when `input` is not JSON (the path is named, e.g. `input.f is a function`)
 * @throws PgflowError `FLOW_NOT_COMPILED` when the flow is not in the database
 */
export async function startFlow<F extends FlowRef>(
  db: SqlExecutor,
  flow: F,
  input: InputOf<F>,
  options: StartOptions = {},
): Promise<RunOf<F>> {
  const slug = slugOf(flow);
  const json = assertJsonInput(slug, input);
  try {
    return (await startFlowSql(db, slug, json, options.runId)) as RunOf<F>;
  } catch (error) {
    throw unknownFlowError(slug, error);
  }
}

export interface EnqueueOptions extends StartOptions {
  /** Seconds before the job may start. @default 0 */
  delay?: number;
}

/**
 * Enqueues a job (`pgflow.enqueue_job`): a run of its one-step flow whose task becomes visible
 * after `delay` seconds, in one statement.
 * @throws NonJsonInputError when `input` is not JSON
 * @throws PgflowError `INVALID_OPTION` for a bad `delay`, `FLOW_NOT_COMPILED` for an unknown job
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
  const slug = slugOf(job);
  const json = assertJsonInput(slug, input);
  try {
    const [run] = await db.query<RunOf<F>>(
      `select * from pgflow.enqueue_job(flow_slug => $1::text, input => $2::text::jsonb,
                                        delay_seconds => $3::integer, run_id => $4::uuid)`,
      [slug, JSON.stringify(json), delay, options.runId ?? null],
    );
    return run as RunOf<F>;
  } catch (error) {
    throw unknownFlowError(slug, error);
  }
}
