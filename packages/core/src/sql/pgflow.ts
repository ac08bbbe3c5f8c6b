// One typed wrapper per pgflow.* SQL function. Each is one statement with named arguments and
// JSON values are sent as text (JSON.stringify) and cast with ::text::jsonb, so every adapter
// stores exactly the JSON given, including JSON null and strings.
// explicit casts (untyped parameters can make pgmq/pgflow calls ambiguous: defect 36).
import type { SqlExecutor } from './port';

/** A row of `pgflow.step_task_record`, as `pgflow.start_tasks` returns it. */
export interface StepTaskRow {
  flow_slug: string;
  run_id: string;
  step_slug: string;
  input: unknown;
  msg_id: number;
  task_index: number;
  flow_input: unknown;
}

/** A row of `pgflow.runs`; `TInput`/`TOutput` are the flow's types when a definition is known. */
export interface RunRow<TInput = unknown, TOutput = unknown> {
  run_id: string;
  flow_slug: string;
  status: 'started' | 'completed' | 'failed';
  input: TInput;
  /** The completed leaf steps' outputs once completed; null before. */
  output: TOutput | null;
  remaining_steps: number;
  started_at: string;
  completed_at: string | null;
  failed_at: string | null;
}

/** A row of `pgflow.step_states`. */
export interface StepStateRow {
  flow_slug: string;
  run_id: string;
  step_slug: string;
  status: 'created' | 'started' | 'completed' | 'failed' | 'skipped';
  remaining_tasks: number | null;
  remaining_deps: number;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  failed_at: string | null;
  error_message: string | null;
  initial_tasks: number | null;
  output: unknown;
  skip_reason: string | null;
  skipped_at: string | null;
}

/** A row of `pgflow.step_tasks`. */
export interface StepTaskStateRow {
  flow_slug: string;
  run_id: string;
  step_slug: string;
  message_id: number | null;
  task_index: number;
  status: 'queued' | 'started' | 'completed' | 'failed' | 'cancelled' | 'skipped';
  attempts_count: number;
  error_message: string | null;
  output: unknown;
}

export interface RunWithStates<TInput = unknown, TOutput = unknown> {
  run: RunRow<TInput, TOutput>;
  steps: StepStateRow[];
}

export type CompileStatus = 'compiled' | 'verified' | 'recompiled' | 'mismatch';

/** A task claimed by `claimTasks`: the task record, its attempt number and its message's columns. */
export interface ClaimedTaskRow extends StepTaskRow {
  /** `step_tasks.attempts_count` after the claim: this attempt's number, from 1. */
  attempts_count: number;
  read_ct: number;
  enqueued_at: string;
  vt: string;
  message: unknown;
  headers: unknown;
}

/**
 * Both phases of a poll in one call (`pgflow.claim_tasks`): reads up to `qty` visible messages and
 * starts their tasks as `pgflow.start_tasks` does, hiding each message for its step's timeout
 * (`vt` seconds when its task cannot start). One prepared statement and one commit per poll.
 */
export async function claimTasks(
  db: SqlExecutor,
  flowSlug: string,
  opts: { vt: number; qty: number; workerId: string },
): Promise<ClaimedTaskRow[]> {
  return db.query<ClaimedTaskRow>(
    `select * from pgflow.claim_tasks(p_flow_slug => $1::text, p_vt => $2::integer, p_qty => $3::integer,
                                      p_worker_id => $4::uuid)`,
    [flowSlug, opts.vt, opts.qty, opts.workerId],
  );
}

/**
 * Completes tasks with `pgflow.complete_tasks` (ours: `complete_task` for a batch, one statement
 * per phase for the whole batch). Outputs are sent as JSON text, so JSON null, strings, 0 and
 * false are stored as they are.
 */
export async function completeTasks(
  db: SqlExecutor,
  tasks: readonly {
    task: { run_id: string; step_slug: string; task_index: number };
    output: unknown;
  }[],
): Promise<void> {
  await db.query(
    `select count(*) from pgflow.complete_tasks(run_ids => $1::uuid[], step_slugs => $2::text[],
                                                task_indexes => $3::integer[], outputs => $4::text[]::jsonb[])`,
    [
      tasks.map((t) => t.task.run_id),
      tasks.map((t) => t.task.step_slug),
      tasks.map((t) => t.task.task_index),
      tasks.map((t) => JSON.stringify(t.output ?? null)),
    ],
  );
}

/** The channel a worker hears its pushed tasks on (see `pgflow.wait_for_task`). */
export function pushChannel(workerId: string): string {
  return `pgflow.worker.${workerId}`;
}

/**
 * Registers the worker as waiting for a pushed task (`pgflow.wait_for_task`), for `ttlMs`. Returns
 * the task pushed during its previous wait, if that one was never ended (its notification may
 * have been lost): the caller runs it unless it already has.
 */
export async function waitForTask(
  db: SqlExecutor,
  opts: { workerId: string; queue: string; ttlMs: number },
): Promise<ClaimedTaskRow | null> {
  const [row] = await db.query<{ pushed: ClaimedTaskRow | null }>(
    'select pgflow.wait_for_task(worker_id => $1::uuid, queue_name => $2::text, ttl_ms => $3::integer) as pushed',
    [opts.workerId, opts.queue, Math.round(opts.ttlMs)],
  );
  return row?.pushed ?? null;
}

/** Ends the worker's wait (`pgflow.stop_waiting`); returns the task pushed during it, if any. */
export async function stopWaiting(
  db: SqlExecutor,
  workerId: string,
): Promise<ClaimedTaskRow | null> {
  const [row] = await db.query<{ pushed: ClaimedTaskRow | null }>(
    'select pgflow.stop_waiting(worker_id => $1::uuid) as pushed',
    [workerId],
  );
  return row?.pushed ?? null;
}

/** Makes every insert into `queue` notify `pgmq.insertChannel(queue)`, on either pgmq flavour. */
export async function enableInsertNotifications(db: SqlExecutor, queue: string): Promise<void> {
  await db.query('select pgflow.enable_insert_notifications(queue_name => $1::text)', [queue]);
}

/** Milliseconds until the queue's next hidden message becomes visible; null when it is empty. */
export async function msUntilVisible(db: SqlExecutor, queue: string): Promise<number | null> {
  const [row] = await db.query<{ ms: number | string | null }>(
    'select pgflow.ms_until_visible(p_queue_name => $1::text) as ms',
    [queue],
  );
  return row?.ms == null ? null : Number(row.ms);
}

export async function failTask(
  db: SqlExecutor,
  task: { run_id: string; step_slug: string; task_index: number },
  errorMessage: string,
): Promise<void> {
  await db.query(
    `select pgflow.fail_task(run_id => $1::uuid, step_slug => $2::text, task_index => $3::int,
                             error_message => $4::text)`,
    [task.run_id, task.step_slug, task.task_index, errorMessage],
  );
}

export async function startFlow(
  db: SqlExecutor,
  flowSlug: string,
  input: unknown,
  runId?: string,
): Promise<RunRow> {
  const [run] = await db.query<RunRow>(
    'select * from pgflow.start_flow(flow_slug => $1::text, input => $2::text::jsonb, run_id => $3::uuid)',
    [flowSlug, JSON.stringify(input ?? null), runId ?? null],
  );
  return run as RunRow;
}

export async function getRun(db: SqlExecutor, runId: string): Promise<RunRow | undefined> {
  const [run] = await db.query<RunRow>('select * from pgflow.runs where run_id = $1::uuid', [
    runId,
  ]);
  return run;
}

export async function getRunWithStates(
  db: SqlExecutor,
  runId: string,
): Promise<RunWithStates | null> {
  const [row] = await db.query<{ result: RunWithStates | null }>(
    'select pgflow.get_run_with_states(run_id => $1::uuid) as result',
    [runId],
  );
  return row?.result ?? null;
}

export async function getRunInput(db: SqlExecutor, runId: string): Promise<unknown> {
  const rows = await db.query<{ input: unknown }>(
    'select input from pgflow.runs where run_id = $1::uuid',
    [runId],
  );
  if (rows.length === 0) throw new Error(`Run not found: ${runId}`);
  return rows[0]?.input;
}

export async function trackWorkerFunction(db: SqlExecutor, functionName: string): Promise<void> {
  await db.query('select pgflow.track_worker_function(function_name => $1::text)', [functionName]);
}

/**
 * Registers (or revives) a worker row, with its lease: how late its heartbeat may be before its
 * started tasks are taken over (pgflow.requeue_orphaned_tasks).
 */
export async function registerWorker(
  db: SqlExecutor,
  worker: { workerId: string; queueName: string; functionName: string; leaseMs: number },
): Promise<void> {
  await db.query(
    `insert into pgflow.workers (worker_id, queue_name, function_name) values ($1::uuid, $2::text, $3::text)
     on conflict (worker_id) do update
       set queue_name = excluded.queue_name, function_name = excluded.function_name,
           last_heartbeat_at = clock_timestamp(), stopped_at = null`,
    [worker.workerId, worker.queueName, worker.functionName],
  );
  await db.query('select pgflow.set_worker_leases(array[$1::uuid], $2::integer)', [
    worker.workerId,
    worker.leaseMs,
  ]);
}

/**
 * Refreshes the heartbeat of the given worker rows. `deprecated`: an operator deprecated any of
 * them; `missing`: the ids whose row is gone (deleted with its flow, or by hand).
 */
export async function heartbeat(
  db: SqlExecutor,
  workerIds: readonly string[],
): Promise<{ deprecated: boolean; missing: string[] }> {
  const rows = await db.query<{ worker_id: string; is_deprecated: boolean }>(
    `update pgflow.workers as w set last_heartbeat_at = clock_timestamp()
      where w.worker_id = any ($1::uuid[])
  returning w.worker_id::text as worker_id, (w.deprecated_at is not null) as is_deprecated`,
    [workerIds],
  );
  const found = new Set(rows.map((r) => r.worker_id));
  return {
    deprecated: rows.some((r) => r.is_deprecated),
    missing: workerIds.filter((id) => !found.has(id.toLowerCase())),
  };
}

/** True when the worker's row is in `pgflow.workers`. */
export async function workerRegistered(db: SqlExecutor, workerId: string): Promise<boolean> {
  const rows = await db.query('select 1 from pgflow.workers where worker_id = $1::uuid', [
    workerId,
  ]);
  return rows.length > 0;
}

/** Sets `deprecated_at` (when unset): the workers stop claiming, as an operator's deprecation does. */
export async function deprecateWorkers(
  db: SqlExecutor,
  workerIds: readonly string[],
): Promise<void> {
  await db.query(
    `update pgflow.workers set deprecated_at = coalesce(deprecated_at, clock_timestamp())
      where worker_id = any ($1::uuid[])`,
    [workerIds],
  );
}

export async function markWorkerStopped(db: SqlExecutor, workerId: string): Promise<void> {
  await db.query('select pgflow.mark_worker_stopped(worker_id => $1::uuid)', [workerId]);
}

export async function ensureFlowCompiled(
  db: SqlExecutor,
  flowSlug: string,
  shape: unknown,
  allowDataLoss: boolean,
): Promise<{ status: CompileStatus; differences: string[] }> {
  const [row] = await db.query<{ result: { status: CompileStatus; differences: string[] } }>(
    `select pgflow.ensure_flow_compiled(flow_slug => $1::text, shape => $2::text::jsonb,
                                        allow_data_loss => $3::boolean) as result`,
    [flowSlug, JSON.stringify(shape), allowDataLoss],
  );
  if (!row) throw new Error(`ensure_flow_compiled returned nothing for ${flowSlug}`);
  return row.result;
}

export interface DeadLetterRow {
  id: number;
  queue_name: string;
  msg_id: number;
  reason: string;
}

/** The dead letters these workers' claims made, after row `afterId`, oldest first. */
export async function deadLettersOf(
  db: SqlExecutor,
  workerIds: readonly string[],
  afterId: number,
): Promise<DeadLetterRow[]> {
  const rows = await db.query<DeadLetterRow>(
    `select id, queue_name, msg_id, reason from pgflow.dead_letters
      where worker_id = any ($1::uuid[]) and id > $2::bigint order by id limit 1000`,
    [workerIds, afterId],
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), msg_id: Number(r.msg_id) }));
}

/** Requeues the started tasks of workers whose lease ran out; returns how many. */
export async function requeueOrphanedTasks(db: SqlExecutor): Promise<number> {
  const [row] = await db.query<{ n: number }>('select pgflow.requeue_orphaned_tasks() as n');
  return Number(row?.n ?? 0);
}

export async function requeueStalledTasks(db: SqlExecutor): Promise<number> {
  const [row] = await db.query<{ n: number }>('select pgflow.requeue_stalled_tasks() as n');
  return Number(row?.n ?? 0);
}

export async function markJob(db: SqlExecutor, flowSlug: string): Promise<void> {
  await db.query('select pgflow.mark_job(flow_slug => $1::text)', [flowSlug]);
}
