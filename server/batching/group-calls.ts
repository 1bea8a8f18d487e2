/** One item's result in a group: its value, or its own error. */
export type TSettled<T> = { value: T } | { error: unknown };

export interface TGroupOptions<TIn, TOut> {
  /** Runs one group of a lane; answers every item, in order. A throw runs each item alone. */
  run: (lane: string, items: TIn[]) => Promise<TSettled<TOut>[]>;
  /** Groups of one lane running at once (read at each call). */
  inFlight?: () => number;
  /** Items in one group, at most. */
  max?: number;
  /** Items with the same key never run at once: the later one waits until the earlier's group is done (undefined: no key). */
  distinctKey?: (item: TIn) => string | undefined;
}

type TWaiting<TIn, TOut> = { item: TIn; resolve: (v: TOut) => void; reject: (e: unknown) => void };

/**
 * Group commit for any statement-bound call: a call runs at once while fewer than `inFlight`
 * groups of its lane run; otherwise it waits, and all that waited run together next. Idle,
 * nothing waits; under load, one group's few statements serve many callers. Each caller gets
 * its own value or its own error; if a whole group fails, each of its items runs alone, so one
 * item's bad data fails only its caller.
 */
export function groupCalls<TIn, TOut>(options: TGroupOptions<TIn, TOut>): (lane: string, item: TIn) => Promise<TOut> {
  const inFlight = options.inFlight ?? (() => 2);
  const max = options.max ?? 500;
  const lanes = new Map<string, { waiting: TWaiting<TIn, TOut>[]; running: number; busy: Set<string> }>();

  const settle = (w: TWaiting<TIn, TOut>, r: TSettled<TOut> | undefined) => {
    if (!r) w.reject(new Error("A grouped call got no answer"));
    else if ("error" in r) w.reject(r.error);
    else w.resolve(r.value);
  };
  const runGroup = async (lane: string, group: TWaiting<TIn, TOut>[]) => {
    try {
      const results = await options.run(lane, group.map((w) => w.item));
      group.forEach((w, n) => settle(w, results[n]));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      await Promise.all(group.map((w) => runGroup(lane, [w])));
    }
  };
  const pump = (lane: string) => {
    const queue = lanes.get(lane)!;
    while (queue.running < inFlight() && queue.waiting.length) {
      const keys: string[] = [];
      const group: TWaiting<TIn, TOut>[] = [];
      queue.waiting = queue.waiting.filter((w) => {
        const key = options.distinctKey?.(w.item);
        if (group.length >= max || (key !== undefined && queue.busy.has(key))) return true;
        if (key !== undefined) {
          queue.busy.add(key);
          keys.push(key);
        }
        group.push(w);
        return false;
      });
      if (group.length === 0) return; // every waiting item's key is in flight
      queue.running++;
      void runGroup(lane, group).finally(() => {
        for (const key of keys) queue.busy.delete(key);
        queue.running--;
        if (queue.running === 0 && queue.waiting.length === 0) lanes.delete(lane);
        else pump(lane);
      });
    }
  };
  return (lane, item) =>
    new Promise<TOut>((resolve, reject) => {
      const queue = lanes.get(lane) ?? { waiting: [], running: 0, busy: new Set<string>() };
      lanes.set(lane, queue);
      queue.waiting.push({ item, resolve, reject });
      pump(lane);
    });
}
