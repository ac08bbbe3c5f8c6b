/**
 * Runs one claimed flow task: builds the handler input and context, enforces the step timeout
 * through an AbortSignal, and settles the task in SQL as soon as it finishes (a completion joins
 * the next batch written with complete_tasks; a failure is fail_task), never waiting for the
 * other tasks it was claimed with.
 */

import type { AnyFlow } from '@pgflow-ts/dsl';
import { assertJsonOutput } from '@pgflow-ts/dsl';
import { serializeError } from '../errors';
import { resolveStepOptions, retryDelaySeconds } from '../retry';
import type { StepTaskRow } from '../sql/pgflow';
import { failTask, getRun } from '../sql/pgflow';
import type { MessageRow } from '../sql/pgmq';
import type { SqlExecutor } from '../sql/port';
import type { WorkerEventEmitter } from '../telemetry/events';
import { type AbortGroup, createTaskAbort, TaskTimeoutError } from './abort';
import type { Completions } from './completions';
import type { FlowInputs } from './flow-input';

export interface ClaimedTask {
  task: StepTaskRow;
  message: MessageRow;
  /** Attempts made so far including this one (`step_tasks.attempts_count`). */
  attempt: number;
  workerId: string;
}

export interface ExecutorDeps {
  db: SqlExecutor;
  flows: ReadonlyMap<string, AnyFlow>;
  flowInputs: FlowInputs;
  events: WorkerEventEmitter;
  env: Record<string, string | undefined>;
  workerConfig: Readonly<Record<string, unknown>>;
  /** Aborted when the worker gives up waiting for in-flight tasks. */
  shutdown: AbortGroup;
  /** Where successful tasks are completed (in batches). */
  completions: Completions;
  /** Most unwritten completions while slots are released early. */
  maxBacklog: number;
  /** Runs this worker already reported as ended (bounded by the caller). */
  reportedRuns: { has(runId: string): boolean; add(runId: string): void };
}

/**
 * `releaseSlot` frees the task's slot once its handler is done and only the result remains to be
 * written, unless completions are already backed up (then the slot waits for the write).
 * Resolves to true when the task failed and was put back for a retry.
 */
export async function executeTask(
  deps: ExecutorDeps,
  claimed: ClaimedTask,
  releaseSlot: () => void = () => {},
): Promise<boolean> {
  const { task, message, attempt, workerId } = claimed;
  const flow = deps.flows.get(task.flow_slug);
  if (!flow) throw new Error(`Worker has no definition for flow "${task.flow_slug}"`);
  const step = flow.getStepDefinition(task.step_slug);
  const options = resolveStepOptions(flow.options, step.options);
  const base = {
    queue: task.flow_slug,
    flowSlug: task.flow_slug,
    runId: task.run_id,
    stepSlug: task.step_slug,
    taskIndex: task.task_index,
    attempt,
    workerId,
  };

  const abort = createTaskAbort();
  const untrack = deps.shutdown.add(abort);
  const timer = setTimeout(
    () => abort.abort(new TaskTimeoutError(options.timeout)),
    options.timeout * 1000,
  );

  const input =
    step.stepType === 'map' || step.dependencies.length > 0
      ? task.input
      : (task.flow_input ?? task.input);
  const context = {
    env: deps.env,
    get shutdownSignal() {
      return abort.signal;
    },
    get signal() {
      return abort.signal;
    },
    rawMessage: message,
    stepTask: task,
    attempt,
    workerConfig: deps.workerConfig,
    get flowInput() {
      return deps.flowInputs.get(task.run_id, task.flow_input);
    },
  };

  deps.events.emit('task:started', base);
  const started = Date.now();
  let retrying = false;
  try {
    const output = await abort.race(() => step.handler(input, context));
    const json = assertJsonOutput(task.step_slug, output ?? null);
    if (deps.completions.backlog < deps.maxBacklog) releaseSlot();
    await deps.completions.complete(task, json);
    deps.events.emit('task:completed', { ...base, durationMs: Date.now() - started });
  } catch (error) {
    const text = serializeError(error);
    await failTask(deps.db, task, text);
    const durationMs = Date.now() - started;
    if (attempt < options.maxAttempts) {
      retrying = true;
      const delaySeconds = retryDelaySeconds(options.baseDelay, attempt);
      deps.events.emit('task:retry', { ...base, durationMs, error: text, delaySeconds });
    } else {
      deps.events.emit('task:failed', { ...base, durationMs, error: text });
    }
  } finally {
    clearTimeout(timer);
    untrack();
  }
  await reportRunEnd(deps, task);
  return retrying;
}

/**
 * Emits run:completed / run:failed once per run and worker, when someone listens (it costs one
 * query per settled task then). The worker that settles a run's last task reports it.
 */
async function reportRunEnd(deps: ExecutorDeps, task: StepTaskRow): Promise<void> {
  if (!deps.events.has('run:completed') && !deps.events.has('run:failed')) return;
  if (deps.reportedRuns.has(task.run_id)) return;
  const run = await getRun(deps.db, task.run_id);
  if (!run || run.status === 'started') return;
  deps.reportedRuns.add(task.run_id);
  const ended = run.completed_at ?? run.failed_at;
  const durationMs = ended ? new Date(ended).getTime() - new Date(run.started_at).getTime() : 0;
  const payload = { runId: run.run_id, flowSlug: run.flow_slug, durationMs };
  deps.events.emit(run.status === 'completed' ? 'run:completed' : 'run:failed', payload);
}
