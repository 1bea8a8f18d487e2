const key = Symbol.for("parcours.plainEnv");

/**
 * Replaces `process.env` with a plain copy of itself, once per process.
 *
 * The Inngest SDK enumerates `process.env` several times for every call to its serve
 * handler (`getProcessEnv` in `inngest/helpers/env`). Node's `process.env` is backed by the
 * C environment, so each enumeration is a native lookup per variable: measured at ~1.3 of
 * ~4.1 ms of CPU per call on this machine (`docs/benchmarks.md`, "workflows"). A plain
 * object makes that free. Reads and writes from JavaScript behave as before; what changes is
 * that a variable set afterwards is not seen by native code or by `TZ` handling, and child
 * processes still get it because they are spawned with `process.env`. Parcours sets neither
 * at run time.
 */
export function usePlainProcessEnv(): void {
  const g = globalThis as typeof globalThis & { [key]?: true };
  if (g[key] || typeof process === "undefined") return;
  g[key] = true;
  process.env = { ...process.env };
}
