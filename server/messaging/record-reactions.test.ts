import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messageEvents, profileIdentities, profiles } from "@/db/schema";
import { setEmbeddedHearing, setEmbeddedSend } from "@/server/workflows/client";
import { createTeam } from "@/test/fixtures";
import { recordMessageEvent } from "./message-events";
import { sendMessage } from "./send-message";

describe("opens and clicks recorded together", () => {
  it("a burst is stored in full and told to the workflows in one publish; each caller gets its own message; a bad id gets null", async () => {
    const { workspace } = await createTeam("Reactions together");
    const db = await getDb();
    const sent: string[] = [];
    for (const name of ["ada", "bob"]) {
      const [p] = await db
        .insert(profiles)
        .values({ workspaceId: workspace.id, attributes: {} })
        .returning({ id: profiles.id });
      await db
        .insert(profileIdentities)
        .values({
          workspaceId: workspace.id,
          namespace: "email",
          value: `${name}@example.com`,
          profileId: p!.id,
        });
      sent.push(
        (
          await sendMessage({
            workspaceId: workspace.id,
            kind: "email",
            profileId: p!.id,
            content: { subject: "Hi", html: "<p>Hi</p>" },
            source: { type: "campaign", id: "c", stepId: "n" },
          })
        ).messageId,
      );
    }
    const publishes: { type?: unknown }[][] = [];
    setEmbeddedHearing(async () => true);
    setEmbeddedSend(
      async (events) => (
        publishes.push(events.map((e) => ({ type: e.data?.type }))),
        events.map(() => "id")
      ),
    );
    const calls = Array.from({ length: 60 }, (_, i) =>
      recordMessageEvent(
        sent[i % 2]!,
        i % 3 === 0 ? "clicked" : "opened",
        i % 3 === 0 ? { url: "https://shop.example/" } : {},
      ),
    );
    const unknown = recordMessageEvent(
      "00000000-0000-4000-8000-000000000000",
      "opened",
    );
    const malformed = recordMessageEvent(
      "not-a-uuid'; drop table messages; --",
      "opened",
    );
    const rows = await Promise.all(calls);
    expect(rows.map((r) => r?.id)).toEqual(
      Array.from({ length: 60 }, (_, i) => sent[i % 2]),
    );
    expect(await unknown).toBeNull();
    expect(await malformed).toBeNull();
    for (const id of sent)
      expect(
        await db
          .select()
          .from(messageEvents)
          .where(eq(messageEvents.messageId, id))
          .then(
            (e) =>
              e.filter((x) => x.type === "opened" || x.type === "clicked")
                .length,
          ),
      ).toBe(30);
    expect(publishes).toHaveLength(1);
    expect(publishes[0]).toHaveLength(60);
    // A lone open afterwards is recorded at once, on its own.
    expect((await recordMessageEvent(sent[0]!, "opened"))?.id).toBe(sent[0]);
    expect(publishes).toHaveLength(2);
  });
});
