import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as click } from "@/app/t/c/[token]/route";
import { GET as open } from "@/app/t/o/[token]/route";
import { POST as unsubscribe } from "@/app/t/u/[token]/route";
import { getDb } from "@/db/client";
import { messageEvents, messages, profileIdentities, profiles, suppressions } from "@/db/schema";
import { createTeam, optInToSms } from "@/test/fixtures";
import { sendMessage } from "./send-message";
import { signTrackingToken } from "./tracking-token";

const route = (token: string) => ({ params: Promise.resolve({ token }) });
const tokenIn = (html: string, kind: "o" | "c" | "u") => new RegExp(`/t/${kind}/([A-Za-z0-9_.-]+)`).exec(html)![1]!;

describe("tracking endpoints", () => {
  it("record opens, clicks and one-click unsubscribes of a real message; forged tokens do nothing", async () => {
    const { workspace } = await createTeam("Tracking");
    const db = await getDb();
    const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: { firstName: "Ada" } }).returning({ id: profiles.id });
    await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "email", value: "ada@example.com", profileId: p!.id });
    const content = { subject: "Sale", html: '<p><a href="https://shop.example/sale?a=1&amp;b=2">Shop</a> <a href="{{ unsubscribe_url }}">Unsubscribe</a></p>' };
    const sent = await sendMessage({ workspaceId: workspace.id, kind: "email", profileId: p!.id, content, source: { type: "campaign", id: "c", stepId: "s" } });
    const [row] = await db.select().from(messages).where(eq(messages.id, sent.messageId));
    const html = String(row!.content!.html);
    expect(html).toContain(`href="http://localhost:3000/t/u/`); // the unsubscribe link is not click-tracked

    const pixel = await open(new Request("http://x"), route(tokenIn(html, "o")));
    expect(pixel.headers.get("content-type")).toBe("image/gif");
    const redirect = await click(new Request("http://x"), route(tokenIn(html, "c")));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe("https://shop.example/sale?a=1&b=2");

    // A link sent before this token format still redirects.
    const legacy = await click(new Request("http://x"), route(signTrackingToken({ a: "click", m: sent.messageId, u: "https://shop.example/old" })));
    expect(legacy.headers.get("location")).toBe("https://shop.example/old");

    const forged = tokenIn(html, "c").replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect((await click(new Request("http://x"), route(forged))).status).toBe(404);
    const otherMessage = Buffer.from(crypto.randomUUID().replace(/-/g, ""), "hex").toString("base64url");
    expect((await click(new Request("http://x"), route(tokenIn(html, "c").replace(/^[^.]+/, otherMessage)))).status).toBe(404);
    expect((await open(new Request("http://x"), route("nonsense"))).status).toBe(200);
    expect((await unsubscribe(new Request("http://x", { method: "POST" }), route(tokenIn(html, "c")))).status).toBe(404); // a click token cannot unsubscribe

    const oneClick = await unsubscribe(new Request("http://x", { method: "POST", body: "List-Unsubscribe=One-Click" }), route(tokenIn(html, "u")));
    expect(await oneClick.json()).toEqual({ unsubscribed: true, channel: "email" });
    const history = (await db.select().from(messageEvents).where(eq(messageEvents.messageId, sent.messageId))).map((e) => e.type);
    expect(history).toEqual(["sent", "delivered", "opened", "clicked", "clicked", "unsubscribed"]);
    expect(await db.select().from(suppressions).where(eq(suppressions.workspaceId, workspace.id))).toMatchObject([{ address: "ada@example.com", reason: "unsubscribed" }]);

    const next = await sendMessage({ workspaceId: workspace.id, kind: "email", profileId: p!.id, content, source: { type: "campaign", id: "c2", stepId: "s" } });
    expect(next.status).toBe("suppressed");
  });
});

describe("SMS short links", () => {
  it("shorten links in the text, and count a click when followed", async () => {
    const { GET: follow } = await import("@/app/s/[code]/route");
    const { workspace } = await createTeam("Short links");
    const db = await getDb();
    const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: {} }).returning({ id: profiles.id });
    await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "phone", value: "+15551230000", profileId: p!.id });
    await optInToSms(workspace.id, [p!.id]);
    const sent = await sendMessage({ workspaceId: workspace.id, kind: "sms", profileId: p!.id, content: { text: "Sale! https://shop.example/sale?utm=sms. Reply STOP" }, source: { type: "campaign", id: "c", stepId: "s" } });
    const [row] = await db.select().from(messages).where(eq(messages.id, sent.messageId));
    const text = String(row!.content!.text);
    const code = /\/s\/([A-Za-z0-9]{8})\. Reply STOP$/.exec(text)![1]!;
    const res = await follow(new Request("http://x"), { params: Promise.resolve({ code }) });
    expect(res.headers.get("location")).toBe("https://shop.example/sale?utm=sms");
    expect((await follow(new Request("http://x"), { params: Promise.resolve({ code: "ZZZZZZZZ" }) })).status).toBe(404);
    const history = (await db.select().from(messageEvents).where(eq(messageEvents.messageId, sent.messageId))).map((e) => e.type);
    expect(history).toEqual(["sent", "delivered", "clicked"]);
  });
});
