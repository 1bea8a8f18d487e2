import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { findProfileId, getProfile } from "@/server/profiles/get-profile";
import { createTeam } from "@/test/fixtures";
import { ingestCalls } from "./ingest-calls";

type TCallIn = Parameters<typeof ingestCalls>[1][number];
const identify = (messageId: string, traits: Record<string, unknown>, ids: { userId?: string; anonymousId?: string } = { userId: "u1" }): TCallIn => ({ type: "identify", ...ids, messageId, traits });
const track = (messageId: string, ids: { userId?: string; anonymousId?: string } = { userId: "u1" }): TCallIn => ({ type: "track", ...ids, event: "Viewed", messageId });

/** A workspace with profile u1 (identities u1 and anonymous a1). */
async function knownProfile(name: string) {
  const { workspace } = await createTeam(name);
  await ingestCalls(workspace.id, [identify("setup", { plan: "free", city: "Paris" }, { userId: "u1", anonymousId: "a1" })]);
  return { workspaceId: workspace.id, profileId: (await findProfileId(workspace.id, "external_id", "u1"))! };
}

async function attributesOf(workspaceId: string, profileId: string) {
  return (await getProfile(workspaceId, profileId)).attributes;
}

describe("identify and track calls on known profiles", () => {
  it("are stored with their traits by one statement: events and profile written by one transaction", async () => {
    const { workspaceId, profileId } = await knownProfile("Known identify");
    const result = await ingestCalls(workspaceId, [track("t1"), identify("i1", { plan: "pro", timezone: "Europe/Paris" }), track("t2", { userId: "u1", anonymousId: "a1" }), identify("i2", { city: "Lyon" }, { anonymousId: "a1" })]);
    expect(result).toEqual({ accepted: 4, duplicates: 0 });
    const db = await getDb();
    const writers = rowsOf<{ tx: string }>(await db.execute(sql`select distinct xmin::text as tx from events where workspace_id = ${workspaceId} and message_id in ('t1', 'i1', 't2', 'i2')
      union select xmin::text from profiles where id = ${profileId}`));
    expect(writers).toHaveLength(1);
    const profile = await getProfile(workspaceId, profileId);
    expect(profile.attributes).toMatchObject({ plan: "pro", city: "Lyon", timezone: "Europe/Paris" });
    expect(profile.timezone).toBe("Europe/Paris");
  });

  it("apply traits in call order, also around an identify that has to attach a new identity", async () => {
    const { workspaceId, profileId } = await knownProfile("Identify order");
    await ingestCalls(workspaceId, [identify("o1", { plan: "a", n: 1 }), identify("o2", { plan: "b" })]);
    expect(await attributesOf(workspaceId, profileId)).toMatchObject({ plan: "b", n: 1 });
    // o3 attaches anonymous a2 (the usual path); o4 comes after it, so it must not land first.
    await ingestCalls(workspaceId, [identify("o3", { plan: "c" }, { userId: "u1", anonymousId: "a2" }), identify("o4", { plan: "d" })]);
    expect(await attributesOf(workspaceId, profileId)).toMatchObject({ plan: "d" });
    expect(await findProfileId(workspaceId, "anonymous_id", "a2")).toBe(profileId);
    await ingestCalls(workspaceId, [identify("o5", { plan: "e" }), identify("o6", { plan: "f" }, { userId: "u1", anonymousId: "a3" })]);
    expect(await attributesOf(workspaceId, profileId)).toMatchObject({ plan: "f" });
  });

  it("skip a repeated identify whole: its traits are not applied again", async () => {
    const { workspaceId, profileId } = await knownProfile("Identify repeat");
    await ingestCalls(workspaceId, [identify("r1", { plan: "x" })]);
    await ingestCalls(workspaceId, [identify("r2", { plan: "y" })]);
    expect(await ingestCalls(workspaceId, [identify("r1", { plan: "x" }), track("r3")])).toEqual({ accepted: 1, duplicates: 1 });
    expect(await attributesOf(workspaceId, profileId)).toMatchObject({ plan: "y" });
  });

  it("leave an identify whose identities belong to two profiles to the usual path, which merges them", async () => {
    const { workspaceId, profileId } = await knownProfile("Identify merge");
    await ingestCalls(workspaceId, [track("anon-only", { anonymousId: "stray" })]);
    const stray = (await findProfileId(workspaceId, "anonymous_id", "stray"))!;
    expect(stray).not.toBe(profileId);
    await ingestCalls(workspaceId, [identify("m1", { plan: "merged" }, { userId: "u1", anonymousId: "stray" })]);
    expect(await findProfileId(workspaceId, "anonymous_id", "stray")).toBe(profileId);
    expect(await attributesOf(workspaceId, profileId)).toMatchObject({ plan: "merged" });
  });
});
