import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { POST as trigger } from "@/app/api/v1/campaigns/[id]/trigger/route";
import { getDb } from "@/db/client";
import { campaigns, messages, profileIdentities, profiles, suppressions } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { getMessage } from "./list-messages";
import { sendMessage } from "./send-message";

// A template shared with marketing sends: its unsubscribe link must not reach a transactional email.
const RESET = {
  subject: "Reset your password",
  html: '<p>Hi {{ profile.firstName | default: "there" }}, <a href="{{ context.resetUrl }}">reset it here</a>.</p><p>Not interested? <a class="u" href="{{ unsubscribe_url }}">Unsubscribe</a></p><p>Manage: {{ unsubscribe_url }}</p>',
};

// What the channel plugin is handed, as it is handed it.
const delivered = vi.hoisted(() => [] as { html: string; text: string; headers?: Record<string, string> }[]);
vi.mock("./deliver", async (original) => {
  const real = await original<typeof import("./deliver")>();
  return { ...real, deliverAll: (...args: Parameters<typeof real.deliverAll>) => (delivered.push(...args[2].map((d) => d.rendered as (typeof delivered)[number])), real.deliverAll(...args)) };
});

async function setup(apiMode: "transactional" | "marketing") {
  const { workspace } = await createTeam(`Transactional ${crypto.randomUUID().slice(0, 4)}`);
  const db = await getDb();
  const [campaign] = await db.insert(campaigns).values({ workspaceId: workspace.id, name: "Password reset", type: "api", apiMode, status: "active", kind: "email", content: RESET }).returning();
  const secret = await createApiKey(workspace.id, { name: "server", kind: "secret" }, cliActor);
  const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: { firstName: "Ada" } }).returning({ id: profiles.id });
  await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "email", value: "ada@example.com", profileId: p!.id });
  const call = async (key: string) => {
    const res = await trigger(
      new Request(`http://x/api/v1/campaigns/${campaign!.id}/trigger`, {
        method: "POST",
        body: JSON.stringify({ recipient: { email: "ada@example.com" }, context: { resetUrl: "https://app.example/reset/abc" } }),
        headers: { authorization: `Bearer ${secret.key}`, "idempotency-key": key },
      }),
      { params: Promise.resolve({ id: campaign!.id }) },
    );
    expect(res.status).toBe(202);
    const { messageId } = (await res.json()) as { messageId: string };
    const [row] = await db.select().from(messages).where(eq(messages.id, messageId));
    return row!;
  };
  const lastSent = () => delivered.at(-1)!;
  return { workspace, profileId: p!.id, db, call, lastSent };
}

describe("transactional messages", () => {
  it("carry no List-Unsubscribe headers and no unsubscribe link; marketing ones of the same template do", async () => {
    const { workspace, call, lastSent } = await setup("transactional");
    const sent = await call("reset-1");
    expect([sent.status, sent.error]).toEqual(["delivered", null]);
    const email = lastSent();
    expect(email.headers ?? {}).toEqual({});
    expect(email.html).toContain("reset it here");
    expect(email.html).not.toMatch(/\/t\/u\/|Unsubscribe|class="u"/);
    expect(email.html).toContain("<p>Manage: </p>");
    expect(email.text).not.toMatch(/\/t\/u\/|Unsubscribe/);
    // As the app shows it again later, too.
    const shown = (await getMessage(workspace.id, sent.id)).content!;
    expect(shown.headers ?? {}).toEqual({});
    expect(String(shown.html)).not.toMatch(/\/t\/u\/|Unsubscribe/);

    const marketing = await setup("marketing");
    await marketing.call("promo-1");
    const promo = marketing.lastSent();
    expect(promo.headers).toMatchObject({ "List-Unsubscribe": expect.stringMatching(/^<http.*\/t\/u\/.+>$/), "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect(promo.html).toMatch(/class="u" href="http[^"]*\/t\/u\//);
  });

  it("still reach a profile that unsubscribed from marketing email; a bounce or complaint still stops them", async () => {
    const { workspace, profileId, db, call } = await setup("transactional");
    const marketing = await sendMessage({ workspaceId: workspace.id, kind: "email", profileId, content: RESET, source: { type: "campaign", id: "promo", stepId: "s" } });
    const { recordMessageEvent } = await import("./message-events");
    await recordMessageEvent(marketing.messageId, "unsubscribed");
    expect(await db.select({ reason: suppressions.reason }).from(suppressions).where(eq(suppressions.workspaceId, workspace.id))).toEqual([{ reason: "unsubscribed" }]);
    expect((await sendMessage({ workspaceId: workspace.id, kind: "email", profileId, content: RESET, source: { type: "campaign", id: "promo-2", stepId: "s" } })).status).toBe("suppressed");

    expect((await call("after-unsubscribe")).status).toBe("delivered");

    for (const reason of ["bounced", "complained"] as const) {
      await db.update(suppressions).set({ reason }).where(eq(suppressions.workspaceId, workspace.id));
      const refused = await call(`after-${reason}`);
      expect(refused.status).toBe("suppressed");
      expect(refused.error).toContain(`suppression list (${reason})`);
    }
  });
});
