import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { claimMessages } from "@/server/messaging/claim-message";
import { recordResults } from "@/server/messaging/record-results";

const CHUNK = 500;

/**
 * The ceiling PostgreSQL sets for a campaign on this machine: messages/s of only the writes
 * a sent message needs, through the sender's own functions: the claim (the row inserted as
 * `sending` before the send, so a crash never sends twice, claim-message.ts), then its result
 * and its `sent` and `delivered` events (record-results.ts). Nothing is rendered or
 * delivered. Two chunks at once, as the campaign sends over the same 2 cores.
 */
export async function rawMessageWrites(workspaceId: string, configurationId: string, messages: number) {
  const db = await getDb();
  const profileIds = rowsOf<{ id: string }>(await db.execute(sql`select id from profiles where workspace_id = ${workspaceId} limit ${messages}`)).map((r) => r.id);
  const base = { workspaceId, configurationId, pluginId: "dev-inbox", kind: "email", source: { type: "campaign" as const, id: `raw-${Date.now().toString(36)}`, stepId: "send" }, isTest: false };
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < profileIds.length) {
        const chunk = profileIds.slice(next, next + CHUNK);
        next += CHUNK;
        const claims = await claimMessages(db, base, chunk.map((p) => ({ idempotencyKey: `campaign:${base.source.id}:send:${p}`, profileId: p })), new Date());
        await recordResults(
          db,
          claims.map(({ message }, i) => ({
            message,
            status: "delivered" as const,
            recipient: `p${i}@example.com`,
            content: { subject: `P${i}, your order is on its way` },
            contentKey: "bench:raw",
            contentScope: { context: {}, profile: { firstName: `P${i}`, signupDate: "2024-05-01" } },
            providerMessageId: `dev-inbox:${message.id}`,
            error: null,
            sentAt: new Date(),
            events: [{ type: "sent" as const, data: { providerMessageId: `dev-inbox:${message.id}` } }, { type: "delivered" as const }],
          })),
        );
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { messages: profileIds.length, seconds: +seconds.toFixed(1), messagesPerSecond: Math.round(profileIds.length / seconds) };
}
