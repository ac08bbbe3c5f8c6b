/** Errors a task's AbortSignal is aborted with, a task's abort, and the group shutdown aborts. */

/** The handler ran past its step timeout. */
export class TaskTimeoutError extends Error {
  override readonly name = 'TaskTimeoutError';
  constructor(readonly timeoutSeconds: number) {
    super(`Task timed out after ${timeoutSeconds}s (the step's timeout); its handler was aborted`);
  }
}

/** The worker stopped before the handler finished (shutdown grace period over). */
export class WorkerStoppedError extends Error {
  override readonly name = 'WorkerStoppedError';
  constructor() {
    super(
      'The worker stopped before the task finished; the task is failed so that it can be retried',
    );
  }
}

/** Something a shutdown can abort: a running task. */
export interface Abortable {
  abort(reason: unknown): void;
}

/**
 * One running task's abort: the AbortSignal its handler sees and the race that ends the task when
 * it is aborted (timeout, shutdown) whether or not the handler honours the signal. The
 * AbortController is made only when the handler reads its signal: most never do, and a
 * controller and a listener on it cost ~0.08 ms per task on a cold path, at 20 jobs/s several
 * percent of the enqueue-to-start latency (bench/README.md, fourth round).
 */
export interface TaskAbort extends Abortable {
  readonly signal: AbortSignal;
  /** Calls `run` at once; settles like its result, or rejects with the reason on abort. */
  race<T>(run: () => T | PromiseLike<T>): Promise<T>;
}

export function createTaskAbort(): TaskAbort {
  let controller: AbortController | undefined;
  let aborted: { reason: unknown } | undefined;
  let reject: ((reason: unknown) => void) | undefined;
  return {
    get signal() {
      if (!controller) {
        controller = new AbortController();
        if (aborted) controller.abort(aborted.reason);
      }
      return controller.signal;
    },
    abort(reason) {
      if (aborted) return;
      aborted = { reason };
      controller?.abort(reason);
      reject?.(reason);
    },
    race(run) {
      if (aborted) return Promise.reject(aborted.reason);
      return new Promise((resolve, rejectRace) => {
        reject = rejectRace;
        // Not resolve(run()): a promise resolved with a pending promise can no longer reject.
        Promise.resolve(run()).then(resolve, rejectRace);
      });
    },
  };
}

/**
 * The running tasks, aborted together at shutdown. One registry instead of one listener per task
 * on a shared signal, so any number of tasks can run without piling listeners (and
 * MaxListenersExceededWarning) on one AbortSignal.
 */
export interface AbortGroup {
  /** Registers a task (aborting it at once if the group already aborted). */
  add(task: Abortable): () => void;
  abort(reason: unknown): void;
}

export function createAbortGroup(): AbortGroup {
  const tasks = new Set<Abortable>();
  let aborted: { reason: unknown } | undefined;
  return {
    add(task) {
      if (aborted) task.abort(aborted.reason);
      tasks.add(task);
      return () => tasks.delete(task);
    },
    abort(reason) {
      aborted = { reason };
      for (const task of tasks) task.abort(reason);
    },
  };
}
