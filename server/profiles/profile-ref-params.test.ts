import { describe, expect, it } from "vitest";
import { DELETE, GET } from "@/app/api/v1/profiles/[id]/route";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { createTeam } from "@/test/fixtures";

describe("GET and DELETE /api/v1/profiles/{ref} with hostile references", () => {
  it("answers 400 or 404, never 500, and deletes nothing", async () => {
    const { workspace } = await createTeam("Refs");
    const { key } = await createApiKey(workspace.id, { name: "srv", kind: "secret" }, cliActor);
    await ingestCalls(workspace.id, [{ type: "identify", userId: "50%", traits: {} }]);
    const call = (handler: typeof GET, id: string) => handler(new Request("http://x/api/v1/profiles/x", { method: "GET", headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({ id }) });
    // As the router hands them over: already decoded (%00 -> NUL), or left as written when they do not decode.
    const cases: [string, number, string?][] = [
      ["external_id:\u0000", 400, "id"],
      ["external_id:\ud800", 400, "id"],
      ["\u0000", 400, "id"],
      ["external_id:%ED%A0%80", 404],
      ["external_id:%", 404],
      ["email:%E0%A4%A", 404],
    ];
    for (const handler of [GET, DELETE]) {
      for (const [ref, status, path] of cases) {
        const res = await call(handler, ref);
        expect(res.status, JSON.stringify(ref)).toBe(status);
        if (path) expect(((await res.json()) as { error: { path: string } }).error.path).toBe(path);
      }
    }
    // A literal % in an external id is found as written, not decoded a second time.
    expect((await call(GET, "external_id:50%")).status).toBe(200);
    // A phone is found in any form: it is stored in E.164.
    await ingestCalls(workspace.id, [{ type: "identify", userId: "p1", traits: { phone: "+1 555 060 0099" } }]);
    for (const ref of ["phone:+15550600099", "phone:(555) 060-0099", "phone:\u0000"]) expect((await call(GET, ref)).status, ref).toBe(ref.includes("5") ? 200 : 400);
  });
});
