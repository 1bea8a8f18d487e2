/**
 * Whether this process is shutting down (SIGTERM to `npm run worker` or the web server). Long
 * steps (a campaign batch) check it between groups and end early with what they did, so the
 * run's next call is taken by another process instead of the stop waiting for the whole step.
 * Always false on an Inngest server's workers: there a step runs to its end.
 */
const g = globalThis as unknown as { __parcoursStopping?: boolean };

export function markProcessStopping(stopping = true) {
  g.__parcoursStopping = stopping;
}

export function processStopping(): boolean {
  return g.__parcoursStopping === true;
}
