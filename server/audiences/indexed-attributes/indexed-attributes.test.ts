import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { auditLog, indexedAttributes, profiles } from "@/db/schema";
import { callerFor, createTeam, createUser, trpcCodeOf } from "@/test/fixtures";
import { audienceCondition, countAudience } from "../count-audience";
import type { TRuleGroup } from "../rules";
import { requestIndexBuild } from "./build-attribute-indexes";
import { loadIndexedColumns } from "./indexed-columns";

const seed: TRuleGroup = {
  kind: "group",
  combinator: "and",
  rules: [
    { kind: "attribute", key: "city", op: "one_of", values: ["Atlanta", "San Francisco", "Seattle"] },
    { kind: "attribute", key: "birthYear", op: "gt", value: 1980 },
  ],
};
const cities = ["Atlanta", "Paris", "Seattle", "San Francisco"];

afterEach(() => vi.unstubAllEnvs());

/** An instance operator: a user listed in PARCOURS_OPERATORS, member of no workspace. */
async function operator() {
  const user = await createUser();
  vi.stubEnv("PARCOURS_OPERATORS", `someone@example.com, ${user.email.toUpperCase()}`);
  return callerFor(user).indexedAttributes;
}

/** The plan of the seed count with scans of the whole table ruled out. */
async function seedPlan(workspaceId: string) {
  const db = await getDb();
  const where = audienceCondition(workspaceId, seed, new Date(), new Map(), await loadIndexedColumns(db));
  const query = new PgDialect().sqlToQuery(where);
  expect(query.params.length).toBeGreaterThan(0);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    const rows = rowsOf<{ "QUERY PLAN": string }>(await tx.execute(sql`explain (costs off) select count(*) from profiles p where ${where}`));
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}

describe("indexed attributes", () => {
  it("an operator indexes city and birthYear; the seed count is then answered by one index alone, and stays exact", async () => {
    const { workspace, users } = await createTeam("Indexed");
    const db = await getDb();
    const people = Array.from({ length: 200 }, (_, i) => ({ city: cities[i % 4], birthYear: i % 7 === 0 ? String(1960 + (i % 50)) : 1960 + (i % 50) }));
    await db.insert(profiles).values(people.map((attributes) => ({ workspaceId: workspace.id, attributes })));
    const expected = people.filter((p) => ["Atlanta", "San Francisco", "Seattle"].includes(p.city!) && typeof p.birthYear === "number" && p.birthYear > 1980).length;
    expect(await countAudience(workspace.id, seed)).toBe(expected);

    const as = (role: keyof typeof users) => callerFor(users[role]).indexedAttributes;
    const ops = await operator();
    expect(await trpcCodeOf(as("manager").index({ key: "city", type: "string" }))).toBe("FORBIDDEN");
    expect(await trpcCodeOf(as("admin").index({ key: "city", type: "string" }))).toBe("FORBIDDEN");
    await expect(ops.index({ key: "city", type: "date" as "string" })).rejects.toThrow(/type must be string or number/);
    expect(await ops.index({ key: "city", type: "string" })).toMatchObject({ key: "city", status: "building" });
    await ops.index({ key: "birthYear", type: "number" });
    await requestIndexBuild();
    const listed = await as("viewer").list({ workspaceId: workspace.id });
    expect(listed.attributes.map((a) => [a.key, a.type, a.status])).toEqual([["birthYear", "number", "ready"], ["city", "string", "ready"]]);

    // Written after the build: the trigger fills the columns, also where the demo seed turns triggers off.
    await db.insert(profiles).values({ workspaceId: workspace.id, attributes: { city: "Seattle", birthYear: 1999 } });
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.insert(profiles).values({ workspaceId: workspace.id, attributes: { city: "Atlanta", birthYear: 2001 } });
    });
    expect(await countAudience(workspace.id, seed)).toBe(expected + 2);
    expect(await seedPlan(workspace.id)).toMatch(/Index Only Scan using profiles_ia_/);

    expect(await trpcCodeOf(as("admin").unindex({ key: "city", type: "string" }))).toBe("FORBIDDEN");
    expect(await ops.unindex({ key: "city", type: "string" })).toMatchObject({ status: "removing" });
    await requestIndexBuild();
    expect((await as("viewer").list({ workspaceId: workspace.id })).attributes.map((a) => a.key)).toEqual(["birthYear"]);
    expect(await countAudience(workspace.id, seed)).toBe(expected + 2);
    const columns = rowsOf<{ name: string }>(await db.execute(sql`select column_name as name from information_schema.columns where table_name = 'profiles' and column_name like 'indexed_attr_%'`));
    expect(columns).toHaveLength(1);
    expect(await trpcCodeOf(ops.unindex({ key: "city", type: "string" }))).toBe("NOT_FOUND");
  }, 60_000);

  it("a workspace admin can neither add nor drop what another workspace relies on; the operator's change is in every audit log", async () => {
    const a = await createTeam("Tenant A");
    const b = await createTeam("Tenant B");
    const db = await getDb();
    await db.insert(profiles).values(Array.from({ length: 40 }, (_, i) => ({ workspaceId: b.workspace.id, attributes: { city: cities[i % 4], birthYear: 1970 + i } })));
    const ops = await operator();
    await ops.index({ key: "city", type: "string" });
    await ops.index({ key: "birthYear", type: "number" });
    await requestIndexBuild();
    const before = await db.select().from(indexedAttributes);
    expect(before.map((e) => e.status)).toEqual(["ready", "ready"]);
    const indexes = async () => rowsOf<{ name: string }>(await db.execute(sql`select indexname as name from pg_indexes where tablename = 'profiles' and indexname like 'profiles_ia_%' order by 1`));
    const built = await indexes();
    expect(built).toHaveLength(2);

    const adminOfA = callerFor(a.users.admin).indexedAttributes;
    for (const attempt of [
      adminOfA.unindex({ key: "city", type: "string" }),
      adminOfA.unindex({ workspaceId: b.workspace.id, key: "birthYear", type: "number" } as { key: string; type: "number" }),
      adminOfA.index({ key: "plan", type: "string" }),
    ]) {
      expect(await trpcCodeOf(attempt)).toBe("FORBIDDEN");
    }
    await requestIndexBuild();
    expect(await db.select().from(indexedAttributes)).toEqual(before);
    expect(await indexes()).toEqual(built);
    expect(await seedPlan(b.workspace.id)).toMatch(/Index Only Scan using profiles_ia_/);

    expect(await adminOfA.list({ workspaceId: a.workspace.id })).toMatchObject({ canManage: false });
    vi.stubEnv("PARCOURS_OPERATORS", `${process.env.PARCOURS_OPERATORS},${a.users.viewer.email}`);
    expect(await callerFor(a.users.viewer).indexedAttributes.list({ workspaceId: a.workspace.id })).toMatchObject({ canManage: true });
    for (const workspace of [a.workspace, b.workspace]) {
      const entries = await db.select({ action: auditLog.action, entityId: auditLog.entityId }).from(auditLog).where(sql`${auditLog.workspaceId} = ${workspace.id} and ${auditLog.entityType} = 'attribute'`);
      expect(entries).toEqual(expect.arrayContaining([{ action: "attribute.index", entityId: "city" }, { action: "attribute.index", entityId: "birthYear" }]));
    }
    await ops.unindex({ key: "city", type: "string" });
    await ops.unindex({ key: "birthYear", type: "number" });
    await requestIndexBuild();
    expect(await indexes()).toEqual([]);
  }, 60_000);
});
