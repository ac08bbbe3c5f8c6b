/** Errors a task's AbortSignal is aborted with, and a race that honours the signal. */

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

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The controllers of running tasks, aborted together at shutdown. One registry instead of one
 * listener per task on a shared signal, so any number of tasks can run without piling listeners
 * (and MaxListenersExceededWarning) on one AbortSignal.
 */
export interface AbortGroup {
  /** Registers a task's controller (aborting it at once if the group already aborted). */
  add(controller: AbortController): () => void;
  abort(reason: unknown): void;
}

export function createAbortGroup(): AbortGroup {
  const controllers = new Set<AbortController>();
  let aborted: { reason: unknown } | undefined;
  return {
    add(controller) {
      if (aborted) controller.abort(aborted.reason);
      controllers.add(controller);
      return () => controllers.delete(controller);
    },
    abort(reason) {
      aborted = { reason };
      for (const controller of controllers) controller.abort(reason);
    },
  };
}
