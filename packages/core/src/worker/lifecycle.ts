/**
 * Worker states and their transitions:
 *
 *   created → starting → running → (deprecated →) stopping → stopped
 *
 * `starting` registers the worker and checks its flows; `deprecated` is entered when an operator
 * sets `pgflow.workers.deprecated_at` (seen by the heartbeat): the worker stops claiming and then
 * stops; `stopping` waits for in-flight tasks; `stopped` is final.
 */
export type WorkerState =
  | 'created'
  | 'starting'
  | 'running'
  | 'deprecated'
  | 'stopping'
  | 'stopped';

const NEXT: Record<WorkerState, readonly WorkerState[]> = {
  created: ['starting', 'stopped'],
  starting: ['running', 'stopping', 'stopped'],
  running: ['deprecated', 'stopping'],
  deprecated: ['stopping'],
  stopping: ['stopped'],
  stopped: [],
};

export function createLifecycle() {
  let state: WorkerState = 'created';
  return {
    get state() {
      return state;
    },
    /** Moves to `to`; same-state is a no-op; anything not in the diagram above throws. */
    to(to: WorkerState) {
      if (to === state) return;
      if (!NEXT[state].includes(to)) throw new Error(`Cannot transition from ${state} to ${to}`);
      state = to;
    },
  };
}
