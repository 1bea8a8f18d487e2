/**
 * A function of a string remembered for its last `max` distinct inputs (oldest dropped
 * first): templates are compiled or split once per source, not once per recipient, and a
 * process that sees many sources keeps a bounded number. `compute` never returns undefined.
 */
export function boundedMemo<V>(max: number, compute: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
      cache.set(key, value);
    }
    return value;
  };
}
