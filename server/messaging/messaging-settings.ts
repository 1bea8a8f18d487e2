import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { messagingSettings } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { isValidTimeZone } from "./quiet-hours";

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, e.g. 21:00");
const ZCap = z.object({ max: z.number().int().min(1, "At least 1").max(1000), hours: z.number().int().min(1, "At least 1 hour").max(24 * 30) });
export type TCap = z.infer<typeof ZCap>;

export const ZMessagingSettings = z.object({
  /** Across every channel. */
  frequencyCap: ZCap.nullable(),
  /** Per channel kind (email, sms, push...), on top of the global cap. */
  channelCaps: z.record(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "A channel kind, e.g. email"), ZCap).default({}),
  quietHours: z.object({ start: ZTime, end: ZTime }).refine((q) => q.start !== q.end, { message: "Start and end must differ", path: ["end"] }).nullable(),
  defaultTimezone: z.string().refine(isValidTimeZone, "Unknown time zone, e.g. Europe/Paris"),
  /** A deferred campaign or API-triggered message not sent within this many hours expires. */
  deferredExpiryHours: z.number().int().min(1, "At least 1 hour").max(24 * 30, "At most 720 hours (30 days)").default(72),
});
export type TMessagingSettings = z.output<typeof ZMessagingSettings>;

const DEFAULTS: TMessagingSettings = { frequencyCap: null, channelCaps: {}, quietHours: null, defaultTimezone: "UTC", deferredExpiryHours: 72 };

export async function getMessagingSettings(workspaceId: string): Promise<TMessagingSettings> {
  const db = await getDb();
  const [row] = await db.select().from(messagingSettings).where(eq(messagingSettings.workspaceId, workspaceId));
  if (!row) return DEFAULTS;
  return { frequencyCap: row.frequencyCap ?? null, channelCaps: row.channelCaps ?? {}, quietHours: row.quietHours ?? null, defaultTimezone: row.defaultTimezone, deferredExpiryHours: row.deferredExpiryHours };
}

export async function updateMessagingSettings(workspaceId: string, raw: z.input<typeof ZMessagingSettings>, actor: TActor): Promise<TMessagingSettings> {
  const input = ZMessagingSettings.parse(raw);
  const before = await getMessagingSettings(workspaceId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(messagingSettings)
      .values({ workspaceId, ...input })
      .onConflictDoUpdate({ target: messagingSettings.workspaceId, set: { ...input, updatedAt: new Date() } });
    await recordAudit(tx, { workspaceId, actor, action: "messaging-settings.update", entityType: "workspace", entityId: workspaceId, diff: diffOf(before, input) });
  });
  return input;
}
