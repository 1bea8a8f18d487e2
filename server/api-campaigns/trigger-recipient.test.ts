import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findProfileId, getProfile } from "@/server/profiles/get-profile";
import { createTeam } from "@/test/fixtures";
import { triggerRecipient } from "./trigger-recipient";

describe("the recipient of an API trigger", () => {
  it("is created, then found again with new attributes merged, then linked to a new identity", async () => {
    const { workspace } = await createTeam("Recipients");
    const db = await getDb();
    const created = await triggerRecipient(db, workspace.id, { email: "Ada@Example.com", attributes: { plan: "free" } });
    expect(await triggerRecipient(db, workspace.id, { email: "ada@example.com", attributes: { plan: "pro", seats: 3 } })).toBe(created);
    expect((await getProfile(workspace.id, created)).attributes).toEqual({ email: "ada@example.com", plan: "pro", seats: 3 });
    // Unchanged attributes: the returning recipient's row is not rewritten.
    const before = (await getProfile(workspace.id, created)).updatedAt;
    expect(before).toBeInstanceOf(Date);
    expect(await triggerRecipient(db, workspace.id, { email: "ada@example.com", attributes: { plan: "pro" } })).toBe(created);
    expect((await getProfile(workspace.id, created)).updatedAt).toEqual(before);
    // An identity not seen before goes through resolution and lands on the same profile.
    expect(await triggerRecipient(db, workspace.id, { email: "ada@example.com", externalId: "u-ada" })).toBe(created);
    expect(await findProfileId(workspace.id, "external_id", "u-ada")).toBe(created);
    // Two identities on two profiles are not taken as a returning recipient.
    const other = await triggerRecipient(db, workspace.id, { externalId: "u-other" });
    expect(other).not.toBe(created);
    const both = await triggerRecipient(db, workspace.id, { email: "ada@example.com", externalId: "u-other" });
    expect([created, other]).toContain(both);
  });
});
