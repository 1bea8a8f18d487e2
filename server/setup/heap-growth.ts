import v8 from "node:v8";

/** How far V8 lets the heap grow past the live data after a full collection, in percent. */
export const DEFAULT_HEAP_GROWTH_PERCENT = 100;

/**
 * V8 sets the next full collection's threshold at up to 4x the heap that survived the last
 * one when a process allocates fast, as a large campaign send does: ~90 MB of live objects
 * then let the heap reach ~390 MB of mostly garbage before it is collected (peak RSS ~530 MB
 * for a 50,000-recipient send). Capping the growth at 2x (V8's `--heap-growing-percent`, read
 * at every collection, so it can be set once the process runs) keeps the peak near twice the
 * live data, at the price of more frequent, mostly concurrent, collections. Unlike
 * `--max-old-space-size` it never makes the process fail: a heap that needs more still grows.
 * `npm start` also gives the young generation 32 MB semi-spaces (`--max-semi-space-size`, a
 * start-up flag only): fewer short-lived objects are promoted, which pays back most of the
 * extra collections' CPU (docs/benchmarks.md, campaign). `PARCOURS_HEAP_GROWTH_PERCENT=0`
 * leaves V8's own choice.
 */
export function boundHeapGrowth(percent = Number(process.env.PARCOURS_HEAP_GROWTH_PERCENT ?? DEFAULT_HEAP_GROWTH_PERCENT)): number {
  if (!Number.isFinite(percent) || percent <= 0) return 0;
  v8.setFlagsFromString(`--heap-growing-percent=${Math.round(percent)}`);
  return Math.round(percent);
}
