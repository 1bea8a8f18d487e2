import { withWorkspace } from "@/server/api-keys/with-workspace";
import { AppError } from "@/server/errors";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { readJsonBody } from "@/server/http/read-json-body";
import { countIngested } from "@/server/observability/metrics";
import { ingestCalls } from "./ingest-calls";
import { ingestionLimiter, type RateLimiter } from "./rate-limit";
import { IngestionInputError, ingestionPath, parseBatch, parseCall, type TCallType } from "./schemas";

/**
 * A Segment-compatible ingestion endpoint: write key (HTTP Basic user name or Bearer),
 * per-key rate limit (429 + Retry-After), size limit (413, counted as the body streams in),
 * validation (400 naming the path), then stored before the 200.
 */
export function ingestionRoute(type: TCallType | "batch", limiter: RateLimiter = ingestionLimiter) {
  return withWorkspace(
    async (req, { workspace, key }) => {
      const limit = limiter.take(key.id);
      if (!limit.ok) {
        return Response.json(
          { error: { code: "TOO_MANY_REQUESTS", message: `Rate limit exceeded for this key; retry in ${limit.retryAfterSeconds} s` } },
          { status: 429, headers: { "retry-after": String(limit.retryAfterSeconds) } },
        );
      }
      const body = await readJsonBody(req, type === "batch" ? BODY_LIMITS.ingestBatch : BODY_LIMITS.ingestCall).catch((error: unknown) => {
        if (!(error instanceof AppError) || !error.field?.includes(".")) throw error;
        const path = ingestionPath(error.field);
        throw new AppError(error.code, error.message.replace(error.field, path), path);
      });
      try {
        const calls = type === "batch" ? parseBatch(body) : [parseCall(type, body)];
        // Accepted = stored: the business events they matched are published right after, not awaited.
        const result = await ingestCalls(workspace.id, calls, { batch: type === "batch", answerWhenStored: true });
        countIngested(result);
        return Response.json({ success: true, ...result });
      } catch (error) {
        if (error instanceof IngestionInputError) throw new AppError("BAD_REQUEST", error.message, error.path);
        throw error;
      }
    },
    { keys: ["write"] },
  );
}
