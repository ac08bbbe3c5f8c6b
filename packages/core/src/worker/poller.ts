/**
 * The claim loop of one queue, continuous rather than batch-at-a-time:
 *
 *   wait for a free slot → claim up to min(batchSize, free slots) → dispatch each unit
 *   → loop at once; a poll that found nothing waits until woken, at most its backoff (or, for a
 *   loop woken by insert notifications, until the queue's next hidden message is due).
 *
 * While some slots are busy the loop waits until a whole batch of slots is free, at most
 * `cooldownMs`, before claiming, so that a claim takes several units instead of one each time a
 * slot frees (and quick units, whose slots all free at once, are claimed again without delay).
 * A unit settling frees its slot and resets the backoff (settling a flow task often enqueues the
 * next step's tasks on the same queue); a unit put back for a retry wakes the loop, which then
 * waits for the retry to be due. Slots are shared by every
 * queue of the worker. `stop()` stops claiming; in-flight units keep running.
 *
 * With a push inbox (notify workers), an idle loop also waits in the database for a pushed task,
 * holding a slot for it (push.ts): a task enqueued meanwhile arrives started, in the notification.
 */
import type { WorkerEventEmitter } from '../telemetry/events';
import { createBackoff } from './backoff';
import type { PushInbox } from './push';
import type { WakeSignal } from './signals';
import type { Reservation, Slots } from './slots';

export interface PollerConfig<T> {
  queue: string;
  batchSize: number;
  slots: Slots;
  signal: WakeSignal;
  minIntervalMs: number;
  maxIntervalMs: number;
  /** Debounce before claiming while some slots are busy (oban's dispatch cooldown). */
  cooldownMs: number;
  events: WorkerEventEmitter;
  claim(qty: number): Promise<T[]>;
  /**
   * Runs one unit. It may call `release()` once its handler is done and only the result is left
   * to write, so that the slot is claimed again while the result is written. Resolves to true
   * when the unit was put back to run later (a retry): the loop then looks again when it is due.
   */
  execute(unit: T, release: () => void): Promise<boolean>;
  /** Called after each unit settles, with the other queues' signals to wake. */
  onSettled?(): void;
  /**
   * Milliseconds until the queue's next hidden message is due (null: none). Given when insert
   * notifications wake the loop: an idle loop then sleeps until that message is due (at most
   * `maxIntervalMs`) instead of polling on a backoff, so work that arrives without a
   * notification (a delayed message, a retry) is claimed when due, and nothing else is polled.
   */
  nextDueMs?(): Promise<number | null>;
  /** Where tasks pushed to this loop's worker arrive while it is idle. */
  push?: PushInbox<T>;
  /**
   * Other loops share the slots: a wait for a pushed task then never takes the last free slot
   * (it would hold it while another queue has work).
   */
  sharedSlots?: boolean;
}

export interface Poller {
  /** Resolves when the claim loop has stopped. */
  readonly done: Promise<void>;
  /** Resolves when every unit dispatched so far has settled (its result written). */
  settled(): Promise<void>;
  stop(): void;
  wake(): void;
}

export function startPoller<T>(config: PollerConfig<T>): Poller {
  const { slots, signal, events } = config;
  const backoff = createBackoff(config.minIntervalMs, config.maxIntervalMs);
  let stopped = false;

  const running = new Set<Promise<void>>();
  const settle = (unit: T) => {
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      slots.give();
      backoff.reset();
      config.onSettled?.();
    };
    const unitDone: Promise<void> = config
      .execute(unit, release)
      .then((retrying) => {
        if (retrying) signal.wake();
      })
      .catch((error) => events.emit('worker:error', { error, during: `task on ${config.queue}` }))
      .finally(() => {
        release();
        running.delete(unitDone);
      });
    running.add(unitDone);
    return unitDone;
  };

  /** Runs units that came without a claim (pushed), the first in the slot reserved for it. */
  const dispatchPushed = (units: readonly T[], reservation: Reservation) => {
    if (units.length === 0) {
      reservation.release();
      return;
    }
    backoff.reset();
    reservation.use();
    units.forEach((unit, i) => {
      if (i > 0) slots.take();
      void settle(unit);
    });
  };

  /**
   * Idle until woken (see idleWait). With a push inbox and a spare slot, the loop waits for a
   * pushed task meanwhile, in a slot held for it; any wake-up ends that wait, and a task pushed
   * before it ended runs. A pushed task is started already, so it runs even when stopping.
   */
  async function idle(): Promise<void> {
    const { push } = config;
    const spare = config.sharedSlots ? 1 : 0;
    if (!push || slots.free() <= spare) {
      // No slot to wait in yet (the tasks just claimed or pushed hold them): look again, and wait
      // for a push, once one frees (never, with a single slot shared by several queues).
      const canWait = push !== undefined && spare < slots.capacity;
      await signal.wait(idleWait(), canWait ? slots.whenFree(spare + 1) : undefined);
      return;
    }
    const reservation = slots.reserve();
    try {
      const recovered = await push.wait();
      if (recovered.length > 0) {
        dispatchPushed(recovered, reservation);
        return;
      }
    } catch (error) {
      reservation.release();
      events.emit('worker:error', { error, during: `wait for a pushed task on ${config.queue}` });
      await signal.wait(idleWait());
      return;
    }
    await signal.wait(idleWait());
    let unit: T | undefined;
    try {
      unit = await push.end();
    } catch (error) {
      // The next wait hands back a task pushed to this one.
      events.emit('worker:error', { error, during: `wait for a pushed task on ${config.queue}` });
    }
    // The push and its insert both woke the loop; the claim that follows answers every wake-up
    // so far (a notification is sent after its commit), so a second one would only poll again.
    signal.clear();
    dispatchPushed(unit === undefined ? [] : [unit], reservation);
  }

  /**
   * The wait after a poll that found no more work: the backoff (reset whenever a unit settles,
   * since settling may enqueue work); for a loop woken by notifications (every insert sends
   * one), until the next hidden message is due, at most `maxIntervalMs`. That wait is a
   * promise: a wake-up while the due time is being asked is not delayed.
   */
  function idleWait(): number | Promise<number> {
    const { nextDueMs } = config;
    if (!nextDueMs) return backoff.next();
    const cap = config.maxIntervalMs;
    // Asked after a microtask, so that the handlers just dispatched start first.
    return Promise.resolve()
      .then(nextDueMs)
      .then(
        (due) => (due === null ? cap : Math.min(cap, Math.max(due, config.minIntervalMs))),
        (error) => {
          events.emit('worker:error', { error, during: `poll of ${config.queue}` });
          return cap;
        },
      );
  }

  async function loop() {
    while (!stopped) {
      if (slots.free() === 0) {
        // A full worker is busy, not idle: wait for a slot without touching the backoff.
        await signal.wait(config.maxIntervalMs, slots.whenFree());
        continue;
      }
      if (config.cooldownMs > 0 && slots.inFlight > 0 && slots.free() < config.batchSize) {
        // Busy: let more slots free up so that one claim (a fixed ~1 ms of SQL) takes several
        // tasks. An idle worker claims at once, so latency is not affected.
        await slots.whenFree(config.batchSize, config.cooldownMs);
      }
      const requested = Math.min(config.batchSize, slots.free());
      // The slots are taken while the claim is in flight, so that the worker's other queues
      // cannot claim them too (maxConcurrent holds across queues); the unused ones go back.
      for (let i = 0; i < requested; i++) slots.take();
      const started = Date.now();
      let units: T[];
      try {
        units = await config.claim(requested);
      } catch (error) {
        for (let i = 0; i < requested; i++) slots.give();
        events.emit('worker:error', { error, during: `poll of ${config.queue}` });
        await signal.wait(backoff.next());
        continue;
      }
      for (let i = units.length; i < requested; i++) slots.give();
      events.emit('poll', {
        queue: config.queue,
        requested,
        claimed: units.length,
        durationMs: Date.now() - started,
      });
      if (units.length === 0) {
        if (!stopped) await idle();
        continue;
      }
      backoff.reset();
      for (const unit of units) void settle(unit);
      // Fewer than asked for: the queue had no more visible work, so an immediate re-poll would
      // find nothing. Wait to be woken (notification, settled unit, retry) or for idleWait.
      if (units.length < requested && !stopped) await idle();
    }
  }

  return {
    done: loop(),
    settled: async () => {
      while (running.size > 0) await Promise.all(running);
    },
    stop() {
      stopped = true;
      signal.wake();
    },
    wake: () => signal.wake(),
  };
}
