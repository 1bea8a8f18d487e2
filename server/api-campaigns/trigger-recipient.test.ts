import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { findProfileId, getProfile } from "@/server/profiles/get-profile";
import { createTeam } from "@/test/fixtures";
import { triggerRecipient, triggerRecipients } from "./trigger-recipient";

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

  it("resolves a group in order: returning ones merged in request order, two requests for one new address on one profile", async () => {
    const { workspace } = await createTeam("Recipient group");
    const db = await getDb();
    const known = await triggerRecipient(db, workspace.id, { email: "kim@example.com", attributes: { plan: "free" } });
    const ids = await triggerRecipients(db, workspace.id, [
      { email: "kim@example.com", attributes: { plan: "pro" } },
      { email: "new@example.com", attributes: { seats: 1 } },
      { email: "kim@example.com", attributes: { plan: "team", seats: 5 } },
      { email: "NEW@example.com", attributes: { seats: 2 } },
    ]);
    expect(ids[0]).toBe(known);
    expect(ids[2]).toBe(known);
    expect(ids[3]).toBe(ids[1]);
    expect(ids[1]).not.toBe(known);
    expect((await getProfile(workspace.id, known)).attributes).toEqual({ email: "kim@example.com", plan: "team", seats: 5 });
    expect((await getProfile(workspace.id, ids[1]!)).attributes).toEqual({ email: "new@example.com", seats: 2 });
  });
});
