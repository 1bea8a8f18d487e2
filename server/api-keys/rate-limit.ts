import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";

/** When a workspace has set nothing: 1,000 requests per key per minute. */
export const DEFAULT_RATE_LIMIT = { requestsPerWindow: 1000, windowSeconds: 60 };

export interface TRateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again. */
  reset: number;
  exceeded: boolean;
}

/**
 * Counts one request of a key in its current fixed window and answers where it stands, in one
 * statement: the workspace's limit is read by primary key and the counter row (key, window)
 * upserted, so processes sharing the database agree and never lose a count. The window is
 * the database's clock, not this process's. The first request of a window also deletes the
 * key's older windows (once per key and window).
 */
export async function takeRateLimit(workspaceId: string, keyId: string): Promise<TRateLimitState> {
  const db = await getDb();
  const result = await db.execute(sql`
    with lim as (
      select coalesce(l.requests_per_window, ${DEFAULT_RATE_LIMIT.requestsPerWindow}) as n, coalesce(l.window_seconds, ${DEFAULT_RATE_LIMIT.windowSeconds}) as w, extract(epoch from now()) as t
      from (select 1) one left join api_rate_limits l on l.workspace_id = ${workspaceId})
    insert into api_rate_counters (key_id, window_start, count)
    select ${keyId}, (floor(t / w) * w)::bigint, 1 from lim
    on conflict (key_id, window_start) do update set count = api_rate_counters.count + 1
    returning count, window_start, (select n from lim) as n, (select w from lim) as w, (select t from lim)::float8 as t`);
  const [row] = rowsOf<{ count: number; window_start: string | number; n: number; w: number; t: number }>(result);
  const count = Number(row!.count);
  const limit = Number(row!.n);
  const windowEnd = Number(row!.window_start) + Number(row!.w);
  if (count === 1) await db.execute(sql`delete from api_rate_counters where key_id = ${keyId} and window_start < ${Number(row!.window_start)}`);
  return { limit, remaining: Math.max(0, limit - count), reset: Math.max(1, Math.ceil(windowEnd - Number(row!.t))), exceeded: count > limit };
}

/** The IETF draft's headers (RateLimit-Limit, -Remaining, -Reset), and Retry-After on a 429. */
export function rateLimitHeaders(state: TRateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.reset),
    ...(state.exceeded ? { "Retry-After": String(state.reset) } : {}),
  };
}
