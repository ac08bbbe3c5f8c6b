/**
 * Flow inputs for handlers' `ctx.flowInput`: taken from the task when start_tasks sent it (root
 * non-map steps), otherwise loaded once per run and shared by concurrent tasks. The cache is
 * bounded (least recently used out), so a long-lived worker does not keep every run's input
 * (defect 34).
 */
import { getRunInput } from '../sql/pgflow';
import type { SqlExecutor } from '../sql/port';

export interface FlowInputs {
  get(runId: string, known?: unknown): Promise<unknown>;
}

export function createFlowInputs(db: SqlExecutor, capacity = 500): FlowInputs {
  const cache = new Map<string, Promise<unknown>>();
  return {
    get(runId, known) {
      let entry = cache.get(runId);
      if (entry) {
        cache.delete(runId);
      } else {
        entry =
          known !== undefined && known !== null ? Promise.resolve(known) : getRunInput(db, runId);
        entry.catch(() => cache.delete(runId));
      }
      cache.set(runId, entry);
      if (cache.size > capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return entry;
    },
  };
}
