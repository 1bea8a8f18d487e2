import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { createTeam } from "@/test/fixtures";
import { expireMessages } from "./expire-messages";

describe("expireMessages", () => {
  it("finds deferred messages by any key, whatever characters a client put in it (an Idempotency-Key with a tab, quotes, a backslash)", async () => {
    const { workspace } = await createTeam("Expiry keys");
    const db = await getDb();
    const keys = ["campaign:c:with\ttab:p", 'campaign:c:"quoted" \\ back:p', "campaign:c:plain:p"];
    const rows = await db
      .insert(messages)
      .values(keys.map((idempotencyKey) => ({ workspaceId: workspace.id, pluginId: "dev-inbox", kind: "email", sourceType: "campaign" as const, idempotencyKey, status: "deferred" as const, deferredUntil: new Date() })))
      .returning({ id: messages.id });
    expect(await expireMessages(db, workspace.id, { keys }, "Too late")).toHaveLength(3);
    const after = await db.select({ status: messages.status }).from(messages).where(eq(messages.workspaceId, workspace.id));
    expect(after.map((m) => m.status)).toEqual(rows.map(() => "expired"));
  });
});
