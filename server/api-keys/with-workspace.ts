import { ZodError } from "zod";
import { AppError, httpStatusOf } from "@/server/errors";
import { checkedParams } from "@/server/http/request-params";
import { log } from "@/server/observability/logger";
import { observeRequest, routeTemplate } from "@/server/observability/observe-request";
import { authenticateApiKey, type TKeyContext } from "./authenticate-api-key";
import type { TApiKeyKind } from "./key-format";

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
      try {
        params = (await route?.params) ?? {};
        const key = readKey(req.headers.get("authorization"));
        if (!key) throw new AppError("UNAUTHORIZED", "Missing API key: send it as HTTP Basic user name or as a Bearer token");
        const ctx = await authenticateApiKey(key, options.keys);
        return await handler(req, { ...ctx, params: checkedParams(params) });
      } catch (error) {
        return errorResponse(error);
      }
    });
  };
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
