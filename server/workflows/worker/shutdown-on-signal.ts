import { closeDb } from "@/db/client";

const SIGNALS = ["SIGTERM", "SIGINT"] as const;
type TSignal = (typeof SIGNALS)[number];
const installed = Symbol.for("parcours.shutdownOnSignal");
const g = globalThis as typeof globalThis & { [installed]?: true };

/**
 * On SIGTERM or SIGINT: runs `stop` (the executor's graceful stop) alongside the signal's
 * other listeners, then closes the database pool and exits 0. In a Next.js server the other
 * listener closes the HTTP server (pending requests finish) and then calls process.exit:
 * that exit is held until `stop` is done, so requests and jobs wind down together and the
 * pool closes last. Repeated signals (a shell's Ctrl+C reaches every process) are ignored;
 * past `hardLimitMs` the process exits 1 whatever is still running.
 */
export function shutdownOnSignal(stop: () => Promise<void>, hardLimitMs: number): void {
  if (g[installed]) return;
  g[installed] = true;
  let started = false;
  for (const signal of SIGNALS) {
    const others = process.listeners(signal) as ((signal: TSignal) => void)[];
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (started) return;
      started = true;
      void shutdown(signal, others, stop, hardLimitMs);
    });
  }
}

async function shutdown(signal: TSignal, others: ((signal: TSignal) => void)[], stop: () => Promise<void>, hardLimitMs: number): Promise<void> {
  const exit = process.exit.bind(process);
  const hard = setTimeout(() => {
    console.error(`[shutdown] still busy after ${hardLimitMs} ms: exiting`);
    exit(1);
  }, hardLimitMs);
  hard.unref();
  const othersDone = holdExits(others.length > 0);
  for (const listener of others) listener(signal);
  await Promise.all([stop().catch((error: unknown) => console.error("[shutdown] stopping failed:", error)), othersDone]);
  await closeDb().catch((error: unknown) => console.error("[shutdown] closing the database failed:", error));
  exit(0);
}

/** Until it resolves, process.exit only records that the other listeners are done. */
function holdExits(hold: boolean): Promise<void> {
  if (!hold) return Promise.resolve();
  return new Promise((resolve) => {
    process.exit = ((() => resolve()) as unknown) as typeof process.exit;
  });
}
