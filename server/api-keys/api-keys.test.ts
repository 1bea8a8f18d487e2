import { describe, expect, it } from "vitest";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { authenticateApiKey } from "./authenticate-api-key";
import { createApiKey, listApiKeys, revokeApiKey } from "./manage-api-keys";
import { withWorkspace } from "./with-workspace";

const whoami = withWorkspace(async (_req, ctx) => Response.json({ workspaceId: ctx.workspace.id, kind: ctx.key.kind }), { keys: ["secret"] });
const call = (auth?: string) => whoami(new Request("http://x/api", { headers: auth ? { authorization: auth } : {} }), { params: Promise.resolve({}) });

describe("API keys", () => {
  it("shows the key once, stores only its hash, and authenticates it", async () => {
    const { workspace } = await createTeam("Keys");
    const created = await createApiKey(workspace.id, { name: "Server", kind: "secret" }, cliActor);
    expect(created.key).toMatch(/^pcs_/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const [listed] = await listApiKeys(workspace.id);
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(listed?.lastUsedAt).toBeNull();

    const res = await call(`Bearer ${created.key}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ workspaceId: workspace.id, kind: "secret" });
    expect((await listApiKeys(workspace.id))[0]?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("accepts HTTP Basic with the key as user name, as Segment clients send it", async () => {
    const { workspace } = await createTeam("Basic");
    const { key } = await createApiKey(workspace.id, { name: "Ingest", kind: "write" }, cliActor);
    const ctx = await authenticateApiKey(key, ["write"]);
    expect(ctx.workspace.id).toBe(workspace.id);
  });

  it("refuses a key revoked just after it was used (its cached lookup is forgotten)", async () => {
    const { workspace } = await createTeam("Cached");
    const { id, key } = await createApiKey(workspace.id, { name: "Ingest", kind: "write" }, cliActor);
    expect((await authenticateApiKey(key, ["write"])).workspace.id).toBe(workspace.id);
    await revokeApiKey(workspace.id, id, cliActor);
    await expect(authenticateApiKey(key, ["write"])).rejects.toThrow(/revoked/);
  });

  it("refuses revoked, unknown, missing and wrong-kind keys with clear 4xx", async () => {
    const { workspace } = await createTeam("Revoked");
    const secret = await createApiKey(workspace.id, { name: "Old", kind: "secret" }, cliActor);
    const write = await createApiKey(workspace.id, { name: "Web", kind: "write" }, cliActor);
    await revokeApiKey(workspace.id, secret.id, cliActor);

    const revoked = await call(`Bearer ${secret.key}`);
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toMatch(/revoked/);
    expect((await call("Bearer pcs_nope")).status).toBe(401);
    expect((await call()).status).toBe(401);
    const basic = `Basic ${Buffer.from(`${write.key}:`).toString("base64")}`;
    const wrongKind = await call(basic);
    expect(wrongKind.status).toBe(403);
    expect((await wrongKind.json()).error.message).toMatch(/write key/);
  });

  it("cannot revoke another workspace's key", async () => {
    const a = await createTeam("A");
    const b = await createTeam("B");
    const key = await createApiKey(b.workspace.id, { name: "B's", kind: "write" }, cliActor);
    await expect(revokeApiKey(a.workspace.id, key.id, cliActor)).rejects.toThrow(/not found/);
  });
});
