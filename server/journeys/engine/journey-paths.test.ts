import { optInToSms } from "@/test/fixtures";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { audienceMembers, profileIdentities, profiles, pushSubscriptions } from "@/db/schema";
import { recordMessageEvent } from "@/server/messaging/message-events";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";

let h: Awaited<ReturnType<typeof journeyHarness>>;
beforeAll(async () => {
  h = await journeyHarness("Journey paths");
});

describe("journey.run walks the frozen graph", () => {
  it("seed 1: email -> opened within a day -> purchase -> push; not opened -> follow-up", async () => {
    const opener = await h.profile("opener");
    const buyer = await h.profile("buyer");
    await h.db.insert(pushSubscriptions).values({ workspaceId: h.ws, profileId: buyer, provider: "webpush", endpoint: "https://push.example.com/buyer", keys: { p256dh: "k", auth: "a" } });
    const silent = await h.profile("silent");
    const purchase = await h.definition("Order Completed", 'purchaseMessage == "thank you"');
    const graph = {
      nodes: [
        node("entry", "entry_audience", { audienceId: await h.list([opener, buyer, silent]) }),
        node("first", "message", email("First message")),
        node("opened", "reaction", { messageNodeId: "first", reaction: "opened", timeout: { amount: 1, unit: "days" } }),
        node("purchase", "wait_event", { definitionId: purchase, timeout: { amount: 3, unit: "days" } }),
        node("thanks", "message", { kind: "push", content: { title: "Thank you {{ profile.firstName }}", body: "For {{ event.product }}" } }),
        node("follow", "message", email("Follow-up")),
        node("x1", "exit"), node("x2", "exit"), node("x3", "exit"),
      ],
      edges: [edge("entry", "first"), edge("first", "opened"), edge("opened", "purchase", "reacted"), edge("opened", "follow", "timeout"), edge("purchase", "thanks", "received"), edge("purchase", "x3", "timeout"), edge("thanks", "x1"), edge("follow", "x2")],
    };
    const { journeyId } = await h.publish(graph);
    await h.executor.drain();
    const first = await h.messagesOf(journeyId, "first");
    expect(first.map((m) => m.profileId).sort()).toEqual([opener, buyer, silent].sort());
    expect(first.every((m) => m.status === "delivered")).toBe(true);

    for (const who of [opener, buyer]) await recordMessageEvent(first.find((m) => m.profileId === who)!.id, "opened");
    await h.executor.drain();
    expect((await h.pathOf(journeyId, buyer))?.at).toBe("purchase");
    // A purchase that does not match the rule is not the business event; the matching one is.
    await h.track("buyer", "Order Completed", { purchaseMessage: "meh", product: "Lamp" });
    await h.track("buyer", "Order Completed", { purchaseMessage: "thank you", product: "Lamp" });
    await h.executor.drain();
    await h.clock.add("2h");
    await h.executor.advance("1d");
    await h.executor.advance("3d");

    expect(await h.pathOf(journeyId, buyer)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "opened:opened", "purchase:received", "thanks:delivered", "x1:exited"] });
    expect(await h.pathOf(journeyId, opener)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "opened:opened", "purchase:timeout", "x3:exited"] });
    expect(await h.pathOf(journeyId, silent)).toMatchObject({ status: "completed", steps: ["entry:entered", "first:delivered", "opened:timeout", "follow:delivered", "x2:exited"] });
    const [thanks] = await h.messagesOf(journeyId, "thanks");
    expect(thanks?.content).toMatchObject({ title: "Thank you buyer", body: "For Lamp" });
    expect(await h.messagesOf(journeyId, "follow")).toHaveLength(1);
  });
});

describe("splits and actions", () => {
  it("seed 2: email -> wait 3 days -> clicked / opened / neither, each its own way", async () => {
    const [clicker, reader, ignorer] = [await h.profile("clicker", {}, false), await h.profile("reader"), await h.profile("ignorer")];
    await h.db.update(profiles).set({ attributes: { firstName: "reader", phone: "+15551230000" } }).where(eq(profiles.id, reader));
    await h.db.insert(profileIdentities).values({ workspaceId: h.ws, namespace: "phone", value: "+15551230000", profileId: reader });
    await optInToSms(h.ws, [reader]);
    const engaged = await h.list([]);
    const graph = {
      nodes: [
        node("entry", "entry_audience", { audienceId: await h.list([clicker, reader, ignorer]) }),
        node("offer", "message", { kind: "email", content: { subject: "Offer", html: '<p><a href="https://shop.example.com/offer">See the offer</a></p>' } }),
        node("wait", "wait", { mode: "duration", duration: { amount: 3, unit: "days" } }),
        node("split", "condition", { branches: [
          { id: "clicked", label: "Clicked", condition: { type: "message", messageNodeId: "offer", behaviour: "clicked" } },
          { id: "opened", label: "Opened, no click", condition: { type: "message", messageNodeId: "offer", behaviour: "opened" } },
        ] }),
        node("engaged", "list", { action: "add", listId: engaged }),
        node("sms", "message", { kind: "sms", content: { text: "Still thinking about it, {{ profile.firstName }}?" } }),
        node("reminder", "message", email("Reminder")),
        node("x1", "exit"), node("x2", "exit"), node("x3", "exit"),
      ],
      edges: [edge("entry", "offer"), edge("offer", "wait"), edge("wait", "split"), edge("split", "engaged", "clicked"), edge("split", "sms", "opened"), edge("split", "reminder", "others"), edge("engaged", "x1"), edge("sms", "x2"), edge("reminder", "x3")],
    };
    const { journeyId } = await h.publish(graph);
    await h.executor.drain();
    const offers = await h.messagesOf(journeyId, "offer");
    await recordMessageEvent(offers.find((m) => m.profileId === clicker)!.id, "clicked", { url: "https://shop.example.com/offer" });
    await recordMessageEvent(offers.find((m) => m.profileId === reader)!.id, "opened");
    await h.executor.advance("2d");
    expect((await h.pathOf(journeyId, clicker))?.at).toBe("wait");
    await h.executor.advance("1d");
    expect((await h.pathOf(journeyId, clicker))?.steps).toEqual(["entry:entered", "offer:delivered", "wait:waited", "split:Clicked", "engaged:added", "x1:exited"]);
    expect((await h.pathOf(journeyId, reader))?.steps.slice(3)).toEqual(["split:Opened, no click", "sms:delivered", "x2:exited"]);
    expect((await h.pathOf(journeyId, ignorer))?.steps.slice(3)).toEqual(["split:All others", "reminder:delivered", "x3:exited"]);
    expect((await h.db.select().from(audienceMembers).where(eq(audienceMembers.audienceId, engaged))).map((m) => m.profileId)).toEqual([clicker]);
    expect((await h.messagesOf(journeyId, "sms"))[0]?.content).toMatchObject({ text: "Still thinking about it, reader?" });
  });

  it("attribute and audience branches, a stable random split, attribute updates", async () => {
    const ids = await Promise.all(["g1", "g2", "s1", "s2", "s3", "s4"].map((x) => h.profile(`split-${x}`, { tier: x.startsWith("g") ? "Gold" : "Silver" })));
    const vip = await h.list([ids[2]!]);
    const graph = {
      nodes: [
        node("entry", "entry_audience", { audienceId: await h.list(ids) }),
        node("split", "condition", { branches: [
          { id: "gold", label: "Gold", condition: { type: "rules", rules: { kind: "group", combinator: "and", rules: [{ kind: "attribute", key: "tier", op: "equals", value: "Gold" }] } } },
          { id: "vip", label: "VIP list", condition: { type: "audience", audienceId: vip } },
        ] }),
        node("ab", "random", { branches: [{ id: "a", label: "A", percent: 50 }, { id: "b", label: "B", percent: 50 }] }),
        node("mark", "update_attribute", { key: "journeyTier", value: "gold-path" }),
        node("x1", "exit"), node("x2", "exit"), node("x3", "exit"), node("x4", "exit"),
      ],
      edges: [edge("entry", "split"), edge("split", "mark", "gold"), edge("split", "x2", "vip"), edge("split", "ab", "others"), edge("ab", "x3", "a"), edge("ab", "x4", "b"), edge("mark", "x1")],
    };
    const { journeyId } = await h.publish(graph);
    await h.executor.drain();
    for (const g of ids.slice(0, 2)) expect((await h.pathOf(journeyId, g))?.steps).toEqual(["entry:entered", "split:Gold", "mark:updated", "x1:exited"]);
    expect((await h.pathOf(journeyId, ids[2]!))?.steps).toEqual(["entry:entered", "split:VIP list", "x2:exited"]);
    const [marked] = await h.db.select().from(profiles).where(eq(profiles.id, ids[0]!));
    expect(marked?.attributes).toMatchObject({ journeyTier: "gold-path", tier: "Gold" });
    const { pickRandomBranch } = await import("./conditions");
    for (const p of ids.slice(3)) {
      const expected = pickRandomBranch(p, "ab", { branches: [{ id: "a", label: "A", percent: 50 }, { id: "b", label: "B", percent: 50 }] }).label;
      expect((await h.pathOf(journeyId, p))?.steps[2]).toBe(`ab:${expected}`);
    }
  });
});
