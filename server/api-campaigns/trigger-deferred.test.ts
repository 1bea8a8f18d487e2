import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as trigger } from "@/app/api/v1/campaigns/[id]/trigger/route";
import { GET as getMessageRoute } from "@/app/api/v1/messages/[id]/route";
import { getDb } from "@/db/client";
import { campaigns, messages } from "@/db/schema";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { getMessage } from "@/server/messaging/list-messages";
import { updateMessagingSettings } from "@/server/messaging/messaging-settings";
import { VirtualClock } from "@/server/workflows/embedded/clock";
import type { EmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { createTeam } from "@/test/fixtures";

// 22:30 UTC tomorrow: inside quiet hours 21:00-08:00 (workspace zone UTC).
const night = new Date();
night.setUTCDate(night.getUTCDate() + 1);
night.setUTCHours(22, 30, 0, 0);
const morning = new Date(night.getTime() + 9.5 * 3_600_000);
let executor: EmbeddedExecutor;

beforeAll(async () => {
  executor = await createAppExecutor({ clock: new VirtualClock(night) });
});

describe("a marketing trigger in quiet hours", () => {
  it("answers 202 deferred with the time it will go, and is sent then with its own context", async () => {
    const { workspace } = await createTeam("Deferred triggers");
    await updateMessagingSettings(workspace.id, { frequencyCap: null, quietHours: { start: "21:00", end: "08:00" }, defaultTimezone: "UTC" }, cliActor);
    const secret = await createApiKey(workspace.id, { name: "server", kind: "secret" }, cliActor);
    const db = await getDb();
    const [campaign] = await db
      .insert(campaigns)
      .values({ workspaceId: workspace.id, name: "Back in stock", type: "api", apiMode: "marketing", status: "active", kind: "email", content: { subject: "{{ context.product }} is back", html: "<p>Hi {{ profile.firstName }}, {{ context.product }} is back.</p>" } })
      .returning();
    const call = (product: string, key: string) =>
      trigger(new Request(`http://x/api/v1/campaigns/${campaign!.id}/trigger`, { method: "POST", body: JSON.stringify({ recipient: { email: `${key}@example.com`, attributes: { firstName: key } }, context: { product } }), headers: { authorization: `Bearer ${secret.key}`, "idempotency-key": key } }), { params: Promise.resolve({ id: campaign!.id }) });

    const first = await call("Lamp", "ana");
    expect(first.status).toBe(202);
    const answer = (await first.json()) as { messageId: string; status: string; deferredUntil: string };
    expect(answer).toMatchObject({ status: "deferred", deferredUntil: morning.toISOString() });
    // The same key replays the same answer; nothing is deferred twice.
    expect(await (await call("Lamp", "ana")).json()).toEqual(answer);
    const other = (await (await call("Desk", "ben")).json()) as { messageId: string };

    await executor.advance("9h");
    expect((await db.select().from(messages).where(eq(messages.id, answer.messageId)))[0]!.status).toBe("deferred");
    await executor.advance("1h");
    const res = await getMessageRoute(new Request(`http://x/api/v1/messages/${answer.messageId}`, { headers: { authorization: `Bearer ${secret.key}` } }), { params: Promise.resolve({ id: answer.messageId }) });
    expect(await res.json()).toMatchObject({ status: "delivered", history: [{ type: "deferred" }, { type: "sent" }, { type: "delivered" }] });
    expect(String((await getMessage(workspace.id, answer.messageId)).content!.html)).toContain("Hi ana, Lamp is back.");
    expect(String((await getMessage(workspace.id, other.messageId)).content!.html)).toContain("Hi ben, Desk is back.");
    expect(await db.select().from(messages).where(eq(messages.sourceId, campaign!.id))).toHaveLength(2);
  });
});
