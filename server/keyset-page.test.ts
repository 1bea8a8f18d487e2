import { and, desc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { events } from "@/db/schema";
import { listEvents } from "@/server/events/list-events";
import { createTeam } from "@/test/fixtures";
import { afterCursor, ZCursor } from "./keyset-page";

describe("afterCursor", () => {
  it("is one row comparison the index reads from, not a filter over every newer row", async () => {
    const db = await getDb();
    const workspaceId = crypto.randomUUID();
    const statement = db
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.workspaceId, workspaceId), afterCursor(`2026-12-01T00:00:00.123456Z|${crypto.randomUUID()}`, events.timestamp, events.id)))
      .orderBy(desc(events.timestamp), desc(events.id))
      .limit(10);
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return rowsOf<{ "QUERY PLAN": string }>(await tx.execute(sql`explain ${statement}`)).map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Index Cond: .*ROW\("timestamp", id\) < ROW\(/);
    expect(plan).not.toContain("Filter");
  });

  it("pages newest first through rows sharing one microsecond, each once", async () => {
    const { workspace } = await createTeam("Keyset");
    const db = await getDb();
    await db.execute(sql`with p as (insert into profiles (workspace_id) values (${workspace.id}) returning id)
      insert into ${events} (workspace_id, profile_id, type, name, message_id, timestamp)
      select ${workspace.id}::uuid, p.id, 'track', 'tick', gen_random_uuid()::text, t from p, (values (now()), (now()), (now()), (now() - interval '1 microsecond'), (now() - interval '1 second')) v(t)`);
    const expected = (await db.select({ id: events.id }).from(events).where(eq(events.workspaceId, workspace.id)).orderBy(desc(events.timestamp), desc(events.id))).map((r) => r.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listEvents(workspace.id, { cursor, limit: 2 });
      seen.push(...page.events.map((e) => e.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(5);
  });
});

describe("ZCursor", () => {
  it.each(["yesterday|0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69", "2026-12-01T00:00:00.000Z|------------------------------------", "2026-12-01T00:00:00.000Z"])("refuses %s (it would reach PostgreSQL and fail there)", (cursor) => {
    expect(ZCursor.safeParse(cursor).success).toBe(false);
  });

  it("takes a cursor to the microsecond", () => {
    expect(ZCursor.safeParse("2026-12-01T00:00:00.123456Z|0193f0c2-5a1e-7c3b-9a4e-2f1d3c4b5a69").success).toBe(true);
  });
});
