/**
 * Wake-up strategies for a poll loop.
 * - polling: the loop sleeps for its backoff interval between empty polls.
 * - notify: the loop also wakes on the queue's pgmq insert notification
 *   (`pgmq.q_<queue>.INSERT`), so new work is claimed at once and the loop need not poll.
 *   postgres.js re-issues LISTEN after a reconnect, and the loop wakes then too: notifications
 *   sent while it was disconnected are lost.
 * A wake-up that arrives while the loop is busy is remembered, so the next wait returns at once.
 */
import type { SqlClient, SqlSubscription } from '../sql/port';

export interface WakeSignal {
  /**
   * Resolves after `ms`, or earlier on `wake()` (or a notification), or when `until` resolves.
   * When `ms` is a promise, the timer starts once it resolves, and a wake-up ends the wait even
   * before that. (Racing a wait against another promise instead would leave the wait in place:
   * the next wake-up would end it unheard instead of being remembered.)
   */
  wait(ms: number | Promise<number>, until?: Promise<unknown>): Promise<void>;
  wake(): void;
  /** Forgets a wake-up that came while the loop was busy (the claim about to run answers it). */
  clear(): void;
  close(): Promise<void>;
}

export function createPollingSignal(): WakeSignal {
  let pending = false;
  let release: (() => void) | undefined;
  return {
    wait(ms, until) {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        function done() {
          clearTimeout(timer);
          if (release === done) release = undefined;
          resolve();
        }
        release = done;
        void until?.then(() => {
          if (release === done) done();
        });
        if (typeof ms === 'number') timer = setTimeout(done, ms);
        else
          void ms.then(
            (value) => {
              if (release === done) timer = setTimeout(done, value);
            },
            () => done(),
          );
      });
    },
    wake() {
      if (release) release();
      else pending = true;
    },
    clear() {
      pending = false;
    },
    async close() {
      release?.();
    },
  };
}

export async function createNotifySignal(client: SqlClient, channel: string): Promise<WakeSignal> {
  const signal = createPollingSignal();
  // Each (re-)LISTEN wakes the loop too: inserts made while the connection was down sent
  // notifications nobody heard.
  const subscription: SqlSubscription = await client.listen(
    channel,
    () => signal.wake(),
    () => signal.wake(),
  );
  return {
    wait: (ms, until) => signal.wait(ms, until),
    wake: () => signal.wake(),
    clear: () => signal.clear(),
    async close() {
      await signal.close();
      await subscription.unlisten().catch(() => {});
    },
  };
}
