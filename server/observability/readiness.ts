import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { workflowMode } from "@/server/workflows/mode";
import { log } from "./logger";
import { migrationStatus } from "./migration-status";

export interface TCheck {
  ok: boolean;
  detail: string;
}

export interface TReadiness {
  ready: boolean;
  checks: { database: TCheck; migrations: TCheck; workflows: TCheck };
}

export interface TReadinessDeps {
  handle: () => Promise<DbHandle>;
  migrationsFolder: string;
  executorRunning: () => boolean;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const down = (detail: string): TCheck => ({ ok: false, detail });

/** Resolves with `fn`'s check, or a failed one after `ms` (a hung database must not hang the probe). */
async function within(ms: number, name: string, fn: () => Promise<TCheck>): Promise<TCheck> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<TCheck>((resolve) => (timer = setTimeout(() => resolve(down(`no answer within ${ms} ms`)), ms)));
  try {
    return await Promise.race([
      fn().catch((error: unknown) => {
        // The reason goes to the log: the probe is public and an error may name hosts.
        log().warn({ err: error, check: name }, "readiness check failed");
        return down("unreachable");
      }),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** The Inngest server's address a probe asks for `/health`, or null for Inngest Cloud. */
export function inngestServerUrl(env: NodeJS.ProcessEnv): string | null {
  if (env.INNGEST_BASE_URL) return env.INNGEST_BASE_URL;
  if (env.INNGEST_DEV) return /^https?:\/\//.test(env.INNGEST_DEV) ? env.INNGEST_DEV : "http://127.0.0.1:8288";
  return null;
}

async function workflowsCheck(deps: TReadinessDeps, env: NodeJS.ProcessEnv): Promise<TCheck> {
  if (workflowMode(env) === "embedded") {
    // A web process next to `npm run worker` processes runs no job: readiness does not depend on them.
    if (env.PARCOURS_EXECUTOR?.trim().toLowerCase() === "off") return { ok: true, detail: "jobs run in worker processes (PARCOURS_EXECUTOR=off)" };
    if (deps.executorRunning()) return { ok: true, detail: "embedded executor running in this process" };
    return down("embedded executor not started");
  }
  const base = inngestServerUrl(env);
  if (!base) return { ok: true, detail: "Inngest Cloud (not probed)" };
  const res = await (deps.fetch ?? fetch)(new URL("/health", base), { cache: "no-store" });
  return res.ok ? { ok: true, detail: "Inngest server reachable" } : down(`Inngest server answered ${res.status}`);
}

/**
 * What `/api/ready` reports: the database answers, it has every migration this code ships,
 * and workflows can run (the embedded executor started here or in a worker process, or the
 * Inngest server answers its health check). The three checks run at once, each bounded.
 */
export async function readiness(deps: TReadinessDeps): Promise<TReadiness> {
  const env = deps.env ?? process.env;
  const ms = deps.timeoutMs ?? 3000;
  const handle = deps.handle();
  const [database, migrations, workflows] = await Promise.all([
    within(ms, "database", async () => {
      await (await handle).db.execute(sql`select 1`);
      return { ok: true, detail: (await handle).driver };
    }),
    within(ms, "migrations", async () => {
      const status = await migrationStatus((await handle).db, deps.migrationsFolder);
      const detail = `${status.applied} applied, ${status.expected} shipped`;
      return status.current ? { ok: true, detail } : down(`${detail}; pending up to ${status.pending}: run \`parcours migrate\``);
    }),
    within(ms, "workflows", () => workflowsCheck(deps, env)),
  ]);
  return { ready: database.ok && migrations.ok && workflows.ok, checks: { database, migrations, workflows } };
}
