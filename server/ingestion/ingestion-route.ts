import { withWorkspace } from "@/server/api-keys/with-workspace";
import { AppError } from "@/server/errors";
import { ingestCalls } from "./ingest-calls";
import { ingestionLimiter, type RateLimiter } from "./rate-limit";
import { IngestionInputError, MAX_BATCH_BYTES, MAX_CALL_BYTES, parseBatch, parseCall, type TCallType } from "./schemas";

/**
 * A Segment-compatible ingestion endpoint: write key (HTTP Basic user name or Bearer),
 * size limit (413), per-key rate limit (429 + Retry-After), validation (400 naming the
 * path), then stored before the 200.
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
      const max = type === "batch" ? MAX_BATCH_BYTES : MAX_CALL_BYTES;
      const text = await req.text();
      if (Buffer.byteLength(text) > max) {
        return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: `Body exceeds ${max / 1024} KB` } }, { status: 413 });
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new AppError("BAD_REQUEST", "body: not valid JSON", "body");
      }
      try {
        const calls = type === "batch" ? parseBatch(body) : [parseCall(type, body)];
        // Accepted = stored: the business events they matched are published right after, not awaited.
        const result = await ingestCalls(workspace.id, calls, { batch: type === "batch", answerWhenStored: true });
        return Response.json({ success: true, ...result });
      } catch (error) {
        if (error instanceof IngestionInputError) throw new AppError("BAD_REQUEST", error.message, error.path);
        throw error;
      }
    },
    { keys: ["write"] },
  );
}
