import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, profiles } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { ingestionRoute } from "./ingestion-route";
import { RateLimiter } from "./rate-limit";

async function setup() {
  const { workspace } = await createTeam(`Hostile ${crypto.randomUUID().slice(0, 4)}`);
  const { key } = await createApiKey(workspace.id, { name: "web", kind: "write" }, cliActor);
  const post = (type: Parameters<typeof ingestionRoute>[0], body: BodyInit, headers: Record<string, string> = {}) =>
    ingestionRoute(type, new RateLimiter(10_000))(
      new Request(`http://x/api/v1/${type}`, { method: "POST", body, headers: { authorization: `Bearer ${key}`, ...headers }, duplex: "half" } as RequestInit),
      { params: Promise.resolve({}) },
    );
  const stored = async () => {
    const db = await getDb();
    const [e] = await db.select({ n: count() }).from(events).where(eq(events.workspaceId, workspace.id));
    const [p] = await db.select({ n: count() }).from(profiles).where(eq(profiles.workspaceId, workspace.id));
    return { events: e!.n, profiles: p!.n };
  };
  return { post, stored };
}

const errorOf = async (res: Response) => ({ status: res.status, ...((await res.json()) as { error: { code: string; path?: string; message: string } }).error });

describe("ingestion refuses what PostgreSQL cannot store, naming the field", () => {
  it("NUL and unpaired surrogates in values and keys, deep nesting: 400 with the path, nothing stored", async () => {
    const { post, stored } = await setup();
    const cases: [Parameters<typeof ingestionRoute>[0], string, string][] = [
      ["track", '{"userId":"a","event":"a\\u0000b"}', "event"],
      ["identify", '{"userId":"a","traits":{"name":"x\\u0000"}}', "traits.name"],
      ["track", '{"userId":"a","event":"e","properties":{"k\\u0000":1}}', "properties.k\\u0000"],
      ["track", '{"userId":"a","event":"\\ud800"}', "event"],
      ["identify", '{"userId":"\\udc00x"}', "userId"],
      ["batch", '{"batch":[{"type":"track","userId":"a","event":"ok"},{"type":"track","userId":"a","event":"ok","properties":{"\\u0000":1}}]}', "batch[1].properties.\\u0000"],
      ["batch", '{"batch":[{"type":"track","userId":"a","event":"ok"},{"type":"track","userId":"a","event":"b\\u0000"}]}', "batch[1].event"],
    ];
    for (const [type, body, path] of cases) {
      const error = await errorOf(await post(type, body));
      expect(error, body).toMatchObject({ status: 400, code: "BAD_REQUEST", path });
    }
    const deep = await errorOf(await post("track", `{"userId":"a","event":"e","properties":{"x":${"[".repeat(5000)}${"]".repeat(5000)}}}`));
    expect(deep).toMatchObject({ status: 400, message: expect.stringMatching(/nested deeper than 64 levels/) });
    const notUtf8 = await errorOf(await post("track", new Uint8Array([...Buffer.from('{"userId":"a","event":"'), 0xed, 0xa0, 0x80, 0x22, 0x7d])));
    expect(notUtf8).toMatchObject({ status: 400, path: "body" });
    expect(await stored()).toEqual({ events: 0, profiles: 0 });
    expect((await post("track", '{"userId":"a","event":"\\ud83d\\ude00 ok"}')).status).toBe(200);
  });

  it("cuts an endless body at the limit and refuses a declared oversize unread: 413 naming the limit", async () => {
    const { post, stored } = await setup();
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled++;
          controller.enqueue(new TextEncoder().encode(pulled === 1 ? '{"userId":"a","event":"e","properties":{"x":"' : "x".repeat(8192)));
        },
        cancel: () => void (cancelled = true),
      },
      { highWaterMark: 0 },
    );
    const cut = await errorOf(await post("batch", endless));
    expect(cut).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE", message: "The body is larger than the limit of 500 KB" });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(500 / 8 + 3);
    const declared = await errorOf(await post("track", "{}", { "content-length": String(256 * 1024 * 1024) }));
    expect(declared).toMatchObject({ status: 413, message: "The body is larger than the limit of 32 KB" });
    expect(await stored()).toEqual({ events: 0, profiles: 0 });
  });
});
