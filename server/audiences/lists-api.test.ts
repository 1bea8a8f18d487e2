import { describe, expect, it } from "vitest";
import { DELETE, POST } from "@/app/api/v1/lists/[id]/members/route";
import { getDb } from "@/db/client";
import { profileIdentities, profiles } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { createAudience } from "./manage-audiences";
import { audienceMembersPage } from "./query-audiences";

async function setup() {
  const { workspace } = await createTeam(`Lists ${crypto.randomUUID().slice(0, 4)}`);
  const secret = (await createApiKey(workspace.id, { name: "server", kind: "secret" }, cliActor)).key;
  const write = (await createApiKey(workspace.id, { name: "web", kind: "write" }, cliActor)).key;
  const db = await getDb();
  const [p] = await db.insert(profiles).values({ workspaceId: workspace.id }).returning({ id: profiles.id });
  await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "external_id", value: "42", profileId: p!.id });
  const list = await createAudience(workspace.id, { kind: "list", name: "Newsletter" }, cliActor);
  const call = (handler: typeof POST, id: string, body: string, key = secret) =>
    handler(new Request(`http://x/api/v1/lists/${id}/members`, { method: "POST", body, headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id }) });
  return { workspace, list, profileId: p!.id, call, write };
}

describe("REST /api/v1/lists/{id}/members", () => {
  it("adds and removes members by reference", async () => {
    const { workspace, list, profileId, call } = await setup();
    const added = await call(POST, list.id, JSON.stringify({ profiles: ["external_id:42"] }));
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ added: 1, requested: 1 });
    expect((await audienceMembersPage(workspace.id, list.id)).members.map((m) => m.id)).toEqual([profileId]);
    expect(await (await call(DELETE, list.id, JSON.stringify({ profiles: [profileId] }))).json()).toEqual({ removed: 1, requested: 1 });
  });

  it("answers bad input with a 4xx naming the field, and changes nothing", async () => {
    const { workspace, list, call, write } = await setup();
    const cases: [string, string, number, string][] = [
      [list.id, "not json", 400, "body"],
      [list.id, JSON.stringify({ profiles: [] }), 400, "profiles"],
      [list.id, JSON.stringify({ profiles: ["external_id:42", "email:nobody@example.com"] }), 404, "profiles.1"],
      ["nope", JSON.stringify({ profiles: ["external_id:42"] }), 400, "id"],
      [crypto.randomUUID(), JSON.stringify({ profiles: ["external_id:42"] }), 404, ""],
    ];
    for (const [id, body, status, path] of cases) {
      const res = await call(POST, id, body);
      expect(res.status, body).toBe(status);
      if (path) expect(((await res.json()) as { error: { path: string } }).error.path).toBe(path);
    }
    expect((await call(POST, list.id, JSON.stringify({ profiles: ["external_id:42"] }), write)).status).toBe(403);
    expect((await audienceMembersPage(workspace.id, list.id)).members).toEqual([]);
  });
});

describe("REST list members: every reference must be a profile of the key's workspace", () => {
  it("404 naming profiles.<i> for an unknown id or another workspace's profile, and nothing changes", async () => {
    const { workspace, list, profileId, call } = await setup();
    const other = await setup();
    for (const handler of [POST, DELETE]) {
      for (const foreign of [other.profileId, crypto.randomUUID()]) {
        const res = await call(handler, list.id, JSON.stringify({ profiles: [profileId, foreign] }));
        expect(res.status).toBe(404);
        expect(((await res.json()) as { error: { path: string } }).error.path).toBe("profiles.1");
      }
    }
    expect((await audienceMembersPage(workspace.id, list.id)).members).toEqual([]);
    expect((await audienceMembersPage(other.workspace.id, other.list.id)).members).toEqual([]);
    const upper = await call(POST, list.id, JSON.stringify({ profiles: [profileId.toUpperCase(), "external_id:42"] }));
    expect(await upper.json()).toEqual({ added: 1, requested: 2 });
  });

  it("a reference with % or a NUL is a 4xx, never a 500", async () => {
    const { list, call } = await setup();
    expect((await call(POST, list.id, JSON.stringify({ profiles: ["email:50%off@example.com"] }))).status).toBe(404);
    expect((await call(POST, list.id, '{"profiles":["external_id:\\u0000"]}')).status).toBe(400);
  });
});
