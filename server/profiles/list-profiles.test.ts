import { describe, expect, it } from "vitest";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { createTeam } from "@/test/fixtures";
import { attributeKeys, listProfiles } from "./list-profiles";

describe("profiles list", () => {
  it("searches identities and attributes, filters by attribute, pages", async () => {
    const { workspace } = await createTeam("List");
    await ingestCalls(workspace.id, [
      { type: "identify", userId: "u1", traits: { email: "ada@example.com", city: "Seattle", tier: "gold", birthYear: 1985 } },
      { type: "identify", userId: "u2", traits: { email: "bob@example.com", city: "Atlanta", tier: "silver" } },
      { type: "identify", userId: "u3", traits: { city: "Seattle", phone: "(206) 555-0142" } },
    ]);
    const titles = async (input: Parameters<typeof listProfiles>[1]) =>
      (await listProfiles(workspace.id, input)).profiles.map((p) => p.identities.find((i) => i.namespace === "external_id")?.value).sort();
    expect(await titles({})).toEqual(["u1", "u2", "u3"]);
    expect(await titles({ search: "bob@" })).toEqual(["u2"]);
    expect(await titles({ search: "seattle" })).toEqual(["u1", "u3"]);
    expect(await titles({ search: "206 555 0142" })).toEqual(["u3"]); // stored as +12065550142, found in any form
    expect(await titles({ filters: [{ key: "tier", op: "equals", value: "gold" }] })).toEqual(["u1"]);
    expect(await titles({ filters: [{ key: "birthYear", op: "equals", value: "1985" }] })).toEqual(["u1"]);
    expect(await titles({ filters: [{ key: "tier", op: "not_exists" }] })).toEqual(["u3"]);
    expect(await titles({ filters: [{ key: "city", op: "contains", value: "att" }] })).toEqual(["u1", "u3"]);
    const first = await listProfiles(workspace.id, { limit: 2 });
    const second = await listProfiles(workspace.id, { limit: 2, cursor: first.nextCursor! });
    expect(first.profiles.length + second.profiles.length).toBe(3);
    expect(second.nextCursor).toBeNull();
    expect(await attributeKeys(workspace.id)).toEqual(
      expect.arrayContaining([{ key: "birthYear", type: "number" }, { key: "city", type: "string" }, { key: "email", type: "string" }]),
    );
  });
});
