import { describe, expect, it } from "vitest";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { createApiKey } from "./manage-api-keys";
import { DEFAULT_RATE_LIMIT, takeRateLimit } from "./rate-limit";
import { getRateLimit, setRateLimit } from "./rate-limit-settings";
import { withWorkspace } from "./with-workspace";

const ping = withWorkspace(async () => Response.json({ ok: true }), { keys: ["secret"] });
const call = (key: string) => ping(new Request("http://x/api/v1/ping", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });

describe("per-key REST rate limits", () => {
  it("sends RateLimit headers, answers 429 with Retry-After past the workspace's limit, for that key only", async () => {
    const { workspace } = await createTeam("Limited");
    const limited = await createApiKey(workspace.id, { name: "Busy", kind: "secret" }, cliActor);
    const other = await createApiKey(workspace.id, { name: "Quiet", kind: "secret" }, cliActor);
    await setRateLimit(workspace.id, { requestsPerWindow: 3, windowSeconds: 3600 }, cliActor);

    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(limited.key));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((r) => r.headers.get("RateLimit-Remaining"))).toEqual(["2", "1", "0", "0"]);
    expect(answers[0]!.headers.get("RateLimit-Limit")).toBe("3");
    const reset = Number(answers[3]!.headers.get("RateLimit-Reset"));
    expect(reset).toBeGreaterThan(0);
    expect(reset).toBeLessThanOrEqual(3600);
    expect(answers[3]!.headers.get("Retry-After")).toBe(String(reset));
    expect(await answers[3]!.json()).toMatchObject({ error: { code: "TOO_MANY_REQUESTS" } });
    expect(answers[0]!.headers.get("Retry-After")).toBeNull();

    const quiet = await call(other.key);
    expect(quiet.status).toBe(200);
    expect(quiet.headers.get("RateLimit-Remaining")).toBe("2");
  });

  it("uses the default limit until the workspace sets one, and refuses bad settings naming the field", async () => {
    const { workspace } = await createTeam("Default");
    expect(await getRateLimit(workspace.id)).toEqual({ ...DEFAULT_RATE_LIMIT, isDefault: true });
    const { key } = await createApiKey(workspace.id, { name: "K", kind: "secret" }, cliActor);
    expect((await call(key)).headers.get("RateLimit-Limit")).toBe(String(DEFAULT_RATE_LIMIT.requestsPerWindow));
    await expect(setRateLimit(workspace.id, { requestsPerWindow: 0, windowSeconds: 60 }, cliActor)).rejects.toThrow(/requestsPerWindow/);
    await expect(setRateLimit(workspace.id, { requestsPerWindow: 10, windowSeconds: 86_400 }, cliActor)).rejects.toThrow(/windowSeconds/);
  });

  it("counts concurrent requests exactly (one upsert each) and costs little per request", async () => {
    const { workspace } = await createTeam("Concurrent");
    const { id } = await createApiKey(workspace.id, { name: "K", kind: "secret" }, cliActor);
    await setRateLimit(workspace.id, { requestsPerWindow: 50, windowSeconds: 3600 }, cliActor);
    const started = performance.now();
    const states = await Promise.all(Array.from({ length: 80 }, () => takeRateLimit(workspace.id, id)));
    const perRequestMs = (performance.now() - started) / 80;
    expect(states.filter((s) => !s.exceeded)).toHaveLength(50);
    expect(new Set(states.map((s) => s.remaining)).size).toBe(50);
    console.log(`rate limit: ${perRequestMs.toFixed(2)} ms per request (80 concurrent)`);
  });
});
