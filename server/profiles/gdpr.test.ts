import { describe, expect, it } from "vitest";
import { DELETE, GET } from "@/app/api/v1/profiles/[id]/route";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { listAudit } from "@/server/audit/list-audit";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { createTeam } from "@/test/fixtures";
import { findProfileId } from "./get-profile";

describe("GDPR export and delete through the API", () => {
  it("exports everything on a profile, then deletes it with its data", async () => {
    const { workspace } = await createTeam("GDPR");
    const other = await createTeam("Other");
    const { key } = await createApiKey(workspace.id, { name: "srv", kind: "secret" }, cliActor);
    await ingestCalls(workspace.id, [
      { type: "identify", userId: "u1", traits: { email: "ada@example.com", city: "Seattle" } },
      { type: "track", userId: "u1", event: "Bought", properties: { sku: "A" } },
    ]);
    const auth = { authorization: `Bearer ${key}` };
    const call = (method: "GET" | "DELETE", ref: string) =>
      (method === "GET" ? GET : DELETE)(new Request(`http://x/api/v1/profiles/${ref}`, { method, headers: auth }), { params: Promise.resolve({ id: ref }) });

    const exported = await call("GET", "email:ada@example.com");
    expect(exported.status).toBe(200);
    const doc = await exported.json();
    expect(doc.profile.attributes).toMatchObject({ city: "Seattle" });
    expect(doc.identities.map((i: { namespace: string }) => i.namespace).sort()).toEqual(["email", "external_id"]);
    expect(doc.events.map((e: { name: string | null }) => e.name)).toEqual([null, "Bought"]);

    const otherId = (await ingestCalls(other.workspace.id, [{ type: "identify", userId: "u1", traits: {} }]), await findProfileId(other.workspace.id, "external_id", "u1"))!;
    expect((await call("GET", otherId)).status).toBe(404);
    expect((await call("GET", "nope:1")).status).toBe(400);

    const id = (await findProfileId(workspace.id, "external_id", "u1"))!;
    expect((await call("DELETE", "external_id:u1")).status).toBe(200);
    expect(await findProfileId(workspace.id, "email", "ada@example.com")).toBeNull();
    expect((await call("GET", id)).status).toBe(404);
    const { entries } = await listAudit(workspace.id, { action: "profile.delete" });
    expect(entries[0]?.actorLabel).toMatch(/^api key pcs_/);
  });
});
