import { describe, expect, it } from "vitest";
import { createApiKey, revokeApiKey } from "@/server/api-keys/manage-api-keys";
import { createTeam } from "@/test/fixtures";
import { auditFacets, listAudit } from "./list-audit";
import { diffOf } from "./record-audit";

describe("audit log", () => {
  it("filters by action, entity, actor and date, newest first, in pages", async () => {
    const { workspace, users } = await createTeam("Audited");
    const actor = { userId: users.admin.id, label: users.admin.email };
    const key = await createApiKey(workspace.id, { name: "k1", kind: "write" }, actor);
    await createApiKey(workspace.id, { name: "k2", kind: "secret" }, { userId: null, label: "cli" });
    await revokeApiKey(workspace.id, key.id, actor);

    const all = await listAudit(workspace.id, {});
    expect(all.entries.map((e) => e.action)).toEqual(["api-key.revoke", "api-key.create", "api-key.create", "workspace.create"]);
    expect((await listAudit(workspace.id, { action: "api-key.create" })).entries).toHaveLength(2);
    expect((await listAudit(workspace.id, { entityType: "workspace" })).entries).toHaveLength(1);
    expect((await listAudit(workspace.id, { actorUserId: users.admin.id, entityType: "api-key" })).entries.map((e) => e.diff.name)).toEqual([
      { from: "k1" },
      { to: "k1" },
    ]);
    expect((await listAudit(workspace.id, { from: new Date(Date.now() + 60_000) })).entries).toEqual([]);

    const page1 = await listAudit(workspace.id, { limit: 3 });
    expect(page1.entries).toHaveLength(3);
    const page2 = await listAudit(workspace.id, { limit: 3, cursor: page1.nextCursor! });
    expect(page2.entries.map((e) => e.action)).toEqual(["workspace.create"]);
    expect(await auditFacets(workspace.id)).toEqual({ actions: ["api-key.create", "api-key.revoke", "workspace.create"], entityTypes: ["api-key", "workspace"] });
  });

  it("diffs only what changed", () => {
    expect(diffOf({ name: "a", slug: "s" }, { name: "b", slug: "s" })).toEqual({ name: { from: "a", to: "b" } });
  });
});

/** The actions of every page of one entity type's entries, two a page. */
async function everyAction(workspaceId: string, entityType: string) {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listAudit(workspaceId, { entityType, limit: 2, cursor });
    seen.push(...page.entries.map((e) => e.action));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe("audit paging", () => {
  it("never skips entries that share a timestamp", async () => {
    const { getDb } = await import("@/db/client");
    const { auditLog } = await import("@/db/schema");
    const { workspace } = await createTeam("Same time");
    const at = new Date("2026-01-01T00:00:00Z");
    const db = await getDb();
    await db.insert(auditLog).values(Array.from({ length: 5 }, (_, i) => ({ workspaceId: workspace.id, actorLabel: "t", action: `a${i}`, entityType: "x", createdAt: at })));
    expect((await everyAction(workspace.id, "x")).sort()).toEqual(["a0", "a1", "a2", "a3", "a4"]);
  });
  it("never skips entries of one transaction (one now(), to the microsecond)", async () => {
    const { getDb } = await import("@/db/client");
    const { sql } = await import("drizzle-orm");
    const { workspace } = await createTeam("Same now");
    const db = await getDb();
    await db.execute(sql`insert into audit_log (workspace_id, actor_label, action, entity_type, created_at)
      select ${workspace.id}::uuid, 't', 'b' || i, 'y', date_trunc('milliseconds', now()) + interval '123 microseconds' from generate_series(0, 4) i`);
    expect((await everyAction(workspace.id, "y")).sort()).toEqual(["b0", "b1", "b2", "b3", "b4"]);
  });
});
