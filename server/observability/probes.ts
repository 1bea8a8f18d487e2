import { getDbHandle, migrationsFolder } from "@/db/client";
import { collectGauges } from "./collect-gauges";
import { metrics } from "./metrics";
import { metricsAccess } from "./metrics-token";
import { readiness, type TReadinessDeps } from "./readiness";

const noStore = { "cache-control": "no-store" };

/** `/api/health`: the process answers (liveness). Touches nothing else, reveals nothing. */
export function healthResponse(): Response {
  return Response.json({ status: "ok" }, { headers: noStore });
}

async function executorRunning(): Promise<boolean> {
  const { runningExecutor } = await import("@/server/workflows/embedded/start-embedded");
  return runningExecutor() !== null;
}

/** `/api/ready`: 200 when the instance can serve (readiness.ts), else 503; the body names each check. */
export async function readyResponse(overrides: Partial<TReadinessDeps> = {}): Promise<Response> {
  const running = overrides.executorRunning ? overrides.executorRunning() : await executorRunning();
  const result = await readiness({ handle: getDbHandle, migrationsFolder, ...overrides, executorRunning: () => running });
  return Response.json({ status: result.ready ? "ready" : "unavailable", checks: result.checks }, { status: result.ready ? 200 : 503, headers: noStore });
}

/** `/api/metrics`: Prometheus text, behind PARCOURS_METRICS_TOKEN (metrics-token.ts). */
export async function metricsResponse(req: Request): Promise<Response> {
  const access = metricsAccess(req);
  if (access === 404) return Response.json({ error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
  if (access === 401) return Response.json({ error: { code: "UNAUTHORIZED", message: "Send the metrics token as a Bearer token" } }, { status: 401, headers: { "www-authenticate": "Bearer" } });
  const m = metrics();
  const handle = await getDbHandle().catch(() => null);
  if (handle) await collectGauges(m, handle.db, handle.driver);
  else m.dbUp.set(0);
  return new Response(await m.registry.metrics(), { headers: { "content-type": m.registry.contentType, ...noStore } });
}
