import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { createTeam } from "@/test/fixtures";
import { identityOwnersSql, ownersOfIdentities } from "./identity-owners";

describe("identity owners", () => {
  it("finds each identity's profile and its attributes; unknown identities have none", async () => {
    const { workspace } = await createTeam("Owners");
    await ingestCalls(workspace.id, [
      { type: "identify", userId: "u1", traits: { email: "ada@example.com", city: "Paris" } },
      { type: "identify", userId: "u2", anonymousId: "a2" },
    ]);
    const { owner, attributes } = await ownersOfIdentities(
      await getDb(),
      workspace.id,
      [
        { namespace: "external_id", value: "u1" },
        { namespace: "email", value: "ada@example.com" },
        { namespace: "anonymous_id", value: "a2" },
        { namespace: "external_id", value: "nobody" },
      ],
      true,
    );
    expect(owner.size).toBe(3);
    expect(owner.get("external_id\u0000u1")).toBe(owner.get("email\u0000ada@example.com"));
    expect(owner.get("anonymous_id\u0000a2")).not.toBe(owner.get("external_id\u0000u1"));
    expect(attributes.get(owner.get("external_id\u0000u1")!)).toMatchObject({ city: "Paris" });
  });

  it("looks each identity up by the primary key, whatever the table's statistics say", async () => {
    const { workspace } = await createTeam("Plan");
    await ingestCalls(workspace.id, Array.from({ length: 300 }, (_, i) => ({ type: "identify" as const, userId: `u${i}` })));
    const db = await getDb();
    const ids = Array.from({ length: 50 }, (_, i) => ({ namespace: "external_id" as const, value: `u${i * 3}` }));
    const [row] = rowsOf<{ "QUERY PLAN": unknown }>(await db.execute(sql`explain (format json) ${identityOwnersSql(workspace.id, ids)}`));
    const plan = JSON.stringify(row!["QUERY PLAN"]);
    expect(plan).toContain("profile_identities_workspace_id_namespace_value_pk");
    expect(plan).not.toMatch(/Hash Join|Hash Semi Join|Bitmap Heap Scan|Seq Scan/);
  });
});
