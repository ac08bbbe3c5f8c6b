/**
 * The claim loop of one queue, continuous rather than batch-at-a-time:
 *
 *   wait for a free slot → claim up to min(batchSize, free slots) → dispatch each unit
 *   → loop at once; a poll that found nothing waits (backoff, or until woken).
 *
 * A unit settling frees its slot, resets the backoff and wakes the loop, because settling a
 * flow task often enqueues the next step's tasks on the same queue. Slots are shared by every
 * queue of the worker. `stop()` stops claiming; in-flight units keep running.
 */
import type { WorkerEventEmitter } from '../telemetry/events';
import { createBackoff } from './backoff';
import type { WakeSignal } from './signals';
import type { Slots } from './slots';

export interface PollerConfig<T> {
  queue: string;
  batchSize: number;
  slots: Slots;
  signal: WakeSignal;
  minIntervalMs: number;
  maxIntervalMs: number;
  events: WorkerEventEmitter;
  claim(qty: number): Promise<T[]>;
  execute(unit: T): Promise<void>;
  /** Called after each unit settles, with the other queues' signals to wake. */
  onSettled?(): void;
}

export interface Poller {
  readonly done: Promise<void>;
  stop(): void;
  wake(): void;
}

export function startPoller<T>(config: PollerConfig<T>): Poller {
  const { slots, signal, events } = config;
  const backoff = createBackoff(config.minIntervalMs, config.maxIntervalMs);
  let stopped = false;

  const settle = (unit: T) =>
    config
      .execute(unit)
      .catch((error) => events.emit('worker:error', { error, during: `task on ${config.queue}` }))
      .finally(() => {
        slots.give();
        backoff.reset();
        config.onSettled?.();
      });

  async function loop() {
    while (!stopped) {
      if (slots.free() === 0) {
        // A full worker is busy, not idle: wait for a slot without touching the backoff.
        await Promise.race([slots.whenFree(), signal.wait(config.maxIntervalMs)]);
        continue;
      }
      const requested = Math.min(config.batchSize, slots.free());
      const started = Date.now();
      let units: T[];
      try {
        units = await config.claim(requested);
      } catch (error) {
        events.emit('worker:error', { error, during: `poll of ${config.queue}` });
        await signal.wait(backoff.next());
        continue;
      }
      events.emit('poll', {
        queue: config.queue,
        requested,
        claimed: units.length,
        durationMs: Date.now() - started,
      });
      if (units.length === 0) {
        if (!stopped) await signal.wait(backoff.next());
        continue;
      }
      backoff.reset();
      for (const unit of units) {
        slots.take();
        void settle(unit);
      }
    }
  }

  return {
    done: loop(),
    stop() {
      stopped = true;
      signal.wake();
    },
    wake: () => signal.wake(),
  };
}
