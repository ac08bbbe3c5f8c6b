/** A set of the last `capacity` keys added (the oldest is dropped first). */
export function boundedSet(capacity: number) {
  const set = new Set<string>();
  return {
    has: (key: string) => set.has(key),
    add(key: string) {
      set.add(key);
      if (set.size > capacity) set.delete(set.values().next().value as string);
    },
  };
}
