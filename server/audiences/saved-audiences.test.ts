import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { profileIdentities, profiles } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { resolveProfile } from "@/server/profiles/resolve-profile";
import { createTeam } from "@/test/fixtures";
import { changeListMembers } from "./change-members";
import { countAudience, previewAudience } from "./count-audience";
import { createAudience, deleteAudience, updateAudience } from "./manage-audiences";
import { audienceMembersPage, audiencesOfProfile, getAudience } from "./query-audiences";
import type { TRuleGroup } from "./rules";

const and = (...rules: TRuleGroup["rules"]): TRuleGroup => ({ kind: "group", combinator: "and", rules });

async function person(workspaceId: string, email: string, attributes: Record<string, unknown>) {
  const db = await getDb();
  const [p] = await db.insert(profiles).values({ workspaceId, attributes }).returning({ id: profiles.id });
  await db.insert(profileIdentities).values({ workspaceId, namespace: "email", value: email, profileId: p!.id });
  return p!.id;
}

describe("saved audiences and lists", () => {
  it("counts lists and rules audiences, nests them, and lists a profile's audiences", async () => {
    const { workspace } = await createTeam("Saved");
    const ada = await person(workspace.id, "ada@example.com", { city: "Seattle", tier: "Gold" });
    const bob = await person(workspace.id, "bob@example.com", { city: "Seattle", tier: "Silver" });
    await person(workspace.id, "cy@example.com", { city: "Paris", tier: "Gold" });

    const vip = await createAudience(workspace.id, { kind: "list", name: "VIP" }, cliActor);
    expect(await changeListMembers(workspace.id, vip.id, ["email:ada@example.com", bob], "add", cliActor)).toEqual({ added: 2, requested: 2 });
    expect(await changeListMembers(workspace.id, vip.id, [ada], "add", cliActor)).toEqual({ added: 0, requested: 1 });
    expect(await changeListMembers(workspace.id, vip.id, ["email:bob@example.com"], "remove", cliActor)).toEqual({ removed: 1, requested: 1 });

    const seattle = await createAudience(workspace.id, { kind: "rules", name: "Seattle", rules: and({ kind: "attribute", key: "city", op: "equals", value: "Seattle" }) }, cliActor);
    expect(seattle.lastCount).toBe(2);
    const seattleVips = and({ kind: "membership", audienceId: seattle.id, member: true }, { kind: "membership", audienceId: vip.id, member: true });
    expect(await countAudience(workspace.id, seattleVips)).toBe(1);
    const preview = await previewAudience(workspace.id, and({ kind: "membership", audienceId: seattle.id, member: false }));
    expect(preview.count).toBe(1);
    expect(preview.sample.map((s) => s.email)).toEqual(["cy@example.com"]);

    expect((await getAudience(workspace.id, vip.id)).lastCount).toBe(1);
    expect((await audienceMembersPage(workspace.id, seattle.id)).members.map((m) => m.email).sort()).toEqual(["ada@example.com", "bob@example.com"]);
    expect((await audienceMembersPage(workspace.id, vip.id)).members.map((m) => m.email)).toEqual(["ada@example.com"]);
    expect((await audiencesOfProfile(workspace.id, ada)).map((a) => a.name)).toEqual(["Seattle", "VIP"]);
  });

  it("refuses loops, foreign audiences, duplicate names, deleting a used audience, and members on a rules audience", async () => {
    const { workspace } = await createTeam("Guarded");
    const other = await createTeam("Other");
    const foreign = await createAudience(other.workspace.id, { kind: "list", name: "Theirs" }, cliActor);
    const a = await createAudience(workspace.id, { kind: "rules", name: "A", rules: and() }, cliActor);
    const b = await createAudience(workspace.id, { kind: "rules", name: "B", rules: and({ kind: "membership", audienceId: a.id, member: true }) }, cliActor);
    await expect(updateAudience(workspace.id, a.id, { kind: "rules", name: "A", rules: and({ kind: "membership", audienceId: b.id, member: true }) }, cliActor)).rejects.toMatchObject({ code: "BAD_REQUEST", field: "rules" });
    await expect(createAudience(workspace.id, { kind: "rules", name: "C", rules: and({ kind: "membership", audienceId: foreign.id, member: true }) }, cliActor)).rejects.toMatchObject({ code: "NOT_FOUND", field: "rules" });
    await expect(createAudience(workspace.id, { kind: "list", name: "a" }, cliActor)).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
    await expect(deleteAudience(workspace.id, a.id, cliActor)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(changeListMembers(workspace.id, a.id, ["email:x@example.com"], "add", cliActor)).rejects.toMatchObject({ code: "NOT_FOUND", field: "profiles.0" });
    const p = await person(workspace.id, "p@example.com", {});
    await expect(changeListMembers(workspace.id, a.id, [p], "add", cliActor)).rejects.toMatchObject({ code: "BAD_REQUEST", field: "audienceId" });
    await deleteAudience(workspace.id, b.id, cliActor);
    await deleteAudience(workspace.id, a.id, cliActor);
  });

  it("keeps list memberships when profiles merge", async () => {
    const { workspace } = await createTeam("Merging");
    const list = await createAudience(workspace.id, { kind: "list", name: "Merged" }, cliActor);
    const anon = await person(workspace.id, "anon@example.com", {});
    await changeListMembers(workspace.id, list.id, [anon], "add", cliActor);
    const known = await person(workspace.id, "known@example.com", {});
    const db = await getDb();
    const survivor = await db.transaction((tx) => resolveProfile(tx, workspace.id, [{ namespace: "email", value: "known@example.com" }, { namespace: "email", value: "anon@example.com" }]));
    expect([anon, known]).toContain(survivor);
    expect((await audienceMembersPage(workspace.id, list.id)).members.map((m) => m.id)).toEqual([survivor]);
  });
});
