/**
 * Telemetry: the one list of event names and payloads a worker emits (defect 51: names defined
 * once). Durations are milliseconds. Listeners must not throw; an error in one is swallowed so
 * telemetry never breaks task processing.
 */
export interface WorkerEvents {
  'worker:started': { workerIds: string[]; queues: string[]; functionName: string };
  'worker:deprecated': { workerIds: string[] };
  'worker:stopped': { workerIds: string[]; durationMs: number };
  /**
   * A failure the worker goes on after (a failed poll, heartbeat, re-registration…); `during`
   * says what it was doing. A failure that stops the worker is emitted here first, then
   * `worker:stopped`.
   */
  'worker:error': { error: unknown; during: string };
  /**
   * The worker's rows of these queues were gone (deleted with their flow by
   * `pgflow.delete_flow_and_data`, or by hand) and are registered again, under the same ids,
   * with their flows checked again as at startup; the worker claims from them again.
   */
  'worker:reregistered': { workerIds: string[]; queues: string[] };
  poll: { queue: string; requested: number; claimed: number; durationMs: number };
  'task:started': TaskEventBase;
  'task:completed': TaskEventBase & { durationMs: number };
  /** The task failed and will be retried after `delaySeconds`. */
  'task:retry': TaskEventBase & { durationMs: number; error: string; delaySeconds: number };
  /** The task failed for good (attempts exhausted). */
  'task:failed': TaskEventBase & { durationMs: number; error: string };
  /**
   * A message of the queue that is no task of a run was read `pgflow.poison_read_limit` times and
   * moved to `pgflow.dead_letters` (row `id`) by this worker's claim; reported at its next heartbeat.
   */
  'message:dead-lettered': { queue: string; msgId: number; reason: string; id: number };
  'run:completed': { runId: string; flowSlug: string; durationMs: number };
  'run:failed': { runId: string; flowSlug: string; durationMs: number };
}

export interface TaskEventBase {
  queue: string;
  flowSlug: string;
  runId: string;
  stepSlug: string;
  taskIndex: number;
  attempt: number;
  workerId: string;
}

export type WorkerEventName = keyof WorkerEvents;
export type WorkerEventListener<K extends WorkerEventName> = (payload: WorkerEvents[K]) => void;

export interface WorkerEventEmitter {
  on<K extends WorkerEventName>(name: K, listener: WorkerEventListener<K>): () => void;
  emit<K extends WorkerEventName>(name: K, payload: WorkerEvents[K]): void;
  has(name: WorkerEventName): boolean;
}

export function createEventEmitter(): WorkerEventEmitter {
  const listeners = new Map<WorkerEventName, Set<(payload: never) => void>>();
  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) {
        try {
          (listener as (p: typeof payload) => void)(payload);
        } catch {
          // A broken listener must not stop the worker.
        }
      }
    },
    has: (name) => (listeners.get(name)?.size ?? 0) > 0,
  };
}
