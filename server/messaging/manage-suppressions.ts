import { and, asc, desc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { suppressions } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { resubscribeAddress } from "@/server/consents/resubscribe-address";
import { notFound } from "@/server/errors";
import { containsPattern } from "@/server/ids";
import { phoneCountryOf } from "@/server/profiles/phone-country";
import { normalizePhone, toE164 } from "@/server/profiles/phone-number";

export const ZSuppression = z.object({
  channel: z.string().min(1).max(40),
  address: z.string().trim().min(3, "Give an address").max(320),
  note: z.string().trim().max(300).optional(),
});

/** The address as the send pipeline compares it: emails lowercased, phone numbers in E.164 (with the workspace's default country). */
async function normalize(db: DbOrTx, workspaceId: string, channel: string, address: string): Promise<string> {
  if (channel === "email") return address.toLowerCase();
  if (channel === "sms") return normalizePhone(address, await phoneCountryOf(db, workspaceId));
  return address;
}

/** The list, newest first; a search for a number also finds it in E.164 ("(555) 060-0099" finds +15550600099). */
export async function listSuppressions(workspaceId: string, search?: string, page: { after?: TSuppressionKey; limit?: number; channel?: string } = {}) {
  const db = await getDb();
  const phone = search && /\d{3}/.test(search) ? toE164(search, await phoneCountryOf(db, workspaceId)) : null;
  const matches = search ? or(ilike(suppressions.address, containsPattern(search)), phone ? eq(suppressions.address, phone) : undefined) : undefined;
  const a = page.after;
  // Keyset paging (the REST API): after the row (createdAt, channel, address) of the previous page.
  // On the time to the millisecond, as the cursor holds it: rows of one microsecond are neither skipped nor repeated.
  const at = sql`date_trunc('milliseconds', ${suppressions.createdAt})`;
  const after = a ? sql`(${at} < ${a.createdAt.toISOString()}::timestamptz or (${at} = ${a.createdAt.toISOString()}::timestamptz and (${suppressions.channel}, ${suppressions.address}) > (${a.channel}, ${a.address})))` : undefined;
  return db
    .select()
    .from(suppressions)
    .where(and(eq(suppressions.workspaceId, workspaceId), matches, page.channel ? eq(suppressions.channel, page.channel) : undefined, after))
    .orderBy(desc(at), asc(suppressions.channel), asc(suppressions.address))
    .limit(page.limit ?? 500);
}

export type TSuppressionKey = { createdAt: Date; channel: string; address: string };

export async function addSuppression(workspaceId: string, raw: z.input<typeof ZSuppression>, actor: TActor) {
  const input = ZSuppression.parse(raw);
  const db = await getDb();
  const address = await normalize(db, workspaceId, input.channel, input.address);
  return db.transaction(async (tx) => {
    await tx.insert(suppressions).values({ workspaceId, channel: input.channel, address, reason: "manual", note: input.note ?? null }).onConflictDoNothing();
    await recordAudit(tx, { workspaceId, actor, action: "suppression.add", entityType: "suppression", entityId: `${input.channel}:${address}`, diff: { address: { from: null, to: address } } });
    return { channel: input.channel, address };
  });
}

/** Removes the entry as listed, or as the address normalizes ("(555) 060-0099" removes +15550600099). */
export async function removeSuppression(workspaceId: string, channel: string, address: string, actor: TActor) {
  const db = await getDb();
  const forms = [...new Set([address, await normalize(db, workspaceId, channel, address)])];
  await db.transaction(async (tx) => {
    const gone = await tx.delete(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.channel, channel), inArray(suppressions.address, forms))).returning();
    if (!gone.length) throw notFound("Suppression");
    for (const row of gone) {
      // Removing an unsubscribe resubscribes whoever has that address (server/consents/resubscribe-address.ts).
      if (row.reason === "unsubscribed") await resubscribeAddress(tx, workspaceId, channel, row.address);
      await recordAudit(tx, { workspaceId, actor, action: "suppression.remove", entityType: "suppression", entityId: `${channel}:${row.address}`, diff: { address: { from: row.address, to: null } } });
    }
  });
}
