/**
 * The concurrency limit shared by every queue of one worker. Pollers ask for `free()` slots,
 * take one per claimed unit and give it back when the unit settles; `whenFree()` resolves as
 * soon as a slot frees, so a full worker polls again the moment it can take work.
 */
export interface Slots {
  readonly inFlight: number;
  free(): number;
  take(): void;
  give(): void;
  whenFree(): Promise<void>;
  whenIdle(): Promise<void>;
}

export function createSlots(max: number): Slots {
  let inFlight = 0;
  let waiters: Array<() => void> = [];
  let idleWaiters: Array<() => void> = [];
  const flush = (list: Array<() => void>) => {
    for (const resolve of list) resolve();
  };
  return {
    get inFlight() {
      return inFlight;
    },
    free: () => Math.max(0, max - inFlight),
    take() {
      inFlight++;
    },
    give() {
      inFlight--;
      const w = waiters;
      waiters = [];
      flush(w);
      if (inFlight === 0) {
        const i = idleWaiters;
        idleWaiters = [];
        flush(i);
      }
    },
    whenFree() {
      if (inFlight < max) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    whenIdle() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
