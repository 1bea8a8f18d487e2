/**
 * Whether this process runs workflow jobs. `PARCOURS_EXECUTOR=off` (web replicas next to
 * `npm run worker` processes): the process still takes events and sends and serves
 * /api/inngest, but claims no job and fires no cron; the workers do. Default `on`.
 */
export function executorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.PARCOURS_EXECUTOR ?? "on").trim().toLowerCase();
  if (value === "on" || value === "") return true;
  if (value === "off") return false;
  throw new Error(`PARCOURS_EXECUTOR must be "on" or "off", not "${env.PARCOURS_EXECUTOR}"`);
}

/** PGlite is one process's database: nothing else could run the jobs a process leaves to workers. */
export function refuseSingleProcessDatabase(driver: "pglite" | "postgres", who: string): void {
  if (driver === "postgres") return;
  throw new Error(
    `${who} needs PostgreSQL: set DATABASE_URL. The embedded database (PGlite) is opened by one process only, so no worker could share it; without DATABASE_URL run \`npm run dev\` or \`npm start\` alone, which executes the workflows itself.`,
  );
}

/** How long a stopping process lets the jobs in hand finish before handing them back (PARCOURS_SHUTDOWN_GRACE_MS, default 20 s). */
export function shutdownGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.PARCOURS_SHUTDOWN_GRACE_MS);
  return env.PARCOURS_SHUTDOWN_GRACE_MS && Number.isFinite(ms) && ms >= 0 ? ms : 20_000;
}
