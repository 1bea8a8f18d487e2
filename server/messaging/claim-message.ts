import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { messages, type TMessageSource } from "@/db/schema";
import { retryableError } from "@/plugins/sdk";
import type { TMessageRow } from "./message-events";

const FINAL = new Set(["sent", "delivered", "failed", "suppressed", "bounced", "complained"]);
/** A worker that took a message and vanished gives it up after this long. */
const SENDING_LEASE_MS = 120_000;

export interface TClaimInput {
  workspaceId: string;
  idempotencyKey: string;
  profileId: string | null;
  configurationId: string;
  pluginId: string;
  kind: string;
  source: { type: TMessageSource; id?: string | null; stepId?: string | null };
  isTest: boolean;
}

export type TClaim = { state: "mine"; message: TMessageRow } | { state: "done"; message: TMessageRow };

/**
 * One message per idempotency key, whatever retries or concurrent workers do: the first
 * call creates it; a later call finds it finished (and returns it) or takes it over only
 * when it is queued, deferred and due, or its sender's lease ran out.
 */
export async function claimMessage(db: DbOrTx, input: TClaimInput, now: Date): Promise<TClaim> {
  await db
    .insert(messages)
    .values({
      workspaceId: input.workspaceId,
      idempotencyKey: input.idempotencyKey,
      profileId: input.profileId,
      configurationId: input.configurationId,
      pluginId: input.pluginId,
      kind: input.kind,
      sourceType: input.source.type,
      sourceId: input.source.id ?? null,
      stepId: input.source.stepId ?? null,
      isTest: input.isTest,
    })
    .onConflictDoNothing();
  const [existing] = await db.select().from(messages).where(and(eq(messages.workspaceId, input.workspaceId), eq(messages.idempotencyKey, input.idempotencyKey)));
  if (!existing) throw new Error("Message vanished after insert");
  if (FINAL.has(existing.status)) return { state: "done", message: existing };
  if (existing.status === "deferred" && existing.deferredUntil && existing.deferredUntil > now) return { state: "done", message: existing };
  const leaseExpired = new Date(now.getTime() - SENDING_LEASE_MS);
  const [taken] = await db
    .update(messages)
    .set({ status: "sending", updatedAt: now })
    .where(and(eq(messages.id, existing.id), sql`(${messages.status} in ('queued', 'deferred') or (${messages.status} = 'sending' and ${messages.updatedAt} < ${leaseExpired.toISOString()}::timestamptz))`))
    .returning();
  if (!taken) throw retryableError("This message is being sent by another worker", "in_progress");
  return { state: "mine", message: taken };
}
