import { ZodError } from "zod";
import { AppError, httpStatusOf } from "@/server/errors";
import { checkedParams } from "@/server/http/request-params";
import { log } from "@/server/observability/logger";
import { observeRequest, routeTemplate } from "@/server/observability/observe-request";
import { authenticateApiKey, type TKeyContext } from "./authenticate-api-key";
import type { TApiKeyKind } from "./key-format";
import { rateLimitHeaders, takeRateLimit, type TRateLimitState } from "./rate-limit";

type THandler = (req: Request, ctx: TKeyContext & { params: Record<string, string> }) => Promise<Response>;

/**
 * Wraps a public REST route: reads the key (HTTP Basic with the key as user name, as
 * Segment clients send it, or `Authorization: Bearer <key>`), resolves the workspace,
 * refuses path parameters PostgreSQL cannot compare, and turns validation and domain
 * errors into JSON 4xx responses. Each call is observed (request id, latency metric, log line).
 */
export function withWorkspace(handler: THandler, options: { keys: readonly TApiKeyKind[] }) {
  return async (req: Request, route: { params: Promise<Record<string, string>> }): Promise<Response> => {
    let params: Record<string, string> = {};
    return observeRequest(req, () => routeTemplate(new URL(req.url).pathname, params), async () => {
      let limit: TRateLimitState | null = null;
      let res: Response;
      try {
        params = (await route?.params) ?? {};
        const key = readKey(req.headers.get("authorization"));
        if (!key) throw new AppError("UNAUTHORIZED", "Missing API key: send it as HTTP Basic user name or as a Bearer token");
        const ctx = await authenticateApiKey(key, options.keys);
        limit = await takeRateLimit(ctx.workspace.id, ctx.key.id);
        if (limit.exceeded) throw new AppError("TOO_MANY_REQUESTS", `Rate limit exceeded for this key (${limit.limit} requests per window); retry in ${limit.reset} s`);
        res = await handler(req, { ...ctx, params: checkedParams(params) });
      } catch (error) {
        res = errorResponse(error);
      }
      return limit ? withHeaders(res, rateLimitHeaders(limit)) : res;
    });
  };
}

/** The response with the headers added (a copy when its headers are immutable). */
function withHeaders(res: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}

export function readKey(header: string | null): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(" ", 2);
  if (!value) return null;
  if (scheme?.toLowerCase() === "bearer") return value.trim();
  if (scheme?.toLowerCase() === "basic") {
    const decoded = Buffer.from(value, "base64").toString("utf8");
    return decoded.split(":")[0]?.trim() || null;
  }
  return null;
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json({ error: { code: error.code, message: error.message, path: error.field } }, { status: httpStatusOf[error.code] });
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const path = issue?.path.join(".") ?? "";
    return Response.json({ error: { code: "BAD_REQUEST", message: `${path || "body"}: ${issue?.message}`, path, issues: error.issues } }, { status: 400 });
  }
  log().error({ err: error }, "request failed");
  return Response.json({ error: { code: "INTERNAL", message: "Internal error" } }, { status: 500 });
}
