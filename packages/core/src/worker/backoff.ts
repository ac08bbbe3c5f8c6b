/**
 * Idle backoff for a poll loop: each poll that ran and found nothing lengthens the wait
 * (min → max, doubling), finding or finishing work resets it. Polls skipped because every slot
 * is busy are not "empty" and must not call `next()` (the Elixir port's trap, defect 49).
 */
export interface Backoff {
  /** The wait before the next poll, after an empty one. */
  next(): number;
  /** Back to the minimum. */
  reset(): void;
}

export function createBackoff(minMs: number, maxMs: number, factor = 2): Backoff {
  let current = minMs;
  return {
    next() {
      const wait = current;
      current = Math.min(maxMs, Math.max(minMs, current * factor));
      return wait;
    },
    reset() {
      current = minMs;
    },
  };
}
