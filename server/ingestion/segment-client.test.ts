import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Analytics } from "@segment/analytics-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { findProfileId, getProfile, profileTimeline } from "@/server/profiles/get-profile";
import { createTeam } from "@/test/fixtures";
import { POST as batchRoute } from "@/app/v1/batch/route";

// The stock Segment Node client, pointed at Parcours with only `host` changed.
let server: Server;
let host: string;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const response = req.url?.startsWith("/v1/batch") ? await batchRoute(request, { params: Promise.resolve({}) }) : new Response("not found", { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("@segment/analytics-node against Parcours", () => {
  it("identify + track + alias end up on the profile", async () => {
    const { workspace } = await createTeam("Segment");
    const { key } = await createApiKey(workspace.id, { name: "node", kind: "write" }, cliActor);
    const errors: unknown[] = [];
    const analytics = new Analytics({ writeKey: key, host, path: "/v1/batch", flushAt: 1, maxRetries: 0 });
    analytics.on("error", (e) => errors.push(e));
    analytics.track({ anonymousId: "visitor-7", event: "Viewed Pricing", properties: { plan: "pro" } });
    analytics.identify({ userId: "cust-42", traits: { email: "grace@example.com", city: "San Francisco", birthYear: 1990 } });
    analytics.alias({ previousId: "visitor-7", userId: "cust-42" });
    analytics.track({ userId: "cust-42", event: "purchase", properties: { product: "Shoes", purchaseId: "p-1", purchaseMessage: "thank you" } });
    await analytics.closeAndFlush({ timeout: 10_000 });
    expect(errors).toEqual([]);

    const id = (await findProfileId(workspace.id, "external_id", "cust-42"))!;
    expect(await findProfileId(workspace.id, "anonymous_id", "visitor-7")).toBe(id);
    expect(await findProfileId(workspace.id, "email", "grace@example.com")).toBe(id);
    expect((await getProfile(workspace.id, id)).attributes).toMatchObject({ city: "San Francisco", birthYear: 1990 });
    const { events } = await profileTimeline(workspace.id, id);
    expect(events.map((e) => e.name).filter(Boolean).sort()).toEqual(["Viewed Pricing", "purchase"]);
    expect(events.find((e) => e.name === "purchase")?.properties).toMatchObject({ purchaseMessage: "thank you" });
  });
});
