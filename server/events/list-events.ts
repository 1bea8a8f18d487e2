import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { events } from "@/db/schema";
import { afterCursor, exactTime, pageOf } from "@/server/keyset-page";

export type TEventFilter = {
  profileId?: string;
  /** The event name (track) or page/screen name. */
  name?: string;
  type?: (typeof events.$inferSelect)["type"];
  since?: Date;
  until?: Date;
  cursor?: string;
  limit?: number;
};

/** A workspace's events, newest first by their timestamp, filtered; keyset paged. */
export async function listEvents(workspaceId: string, f: TEventFilter) {
  const limit = f.limit ?? 50;
  const where: (SQL | undefined)[] = [
    eq(events.workspaceId, workspaceId),
    f.profileId ? eq(events.profileId, f.profileId) : undefined,
    f.name !== undefined ? eq(events.name, f.name) : undefined,
    f.type ? eq(events.type, f.type) : undefined,
    f.since ? gte(events.timestamp, f.since) : undefined,
    f.until ? lt(events.timestamp, f.until) : undefined,
    afterCursor(f.cursor, events.timestamp, events.id),
  ];
  const db = await getDb();
  const rows = await db
    .select({ event: events, cursorAt: exactTime(events.timestamp) })
    .from(events)
    .where(and(...where))
    .orderBy(desc(events.timestamp), desc(events.id))
    .limit(limit + 1);
  const { items, nextCursor } = pageOf(rows.map((r) => ({ ...r, id: r.event.id })), limit, (r) => r.cursorAt);
  return { events: items.map((r) => r.event), nextCursor };
}
