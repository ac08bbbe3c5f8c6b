/**
 * Push dispatch, the worker's side (the SQL side and its protocol: supabase/migrations/
 * …_pgflow_push.sql). An idle notify poller waits in `pgflow.waiting_workers`; a producer that
 * enqueues meanwhile starts the task for this worker at commit and sends its record on
 * `pgflow.worker.<id>`, so the handler starts without a claim round trip.
 *
 * A pushed task is already started in the database: it must run here, once. Its record reaches
 * the worker by the notification or, when that was lost (a dropped connection) or too large, by
 * ending or renewing the wait (`stop_waiting` / `wait_for_task` return it); whichever comes
 * second is dropped by key (the task and its attempt).
 */
import type { ClaimedTaskRow } from '../sql/pgflow';
import * as pgflow from '../sql/pgflow';
import type { SqlClient, SqlSubscription } from '../sql/port';
import { boundedSet } from './bounded-set';

export interface PushInbox<T> {
  /**
   * Starts a wait for one pushed task. Resolves to the units of tasks pushed during an earlier
   * wait that was never ended (rare: `end` failed); when there are any, the worker is not
   * waiting: run them, and wait again later.
   */
  wait(): Promise<T[]>;
  /** Ends the wait: the task pushed during it, if any. */
  end(): Promise<T | undefined>;
  close(): Promise<void>;
}

export interface PushInboxConfig<T> {
  sql: SqlClient;
  workerId: string;
  queue: string;
  /** How long a wait stays open without being renewed (a worker that died stops being pushed to). */
  ttlMs: number;
  toUnit(row: ClaimedTaskRow): T;
  /** A task was pushed: wake the poller. */
  onPush(): void;
}

export async function createPushInbox<T>(config: PushInboxConfig<T>): Promise<PushInbox<T>> {
  const { sql, workerId } = config;
  const seen = boundedSet(1000);
  let waiting = false;
  // What the notification said: the record, or that it was too large to send.
  let heard: ClaimedTaskRow | 'fetch' | undefined;

  /** The unit for a pushed record, unless this worker already has it. */
  const accept = (row: ClaimedTaskRow | null | undefined): T | undefined => {
    if (!row) return undefined;
    // The task's attempt, not its message id: a queue dropped and created again (its flow
    // deleted and recreated) numbers its messages from 1 again.
    const key = `${row.run_id}:${row.step_slug}:${row.task_index}:${row.attempts_count}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    return config.toUnit(row);
  };

  const subscription: SqlSubscription = await sql.listen(
    pgflow.pushChannel(workerId),
    (payload) => {
      try {
        const parsed = JSON.parse(payload) as ClaimedTaskRow & { fetch?: boolean };
        heard = parsed.fetch ? 'fetch' : parsed;
      } catch {
        heard = 'fetch';
      }
      config.onPush();
    },
    // Re-LISTENed after a reconnect: a push may have been missed; ending the wait finds it.
    () => {
      if (waiting) config.onPush();
    },
  );

  const inbox: PushInbox<T> = {
    async wait() {
      heard = undefined;
      const previous = accept(
        await pgflow.waitForTask(sql, { workerId, queue: config.queue, ttlMs: config.ttlMs }),
      );
      waiting = true;
      if (previous === undefined) return [];
      // The worker has work after all: end the new wait (a task may even have been pushed to it).
      const pushed = await inbox.end();
      return pushed === undefined ? [previous] : [previous, pushed];
    },
    async end() {
      if (!waiting) return undefined;
      waiting = false;
      const notified = heard === 'fetch' ? undefined : accept(heard);
      heard = undefined;
      // Heard: the wait row stays consumed until the next wait renews it (handing the record
      // back once more, dropped as seen). Not heard: end the wait, and take what it was pushed.
      return notified ?? accept(await pgflow.stopWaiting(sql, workerId));
    },
    async close() {
      await subscription.unlisten().catch(() => {});
    },
  };
  return inbox;
}
