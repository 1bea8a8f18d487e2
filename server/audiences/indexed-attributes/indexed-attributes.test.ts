import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { profiles } from "@/db/schema";
import { callerFor, createTeam } from "@/test/fixtures";
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

async function codeOf(promise: Promise<unknown>) {
  return promise.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : Promise.reject(e)));
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
  it("admins index city and birthYear; the seed count is then answered by one index alone, and stays exact", async () => {
    const { workspace, users } = await createTeam("Indexed");
    const db = await getDb();
    const people = Array.from({ length: 200 }, (_, i) => ({ city: cities[i % 4], birthYear: i % 7 === 0 ? String(1960 + (i % 50)) : 1960 + (i % 50) }));
    await db.insert(profiles).values(people.map((attributes) => ({ workspaceId: workspace.id, attributes })));
    const expected = people.filter((p) => ["Atlanta", "San Francisco", "Seattle"].includes(p.city!) && typeof p.birthYear === "number" && p.birthYear > 1980).length;
    expect(await countAudience(workspace.id, seed)).toBe(expected);

    const as = (role: keyof typeof users) => callerFor(users[role]).indexedAttributes;
    expect(await codeOf(as("manager").index({ workspaceId: workspace.id, key: "city", type: "string" }))).toBe("FORBIDDEN");
    await expect(as("admin").index({ workspaceId: workspace.id, key: "city", type: "date" as "string" })).rejects.toThrow(/type must be string or number/);
    expect(await as("admin").index({ workspaceId: workspace.id, key: "city", type: "string" })).toMatchObject({ key: "city", status: "building" });
    await as("admin").index({ workspaceId: workspace.id, key: "birthYear", type: "number" });
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

    expect(await codeOf(as("manager").unindex({ workspaceId: workspace.id, key: "city", type: "string" }))).toBe("FORBIDDEN");
    expect(await as("admin").unindex({ workspaceId: workspace.id, key: "city", type: "string" })).toMatchObject({ status: "removing" });
    await requestIndexBuild();
    expect((await as("viewer").list({ workspaceId: workspace.id })).attributes.map((a) => a.key)).toEqual(["birthYear"]);
    expect(await countAudience(workspace.id, seed)).toBe(expected + 2);
    const columns = rowsOf<{ name: string }>(await db.execute(sql`select column_name as name from information_schema.columns where table_name = 'profiles' and column_name like 'indexed_attr_%'`));
    expect(columns).toHaveLength(1);
    expect(await codeOf(as("admin").unindex({ workspaceId: workspace.id, key: "city", type: "string" }))).toBe("NOT_FOUND");
  }, 60_000);
});
