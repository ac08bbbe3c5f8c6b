/**
 * Completes tasks in batches: the completions that arrive while the batches in flight are written
 * go out together as the next one, in one statement and one transaction (one commit, one WAL flush,
 * one turn of the commit-time NOTIFY lock, instead of one each per task). That lock and the WAL
 * flush were where per-task completions waited most (bench/profile.ts: Lock:object 43%,
 * IO:WALSync 10% of sampled backend time).
 *
 * Invariants, each covered by worker.batches-completions.test.ts:
 * - every task is completed exactly once, with its own output: a batch is one
 *   `pgflow.complete_tasks` call, which does for each task what `complete_task` would (it locks
 *   runs in run_id order, so two batches cannot deadlock);
 * - one failing completion (e.g. the cascade limit) fails no other: when a batch raises, its
 *   tasks are completed one by one and only the failing one reports the error.
 */
import { completeTasks } from '../sql/pgflow';
import type { SqlExecutor } from '../sql/port';

export interface TaskKey {
  run_id: string;
  step_slug: string;
  task_index: number;
}

export interface Completions {
  complete(task: TaskKey, output: unknown): Promise<void>;
  /** Completions not yet written. */
  readonly backlog: number;
}

interface Pending {
  task: TaskKey;
  output: unknown;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Batches written at once. Two let one batch form while another is written, so a worker whose
 * handlers are quick is not held to one commit at a time (bench: 1.5 → 1.9 k no-op jobs/s at the
 * defaults; three gained nothing). complete_tasks locks runs in run_id order, so concurrent
 * batches cannot deadlock.
 */
const WRITERS = 2;

export function createCompletions(db: SqlExecutor, maxBatch: number): Completions {
  let queue: Pending[] = [];
  let writers = 0;
  let scheduled = false;

  async function writeBatch(batch: Pending[]) {
    try {
      await completeTasks(db, batch);
      for (const p of batch) p.resolve();
    } catch (error) {
      if (batch.length === 1) {
        (batch[0] as Pending).reject(error);
        return;
      }
      // Isolate the failure: the batch was rolled back as a whole.
      for (const p of batch) {
        await completeTasks(db, [p]).then(p.resolve, p.reject);
      }
    }
  }

  function pump() {
    scheduled = false;
    while (writers < WRITERS && queue.length > 0) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      writers++;
      void writeBatch(batch).finally(() => {
        writers--;
        pump();
      });
    }
  }

  return {
    get backlog() {
      return queue.length;
    },

    complete(task, output) {
      return new Promise<void>((resolve, reject) => {
        queue.push({ task, output, resolve, reject });
        // Completions that arrive before the timer fires join the batch; those that arrive
        // while every writer is busy form the next one.
        if (!scheduled && writers < WRITERS) {
          scheduled = true;
          setTimeout(pump, 0);
        }
      });
    },
  };
}
