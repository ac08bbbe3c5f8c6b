/**
 * The concurrency limit shared by every queue of one worker. Pollers ask for `free()` slots,
 * take one per claimed unit and give it back when the unit settles; `whenFree()` resolves as
 * soon as a slot frees, so a full worker polls again the moment it can take work.
 * A poller waiting for a pushed task reserves the slot that task will run in.
 */
export interface Slots {
  /** maxConcurrent. */
  readonly capacity: number;
  readonly inFlight: number;
  free(): number;
  take(): void;
  give(): void;
  /** Holds a free slot for a pushed task. */
  reserve(): Reservation;
  /**
   * Resolves once `count` slots (at most all of them) are free, or after `timeoutMs` when given,
   * whichever comes first.
   */
  whenFree(count?: number, timeoutMs?: number): Promise<void>;
  whenIdle(): Promise<void>;
}

export interface Reservation {
  /** Gives the slot back. */
  release(): void;
  /** The pushed task came: the slot is now taken by it (give it back when the task settles). */
  use(): void;
}

interface Waiter {
  count: number;
  resolve(): void;
}

export function createSlots(max: number): Slots {
  let inFlight = 0;
  let waiters: Waiter[] = [];
  let idleWaiters: Array<() => void> = [];
  let reserved = 0;
  const free = () => Math.max(0, max - inFlight - reserved);
  const freed = () => {
    const ready = waiters.filter((w) => w.count <= free());
    if (ready.length > 0) {
      waiters = waiters.filter((w) => w.count > free());
      for (const w of ready) w.resolve();
    }
  };
  return {
    capacity: max,
    get inFlight() {
      return inFlight;
    },
    free,
    take() {
      inFlight++;
    },
    give() {
      inFlight--;
      freed();
      if (inFlight === 0) {
        const idle = idleWaiters;
        idleWaiters = [];
        for (const resolve of idle) resolve();
      }
    },
    reserve() {
      reserved++;
      let held = true;
      return {
        release() {
          if (!held) return;
          held = false;
          reserved--;
          freed();
        },
        use() {
          if (!held) return;
          held = false;
          reserved--;
          inFlight++;
        },
      };
    },
    whenFree(count = 1, timeoutMs) {
      const wanted = Math.min(Math.max(count, 1), max);
      if (free() >= wanted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const waiter: Waiter = {
          count: wanted,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        const timer =
          timeoutMs === undefined
            ? undefined
            : setTimeout(() => {
                waiters = waiters.filter((w) => w !== waiter);
                resolve();
              }, timeoutMs);
        waiters.push(waiter);
      });
    },
    whenIdle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
