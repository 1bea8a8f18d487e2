import { sql, type SQL } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { createTeam } from "@/test/fixtures";
import { touchProfilesSql } from "./touch-profiles";

/** A workspace with n profiles, made in SQL; their ids. */
async function profilesOf(name: string, n: number) {
  const { workspace } = await createTeam(name);
  const db = await getDb();
  const rows = await db.execute(sql`insert into profiles (workspace_id, attributes) select ${workspace.id}, jsonb_build_object('n', g) from generate_series(1, ${n}) g returning id`);
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

const planOf = async (statement: SQL) => rowsOf<{ "QUERY PLAN": string }>(await (await getDb()).execute(sql`explain ${statement}`)).map((r) => r["QUERY PLAN"]).join("\n");

describe("touchProfilesSql", () => {
  it("reads the profiles it touches by their index, not by scanning a table of thousands", async () => {
    const ids = await profilesOf("Touch plan", 5_000);
    const list = JSON.stringify(ids.slice(0, 20).map((id) => ({ id, traits: { plan: "pro" }, timezone: null })));
    const plan = await planOf(touchProfilesSql(new Date(), list));
    expect(plan).toMatch(/Index|Bitmap/);
    expect(plan).not.toMatch(/Seq Scan on profiles/);
  });

  it("merges traits, sets the time zone and last_seen_at, and writes nothing when called again with the same", async () => {
    const [a, b] = await profilesOf("Touch rows", 2);
    const db = await getDb();
    const now = new Date();
    const list = JSON.stringify([{ id: a, traits: { plan: "pro" }, timezone: "Europe/Paris" }, { id: b, traits: null, timezone: null }]);
    const first = rowsOf<{ id: string }>(await db.execute(touchProfilesSql(now, list)));
    expect(first.map((r) => r.id).sort()).toEqual([a, b].sort());
    const [row] = rowsOf<{ attributes: Record<string, unknown>; timezone: string; last_seen_at: string }>(await db.execute(sql`select attributes, timezone, last_seen_at from profiles where id = ${a}`));
    expect(row!.attributes).toEqual({ n: 1, plan: "pro" });
    expect(row!.timezone).toBe("Europe/Paris");
    expect(new Date(row!.last_seen_at).getTime()).toBe(now.getTime());
    expect(rowsOf(await db.execute(touchProfilesSql(now, list)))).toHaveLength(0);
  });
});
