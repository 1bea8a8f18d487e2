/** Peak resident memory while a benchmark phase runs, sampled every 100 ms. */
export function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return { stop: () => (clearInterval(timer), Math.round(Math.max(peak, process.memoryUsage().rss) / 2 ** 20)) };
}

/** Polls `read` until it reaches `target` (or the timeout), returning the last value read. */
export async function waitFor(read: () => Promise<number>, target: number, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  let value = await read();
  while (value < target && Date.now() - t0 < timeoutMs) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}
