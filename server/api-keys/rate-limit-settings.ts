import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRateLimits } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { DEFAULT_RATE_LIMIT } from "./rate-limit";

export const ZRateLimit = z.object({
  requestsPerWindow: z.number().int("requestsPerWindow must be a whole number").min(1, "requestsPerWindow must be at least 1").max(1_000_000, "requestsPerWindow must be at most 1,000,000"),
  windowSeconds: z.number().int("windowSeconds must be a whole number").min(1, "windowSeconds must be at least 1").max(3600, "windowSeconds must be at most 3600"),
});

/** The workspace's per-key REST API limit (the default when it set none). */
export async function getRateLimit(workspaceId: string) {
  const db = await getDb();
  const [row] = await db.select().from(apiRateLimits).where(eq(apiRateLimits.workspaceId, workspaceId));
  return { requestsPerWindow: row?.requestsPerWindow ?? DEFAULT_RATE_LIMIT.requestsPerWindow, windowSeconds: row?.windowSeconds ?? DEFAULT_RATE_LIMIT.windowSeconds, isDefault: !row };
}

/** Applies from the next request in every process (the limit is read with each count). */
export async function setRateLimit(workspaceId: string, input: z.input<typeof ZRateLimit>, actor: TActor) {
  const value = ZRateLimit.parse(input);
  const before = await getRateLimit(workspaceId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(apiRateLimits).values({ workspaceId, ...value }).onConflictDoUpdate({ target: apiRateLimits.workspaceId, set: value });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "api-rate-limit.update",
      entityType: "workspace",
      entityId: workspaceId,
      diff: { requestsPerWindow: { from: before.requestsPerWindow, to: value.requestsPerWindow }, windowSeconds: { from: before.windowSeconds, to: value.windowSeconds } },
    });
  });
  return getRateLimit(workspaceId);
}
