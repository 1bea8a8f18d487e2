import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET as click } from "@/app/t/c/[token]/route";
import { GET as open } from "@/app/t/o/[token]/route";
import { getDb } from "@/db/client";
import { messages, profileIdentities, profiles } from "@/db/schema";
import { setEmbeddedHearing, setEmbeddedSend } from "@/server/workflows/client";
import { createTeam } from "@/test/fixtures";
import { sendMessage } from "./send-message";

const SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
const visit = (route: typeof open, token: string, userAgent: string) => route(new Request("http://x", { headers: { "user-agent": userAgent } }), { params: Promise.resolve({ token }) });

describe("machine opens and clicks", () => {
  it("are kept in the history but tell no journey: only a person's open and click are reactions", async () => {
    const { workspace } = await createTeam("Machine reactions");
    const db = await getDb();
    const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: {} }).returning({ id: profiles.id });
    await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "email", value: "ada@example.com", profileId: p!.id });
    const sent = await sendMessage({ workspaceId: workspace.id, kind: "email", profileId: p!.id, content: { subject: "Hi", html: '<p><a href="https://shop.example/">Shop</a></p>' }, source: { type: "journey", id: "j", stepId: "n" } });
    const html = String((await db.select().from(messages).where(eq(messages.id, sent.messageId)))[0]!.content!.html);
    const published: { name: string; data?: Record<string, unknown> }[] = [];
    setEmbeddedHearing(async () => true);
    setEmbeddedSend(async (events) => (published.push(...events), events.map(() => "id")));

    await visit(open, /\/t\/o\/([\w.-]+)/.exec(html)![1]!, "Mozilla/5.0"); // Apple's proxy, as the message arrives
    await visit(click, /\/t\/c\/([\w.-]+)/.exec(html)![1]!, "curl/8.5.0"); // a scanner, seconds after the send
    expect(published).toEqual([]);
    await visit(open, /\/t\/o\/([\w.-]+)/.exec(html)![1]!, SAFARI);
    await visit(click, /\/t\/c\/([\w.-]+)/.exec(html)![1]!, SAFARI);
    expect(published.map((e) => [e.name, e.data?.type])).toEqual([["parcours/message.event", "opened"], ["parcours/message.event", "clicked"]]);
  });
});
