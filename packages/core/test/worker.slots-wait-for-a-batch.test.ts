import { describe, expect, it } from 'vitest';
import { createSlots } from '../src/worker/slots';

describe('slots', () => {
  it('whenFree(count) resolves once that many slots are free', async () => {
    const slots = createSlots(3);
    slots.take();
    slots.take();
    slots.take();
    let resolved = false;
    const waiting = slots.whenFree(2).then(() => {
      resolved = true;
    });
    slots.give();
    await Promise.resolve();
    expect(resolved).toBe(false);
    slots.give();
    await waiting;
    expect(slots.free()).toBe(2);
  });

  it('asks for at most every slot, and a timeout ends the wait', async () => {
    const slots = createSlots(2);
    await slots.whenFree(10); // more than exist: all free is enough
    slots.take();
    const started = Date.now();
    await slots.whenFree(2, 20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(slots.free()).toBe(1);
    // The timed-out waiter is gone: freeing the slot later resolves nothing stale.
    slots.give();
    expect(slots.free()).toBe(2);
  });
});
