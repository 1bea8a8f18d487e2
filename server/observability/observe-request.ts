import { log } from "./logger";
import { metrics } from "./metrics";
import { requestIdOf, withRequestId } from "./request-id";

/** The response with `X-Request-Id` set (a fetched Response's headers are immutable: copied then). */
function withRequestIdHeader(res: Response, id: string): Response {
  try {
    res.headers.set("x-request-id", id);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    copy.headers.set("x-request-id", id);
    return copy;
  }
}

/**
 * Serves one API request observed: its id (the caller's `X-Request-Id` or a new one) is the
 * logger's `requestId` while it runs and comes back in `X-Request-Id`; its duration goes to
 * `parcours_http_request_duration_seconds` under `route` (a template such as
 * `/api/v1/profiles/[id]`, never a raw path, so labels stay few), and one log line records it.
 */
export async function observeRequest(req: Request, route: string | (() => string), serve: () => Promise<Response>): Promise<Response> {
  const id = requestIdOf(req);
  const started = performance.now();
  let status = 500;
  try {
    const res = await withRequestId(id, serve);
    status = res.status;
    return withRequestIdHeader(res, id);
  } catch (error) {
    withRequestId(id, () => log().error({ err: error }, "request failed"));
    throw error;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    const label = typeof route === "function" ? route() : route;
    metrics().httpDuration.observe({ route: label, method: req.method, status: String(status) }, seconds);
    withRequestId(id, () => log().info({ method: req.method, route: label, status, ms: Math.round(seconds * 1000) }, "request"));
  }
}

/** The route template of a path: each segment that is a path parameter's value becomes `[name]`. */
export function routeTemplate(pathname: string, params: Record<string, string | string[]>): string {
  const names = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) for (const v of [value].flat()) names.set(v, name);
  return pathname
    .split("/")
    .map((segment) => {
      const name = names.get(decoded(segment));
      return name ? `[${name}]` : segment;
    })
    .join("/");
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The route label of a tRPC call: `/api/trpc/<procedure>` for one known procedure,
 * `/api/trpc/(batch)` for several, `/api/trpc/(unknown)` otherwise (a caller cannot mint labels).
 */
export function trpcRouteLabel(pathname: string, isProcedure: (path: string) => boolean): string {
  const path = decoded(pathname.replace(/^\/api\/trpc\/?/, ""));
  const paths = path.split(",");
  if (paths.length > 1 && paths.every(isProcedure)) return "/api/trpc/(batch)";
  return paths.length === 1 && isProcedure(path) ? `/api/trpc/${path}` : "/api/trpc/(unknown)";
}
