/**
 * Re-registration of a running worker whose `pgflow.workers` row is gone: deleted with its flow
 * (`pgflow.delete_flow_and_data` deletes the workers of the flow's queue) or by hand. Without
 * its row, every claim fails on `step_tasks_last_worker_id_fkey` (and every wait for a pushed
 * task on `waiting_workers_worker_id_fkey`).
 *
 * A lost queue is reported by the heartbeat (its row no longer updates) or by a claim or wait
 * that fails on one of those foreign keys. It is then recovered as at startup, under the same
 * worker id (pushed tasks are addressed to the id the worker listens on, and `worker.workerIds`
 * stays true): the flow is checked again (`ensure_flow_compiled` creates it when it is missing;
 * a changed shape stops the worker), the queue created, the row registered, the queue's insert
 * trigger added again for notify workers (a recreated queue has none; the LISTEN is on a channel
 * name, not on the table, so it outlives the queue), and the queue's loop woken.
 *
 * At most one attempt per `intervalMs` (the heartbeat interval), whatever reports it: each
 * failed attempt emits one `worker:error` and the next is tried an interval later; a success
 * emits `worker:reregistered`.
 */
import { FlowShapeMismatchError, PgflowError } from '../errors';
import type { WorkerEventEmitter } from '../telemetry/events';

/** Foreign keys on `pgflow.workers` that fail a claim or a push wait once the row is gone. */
const WORKER_FKEYS = ['step_tasks_last_worker_id_fkey', 'waiting_workers_worker_id_fkey'];

/** True when `error` is a foreign-key violation (23503) showing that the worker row is gone. */
export function workerRowGone(error: unknown): boolean {
  const e = error as { code?: string; constraint_name?: string; constraint?: string } | null;
  if (e?.code !== '23503') return false;
  const constraint = e.constraint_name ?? e.constraint;
  if (constraint) return WORKER_FKEYS.includes(constraint);
  const message = error instanceof Error ? error.message : '';
  return WORKER_FKEYS.some((name) => message.includes(name));
}

export interface ReregistrationConfig {
  events: WorkerEventEmitter;
  /** Worker id per queue. */
  workerIds: ReadonlyMap<string, string>;
  /** The shortest time between two attempts (the heartbeat interval). */
  intervalMs: number;
  /** Whether the worker still serves its queues (attempts stop once it is stopping). */
  active(): boolean;
  /**
   * Recovers one queue: checks its flow, registers its row, restores its notifications. Resolves
   * to false when the row was there after all (a stale report): nothing was done.
   */
  recover(queue: string): Promise<boolean>;
  /** Called once the queues are recovered (e.g. wakes their loops). */
  recovered(queues: readonly string[]): void;
  /** A recovery that cannot succeed by retrying (a changed flow shape): the worker stops. */
  fatal(error: PgflowError): void;
}

export interface Reregistration {
  /** Reports queues whose worker row is gone; recovery is attempted when the interval allows. */
  lost(queues: Iterable<string>): void;
  /** Cancels a pending attempt and waits for one in flight. */
  close(): Promise<void>;
}

export function createReregistration(config: ReregistrationConfig): Reregistration {
  const { events } = config;
  const pending = new Set<string>();
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let closed = false;

  function schedule() {
    if (closed || timer || inFlight || pending.size === 0) return;
    const wait = Math.max(0, lastAttemptAt + config.intervalMs - Date.now());
    timer = setTimeout(() => {
      timer = undefined;
      inFlight = attempt().finally(() => {
        inFlight = undefined;
        schedule();
      });
    }, wait);
  }

  async function attempt() {
    if (closed) return;
    if (!config.active()) {
      closed = true; // stopping: the rows are being marked stopped, nothing to recover
      return;
    }
    lastAttemptAt = Date.now();
    const queues = [...pending];
    const done: string[] = [];
    let current = '';
    try {
      for (const queue of queues) {
        current = queue;
        if (await config.recover(queue)) done.push(queue);
        pending.delete(queue);
      }
    } catch (cause) {
      const fatal = asFatal(cause, current);
      events.emit('worker:error', {
        error: fatal ?? cause,
        during: `re-registration of queue ${current} (its worker row was deleted)`,
      });
      if (fatal) {
        closed = true;
        config.fatal(fatal);
        return;
      }
    } finally {
      if (done.length > 0) {
        config.recovered(done);
        events.emit('worker:reregistered', {
          workerIds: done.map((queue) => config.workerIds.get(queue) ?? ''),
          queues: done,
        });
      }
    }
  }

  return {
    lost(queues) {
      for (const queue of queues) pending.add(queue);
      schedule();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}

/** A changed flow shape, as the error a stopping worker reports: what happened and the way out. */
function asFatal(error: unknown, queue: string): PgflowError | undefined {
  if (!(error instanceof FlowShapeMismatchError)) return undefined;
  return new PgflowError(
    'FLOW_SHAPE_MISMATCH',
    [
      `Flow '${error.flowSlug}' was deleted and created again with a different shape while this worker was serving queue "${queue}"; the worker stops (it cannot run tasks of another definition).`,
      `To proceed, start workers with the flow's new definition (deploy the code that matches the database), or restore the definition this worker has.`,
      error.message,
    ].join('\n'),
    { cause: error },
  );
}
